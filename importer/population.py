"""Load inwonertallen per gemeente per year from a CSV file (for example a CBS StatLine export):
columns gemeente (CBS-code or name), jaar, inwoners and optionally bron. All rows or none: every
row is checked first, and only a file without errors is written, in one transaction."""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from core.periods import MAX_YEAR, MIN_YEAR
from partners.choices import ParticipantKind
from partners.models import POPULATION_MIN_MESSAGE, Participant, Population

from .values import CellError, normalize, whole_number

HEADERS = {"gemeente": "gemeente", "jaar": "jaar", "inwoners": "inwoners", "bron": "bron"}
REQUIRED = ("gemeente", "jaar", "inwoners")
DEFAULT_SOURCE = "CBS, bevolking op 1 januari"


@dataclass
class PopulationImport:
    rows: list[tuple[Participant, int, int, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _municipalities() -> dict[str, Participant]:
    """Lookup of gemeenten by CBS code (GM0014, 0014, 14) and by name, case and accent insensitive."""
    lookup = {}
    for municipality in Participant.objects.filter(kind=ParticipantKind.GEMEENTE):
        number = municipality.code[2:]
        for key in (municipality.code, number, str(int(number)), municipality.name):
            lookup[normalize(key)] = municipality
    return lookup


def check(content: str, *, source: str = DEFAULT_SOURCE) -> PopulationImport:
    result = PopulationImport()
    lines = content.splitlines()
    if not lines or not lines[0].strip():
        result.problems.append("Het bestand is leeg.")
        return result
    delimiter = max(";,\t", key=lines[0].count)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    headers = [normalize(h) for h in next(reader)]
    missing = [h for h in REQUIRED if h not in headers]
    if missing:
        result.problems.append(
            f"Rij 1: de kolom(men) {', '.join(missing)} ontbreken; verwacht gemeente, jaar, inwoners en eventueel bron."
        )
        return result
    position = {name: headers.index(name) for name in HEADERS if name in headers}
    municipalities = _municipalities()
    seen = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue

        values = {name: cells[index].strip() if index < len(cells) else "" for name, index in position.items()}

        def cell(name, values=values):
            return values.get(name, "")

        municipality = municipalities.get(normalize(cell("gemeente")))
        if municipality is None:
            result.problems.append(f"Rij {number}: gemeente “{cell('gemeente')}” is onbekend; gebruik de CBS-code.")
            continue
        try:
            year = whole_number(cell("jaar"), low=MIN_YEAR, high=MAX_YEAR)
            inhabitants = whole_number(cell("inwoners"), low=0)
        except CellError as error:
            result.problems.append(f"Rij {number}: {error}")
            continue
        if year is None or inhabitants is None:
            result.problems.append(f"Rij {number}: vul het jaar en het aantal inwoners in.")
            continue
        if inhabitants == 0:
            result.problems.append(f"Rij {number}: {POPULATION_MIN_MESSAGE}")
            continue
        if (municipality.pk, year) in seen:
            result.problems.append(
                f"Rij {number}: {municipality.name} {year} staat ook al in rij {seen[(municipality.pk, year)]}."
            )
            continue
        seen[(municipality.pk, year)] = number
        result.rows.append((municipality, year, inhabitants, cell("bron") or source))
    return result


def apply(result: PopulationImport) -> PopulationImport:
    """Write the checked rows in one transaction; refuses to write anything when there are problems."""
    if result.problems:
        raise ValueError("Een bestand met fouten wordt niet ingelezen.")
    existing = {
        (p.participant_id, p.year): p
        for p in Population.objects.filter(participant__in={row[0] for row in result.rows})
    }
    with transaction.atomic():
        for municipality, year, inhabitants, source in result.rows:
            current = existing.get((municipality.pk, year))
            if current is None:
                Population.objects.create(participant=municipality, year=year, inhabitants=inhabitants, source=source)
                result.created += 1
            elif (current.inhabitants, current.source) != (inhabitants, source):
                current.inhabitants, current.source = inhabitants, source
                current.save(update_fields=["inhabitants", "source"])
                result.updated += 1
            else:
                result.unchanged += 1
    return result
