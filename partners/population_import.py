"""Load inwonertallen per gemeente per year from a CSV file (for example a CBS StatLine export):
columns gemeente (CBS-code or name), jaar, inwoners and optionally bron. All rows or none: every
row is checked first, and only a file without errors is written, in one transaction. The file is
read record by record within the import's limits (IMPORT_MAX_MB, IMPORT_MAX_ROWS, short cells), and
text holds no control characters (partners/text.py)."""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from .choices import ParticipantKind
from .importer.values import CellError, normalize, whole_number
from .models import POPULATION_MIN_MESSAGE, Participant, Population
from .periods import MAX_YEAR, MIN_YEAR
from .text import control_character_message, with_line_breaks

HEADERS = {"gemeente": "gemeente", "jaar": "jaar", "inwoners": "inwoners", "bron": "bron"}
REQUIRED = ("gemeente", "jaar", "inwoners")
DEFAULT_SOURCE = "CBS, bevolking op 1 januari"
# A row holds a code or name, a year, a number and a source: nothing longer than the source may be.
MAX_CELL = Population._meta.get_field("source").max_length
MAX_COLUMNS = 20


class FileRefused(ValueError):
    """The file as a whole is beyond the limits; the message says why, in Dutch."""


def check_size(size: int) -> None:
    if size > settings.IMPORT_MAX_MB * 1024 * 1024:
        raise FileRefused(f"Het bestand is groter dan {settings.IMPORT_MAX_MB} MB (IMPORT_MAX_MB).")


def _records(reader):
    """(row number, cells) per record; a file beyond the limits stops at the first record that crosses one."""
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise FileRefused(
                f"Rij {number}: een cel is veel te lang of een aanhalingsteken sluit niet; niets ingelezen."
            ) from None
        if number - 1 > settings.IMPORT_MAX_ROWS:
            raise FileRefused(f"Het bestand heeft meer dan {settings.IMPORT_MAX_ROWS:,} rijen.".replace(",", "."))
        if len(cells) > MAX_COLUMNS:
            raise FileRefused(f"Rij {number} heeft {len(cells)} kolommen; verwacht gemeente, jaar, inwoners en bron.")
        yield number, cells


def _cell_problem(number: int, values: dict) -> str | None:
    for name, value in values.items():
        if len(value) > MAX_CELL:
            return f"Rij {number}: de kolom {name} is {len(value)} tekens lang; hooguit {MAX_CELL} tekens."
        if message := control_character_message(value):
            return f"Rij {number}, kolom {name}: {message}"
    return None


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
    try:
        return _check(content, source, result)
    except FileRefused as refused:
        result.rows, result.problems = [], [str(refused)]
        return result


def _check(content: str, source: str, result: PopulationImport) -> PopulationImport:
    first_line = content.split("\n", 1)[0]
    if not first_line.strip():
        result.problems.append("Het bestand is leeg.")
        return result
    delimiter = max(";,\t", key=first_line.count)
    records = _records(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter))
    _, header_cells = next(records)
    headers = [normalize(h) for h in header_cells]
    missing = [h for h in REQUIRED if h not in headers]
    if missing:
        result.problems.append(
            f"Rij 1: de kolom(men) {', '.join(missing)} ontbreken; verwacht gemeente, jaar, inwoners en eventueel bron."
        )
        return result
    position = {name: headers.index(name) for name in HEADERS if name in headers}
    municipalities = _municipalities()
    seen = {}
    for number, cells in records:
        if not any(cell.strip() for cell in cells):
            continue

        values = {
            name: with_line_breaks(cells[index]).strip() if index < len(cells) else ""
            for name, index in position.items()
        }
        if problem := _cell_problem(number, values):
            result.problems.append(problem)
            continue

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
