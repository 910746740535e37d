"""The Risico's sheet: risks of a party, or of one deelnemer's participation in it (risks app).

A risk is matched on partij + titel (case and accent insensitive) + deelnemer (none for a risk of the
whole party). The model's own rules (clean() and its constraints) give the messages, per column.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils import timezone

from risks.choices import MeasureStatus, RiskStatus
from risks.models import Measure, Risk

from . import values as v
from .columns import MEASURES, RISKS

RISK_FIELDS = [
    "participation", "category", "title", "description", "likelihood", "impact", "amount_min", "amount_max",
    "status", "owner", "identified_on", "reviewed_on", "confidential",
]  # fmt: skip
RISK_MESSAGES = {c.name: c.violation_error_message for c in Risk._meta.constraints}
HEADERS = {c.key: c.header for c in RISKS.columns}
MEASURE_FIELDS = ["description", "owner", "due_on", "status"]


class RiskRows:
    """Part of Plan (plan.py): reading, checking and writing the Risico's sheet."""

    def _load_risks(self):
        self.stored_risks = defaultdict(list)
        for risk in Risk.objects.all():
            self.stored_risks[(risk.party_id, risk.participation_id, v.normalize(risk.title))].append(risk)
        self.stored_measures = {(m.risk_id, v.normalize(m.description)): m for m in Measure.objects.all()}

    def _risks(self):
        sheet_rows = self.rows(RISKS)
        seen, self.risk_index = {}, {}
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(RISKS, row)
            if data is None:
                continue
            party = self.party(RISKS, row, data)
            if party is None:
                continue
            participation = None
            if data["participant"] is not None:
                participation = self.participation(RISKS, row, party, data["participant"])
                if participation is None:
                    continue
            key = (id(party), id(participation) if participation else None, v.normalize(data["title"]))
            if key in seen:
                self._problem(
                    RISKS,
                    row.number,
                    "Titel",
                    f"Dit risico (partij, titel en deelnemer) staat al op rij {seen[key]}; geef elk risico van een "
                    "partij een eigen titel.",
                )
                continue
            seen[key] = row.number
            stored = []
            if party.pk and (participation is None or participation.pk):
                stored = self.stored_risks.get(
                    (party.pk, participation.pk if participation else None, v.normalize(data["title"])), []
                )
            if len(stored) > 1:
                self._problem(
                    RISKS,
                    row.number,
                    "Titel",
                    f"Het register heeft {len(stored)} risico's “{data['title']}” bij {party}; maak de titels daar "
                    "eerst verschillend.",
                )
                continue
            existing = stored[0] if stored else None
            values = {f: data[f] for f in RISK_FIELDS if f != "participation"}
            values["participation"] = participation
            values["status"] = values["status"] or RiskStatus.OPEN
            if values["identified_on"] is None:
                values["identified_on"] = existing.identified_on if existing else timezone.localdate()
            if not self._risk_rules(row, values):
                continue
            obj = existing or Risk(party=party, **values)
            self._record(RISKS, row, obj, existing is None, values, RISK_FIELDS)
            self.risk_index[key] = obj

    def _risk_rules(self, row, values) -> bool:
        """Field validators and the rules of Risk.clean() and its constraints, with the model's messages."""
        candidate = Risk(**{k: val for k, val in values.items() if k != "participation"})
        ok = self._validate(RISKS, row, candidate, ["party", "participation"])
        try:
            candidate.clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self._problem(RISKS, row.number, HEADERS.get(name, name), message)
            ok = False
        reviewed, identified = values["reviewed_on"], values["identified_on"]
        if reviewed and identified and reviewed < identified:
            self._problem(RISKS, row.number, HEADERS["reviewed_on"], RISK_MESSAGES["risk_reviewed_after_identified"])
            ok = False
        return ok

    def _write_risks(self):
        self._write(Risk, RISKS, RISK_FIELDS)
        self._write(Measure, MEASURES, MEASURE_FIELDS)

    # --- beheersmaatregelen ----------------------------------------------------------------------
    def _measures(self):
        sheet_rows = self.rows(MEASURES)
        seen = {}
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(MEASURES, row)
            if data is None:
                # Every error of the row: the risk is looked up with the cells that could be read.
                read = {"participant": None, "party_legal_form": ""} | self.partial
                if read.get("party") and read.get("risk_title") and "participant" in self.partial:
                    self._risk_of(row, read)
                continue
            risk = self._risk_of(row, data)
            if risk is None:
                continue
            key = (id(risk), v.normalize(data["description"]))
            if key in seen:
                self._problem(
                    MEASURES, row.number, "Omschrijving", f"Deze maatregel staat al op rij {seen[key]} bij dit risico."
                )
                continue
            seen[key] = row.number
            values = {f: data[f] for f in MEASURE_FIELDS}
            values["status"] = values["status"] or MeasureStatus.GEPLAND
            existing = self.stored_measures.get((risk.pk, v.normalize(data["description"]))) if risk.pk else None
            obj = existing or Measure(risk=risk, **values)
            if self._validate(MEASURES, row, Measure(**values), ["risk"]):
                self._record(MEASURES, row, obj, existing is None, values, MEASURE_FIELDS)

    def _risk_of(self, row, data):
        """The risk a measure belongs to: on the Risico's sheet, else in the register."""
        party = self.party(MEASURES, row, data)
        if party is None:
            return None
        participation = None
        if data["participant"] is not None:
            participation = self.participation(MEASURES, row, party, data["participant"])
            if participation is None:
                return None
        title = v.normalize(data["risk_title"])
        found = self.risk_index.get((id(party), id(participation) if participation else None, title))
        if found is None and party.pk and (participation is None or participation.pk):
            stored = self.stored_risks.get((party.pk, participation.pk if participation else None, title), [])
            found = stored[0] if len(stored) == 1 else None
        if found is None:
            self._problem(
                MEASURES,
                row.number,
                "Titel risico",
                f"{party.name} heeft geen risico “{data['risk_title']}”"
                + (f" bij de deelname van {participation.participant.name}" if participation else "")
                + ". Zet het risico op het tabblad Risico's.",
            )
        return found
