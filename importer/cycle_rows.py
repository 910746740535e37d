"""The P&C-documenten and Zienswijzen sheets: the documents of the planning-and-control cycle a party sends
to the raden, and the gemeenten's zienswijzen on them with the bestuur's answer (governance).

A document is matched on partij + soort + jaar, and for the kinds a party has several of per year
(begrotingswijziging, overig bestuursbesluit) also on titel; a zienswijze on document + gemeente. The
rules are the models' own (CycleDocument.clean, Opinion.clean and their constraints), checked here
without a query per row, with the models' messages.
"""

from collections import defaultdict

from governance import law
from governance.choices import OPINION_NEEDS_DECISION, OpinionStatus
from governance.models import CycleDocument, Opinion
from governance.models.cycle import REPEATING_KINDS
from partners.choices import LegalForm

from . import values as v
from .columns import DOCUMENTS, OPINIONS

DOCUMENT_FIELDS = ["kind", "year", "title", "sent_on", "opinion_invited", "adopted_on", "sent_to_supervisor_on", "url"]
OPINION_FIELDS = [
    "municipality", "status", "council_decision_on", "sent_on", "text", "url", "board_answer", "answered_on",
]  # fmt: skip
DOCUMENT_MESSAGES = {c.name: c.violation_error_message for c in CycleDocument._meta.constraints}
OPINION_MESSAGES = {c.name: c.violation_error_message for c in Opinion._meta.constraints}
OPINION_HEADERS = {c.key: c.header for c in OPINIONS.columns}


def document_key(kind: str, year: int, title: str) -> tuple:
    """The natural key of a document of one party: the title counts only for the repeating kinds."""
    return (kind, year, v.normalize(title) if kind in REPEATING_KINDS else "")


def _kind_label(kind: str) -> str:
    return dict(CycleDocument._meta.get_field("kind").choices)[kind]


