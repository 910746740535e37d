"""Reading an uploaded file into rows per sheet, and refusing what cannot be read safely.

XLSX is read with openpyxl in read-only mode, row by row, and CSV record by record, so that a file
beyond the limits (rows, columns, the length of a cell: Limits) is refused at the first row that
crosses one, before the rest is read; the unpacked size of an XLSX is checked before it is opened,
and each sheet's dimensions in a pass that keeps nothing (_SheetScan).
Merged cells are noted in that pass. A password-protected XLSX is an OLE compound
file, not a zip, and is recognised by its signature. CSV holds one kind of rows, recognised by its
headers; `;`, `,` and tab are accepted. Blank rows in between are skipped and counted in the report,
so a tidy-up in Excel does not fail. Text loses Word's manual line break and may hold no other
control character (core/text.py).
"""

import csv
import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree
from xml.parsers import expat

from django.conf import settings
from openpyxl.utils import get_column_letter

from core.text import LONG_TEXT_MAX_LENGTH, control_character_message, for_spreadsheet, with_line_breaks

from .columns import EXPLANATION_TITLE, SHEETS, Sheet
from .values import UNITS, is_blank, normalize, split_unit, text

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


class FileRefused(Exception):
    """The file as a whole cannot be imported; the message says why, in Dutch, and where when it is
    one place (a sheet, a row, a cell) that crosses a limit."""

    def __init__(self, message: str, *, sheet: str = "", row: int | None = None, column: str = ""):
        super().__init__(message)
        self.sheet, self.row, self.column = sheet, row, column


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
    # Amount columns stated in thousands or millions ("Bijdrage (x € 1.000)"): key -> factor.
    units: dict = field(default_factory=dict)
    # The keys of the columns the sheet has: a column left out of an older template changes nothing.
    present: set = field(default_factory=set)


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


def _match_headers(
    sheet: Sheet, label: str, headers: list, result: ReadResult, units: dict | None = None, sheet_unit: int = 1
) -> dict[int, str] | None:
    """Column index -> column key; problems for unknown, duplicate and missing headers. The unit of an
    amount column ("Bijdrage (x € 1.000)", or the sheet's) goes into ``units``."""
    by_name = {normalize(c.header): c for c in sheet.columns}
    positions, seen, ok = {}, {}, True
    units = {} if units is None else units
    for index, raw in enumerate(headers):
        if is_blank(raw):
            continue
        header, unit = split_unit(text(raw).rstrip("*").strip())
        name = normalize(header.rstrip("*").strip())
        column = by_name.get(name)
        if column is not None and unit != 1 and column.kind != "amount":
            result.problems.append(
                Problem(
                    label,
                    1,
                    text(raw),
                    f"De kolom “{column.header}” heeft een eenheid ({UNITS[unit]}), maar bevat geen bedragen.",
                )
            )
            seen[column.key] = index  # the column is there: not also "missing"
            ok = False
            continue
        if column is not None and column.kind == "amount" and (unit != 1 or sheet_unit != 1):
            units[column.key] = unit if unit != 1 else sheet_unit
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


class Limits:
    """The dimensions a file may have, checked while it is read, before anything else is done with it.

    The widest sheet has 16 columns and no field is longer than core.text.LONG_TEXT_MAX_LENGTH;
    a spreadsheet beyond that is no register but a way to make the server read a lot."""

    columns = 50
    cell_length = LONG_TEXT_MAX_LENGTH
    # The parts of an XLSX (a zip) that openpyxl reads whole: shared strings, styles, the workbook.
    part_bytes = 32 * 1024 * 1024
    # All parts unpacked; worksheets are read row by row, but each row costs time.
    unpacked_bytes = 256 * 1024 * 1024

    @staticmethod
    def rows() -> int:
        return settings.IMPORT_MAX_ROWS


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _column_letter(number: int) -> str:
    return get_column_letter(number) if number <= 16_384 else str(number)  # XFD is Excel's last column


def _where(label: str, row: int, column: int | None = None) -> str:
    cell = f"cel {_column_letter(column)}{row}" if column else f"rij {row}"
    return f"{label}, {cell}" if label else cell[0].upper() + cell[1:]


