"""Checking and matching every row against the register, then writing all of it in one transaction.

A Plan reads the whole register it needs in a fixed number of queries, matches rows on natural keys
(a party on KvK-nummer, else on naam + rechtsvorm; a deelname on partij + deelnemer; figures on
partij (+ deelnemer) + jaar + soort; people and seats in representation.py, risks in risk_rows.py,
documents of the cycle and zienswijzen in cycle_rows.py),
and sorts each row into created, updated or unchanged. Only a
plan without problems can be applied; it writes in batches (bulk_create / bulk_update), never per row.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core import formatting
from core.periods import MAX_YEAR, MIN_YEAR
from partners import shares as share_rules
from partners.choices import LegalForm, ParticipantKind, PartyStatus
from partners.models import (
    CENTRAL_PAYS_ITSELF_MESSAGE,
    NO_BALANCE_SHEET_MESSAGE,
    Participant,
    Participation,
    ParticipationFinancials,
    Party,
    PartyFinancials,
    PolicyArea,
)

from . import values as v
from .columns import (
    DOCUMENTS,
    INTERESTS,
    MEASURES,
    OPINIONS,
    PARTICIPATION_FIGURES,
    PARTICIPATIONS,
    PARTIES,
    PARTY_FIGURES,
    POPULATION,
    REPRESENTATIVES,
    RISKS,
    SHEETS,
    UNKNOWNS,
    Sheet,
)
from .cycle_rows import CycleRows
from .interest_rows import InterestRows
from .names import ParticipantNames
from .population_rows import PopulationRows
from .reading import Problem, ReadResult, SheetRows
from .representation import RepresentativeRows
from .risk_rows import RiskRows

BATCH = 500
# The check report shows this many amounts per column entered in thousands or millions.
CONVERSIONS_SHOWN = 3
# The check report shows at most this many names read as another (an alias, an abbreviation).
NAMES_SHOWN = 100
# The reason on every history record an import writes, shown in the wijzigingshistorie.
REASON = "import"
# Constraint messages of the models, reused so the import says what the admin says.
MESSAGES = {c.name: c.violation_error_message for m in (Party, Participation) for c in m._meta.constraints}


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    blank: int = 0

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    # Amounts entered in thousands or millions, as entered and as stored (Plan._note_conversion).
    conversions: list = field(default_factory=list)
    # Names written otherwise than the register writes them, and whom they were read as (Plan._note_name).
    names: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def has_rows(self) -> bool:
        return any(c.rows for c in self.counts.values())

    def as_dict(self) -> dict:
        return {title: vars(c).copy() for title, c in self.counts.items()}

    def lines(self) -> list[str]:
        """The report as plain lines, for the command line."""
        out = []
        for title, c in self.counts.items():
            line = f"{title}: {c.created} nieuw, {c.updated} gewijzigd, {c.unchanged} ongewijzigd"
            out.append(line + (f", {c.blank} lege rijen overgeslagen" if c.blank else ""))
        for p in self.problems:
            where = ", ".join(
                x for x in (p.sheet, f"rij {p.row}" if p.row else "", p.column and f"kolom {p.column}") if x
            )
            out.append(f"Fout — {where}: {p.message}" if where else f"Fout: {p.message}")
        return out


@dataclass
class Change:
    """One row's outcome: the object to write, and whether it is new or which fields changed."""

    obj: object
    new: bool
    changed: list
    row: int
    share_before: Decimal | None = None
    # A seat's row also counts as changed when the person on it changed (representation.py).
    person_news: bool = False


def _current(obj, name):
    """A field's stored value; a foreign key by its id, so comparing does not query."""
    field = obj._meta.get_field(name)
    return getattr(obj, field.attname)


def _comparable(value):
    return value.pk if isinstance(value, Participant | PolicyArea | Participation) else value


