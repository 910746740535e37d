"""The Risico's sheet: risks of a party, or of one deelnemer's participation in it (risks app).

A risk is matched on partij + titel (case and accent insensitive) + deelnemer (none for a risk of the
whole party). The model's own rules (clean() and its constraints) give the messages, per column.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils import timezone

from risks.choices import RiskStatus
from risks.models import Risk

from . import values as v
from .columns import RISKS

RISK_FIELDS = [
    "participation", "category", "title", "description", "likelihood", "impact", "amount_min", "amount_max",
    "status", "owner", "identified_on", "reviewed_on", "confidential",
]  # fmt: skip
RISK_MESSAGES = {c.name: c.violation_error_message for c in Risk._meta.constraints}
HEADERS = {c.key: c.header for c in RISKS.columns}


class RiskRows:
    """Part of Plan (plan.py): reading, checking and writing the Risico's sheet."""

    def _load_risks(self):
        self.stored_risks = defaultdict(list)
        for risk in Risk.objects.all():
            self.stored_risks[(risk.party_id, risk.participation_id, v.normalize(risk.title))].append(risk)

    def _risks(self):
        sheet_rows = self.rows(RISKS)
        seen = {}
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