def _check_row_limit(count: int) -> None:
    if count > Limits.rows():
        raise FileRefused(
            f"Het bestand heeft meer dan {_number(Limits.rows())} rijen; splits het in kleinere bestanden."
        )


def _check_width(label: str, row: int, column: int) -> None:
    """column: the last column of the row that holds a value (empty, formatted cells do not count)."""
    if column > Limits.columns:
        raise FileRefused(
            f"{_where(label, row)} heeft meer dan {Limits.columns} kolommen (een waarde in kolom "
            f"{_column_letter(column)}); de import leest hooguit {Limits.columns} kolommen per tabblad. "
            "Verwijder de kolommen die niet in het sjabloon staan.",
            sheet=label,
            row=row,
            column=_column_letter(column),
        )


def _cell_text(value, label: str, row: int, column: int, result: ReadResult):
    """A text cell as the register keeps it: too long refuses the file, a control character is a problem
    for this cell (and is left out, so that the check of the field does not report it again)."""
    if not isinstance(value, str):
        return value
    if len(value) > Limits.cell_length:
        raise FileRefused(
            f"{_where(label, row, column)} bevat {_number(len(value))} tekens; een cel mag hooguit "
            f"{_number(Limits.cell_length)} tekens bevatten. Kort de tekst in.",
            sheet=label,
            row=row,
            column=f"{_column_letter(column)}{row}",
        )
    value = with_line_breaks(value)
    message = control_character_message(value)
    if message:
        where = get_column_letter(column) + str(row)
        result.problems.append(Problem(label, row, where, f"Cel {where}: {message}"))
        value = for_spreadsheet(value)
    return value


def _sheet_for_title(title: str) -> Sheet | None:
    """The sheet by its title or key, with or without an apostrophe: Risico's, Risicos, risico’s; a
    unit after the title ("Financiën deelname (x € 1.000)") is the sheet's unit of amounts."""
    wanted = normalize(split_unit(title)[0]).replace("'", "")
    return next((s for s in SHEETS if wanted in {normalize(s.title).replace("'", ""), s.key}), None)


DAMAGED = (
    "Het bestand is geen leesbaar Excel-bestand (.xlsx): het is beschadigd of het is een ander soort "
    "zip-bestand. Open het in Excel en sla het opnieuw op als Excel-werkmap."
)


def _check_unpacked_size(archive: zipfile.ZipFile) -> None:
    """A zip states how large each part is unpacked (and reading stops there): refuse a zip bomb unread."""
    parts = archive.infolist()
    too_large = next(
        (p for p in parts if p.file_size > Limits.part_bytes and not p.filename.startswith("xl/worksheets/")), None
    )
    if too_large is not None or sum(p.file_size for p in parts) > Limits.unpacked_bytes:
        limit = Limits.part_bytes if too_large else Limits.unpacked_bytes
        raise FileRefused(
            f"Het Excel-bestand is uitgepakt groter dan {limit // 1024 // 1024} MB"
            + (f" (het onderdeel {too_large.filename})" if too_large else "")
            + "; dat is geen register. Sla alleen de tabbladen van het sjabloon op, zonder opmaak of afbeeldingen."
        )


def _column_number(reference: str) -> int:
    """'DP12' -> 120; 0 for a reference without letters."""
    number = 0
    for letter in reference:
        if not letter.isalpha():
            break
        number = number * 26 + ord(letter.upper()) - 64
    return number