class Plan(RepresentativeRows, RiskRows, PopulationRows, CycleRows, InterestRows):
    def __init__(self, read: ReadResult):
        self.report = Report(problems=list(read.problems))
        self.row_year, self.partial, self.refused_parties, self.units = None, {}, {}, {}
        self.cell_at, self.names_seen = None, {}
        self.by_sheet = {s.sheet.key: s for s in read.sheets}
        for sheet in SHEETS:
            if sheet.key in self.by_sheet:
                self.report.counts[sheet.title] = Counts(blank=self.by_sheet[sheet.key].blank_rows)
        self.changes = defaultdict(list)
        if read.sheets and not any(s.rows for s in read.sheets) and not self.report.problems:
            self.report.problems.append(Problem("", None, "", "Het bestand bevat geen rijen om te importeren."))
        if not read.sheets and not self.report.problems:
            self.report.problems.append(Problem("", None, "", "Het bestand bevat geen tabbladen die de import kent."))
        self._load()
        self._parties()
        self._participations()
        self._figures(PARTY_FIGURES, PartyFinancials)
        self._figures(PARTICIPATION_FIGURES, ParticipationFinancials)
        self._representatives()
        self._risks()
        self._measures()
        self._population()
        self._documents()
        self._opinions()
        self._interests()
        self._unknowns()
        self._report_refused_references()
        # File problems first, then sheet by sheet in the file's order, row by row.
        order = {s.label: i for i, s in enumerate(read.sheets)}
        self.report.problems.sort(key=lambda p: (bool(p.sheet), order.get(p.sheet, -1), p.row or 0))

    # --- the register, read once -------------------------------------------------------------
    def _load(self):
        self.names = ParticipantNames(
            Participant.objects.select_related("successor").only(
                "pk", "code", "name", "kind", "started_on", "ended_on", "earlier_names", "successor__name"
            )
        )
        self.areas = {}
        for area in PolicyArea.objects.all():
            self.areas[v.normalize(area.code)] = area
            self.areas[v.normalize(area.name)] = area
        self.parties = list(Party.objects.all())
        years = set()
        for key in (PARTY_FIGURES.key, PARTICIPATION_FIGURES.key):
            for row in self.by_sheet[key].rows if key in self.by_sheet else []:
                try:
                    years.add(v.whole_number(row.values.get("year")))
                except v.CellError:
                    pass
        years.discard(None)
        self.participations = {(p.party_id, p.participant_id): p for p in Participation.objects.all()}
        self.party_figures = (
            {(f.party_id, f.year, f.kind): f for f in PartyFinancials.objects.filter(year__in=years)} if years else {}
        )
        self.participation_figures = (
            {(f.participation_id, f.year, f.kind): f for f in ParticipationFinancials.objects.filter(year__in=years)}
            if years
            else {}
        )
        if REPRESENTATIVES.key in self.by_sheet:
            self._load_representatives()
        if RISKS.key in self.by_sheet or MEASURES.key in self.by_sheet:
            self._load_risks()
        if POPULATION.key in self.by_sheet:
            self._load_population()
        if DOCUMENTS.key in self.by_sheet or OPINIONS.key in self.by_sheet:
            self._load_cycle()
        if INTERESTS.key in self.by_sheet or UNKNOWNS.key in self.by_sheet:
            self._load_interests()

    # --- helpers -------------------------------------------------------------------------------
    def _problem(self, sheet: Sheet, row, column: str, message: str):
        self.report.problems.append(Problem(self.by_sheet[sheet.key].label, row, column, message))

    def participant(self, raw):
        """A deelnemer by code (GM0014, 0014, 14, PV20), name, alias or name without province suffix,
        as it was called in the row's year (importer/names.py)."""
        found = self.names.find(raw, self.row_year)
        code = v.text(raw).upper().replace(" ", "")
        if not (code.isascii() and code.isalnum() and any(ch.isdigit() for ch in code)):  # a code says itself
            self._note_name(raw, found, f"{found.name} {found.code}")
        return found

    def _note_name(self, raw, found, shown: str):
        """A name written otherwise than the register writes it (Den Haag, BNG), and whom it was read as,
        for the check report: a wrong match is seen before confirming. Each name once, with how often it occurs."""
        if self.cell_at is None or v.normalize(v.text(raw)) == v.normalize(found.name):
            return
        key = (v.normalize(v.text(raw)), type(found).__name__, found.pk or id(found))
        if key in self.names_seen:
            self.names_seen[key]["count"] += 1
            return
        if len(self.names_seen) >= NAMES_SHOWN:
            return
        sheet, row, column = self.cell_at
        entry = {"sheet": sheet, "row": row, "column": column, "entered": v.text(raw), "found": shown, "count": 1}
        self.names_seen[key] = entry
        self.report.names.append(entry)

    def municipality(self, raw):
        """A gemeente by CBS-code or name; another kind of deelnemer is refused."""
        found = self.participant(raw)
        if found.kind != ParticipantKind.GEMEENTE:
            raise v.CellError(
                f"{found.name} ({found.code}) is een {found.get_kind_display().lower()}, geen gemeente. Vul een "
                "gemeente in, of laat de cel leeg bij een extern lid."
            )
        return found

    def _cell(self, column, raw, percent):
        kind = column.kind
        if kind in ("text", "url"):
            return v.text(raw)
        if kind == "kvk":
            value = v.text(raw)
            return value.zfill(8) if isinstance(raw, int | float) and value.isdigit() else value
        if kind == "choice":
            return "" if v.is_blank(raw) else v.choice(raw, column.choices, what=column.header.lower())
        if kind == "amount":
            return v.amount(raw, self.units.get(column.key, 1))
        if kind == "percentage":
            return v.percentage(raw, percent_format=percent)
        if kind == "integer":
            return v.whole_number(raw)
        if kind == "year":
            return v.whole_number(raw, low=MIN_YEAR, high=MAX_YEAR)
        if kind == "date":
            return v.day(raw)
        if kind == "yesno":
            return v.yes_no(raw, default=column.default)
        if kind == "participant":
            return None if v.is_blank(raw) else self.participant(raw)
        if kind == "municipality":
            return None if v.is_blank(raw) else self.municipality(raw)
        if kind == "email":
            return v.text(raw)
        if kind == "class":
            return v.score_class(raw, column.labels, what=f"{column.header.lower()}klasse")
        if kind == "policy_area":
            if v.is_blank(raw):
                return None
            area = self.areas.get(v.normalize(v.text(raw)))
            if area is None:
                raise v.CellError(f"Onbekend beleidsveld “{v.text(raw)}”; gebruik de code (0 tot en met 8) of de naam.")
            return area
        if kind == "party":
            return v.text(raw)
        raise AssertionError(kind)

    def _parse(self, sheet: Sheet, row) -> dict | None:
        """The row's values by key, or None after reporting every cell that cannot be read and, for a
        row that refers to a party, whether that party is known: every error of the row at once."""
        parsed, ok = {}, True
        # A name is looked up as it was in the row's year (a figure's Jaar), else as it is this year.
        try:
            self.row_year = v.whole_number(row.values.get("year"), low=MIN_YEAR, high=MAX_YEAR)
        except v.CellError:
            self.row_year = None
        self.units = self.by_sheet[sheet.key].units
        for column in sheet.columns:
            raw = row.values.get(column.key)
            self.cell_at = (self.by_sheet[sheet.key].label, row.number, column.header)
            if column.required and v.is_blank(raw):
                self._problem(sheet, row.number, column.header, f"Verplicht: vul “{column.header}” in.")
                ok = False
                continue
            try:
                parsed[column.key] = self._cell(column, raw, column.key in row.percent_format)
                if column.key in self.units and parsed[column.key] is not None:
                    self._note_conversion(sheet, row, column, raw, parsed[column.key])
            except v.CellError as error:
                self._problem(sheet, row.number, column.header, str(error))
                ok = False
        self.partial = parsed
        if not ok and sheet not in (PARTIES, MEASURES) and parsed.get("party"):
            self.party(sheet, row, parsed)
        return parsed if ok else None

    def _note_conversion(self, sheet: Sheet, row, column, raw, stored):
        """The first amounts of a column in thousands or millions, as entered and as they will be stored,
        for the check report: a wrong unit is seen before confirming."""
        label = self.by_sheet[sheet.key].label
        shown = self.report.conversions
        if sum(1 for c in shown if c["sheet"] == label and c["column"] == column.header) < CONVERSIONS_SHOWN:
            shown.append(
                {
                    "sheet": label,
                    "row": row.number,
                    "column": column.header,
                    "unit": v.UNITS[self.units[column.key]],
                    "entered": v.text(raw),
                    "stored": formatting.euro(stored, 2 if stored % 1 else 0),
                }
            )

    def _validate(self, sheet: Sheet, row, obj, exclude):
        """Field validators of the model (length, KvK pattern, URL), with messages per column."""
        try:
            obj.clean_fields(exclude=exclude)
        except ValidationError as error:
            headers = {c.key: c.header for c in sheet.columns}
            for name, messages in error.message_dict.items():
                for message in messages:
                    self._problem(sheet, row.number, headers.get(name, name), message)
            return False
        return True

    def _record(self, sheet: Sheet, row, obj, new: bool, data: dict, model_fields, *, key=None, count=True):
        """Set the row's values on obj and note what changes; key files it elsewhere than under the sheet."""
        changed = [] if new else [f for f in model_fields if _current(obj, f) != _comparable(data[f])]
        for name in model_fields:
            setattr(obj, name, data[name])
        change = Change(obj, new, changed, row.number)
        self.changes[key or sheet.key].append(change)
        if count:
            self._count(sheet, new=new, changed=bool(changed))
        return change

    def _count(self, sheet: Sheet, *, new: bool, changed: bool):
        counts = self.report.counts[sheet.title]
        if new:
            counts.created += 1
        elif changed:
            counts.updated += 1
        else:
            counts.unchanged += 1

    def rows(self, sheet: Sheet) -> SheetRows | None:
        return self.by_sheet.get(sheet.key)

    # --- partijen ------------------------------------------------------------------------------
    PARTY_FIELDS = [c.key for c in PARTIES.columns]

    def _parties(self):
        by_kvk = {p.kvk_number: p for p in self.parties if p.kvk_number}
        by_name = {(v.normalize(p.name), p.legal_form): p for p in self.parties}
        self.party_index = defaultdict(list)
        seen = {}
        # A party is also found by its abbreviation ("BNG" for BNG Bank N.V.) when only one party has it.
        self.party_abbreviations = defaultdict(list)
        for party in self.parties:
            self.party_index[v.normalize(party.name)].append(party)
            if party.abbreviation:
                self.party_abbreviations[v.normalize(party.abbreviation)].append(party)
        sheet_rows = self.rows(PARTIES)
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(PARTIES, row)
            if data is None:
                # The rules on the cells that could be read are checked too: every error of the row at once.
                read = dict.fromkeys(self.PARTY_FIELDS) | self.partial
                failed = {c.key for c in PARTIES.columns if c.key not in self.partial}
                read["status"] = read["status"] or PartyStatus.ACTIEF
                self._validate(PARTIES, row, Party(**read), ["slug", "policy_area", "central_municipality", *failed])
                self._party_rules(row, read, failed)
                self._refuse_party(row)
                continue
            data["status"] = data["status"] or PartyStatus.ACTIEF
            key = (
                ("kvk", data["kvk_number"])
                if data["kvk_number"]
                else ("naam", v.normalize(data["name"]), data["legal_form"])
            )
            if key in seen:
                self._problem(
                    PARTIES,
                    row.number,
                    "Naam",
                    f"Deze partij staat al op rij {seen[key]}; een partij mag één keer voorkomen.",
                )
                continue
            seen[key] = row.number
            existing = by_kvk.get(data["kvk_number"]) if data["kvk_number"] else None
            existing = existing or by_name.get((v.normalize(data["name"]), data["legal_form"]))
            if existing is not None:
                # A column the sheet does not have (an older template without "Soort partij") keeps
                # what the register holds: only what the file says is changed.
                for key in self.PARTY_FIELDS:
                    if key not in sheet_rows.present:
                        data[key] = getattr(existing, key)
            candidate = Party(**data)
            valid = self._validate(PARTIES, row, candidate, ["slug", "policy_area", "central_municipality"])
            if not (self._party_rules(row, data) and valid):
                self._refuse_party(row)
                continue
            if existing is not None and v.normalize(existing.name) != v.normalize(data["name"]):
                self.party_index[v.normalize(existing.name)].remove(existing)
                self.party_index[v.normalize(data["name"])].append(existing)
            obj = existing or candidate
            if existing is None:
                self.party_index[v.normalize(data["name"])].append(obj)
            if existing is not None and existing.abbreviation:
                self.party_abbreviations[v.normalize(existing.abbreviation)].remove(existing)
            if data["abbreviation"]:
                self.party_abbreviations[v.normalize(data["abbreviation"])].append(obj)
            self._record(PARTIES, row, obj, existing is None, data, self.PARTY_FIELDS)

    def _party_rules(self, row, data, failed=frozenset()) -> bool:
        """The rules across columns; a rule on a cell that could not be read is not checked (failed)."""
        centrum = {"legal_form", "central_municipality"}
        checks = [
            (
                data["ended_on"] and data["founded_on"] and data["ended_on"] < data["founded_on"],
                "Einddatum",
                "party_end_after_founding",
            ),
            (
                data["status"] == PartyStatus.BEEINDIGD
                and not data["ended_on"]
                and not {"status", "ended_on"} & failed,
                "Einddatum",
                "party_ended_has_end_date",
            ),
            (
                data["legal_form"] != LegalForm.CENTRUMGEMEENTEREGELING
                and data["central_municipality"]
                and not centrum & failed,
                "Centrumgemeente",
                "party_central_municipality_only_for_centrum",
            ),
            (
                data["legal_form"] == LegalForm.CENTRUMGEMEENTEREGELING
                and not data["central_municipality"]
                and not centrum & failed,
                "Centrumgemeente",
                "party_centrum_names_central_municipality",
            ),
            (
                data["cycle_by_regeling"]
                and data["legal_form"] != LegalForm.GEMEENSCHAPPELIJK_ORGAAN
                and not {"legal_form", "cycle_by_regeling"} & failed,
                "Begrotingscyclus Wgr",
                "party_cycle_by_regeling_only_for_orgaan",
            ),
        ]
        ok = True
        central = data["central_municipality"]
        if central is not None and central.kind != ParticipantKind.GEMEENTE:
            self._problem(PARTIES, row.number, "Centrumgemeente", f"{central.name} is geen gemeente.")
            ok = False
        for failed, column, constraint in checks:
            if failed:
                self._problem(PARTIES, row.number, column, MESSAGES[constraint])
                ok = False
        return ok

    def _refuse_party(self, row):
        """Remember a refused row of the Partijen sheet: rows referring to it get no error of their own."""
        refused = (row.number, defaultdict(list))
        for raw in (row.values.get("name"), row.values.get("abbreviation")):
            if not v.is_blank(raw):
                self.refused_parties.setdefault(v.normalize(v.text(raw)), refused)

    def _report_refused_references(self):
        """One message on a refused party's own row naming the rows that refer to it, instead of an
        “unknown party” on every one of them."""
        for number, references in {id(r): r for r in self.refused_parties.values()}.values():
            if references:
                where = "; ".join(f"{label} rij {', '.join(map(str, rows))}" for label, rows in references.items())
                self._problem(
                    PARTIES,
                    number,
                    "Naam",
                    f"Deze partij is geweigerd, dus ook de rijen die ernaar verwijzen ({where}); die worden "
                    "gecontroleerd zodra deze rij klopt.",
                )

    def party(self, sheet: Sheet, row, data) -> Party | None:
        name, form = data["party"], data.get("party_legal_form")
        found = self.party_index.get(v.normalize(name), []) or self.party_abbreviations.get(v.normalize(name), [])
        if form:
            found = [p for p in found if p.legal_form == form]
        if len(found) == 1:
            self.cell_at = (self.by_sheet[sheet.key].label, row.number, "Partij")
            self._note_name(name, found[0], found[0].name)
            return found[0]
        refused = self.refused_parties.get(v.normalize(name))
        if not found and refused is not None:
            references = refused[1][self.by_sheet[sheet.key].label]
            if row.number not in references:
                references.append(row.number)
            return None
        if found:
            forms = ", ".join(sorted(LegalForm(p.legal_form).label for p in found))
            self._problem(
                sheet,
                row.number,
                "Partij",
                f"Er zijn meerdere partijen met de naam “{name}” ({forms}); vul de kolom “Rechtsvorm partij” in.",
            )
        else:
            self._problem(
                sheet,
                row.number,
                "Partij",
                f"Onbekende partij “{name}”"
                f"{' met rechtsvorm ' + LegalForm(form).label if form else ''}. Zet de partij op het "
                "tabblad Partijen of gebruik de naam zoals die in het register staat.",
            )
        return None

    # --- deelnames ---------------------------------------------------------------------------
    PARTICIPATION_FIELDS = [
        *(c.key for c in PARTICIPATIONS.columns if c.key not in ("party", "party_legal_form", "participant")),
        "share_entered",
    ]

    def _participations(self):
        self.participation_index = {}
        seen, shares = {}, defaultdict(list)
        sheet_rows = self.rows(PARTICIPATIONS)
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(PARTICIPATIONS, row)
            if data is None:
                continue
            party = self.party(PARTICIPATIONS, row, data)
            if party is None:
                continue
            participant = data["participant"]
            key = (id(party), participant.pk)
            if key in seen:
                self._problem(
                    PARTICIPATIONS,
                    row.number,
                    "Deelnemer",
                    f"{participant.name} staat al op rij {seen[key]} als deelnemer in {party.name}.",
                )
                continue
            seen[key] = row.number
            values = {f: data[f] for f in self.PARTICIPATION_FIELDS if f != "share_entered"}
            values["financial_interest_form"] = values["financial_interest_form"] or ""
            # Store what was entered when the four stored decimals cannot hold it (1/342).
            entered = v.share(
                row.values.get("share_percentage"), percent_format="share_percentage" in row.percent_format
            )
            exact_fits = entered is None or Fraction(entered.percentage) == entered.exact
            values["share_entered"] = "" if exact_fits else entered.entered
            existing = self.participations.get((party.pk, participant.pk)) if party.pk else None
            candidate = Participation(party=party, participant=participant, **values)
            # Every error of the row: the field checks, the dates and the existence of the gemeente.
            valid = self._validate(PARTICIPATIONS, row, candidate, ["party", "participant"])
            if values["left_on"] and values["joined_on"] and values["left_on"] < values["joined_on"]:
                self._problem(
                    PARTICIPATIONS, row.number, "Datum uittreding", MESSAGES["participation_left_after_joined"]
                )
                continue
            try:
                candidate._clean_existence()  # a gemeente takes part only while it exists
                candidate._settle_share()  # a typed share that differs from the shares held is flagged
            except ValidationError as error:
                headers = {
                    "joined_on": "Datum toetreding",
                    "left_on": "Datum uittreding",
                    "share_percentage": "Aandeel",
                    "share_entered": "Aandeel",
                    "shares_count": "Aantal aandelen",
                }
                for name, messages in error.message_dict.items():
                    for message in messages:
                        self._problem(PARTICIPATIONS, row.number, headers[name], message)
                continue
            if not valid:
                continue
            obj = existing or candidate
            before = existing.share_percentage if existing else None
            self._record(PARTICIPATIONS, row, obj, existing is None, values, self.PARTICIPATION_FIELDS)
            self.changes[PARTICIPATIONS.key][-1].share_before = before
            self.participation_index[key] = obj
            shares[id(party)].append((party, participant.pk, obj.exact_share, row.number))
        self._check_share_sums(shares)

    def _check_share_sums(self, shares):
        stored_by_party = defaultdict(list)
        for participation in self.participations.values():
            stored_by_party[participation.party_id].append(participation)
        for rows in shares.values():
            party = rows[0][0]
            in_file = {participant_id for _, participant_id, _, _ in rows}
            # Exact sums (partners/shares.py): 342 shares of 1/342 make 100%, not 100,0008%.
            stored = sum(
                (p.exact_share or 0 for p in stored_by_party.get(party.pk, ()) if p.participant_id not in in_file),
                Fraction(0),
            )
            total = stored + sum((share or 0 for _, _, share, _ in rows), Fraction(0))
            if total <= 100:
                continue
            message = (
                f"De aandelen in {party.name} komen dan samen op {share_rules.dutch(total)}%; "
                "dat mag niet meer dan 100% zijn."
            )
            if stored:
                message += f" Deelnemers die niet in het bestand staan hebben samen {share_rules.dutch(stored)}%."
            for _, _, share, number in rows:
                if share:
                    self._problem(PARTICIPATIONS, number, "Aandeel", message)

    def participation(self, sheet: Sheet, row, party, participant, column="Deelnemer") -> Participation | None:
        found = self.participation_index.get((id(party), participant.pk))
        if found is None and party.pk:
            found = self.participations.get((party.pk, participant.pk))
        if found is None:
            self._problem(
                sheet,
                row.number,
                column,
                f"{participant.name} neemt niet deel in {party.name.removesuffix('.')}. Zet de deelname op het tabblad "
                "Deelnames.",
            )
        return found

    # --- financiële gegevens ----------------------------------------------------------------
    def _figures(self, sheet: Sheet, model):
        sheet_rows = self.rows(sheet)
        amounts = [c.key for c in sheet.columns[sheet.headers.index("Soort") + 1 :]]
        fields = ["year", "kind", *amounts]
        stored = self.party_figures if model is PartyFinancials else self.participation_figures
        seen = {}
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(sheet, row)
            if data is None:
                continue
            party = self.party(sheet, row, data)
            if party is None:
                continue
            if model is PartyFinancials:
                owner, owner_field = party, "party"
            else:
                if problem := data["participant"].absence_in_year(data["year"]):
                    self._problem(sheet, row.number, "Jaar", f"{problem}: cijfers over {data['year']} kunnen niet.")
                    continue
                owner = self.participation(sheet, row, party, data["participant"])
                owner_field = "participation"
                if owner is None:
                    continue
            key = (id(owner), data["year"], data["kind"])
            if key in seen:
                self._problem(
                    sheet,
                    row.number,
                    "Jaar",
                    f"Deze cijfers ({data['year']}, {data['kind']}) staan al op rij {seen[key]}.",
                )
                continue
            seen[key] = row.number
            values = {f: data[f] for f in fields}
            negative = [
                c.header
                for c in sheet.columns
                if c.key in amounts
                and values[c.key] is not None
                and values[c.key] < 0
                and (model is ParticipationFinancials or c.key.startswith("liabilities"))
            ]
            if negative:
                for header in negative:
                    self._problem(sheet, row.number, header, f"“{header}” kan niet negatief zijn.")
                continue
            if not self._figures_can_exist(sheet, row, model, party, data.get("participant"), values):
                continue
            existing = stored.get((owner.pk, data["year"], data["kind"])) if owner.pk else None
            obj = existing or model(**{owner_field: owner}, **values)
            self._record(sheet, row, obj, existing is None, values, fields)

    def _figures_can_exist(self, sheet: Sheet, row, model, party, participant, values) -> bool:
        """A regeling without legal personality has no vermogen (Wgr art. 8 lid 2 and 4), and a
        centrumgemeente pays no bijdrage to itself: such a figure is refused, not stored."""
        headers = {c.key: c.header for c in sheet.columns}
        if model is PartyFinancials:
            if party.has_own_balance_sheet:
                return True
            fields = ["equity_start", "equity_end", "liabilities_start", "liabilities_end"]
            if not party.has_own_result:
                fields.append("result")
            filled = [name for name in fields if values.get(name) is not None]
            message = NO_BALANCE_SHEET_MESSAGE.format(party=party.name, form=LegalForm(party.legal_form).label.lower())
            for name in filled:
                self._problem(sheet, row.number, headers.get(name, name), message)
            return not filled
        if values.get("contribution") and participant and participant.pk == party.central_municipality_id:
            message = CENTRAL_PAYS_ITSELF_MESSAGE.format(municipality=participant.name, party=party.name)
            self._problem(sheet, row.number, headers.get("contribution", "Bijdrage"), message)
            return False
        return True

    # --- writing -----------------------------------------------------------------------------
    def apply(self, *, user=None) -> None:
        """Write every change in one transaction, each with a history record naming `user`;
        only for a plan without problems."""
        self.user = user
        if not self.report.ok:
            raise ValueError("Een import met fouten kan niet worden uitgevoerd.")
        with transaction.atomic():
            self._write(Party, PARTIES, self.PARTY_FIELDS, before_create=self._assign_slugs)
            participations = self.changes[PARTICIPATIONS.key]

            # The database checks the 100% rule after every row: lower shares go first, new rows last.
            def share_rises(change):
                return (change.obj.share_percentage or 0) > (change.share_before or 0)

            updates = [c for c in participations if not c.new and c.changed]
            self._bulk_update(Participation, [c for c in updates if not share_rises(c)], self.PARTICIPATION_FIELDS)
            self._bulk_update(Participation, [c for c in updates if share_rises(c)], self.PARTICIPATION_FIELDS)
            self._bulk_create(Participation, [c for c in participations if c.new])
            for sheet, model in ((PARTY_FIGURES, PartyFinancials), (PARTICIPATION_FIGURES, ParticipationFinancials)):
                fields = [c.key for c in sheet.columns if c.key not in ("party", "party_legal_form", "participant")]
                self._write(model, sheet, fields)
            self._write_representatives()
            self._write_risks()
            self._write_population()
            self._write_cycle()
            self._write_interests()

    def _write(self, model, sheet, fields, before_create=None, key=None):
        changes = self.changes[key or sheet.key]
        created = [c for c in changes if c.new]
        if before_create:
            before_create([c.obj for c in created])
        self._bulk_create(model, created)
        self._bulk_update(model, [c for c in changes if not c.new and c.changed], fields)

    # Bulk writes send no signals, so the history records are written in bulk alongside (core/history.py).
    def _bulk_create(self, model, changes):
        # bulk_create takes the id of a party or deelname created earlier in this transaction.
        if changes:
            bulk_create_with_history(
                [c.obj for c in changes], model, batch_size=BATCH, default_user=self.user, default_change_reason=REASON
            )

    def _bulk_update(self, model, changes, fields):
        if changes:
            bulk_update_with_history(
                [c.obj for c in changes],
                model,
                fields,
                batch_size=BATCH,
                default_user=self.user,
                default_change_reason=REASON,
            )

    @staticmethod
    def _assign_slugs(parties):
        taken = set(Party.objects.values_list("slug", flat=True))
        for party in parties:
            base = slugify(party.name)[:200] or "partij"
            slug, n = base, 2
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            taken.add(slug)
            party.slug = slug
