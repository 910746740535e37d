"""The print stylesheet keeps WeasyPrint's work small: the label and value of a report field are the
two cells of a one-row table, not a grid per field (a grid per field cost about an eighth of the
paragraaf's render time, bench/report.py)."""

import re
from pathlib import Path

CSS = (Path(__file__).resolve().parents[2] / "static" / "css" / "report.css").read_text(encoding="utf-8")


def rule(selector: str) -> str:
    found = re.search(rf"^{re.escape(selector)}\s*\{{([^}}]*)\}}", CSS, re.M)
    assert found, f"no rule for {selector}"
    return found.group(1)


def test_a_report_field_is_a_one_row_table_that_is_never_split():
    assert "display: table;" in rule(".fields > div")
    assert "break-inside: avoid" in rule(".fields > div")
    assert "display: table-cell" in rule(".fields dt") and "display: table-cell" in rule(".fields dd")


def test_no_report_field_is_laid_out_as_a_grid():
    assert not re.search(r"\.fields[^{]*\{[^}]*display:\s*grid", CSS)