def _sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name -> sheet title, from the workbook and its relations (both small: Limits.part_bytes)."""
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in relations}
    titles = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet"):
            key = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            target = targets.get(key, "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            titles[part] = sheet.get("name", "")
    return titles


class _SheetScan:
    """A pass over a sheet's XML that keeps nothing and stops at the first row beyond the limits: the
    range the sheet states, each row's number and each cell's column. openpyxl, which reads the sheet
    afterwards, builds every row (and reads a sheet without a stated range whole to size it). The
    pass also notes the merged cells, which openpyxl does not read in read-only mode."""

    def __init__(self, label: str, counts_rows: bool):
        self.label, self.counts_rows = label, counts_rows
        self.row, self.column = 0, 0
        self.merged: list[str] = []
        # Called for every element of the sheet: the limits are looked up once.
        self.max_columns, self.max_rows = Limits.columns, Limits.rows() if counts_rows else None

    def start(self, name: str, attrs: dict) -> None:
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "c":
            reference = attrs.get("r")
            self.column = _column_number(reference) if reference else self.column + 1
        elif name == "v" or name == "is" or name == "f":  # the cell holds a value, a text or a formula
            if self.column > self.max_columns:
                _check_width(self.label, self.row, self.column)
        elif name == "row":
            self.row = int(attrs["r"]) if attrs.get("r", "").isdigit() else self.row + 1
            self.column = 0
            if self.max_rows is not None and self.row - 1 > self.max_rows:
                _check_row_limit(self.row - 1)
        elif name == "mergeCell":
            self.merged.append(attrs.get("ref", ""))
        elif name == "dimension":
            last = attrs.get("ref", "").rpartition(":")[2]
            width = _column_number(last)
            if width > Limits.columns:
                raise FileRefused(
                    f"Het tabblad “{self.label}” is {_number(width)} kolommen breed (tot en met kolom "
                    f"{_column_letter(width)}); de import leest hooguit {Limits.columns} kolommen per tabblad. "
                    "Verwijder de kolommen die niet in het sjabloon staan.",
                    sheet=self.label,
                )
            height = last[len(last) - len(last.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")) :]
            if self.counts_rows and height.isdigit():
                _check_row_limit(int(height) - 1)


def _scan_sheets(archive: zipfile.ZipFile) -> dict[str, list[str]]:
    """Scan every sheet the workbook names, and any other part in xl/worksheets/; the merged cells
    by sheet title."""
    titles = _sheet_titles(archive)
    names = set(archive.namelist())
    parts = [p for p in titles if p in names]
    parts += [n for n in sorted(names) if n.startswith("xl/worksheets/") and n.endswith(".xml") and n not in titles]
    merged = {}
    for part in parts:
        label = titles.get(part, part)
        scan = _SheetScan(label, counts_rows=normalize(label) != normalize(EXPLANATION_TITLE))
        parser = expat.ParserCreate()
        parser.StartElementHandler = scan.start
        with archive.open(part) as source:
            parser.ParseFile(source)
        merged[label] = scan.merged
    return merged


def _read_xlsx(data: bytes) -> ReadResult:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_unpacked_size(archive)
            merged = _scan_sheets(archive)
        # Read-only: rows are parsed one at a time, so a sheet's size is checked before it is held.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except FileRefused:
        raise
    except Exception:  # zipfile and openpyxl raise zip, XML, key and value errors for a damaged file
        raise FileRefused(DAMAGED) from None
    try:
        return _read_worksheets(workbook, merged)
    except (FileRefused, MemoryError):
        raise
    except Exception:  # a part that is damaged is only found while its rows are read
        raise FileRefused(DAMAGED) from None
    finally:
        workbook.close()


def _read_worksheets(workbook, merged: dict[str, list[str]]) -> ReadResult:
    result, total = ReadResult(), 0
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
        # The stated size (<dimension>) may be wrong; rows are taken as they come and counted.
        worksheet.reset_dimensions()
        sheet_rows = SheetRows(sheet, title)
        result.sheets.append(sheet_rows)
        positions, blank_numbers = None, []
        for number, cells in enumerate(worksheet.iter_rows(), start=1):
            _check_width(title, number, max((i for i, c in enumerate(cells, 1) if c.value is not None), default=0))
            if number == 1:
                headers = [_cell_text(c.value, title, 1, i, result) for i, c in enumerate(cells, start=1)]
                positions = _match_headers(sheet, title, headers, result, sheet_rows.units, split_unit(title)[1])
                sheet_rows.present = set((positions or {}).values())
                continue
            total += 1
            _check_row_limit(total)
            row = _xlsx_row(cells, number, title, positions, result)
            if row is None:
                blank_numbers.append(number)
            elif positions is not None:
                sheet_rows.rows.append(row)
        for coordinate in merged.get(title, []):
            first_row = int("".join(ch for ch in coordinate.split(":")[0] if ch.isdigit()) or 0)
            result.problems.append(
                Problem(
                    title,
                    first_row,
                    coordinate,
                    f"De cellen {coordinate} zijn samengevoegd. Maak de samenvoeging ongedaan en vul elke cel.",
                )
            )
        # Empty (formatted) rows after the last row are not blank rows in between.
        last = sheet_rows.rows[-1].number if sheet_rows.rows else 0
        sheet_rows.blank_rows = sum(1 for n in blank_numbers if n < last)
    return result


def _xlsx_row(cells, number: int, title: str, positions: dict | None, result: ReadResult) -> Row | None:
    """One row of a sheet, or None when it is blank."""
    values, percent = {}, set()
    for index, cell in enumerate(cells, start=1):
        if cell.value is None:
            continue
        coordinate = f"{get_column_letter(index)}{number}"
        if cell.data_type == "f":
            result.problems.append(
                Problem(
                    title,
                    number,
                    coordinate,
                    f"Cel {coordinate} bevat een formule ({text(cell.value)[:40]}). Vervang formules "
                    "door hun waarde (kopiëren, plakken speciaal, waarden).",
                )
            )
            continue
        value = _cell_text(cell.value, title, number, index, result)
        key = positions.get(index - 1) if positions else None
        if key is None:
            if positions is not None and not is_blank(value):
                result.problems.append(
                    Problem(title, number, coordinate, f"Cel {coordinate} staat in een kolom zonder kop.")
                )
            continue
        values[key] = value
        if "%" in (cell.number_format or ""):
            percent.add(key)
    if all(is_blank(v) for v in values.values()):
        return None
    return Row(number, values, frozenset(percent))


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


def _csv_records(content: str, delimiter: str, label: str):
    """(row number, cells) one record at a time, each checked against the limits before it is kept."""
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            # The csv module stops at a field of more than 128 KB (or a broken quote).
            raise FileRefused(
                f"{_where(label, number)}: een cel is langer dan {_number(Limits.cell_length)} tekens of een "
                "aanhalingsteken sluit niet. Kort de tekst in of controleer de aanhalingstekens.",
                sheet=label,
                row=number,
            ) from None
        _check_width(label, number, max((i for i, c in enumerate(cells, 1) if c.strip()), default=0))
        if number > 1:
            _check_row_limit(number - 1)
        yield number, cells


def _read_csv(data: bytes, filename: str) -> ReadResult:
    content = _decode(data)
    first_line = content.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    records = _csv_records(content, delimiter, filename)
    result = ReadResult()
    _, raw_headers = next(records, (1, []))
    headers = [_cell_text(h, filename, 1, i, result) for i, h in enumerate(raw_headers, start=1)]
    wanted = {normalize(split_unit(text(h).rstrip("*").strip())[0]) for h in headers if h.strip()}

    def fit(sheet: Sheet):
        names = {normalize(h) for h in sheet.headers}
        required = {normalize(c.header) for c in sheet.columns if c.required}
        return (
            len(wanted & names) - len(wanted - names),
            len(required & wanted),
            normalize(sheet.title) in normalize(filename),
        )

    sheet = max(SHEETS, key=fit)
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
    sheet_rows = SheetRows(sheet, sheet.title)
    positions = _match_headers(sheet, sheet.title, headers, result, sheet_rows.units)
    sheet_rows.present = set((positions or {}).values())
    result.sheets.append(sheet_rows)
    if positions is None:
        return result
    blank_numbers = []
    for number, cells in records:
        values = {}
        for index, value in enumerate(cells):
            value = _cell_text(value, sheet.title, number, index + 1, result)
            key = positions.get(index)
            if key is None:
                if value.strip():
                    result.problems.append(
                        Problem(sheet.title, number, "", f"Rij {number} heeft een waarde in een kolom zonder kop.")
                    )
                continue
            values[key] = value
        if all(is_blank(v) for v in values.values()):
            blank_numbers.append(number)
            continue
        sheet_rows.rows.append(Row(number, values))
    # Blank lines at the end are not blank rows in between.
    last = sheet_rows.rows[-1].number if sheet_rows.rows else 0
    sheet_rows.blank_rows = sum(1 for n in blank_numbers if n < last)
    return result
