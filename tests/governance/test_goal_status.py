"""The status rule of doelen and indicatoren (governance/goals.py), in both directions and with
missing figures, and the check that a figure fits its unit."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from governance.goals import (
    PARTLY_MARGIN,
    STATUS_RULE,
    Direction,
    Status,
    Unit,
    format_value,
    goal_status,
    latest_status,
    status_for,
    unit_problem,
)

D = Decimal
HOGER, LAGER = Direction.HOGER, Direction.LAGER


@dataclass
class Year:
    year: int
    target: Decimal | None
    actual: Decimal | None


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        ("80", "85", Status.BEHAALD),
        ("80", "80", Status.BEHAALD),
        ("80", "72", Status.DEELS),  # 8 short: exactly 10% of 80
        ("80", "71.99", Status.NIET),
        ("80", "50", Status.NIET),
    ],
)
def test_higher_is_better_is_met_at_or_above_the_target_and_partly_within_ten_percent(target, actual, expected):
    assert status_for(direction=HOGER, target=D(target), actual=D(actual)) == expected


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        ("8", "7.5", Status.BEHAALD),
        ("8", "8", Status.BEHAALD),
        ("8", "8.8", Status.DEELS),  # 0,8 over: exactly 10% of 8
        ("8", "8.81", Status.NIET),
        ("60", "74", Status.NIET),
    ],
)
def test_lower_is_better_is_met_at_or_below_the_target_and_partly_within_ten_percent(target, actual, expected):
    assert status_for(direction=LAGER, target=D(target), actual=D(actual)) == expected


@pytest.mark.parametrize("direction", [HOGER, LAGER])
def test_a_missing_target_or_realisatie_is_niet_bekend(direction):
    assert status_for(direction=direction, target=None, actual=D("5")) == Status.ONBEKEND
    assert status_for(direction=direction, target=D("5"), actual=None) == Status.ONBEKEND
    assert status_for(direction=direction, target=None, actual=None) == Status.ONBEKEND


def test_a_target_of_zero_leaves_no_margin_for_deels_behaald():
    assert status_for(direction=LAGER, target=D("0"), actual=D("0")) == Status.BEHAALD
    assert status_for(direction=LAGER, target=D("0"), actual=D("1")) == Status.NIET


def test_the_margin_is_ten_percent_and_the_rule_on_the_page_says_so():
    assert PARTLY_MARGIN == D("0.10")
    assert "hooguit 10% van de streefwaarde" in STATUS_RULE


def test_the_latest_realisatie_counts_against_the_target_of_its_own_year():
    years = [Year(2023, D("90"), D("95")), Year(2024, D("90"), D("86")), Year(2025, D("92"), None)]
    latest = latest_status(direction=HOGER, values=years)
    assert (latest.year, latest.target, latest.actual, latest.status) == (2024, D("90"), D("86"), Status.DEELS)


def test_a_realisatie_without_a_target_in_its_year_is_niet_bekend():
    latest = latest_status(direction=HOGER, values=[Year(2024, D("90"), D("95")), Year(2025, None, D("99"))])
    assert (latest.year, latest.status) == (2025, Status.ONBEKEND)


def test_an_indicator_without_any_realisatie_is_niet_bekend():
    latest = latest_status(direction=LAGER, values=[Year(2026, D("10"), None)])
    assert latest.year is None and latest.status == Status.ONBEKEND


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([Status.BEHAALD, Status.BEHAALD], Status.BEHAALD),
        ([Status.BEHAALD, Status.ONBEKEND], Status.BEHAALD),
        ([Status.BEHAALD, Status.NIET], Status.DEELS),
        ([Status.DEELS, Status.NIET], Status.DEELS),
        ([Status.NIET, Status.NIET, Status.ONBEKEND], Status.NIET),
        ([Status.ONBEKEND], Status.ONBEKEND),
        ([], Status.ONBEKEND),
    ],
)
def test_a_goal_takes_its_status_from_the_indicators_that_have_one(statuses, expected):
    assert goal_status(statuses) == expected


@pytest.mark.parametrize(
    ("unit", "value", "message"),
    [
        (Unit.PROCENT, "120", "120 past niet bij de eenheid procent: de waarde ligt tussen 0 en 100."),
        (Unit.AANTAL, "3.5", "3,5 past niet bij de eenheid aantal: een aantal is een geheel getal."),
        (Unit.AANTAL, "-2", "-2 past niet bij de eenheid aantal: de waarde kan niet lager zijn dan 0."),
        (Unit.CIJFER, "0", "0 past niet bij de eenheid rapportcijfer (1–10): de waarde ligt tussen 1 en 10."),
    ],
)
def test_a_figure_outside_its_unit_gets_a_dutch_message(unit, value, message):
    assert unit_problem(unit=unit, value=D(value)) == message


@pytest.mark.parametrize(
    ("unit", "value"), [(Unit.PROCENT, "100"), (Unit.AANTAL, "12000"), (Unit.EURO, "-250"), (Unit.CIJFER, "7.5")]
)
def test_a_figure_that_fits_its_unit_passes(unit, value):
    assert unit_problem(unit=unit, value=D(value)) is None


def test_figures_read_in_dutch_with_their_unit():
    assert format_value(D("82.50"), Unit.PROCENT) == "82,5%"
    assert format_value(D("12000.00"), Unit.AANTAL) == "12.000"
    assert format_value(D("8.5"), Unit.MINUTEN) == "8,5 minuten"
    assert format_value(D("1250"), Unit.EURO) == "€ 1.250"
    assert format_value(None, Unit.EURO) == "niet bekend"