class CycleRows:
    """Part of Plan (plan.py): reading, checking and writing the P&C-documenten and Zienswijzen sheets."""

    def _load_cycle(self):
        self.stored_documents = defaultdict(list)
        for document in CycleDocument.objects.all():
            key = (document.party_id, *document_key(document.kind, document.year, document.title))
            self.stored_documents[key].append(document)
        self.stored_opinions = {}
        if OPINIONS.key in self.by_sheet:
            self.stored_opinions = {(o.document_id, o.municipality_id): o for o in Opinion.objects.all()}

    # --- P&C-documenten --------------------------------------------------------------------------
    def _documents(self):
        sheet_rows = self.rows(DOCUMENTS)
        self.document_index = {}
        seen = {}
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(DOCUMENTS, row)
            if data is None:
                self._document_cell_rules(row, {f: self.partial[f] for f in DOCUMENT_FIELDS if f in self.partial})
                continue
            party = self.party(DOCUMENTS, row, data)
            if party is None:
                continue
            values = {f: data[f] for f in DOCUMENT_FIELDS}
            key = (id(party), *document_key(values["kind"], values["year"], values["title"]))
            if key in seen:
                self._problem(
                    DOCUMENTS,
                    row.number,
                    "Titel" if values["kind"] in REPEATING_KINDS else "Soort",
                    f"Dit document ({_kind_label(values['kind']).lower()} {values['year']} van {party.name}) staat al "
                    f"op rij {seen[key]}"
                    + (
                        "; geef elk document van deze soort in een jaar een eigen titel."
                        if values["kind"] in REPEATING_KINDS
                        else "; een partij heeft één document van deze soort per jaar."
                    ),
                )
                continue
            seen[key] = row.number
            stored = self.stored_documents.get((party.pk, *key[1:]), []) if party.pk else []
            if len(stored) > 1:
                self._problem(
                    DOCUMENTS,
                    row.number,
                    "Titel",
                    f"Het register heeft {len(stored)} documenten “{_kind_label(values['kind']).lower()} "
                    f"{values['year']}” met deze titel bij {party.name}; maak de titels daar eerst verschillend.",
                )
                continue
            if not self._document_rules(row, party, values):
                continue
            existing = stored[0] if stored else None
            obj = existing or CycleDocument(party=party, **values)
            self._record(DOCUMENTS, row, obj, existing is None, values, DOCUMENT_FIELDS)
            self.document_index[key] = obj

    def _document_rules(self, row, party, values) -> bool:
        ok = self._document_cell_rules(row, values)
        if not law.has_cycle(party.legal_form, by_regeling=party.cycle_by_regeling):
            form = LegalForm(party.legal_form).label
            self._problem(
                DOCUMENTS,
                row.number,
                "Partij",
                f"{party.name} volgt geen begrotingscyclus van de Wgr, dus ook geen documenten van die cyclus. "
                f"{law.no_cycle_reason(party.legal_form, form_label=form)}",
            )
            ok = False
        return ok

    def _document_cell_rules(self, row, values) -> bool:
        """The field validators and the dates' order, on the cells that could be read (every error of a row)."""
        unread = [f for f in DOCUMENT_FIELDS if f not in values]
        ok = self._validate(DOCUMENTS, row, CycleDocument(**values), ["party", *unread])
        adopted, supervisor = values.get("adopted_on"), values.get("sent_to_supervisor_on")
        if adopted and supervisor and supervisor < adopted:
            self._problem(
                DOCUMENTS,
                row.number,
                "Verzonden aan de toezichthouder",
                DOCUMENT_MESSAGES["cycle_document_supervisor_after_adoption"],
            )
            ok = False
        return ok

    # --- zienswijzen -----------------------------------------------------------------------------
    def _opinions(self):
        sheet_rows = self.rows(OPINIONS)
        seen = {}
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(OPINIONS, row)
            if data is None:
                # Every error of the row: the document is looked up with the cells that could be read.
                read = {"party_legal_form": "", "document_title": ""} | self.partial
                if all(read.get(k) for k in ("party", "document_kind", "year")):
                    party = self.party(OPINIONS, row, read)
                    if party is not None:
                        self._document_of(row, party, read)
                continue
            party = self.party(OPINIONS, row, data)
            if party is None:
                continue
            document = self._document_of(row, party, data)
            municipality = data["municipality"]
            # Every error of the row: the gemeente's deelname and the dates are checked with the document.
            takes_part = self.participation(OPINIONS, row, party, municipality, "Gemeente") is not None
            values = {f: data[f] for f in OPINION_FIELDS}
            values["status"] = values["status"] or OpinionStatus.NIET_GESTART
            rules_ok = self._opinion_rules(row, document, values)
            if document is None or not (takes_part and rules_ok):
                continue
            key = (id(document), municipality.pk)
            if key in seen:
                self._problem(
                    OPINIONS,
                    row.number,
                    "Gemeente",
                    f"De zienswijze van {municipality.name} op {document} staat al op rij {seen[key]}.",
                )
                continue
            seen[key] = row.number
            existing = self.stored_opinions.get((document.pk, municipality.pk)) if document.pk else None
            obj = existing or Opinion(document=document, **values)
            self._record(OPINIONS, row, obj, existing is None, values, OPINION_FIELDS)

    def _document_of(self, row, party, data):
        """The document a zienswijze is on: on the P&C-documenten sheet, else in the register."""
        key = document_key(data["document_kind"], data["year"], data["document_title"])
        found = self.document_index.get((id(party), *key))
        if found is None and party.pk:
            stored = self.stored_documents.get((party.pk, *key), [])
            found = stored[0] if len(stored) == 1 else None
        if found is None:
            what = f"{_kind_label(data['document_kind']).lower()} {data['year']}"
            if data["document_title"] and data["document_kind"] in REPEATING_KINDS:
                what += f" “{data['document_title']}”"
            self._problem(
                OPINIONS,
                row.number,
                "Soort document",
                f"{party.name} heeft geen document {what}. Zet het document op het tabblad P&C-documenten.",
            )
        return found

    def _opinion_rules(self, row, document, values) -> bool:
        """Field validators and the rules of Opinion.clean() and its constraints, with the model's messages."""
        ok = self._validate(OPINIONS, row, Opinion(**values), ["document", "municipality"])
        decided, sent = values["council_decision_on"], values["sent_on"]
        status = OpinionStatus(values["status"])
        problems = []
        if status in OPINION_NEEDS_DECISION and decided is None:
            problems.append(
                ("council_decision_on", f"Bij de status “{status.label}” hoort de datum van het raadsbesluit.")
            )
        if status == OpinionStatus.VERZONDEN and sent is None:
            problems.append(("sent_on", "Vul in wanneer de zienswijze aan het bestuur is verzonden."))
        if decided and sent and sent < decided:
            problems.append(("sent_on", OPINION_MESSAGES["opinion_sent_after_decision"]))
        if document is not None and document.sent_on and decided and decided < document.sent_on:
            problems.append(
                ("council_decision_on", "Het raadsbesluit ligt vóór de datum waarop het document is verzonden.")
            )
        for name, message in problems:
            self._problem(OPINIONS, row.number, OPINION_HEADERS[name], message)
        return ok and not problems

    def _write_cycle(self):
        self._write(CycleDocument, DOCUMENTS, DOCUMENT_FIELDS)
        self._write(Opinion, OPINIONS, OPINION_FIELDS)
