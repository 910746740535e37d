"""The Financiële belangen and Niet bekend sheets: the financial interests of a deelname per year (aandelen
with their gestort bedrag, lening, garantie, borgstelling, aansprakelijkheid, boekwaarde; BBV art. 1 lid 1c
and art. 36), and the figures of BBV art. 15 a beheerder declared "niet bekend", with the reason.

An interest is matched on partij + deelnemer + jaar + vorm; when a deelname has several interests of one
form in a year (two leningen), the toelichting tells them apart. A "niet bekend" on partij + deelnemer +
jaar + gegeven, the model's unique constraint. The deelname must exist or be on the Deelnames sheet.
"""

from collections import Counter, defaultdict

from partners.interests import INTEREST_AMOUNTS, DeclaredUnknown, FinancialInterest

from . import values as v
from .columns import INTERESTS, UNKNOWNS

INTEREST_FIELDS = [
    "year", "form", "shares_count", "nominal_value", "paid_in", "principal", "balance_start", "balance_end", "amount",
    "book_value_start", "book_value_end", "note",
]  # fmt: skip
UNKNOWN_FIELDS = ["year", "field", "reason"]
INTEREST_HEADERS = {c.key: c.header for c in INTERESTS.columns}
NEGATIVE = {c.name: c.violation_error_message for c in FinancialInterest._meta.constraints}[
    "financial_interest_paid_in_not_negative"
]


class InterestRows:
    """Part of Plan (plan.py): reading, checking and writing the Financiële belangen and Niet bekend sheets."""

    def _load_interests(self):
        self.stored_interests = defaultdict(list)
        for interest in FinancialInterest.objects.all():
            self.stored_interests[(interest.participation_id, interest.year, interest.form)].append(interest)
        self.stored_unknowns = {(u.participation_id, u.year, u.field): u for u in DeclaredUnknown.objects.all()}

    def _owner(self, sheet, row, data):
        """The deelname of the row, after the gemeente's existence in the year is checked."""
        party = self.party(sheet, row, data)
        if party is None:
            return None
        if problem := data["participant"].absence_in_year(data["year"]):
            self._problem(sheet, row.number, "Jaar", f"{problem}: gegevens over {data['year']} kunnen niet.")
            return None
        return self.participation(sheet, row, party, data["participant"])

    # --- financiële belangen -----------------------------------------------------------------------
    def _interests(self):
        sheet_rows = self.rows(INTERESTS)
        accepted = []
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(INTERESTS, row)
            # Every error of the row: a negative amount is named even when another cell could not be read.
            negative = [name for name in INTEREST_AMOUNTS if (self.partial.get(name) or 0) < 0]
            for name in negative:
                self._problem(INTERESTS, row.number, INTEREST_HEADERS[name], NEGATIVE)
            if data is None:
                continue
            values = {f: data[f] for f in INTEREST_FIELDS}
            owner = self._owner(INTERESTS, row, data)
            valid = self._validate(INTERESTS, row, FinancialInterest(**values), ["participation", *negative])
            if owner is not None and valid and not negative:
                accepted.append((row, owner, values))
        # One row of a form in a year updates the register's one interest of that form, whatever its
        # toelichting; several rows of one form are told apart by their toelichting.
        per_form = Counter((id(owner), values["year"], values["form"]) for _, owner, values in accepted)
        seen = {}
        for row, owner, values in accepted:
            key = (id(owner), values["year"], values["form"], v.normalize(values["note"]))
            if key in seen:
                self._problem(
                    INTERESTS,
                    row.number,
                    "Toelichting",
                    f"Dit belang (deelnemer, jaar, vorm en toelichting) staat al op rij {seen[key]}; geef twee "
                    "belangen van dezelfde vorm in één jaar elk een eigen toelichting.",
                )
                continue
            seen[key] = row.number
            stored = self.stored_interests.get((owner.pk, values["year"], values["form"]), []) if owner.pk else []
            if per_form[key[:3]] == 1 and len(stored) == 1:
                existing = stored[0]
            else:
                same_note = [i for i in stored if v.normalize(i.note) == key[3]]
                existing = same_note[0] if len(same_note) == 1 else None
            obj = existing or FinancialInterest(participation=owner, **values)
            self._record(INTERESTS, row, obj, existing is None, values, INTEREST_FIELDS)

    # --- niet bekend ---------------------------------------------------------------------------------
    def _unknowns(self):
        sheet_rows = self.rows(UNKNOWNS)
        seen = {}
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(UNKNOWNS, row)
            if data is None:
                continue
            owner = self._owner(UNKNOWNS, row, data)
            values = {f: data[f] for f in UNKNOWN_FIELDS}
            valid = self._validate(UNKNOWNS, row, DeclaredUnknown(**values), ["participation"])
            if owner is None or not valid:
                continue
            key = (id(owner), values["year"], values["field"])
            if key in seen:
                self._problem(
                    UNKNOWNS,
                    row.number,
                    "Gegeven",
                    f"Dit gegeven van {data['participant'].name} over {values['year']} staat al op rij {seen[key]}.",
                )
                continue
            seen[key] = row.number
            existing = self.stored_unknowns.get((owner.pk, values["year"], values["field"])) if owner.pk else None
            obj = existing or DeclaredUnknown(participation=owner, **values)
            self._record(UNKNOWNS, row, obj, existing is None, values, UNKNOWN_FIELDS)

    def _write_interests(self):
        self._write(FinancialInterest, INTERESTS, INTEREST_FIELDS)
        self._write(DeclaredUnknown, UNKNOWNS, UNKNOWN_FIELDS)
