"""Rules that once were written several times stay written once: the source of the apps is searched
for their spelled-out form outside the one module that holds each."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("core", "accounts", "partners", "risks", "governance", "reports", "importer", "demo")

# (what, pattern, the one file allowed to spell it out)
RULES = [
    (
        "a party-wide row or one on the gemeente's own deelname",
        r"participation(__isnull=True|_id=None)\)?\s*\|\s*Q\(\*?\*?\{?f?[\"']?\{?prefix\}?participation|"
        r"participation(__isnull=True|_id=None)\)\s*\|\s*Q\(participation",
        "partners/scoping.py",
    ),
    ("the year range 1900-2100", r"1900\)?\s*,\s*MaxValueValidator\(2100|year__gte=1900|low=1900", "core/periods.py"),
    ("a short amount form", r"def _?short_euro\(", "core/formatting.py"),
    ("grouping thousands with dots", r"while len\((whole|digits)\) > 3", "core/formatting.py"),
    ("the register apps", r"REGISTER_APPS\s*=", "core/history.py"),
    ("loading the risk levels", r"RiskLevel\.objects\.order_by\(\"min_score\"\)", "risks/selectors.py"),
]


def sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("what", "pattern", "home"), RULES, ids=[rule[0] for rule in RULES])
def test_a_shared_rule_is_written_in_one_module(what, pattern, home):
    found = {name for name, text in sources() if re.search(pattern, text)}
    assert found <= {home}, f"{what} is written outside {home}: {sorted(found - {home})}"


def test_the_search_finds_a_copy_where_there_is_one():
    copy = "risks.filter(Q(participation__isnull=True) | Q(participation__participant=municipality))"
    assert re.search(RULES[0][1], copy)
    assert re.search(RULES[1][1], "validators=[MinValueValidator(1900), MaxValueValidator(2100)]")
