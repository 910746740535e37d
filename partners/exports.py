"""Table exports (CSV and XLSX) of a queryset, column by column, with Dutch headers.

CSV follows Dutch spreadsheet habits: UTF-8 with BOM, `;` as separator and a decimal comma, so
that Excel in a Dutch locale reads amounts as numbers. XLSX cells hold real numbers and dates.

Stored text never breaks an XLSX: characters XML cannot hold (control characters such as the
manual line break U+000B) are taken out in append_literal, through which every XLSX row is written.

Text is never a formula (OWASP "CSV injection"): a name such as `=HYPERLINK(…)` or `@SUM(…)` typed
into the register stays text. In CSV such a cell starts with an apostrophe, which spreadsheets read
as "this is text"; in XLSX the cell is stored as a string, shown exactly as typed.
"""

import csv
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .text import for_spreadsheet

EURO_FORMAT = '"€" #,##0.00'
PERCENT_FORMAT = "0.00"
CENT = Decimal("0.01")
# Characters with which Excel, LibreOffice and Google Sheets start a formula (tab and CR per OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """A text cell for CSV that a spreadsheet shows as text, never evaluates."""
    return "'" + text if text.startswith(FORMULA_START) else text


def append_literal(sheet, values: list) -> None:
    """sheet.append(), except that openpyxl's reading of a text starting with "=" as a formula is undone
    and that text loses the control characters an XLSX cannot hold (partners/text.py).

    The cells are made here rather than looked up after appending: finding the last row
    (sheet.max_row) scans every cell of the sheet, which made an export of 3,000 rows take seconds."""
    cells = []
    for value in values:
        cell = Cell(sheet, value=for_spreadsheet(value))
        if cell.data_type == "f":
            cell.data_type = "s"
        cells.append(cell)
    sheet.append(cells)


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[object], object]
    kind: str = "text"  # text | number | euro | percent | date


def _csv_cell(value, kind: str = "text"):
    if value is None:
        return ""
    if kind == "euro" and isinstance(value, Decimal):
        # Sums computed by SQLite come back as floats (1734567.30000000); amounts have cents.
        value = value.quantize(CENT)
    if isinstance(value, Decimal | float):
        return f"{value:f}".replace(".", ",")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return neutralise_formula(str(value))


class _Echo:
    def write(self, value):
        return value


def csv_response(columns: list[Column], rows: Iterable, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        yield "\ufeff" + writer.writerow([c.header for c in columns])
        for row in rows:
            yield writer.writerow([_csv_cell(c.value(row), c.kind) for c in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(columns: list[Column], rows: Iterable, filename: str, title: str) -> HttpResponse:
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    append_literal(sheet, [c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        values = []
        for column in columns:
            value = column.value(row)
            if isinstance(value, Decimal):
                value = float(value) if column.kind in {"euro", "percent", "number"} else value
            if isinstance(value, bool):
                value = "ja" if value else "nee"
            values.append(value)
        append_literal(sheet, values)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(60, len(column.header) + 4))
        number_format = {"euro": EURO_FORMAT, "percent": PERCENT_FORMAT, "date": "DD-MM-YYYY"}.get(column.kind)
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


EXPORT_FORMATS = ("csv", "xlsx")


def export_response(fmt: str, columns: list[Column], rows: Iterable, filename: str, title: str):
    if fmt == "csv":
        return csv_response(columns, rows, filename)
    return xlsx_response(columns, rows, filename, title)
