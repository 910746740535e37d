"""The Inwoners sheet: the number of inhabitants of a gemeente on 1 January of a year (partners.Population).

A row is matched on gemeente + jaar. The gemeente must have existed in that year, under the name of
that year (importer/names.py); the count is larger than 0, as the model requires.
"""

from partners.models import POPULATION_MIN_MESSAGE, Population

from .columns import POPULATION

POPULATION_FIELDS = ["year", "inhabitants", "source"]
DEFAULT_SOURCE = "CBS, bevolking op 1 januari"


class PopulationRows:
    """Part of Plan (plan.py): reading, checking and writing the Inwoners sheet."""

    def _load_population(self):
        self.stored_population = {(p.participant_id, p.year): p for p in Population.objects.all()}

    def _population(self):
        sheet_rows = self.rows(POPULATION)
        seen = {}
        for row in sheet_rows.rows if sheet_rows else []:
            data = self._parse(POPULATION, row)
            if data is None:
                inhabitants = self.partial.get("inhabitants")
                if inhabitants is not None and inhabitants < 1:  # every error of the row
                    self._problem(POPULATION, row.number, "Inwoners", POPULATION_MIN_MESSAGE)
                continue
            municipality, year = data["municipality"], data["year"]
            ok = True
            if problem := municipality.absence_in_year(year):
                self._problem(POPULATION, row.number, "Jaar", f"{problem}: inwoners over {year} kunnen niet.")
                ok = False
            if data["inhabitants"] is not None and data["inhabitants"] < 1:
                self._problem(POPULATION, row.number, "Inwoners", POPULATION_MIN_MESSAGE)
                ok = False
            key = (municipality.pk, year)
            if key in seen:
                self._problem(
                    POPULATION,
                    row.number,
                    "Jaar",
                    f"Het aantal inwoners van {municipality.name} in {year} staat al op rij {seen[key]}.",
                )
                ok = False
            if not ok:
                continue
            seen[key] = row.number
            values = {"year": year, "inhabitants": data["inhabitants"], "source": data["source"] or DEFAULT_SOURCE}
            existing = self.stored_population.get(key)
            obj = existing or Population(participant=municipality, **values)
            if self._validate(POPULATION, row, obj if existing is None else Population(**values), ["participant"]):
                self._record(POPULATION, row, obj, existing is None, values, POPULATION_FIELDS)

    def _write_population(self):
        self._write(Population, POPULATION, POPULATION_FIELDS)
