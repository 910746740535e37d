"""The print stylesheet keeps WeasyPrint's work small: the fields of a party are one table whose rows are
the fields (label and value the two cells), not a grid or a table per field (a grid per field cost about
an eighth of the paragraaf's render time, a table per field about a tenth, bench/paragraph_national.py)."""

import re
from pathlib import Path

CSS = (Path(__file__).resolve().parents[2] / "static" / "css" / "report.css").read_text(encoding="utf-8")


def rule(selector: str) -> str:
    found = re.search(rf"^{re.escape(selector)}\s*\{{([^}}]*)\}}", CSS, re.M)
    assert found, f"no rule for {selector}"
    return found.group(1)


def test_the_fields_of_a_party_are_one_table_whose_rows_are_never_split():
    assert "display: table;" in rule(".fields")
    assert "display: table-row;" in rule(".fields > div")
    assert "break-inside: avoid" in rule(".fields > div")
    assert "display: table-cell" in rule(".fields dt") and "display: table-cell" in rule(".fields dd")


def test_no_report_field_is_laid_out_as_a_grid():
    assert not re.search(r"\.fields[^{]*\{[^}]*display:\s*grid", CSS)


def test_the_calendar_is_no_multi_column_layout():
    # "columns: 1" made WeasyPrint lay the calendar out as a multi-column box for the same result.
    assert "columns" not in rule(".calendar")
