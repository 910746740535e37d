"""Reading an uploaded file into rows per sheet, and refusing what cannot be read safely.

XLSX is read with openpyxl (not read-only: merged cells and hidden sheets are only visible in the
full model). A password-protected XLSX is an OLE compound file, not a zip, and is recognised by its
signature. CSV holds one kind of rows, recognised by its headers; `;`, `,` and tab are accepted.
Blank rows in between are skipped and counted in the report, so a tidy-up in Excel does not fail.
"""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings

from .columns import EXPLANATION_TITLE, SHEETS, Sheet
from .values import is_blank, normalize, text

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


class FileRefused(Exception):
    """The file as a whole cannot be imported; the message says why, in Dutch."""


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str
    message: str


@dataclass
class Row:
    number: int
    values: dict
    percent_format: frozenset = frozenset()


@dataclass
class SheetRows:
    sheet: Sheet
    label: str
    rows: list[Row] = field(default_factory=list)
    blank_rows: int = 0


@dataclass
class ReadResult:
    sheets: list[SheetRows] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def max_bytes() -> int:
    return settings.IMPORT_MAX_MB * 1024 * 1024


def read_file(data: bytes, filename: str) -> ReadResult:
    if len(data) > max_bytes():
        raise FileRefused(
            f"Het bestand is {len(data) / 1024 / 1024:.1f} MB; de grens is {settings.IMPORT_MAX_MB} MB. "
            "Splits het bestand of vraag de beheerder de grens (IMPORT_MAX_MB) te verhogen.".replace(".", ",", 1)
        )
    if not data.strip():
        raise FileRefused("Het bestand is leeg.")
    if data.startswith(OLE_SIGNATURE):
        if ENCRYPTED_STREAM in data:
            raise FileRefused(
                "Het Excel-bestand is met een wachtwoord beveiligd. Sla het op zonder wachtwoord "
                "(Bestand → Info → Werkmap beveiligen) en upload het opnieuw."
            )
        raise FileRefused("Dit is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx) of als CSV.")
    if data.startswith(ZIP_SIGNATURE):
        return _read_xlsx(data)
    return _read_csv(data, filename)


def _match_headers(sheet: Sheet, label: str, headers: list, result: ReadResult) -> dict[int, str] | None:
    """Column index -> column key; problems for unknown, duplicate and missing headers."""
    by_name = {normalize(c.header): c for c in sheet.columns}
    positions, seen, ok = {}, {}, True
    for index, raw in enumerate(headers):
        if is_blank(raw):
            continue
        name = normalize(text(raw).rstrip("*").strip())
        column = by_name.get(name)
        if column is None:
            result.problems.append(
                Problem(
                    label,
                    1,
                    text(raw),
                    f"Onbekende kolom “{text(raw)}”. Dit tabblad kent de kolommen: {', '.join(sheet.headers)}.",
                )
            )
            ok = False
        elif column.key in seen:
            result.problems.append(Problem(label, 1, column.header, f"De kolom “{column.header}” staat er twee keer."))
            ok = False
        else:
            seen[column.key] = index
            positions[index] = column.key
    missing = [c.header for c in sheet.columns if c.required and c.key not in seen]
    if missing:
        result.problems.append(
            Problem(label, 1, "", "Verplichte kolom ontbreekt: " + ", ".join(f"“{h}”" for h in missing) + ".")
        )
        ok = False
    return positions if ok else None


def _check_row_limit(count: int) -> None:
    if count > settings.IMPORT_MAX_ROWS:
        raise FileRefused(
            f"Het bestand heeft meer dan {settings.IMPORT_MAX_ROWS:,} rijen; splits het in kleinere bestanden.".replace(
                ",", "."
            )
        )


def _sheet_for_title(title: str) -> Sheet | None:
    """The sheet by its title or key, with or without an apostrophe: Risico's, Risicos, risico’s."""
    wanted = normalize(title).replace("'", "")
    return next((s for s in SHEETS if wanted in {normalize(s.title).replace("'", ""), s.key}), None)


def _read_xlsx(data: bytes) -> ReadResult:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), data_only=False, keep_links=False)
    except Exception:  # openpyxl raises zip, XML, key and value errors for a damaged file
        raise FileRefused(
            "Het bestand is geen leesbaar Excel-bestand (.xlsx): het is beschadigd of het is een ander soort "
            "zip-bestand. Open het in Excel en sla het opnieuw op als Excel-werkmap."
        ) from None
    result, total = ReadResult(), 0
    for worksheet in workbook.worksheets:
        if normalize(worksheet.title) != normalize(EXPLANATION_TITLE):
            total += max(worksheet.max_row - 1, 0)
    _check_row_limit(total)
    for worksheet in workbook.worksheets:
        title = worksheet.title
        if worksheet.sheet_state != "visible":
            result.problems.append(
                Problem(title, None, "", f"Het tabblad “{title}” is verborgen. Maak het zichtbaar of verwijder het.")
            )
            continue
        if normalize(title) == normalize(EXPLANATION_TITLE):
            continue
        sheet = _sheet_for_title(title)
        if sheet is None:
            known = ", ".join(f"“{s.title}”" for s in SHEETS)
            result.problems.append(
                Problem(title, None, "", f"Onbekend tabblad “{title}”. De import kent de tabbladen {known}.")
            )
            continue
        for merged in worksheet.merged_cells.ranges:
            result.problems.append(
                Problem(
                    title,
                    merged.min_row,
                    merged.coord,
                    f"De cellen {merged.coord} zijn samengevoegd. Maak de samenvoeging ongedaan en vul elke cel.",
                )
            )
        rows = worksheet.iter_rows()
        header_cells = next(rows, ())
        positions = _match_headers(sheet, title, [c.value for c in header_cells], result)
        sheet_rows = SheetRows(sheet, title)
        result.sheets.append(sheet_rows)
        blank_numbers = []
        for cells in rows:
            values, percent = {}, set()
            for cell in cells:
                if cell.value is None:
                    continue
                if cell.data_type == "f":
                    result.problems.append(
                        Problem(
                            title,
                            cell.row,
                            cell.coordinate,
                            f"Cel {cell.coordinate} bevat een formule ({text(cell.value)[:40]}). Vervang formules "
                            "door hun waarde (kopiëren, plakken speciaal, waarden).",
                        )
                    )
                    continue
                key = positions.get(cell.column - 1) if positions else None
                if key is None:
                    if positions is not None and not is_blank(cell.value):
                        result.problems.append(
                            Problem(
                                title,
                                cell.row,
                                cell.coordinate,
                                f"Cel {cell.coordinate} staat in een kolom zonder kop.",
                            )
                        )
                    continue
                values[key] = cell.value
                if "%" in (cell.number_format or ""):
                    percent.add(key)
            number = cells[0].row if cells else 0
            if all(is_blank(v) for v in values.values()):
                blank_numbers.append(number)
            elif positions is not None:
                sheet_rows.rows.append(Row(number, values, frozenset(percent)))
        # Empty (formatted) rows after the last row are not blank rows in between.
        last = sheet_rows.rows[-1].number if sheet_rows.rows else 0
        sheet_rows.blank_rows = sum(1 for n in blank_numbers if n < last)
    return result


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise FileRefused(
            "Het bestand is geen spreadsheet: upload een Excel-werkmap (.xlsx) of een CSV-bestand (tekst)."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            content = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in content[:4096] if ord(ch) < 32 and ch not in "\r\n\t")
        if controls:
            break
        return content
    raise FileRefused("Het bestand is geen spreadsheet: upload een Excel-werkmap (.xlsx) of een CSV-bestand (tekst).")


def _read_csv(data: bytes, filename: str) -> ReadResult:
    content = _decode(data)
    first_line = content.splitlines()[0] if content.strip() else ""
    delimiter = max(";,\t", key=first_line.count)
    lines = list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter))
    _check_row_limit(len(lines) - 1)
    headers = lines[0]
    wanted = {normalize(text(h).rstrip("*").strip()) for h in headers if h.strip()}

    def fit(sheet: Sheet):
        names = {normalize(h) for h in sheet.headers}
        required = {normalize(c.header) for c in sheet.columns if c.required}
        return (
            len(wanted & names) - len(wanted - names),
            len(required & wanted),
            normalize(sheet.title) in normalize(filename),
        )

    sheet = max(SHEETS, key=fit)
    result = ReadResult()
    if not wanted & {normalize(h) for h in sheet.headers}:
        expected = " ".join(f"{s.title}: {', '.join(s.headers)}." for s in SHEETS)
        result.problems.append(
            Problem(
                filename,
                1,
                "",
                "De eerste rij bevat geen bekende kolomkoppen. Een CSV-bestand bevat één soort rijen, met deze "
                f"koppen in de eerste rij: {expected}",
            )
        )
        return result
    positions = _match_headers(sheet, sheet.title, headers, result)
    sheet_rows = SheetRows(sheet, sheet.title)
    result.sheets.append(sheet_rows)
    if positions is None:
        return result
    for number, cells in enumerate(lines[1:], start=2):
        values = {}
        for index, value in enumerate(cells):
            key = positions.get(index)
            if key is None:
                if value.strip():
                    result.problems.append(
                        Problem(sheet.title, number, "", f"Rij {number} heeft een waarde in een kolom zonder kop.")
                    )
                continue
            values[key] = value
        if all(is_blank(v) for v in values.values()):
            if number < len(lines):
                sheet_rows.blank_rows += 1
            continue
        sheet_rows.rows.append(Row(number, values))
    return result
