"""The Algemene termijnenwet on real dates (governance/termijnenwet.py): Atw art. 1 lid 1 extends a
forward-counted statutory period ending on a Saturday, Sunday or holiday (art. 3) to the next working day."""

import ast
from datetime import date
from pathlib import Path

import pytest

from governance import deadlines, termijnenwet
from governance.termijnenwet import easter_sunday, extend, holidays, kings_day

D = date


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (1818, D(1818, 3, 22)),  # earliest possible
        (2000, D(2000, 4, 23)),
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2028, D(2028, 4, 16)),
        (2038, D(2038, 4, 25)),  # latest possible
        (2285, D(2285, 3, 22)),
    ],
)
def test_easter_is_computed_with_the_anonymous_gregorian_algorithm(year, easter):
    assert easter_sunday(year) == easter
    assert easter.weekday() == 6


def test_the_holidays_of_2025_are_those_of_atw_art_3_lid_1_and_goede_vrijdag_of_lid_2():
    assert holidays(2025) == {
        D(2025, 1, 1): "Nieuwjaarsdag",
        D(2025, 4, 18): "Goede Vrijdag",
        D(2025, 4, 21): "Tweede Paasdag",
        D(2025, 4, 26): "Koningsdag",
        D(2025, 5, 5): "5 mei",
        D(2025, 5, 29): "Hemelvaartsdag",
        D(2025, 6, 9): "Tweede Pinksterdag",
        D(2025, 12, 25): "Eerste Kerstdag",
        D(2025, 12, 26): "Tweede Kerstdag",
    }


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2014, D(2014, 4, 26)),
        (2025, D(2025, 4, 26)),
        (2026, D(2026, 4, 27)),
        (2031, D(2031, 4, 26)),
        (2013, D(2013, 4, 30)),
    ],
)
def test_koningsdag_is_27_april_or_26_april_when_the_27th_is_a_sunday(year, day):
    assert kings_day(year) == day


@pytest.mark.parametrize(
    ("nominal", "last_day", "reason"),
    [
        (D(2025, 12, 25), D(2025, 12, 29), "Eerste Kerstdag"),  # Thu, Fri 26th and the weekend follow
        (D(2026, 1, 1), D(2026, 1, 2), "Nieuwjaarsdag"),  # across the year end
        (D(2022, 12, 31), D(2023, 1, 2), "zaterdag"),  # Saturday, then Sunday Nieuwjaarsdag
        (D(2020, 2, 29), D(2020, 3, 2), "zaterdag"),  # 29 February on a Saturday
        (D(2028, 2, 29), D(2028, 2, 29), ""),  # 29 February on a Tuesday: a working day
        (D(2026, 4, 3), D(2026, 4, 7), "Goede Vrijdag"),  # Goede Vrijdag, weekend, Tweede Paasdag
        (D(2026, 4, 26), D(2026, 4, 28), "zondag"),  # Sunday, then Koningsdag on Monday 27 April
        (D(2026, 5, 5), D(2026, 5, 6), "5 mei"),
        (D(2026, 5, 14), D(2026, 5, 15), "Hemelvaartsdag"),
        (D(2026, 5, 23), D(2026, 5, 26), "zaterdag"),  # Whitsun weekend and Tweede Pinksterdag
        (D(2025, 5, 3), D(2025, 5, 6), "zaterdag"),  # weekend, then 5 mei 2025 on a Monday
        (D(2025, 7, 24), D(2025, 7, 24), ""),  # an ordinary Thursday
    ],
)
def test_a_period_ending_on_a_weekend_or_holiday_runs_to_the_next_working_day_atw_art_1(nominal, last_day, reason):
    term = extend(nominal)
    assert (term.nominal, term.last_day, term.reason) == (nominal, last_day, reason)
    assert term.extended == (nominal != last_day)


def test_a_day_equated_by_royal_decree_also_extends_the_period_atw_art_3_lid_3():
    # Hemelvaartsdag 2026 is Thursday 14 May; with the Friday equated the period runs to Monday.
    assert extend(D(2026, 5, 14), {D(2026, 5, 15)}).last_day == D(2026, 5, 18)
    assert extend(D(2026, 5, 14)).last_day == D(2026, 5, 15)


def test_the_zienswijzetermijn_shows_the_nominal_and_the_extended_day():
    # Sent 2 October 2025: 12 weeks end on Eerste Kerstdag, the period runs to Monday 29 December.
    term = deadlines.opinion_term(sent_on=D(2025, 10, 2))
    assert (term.nominal, term.last_day) == (D(2025, 12, 25), D(2025, 12, 29))
    assert deadlines.opinion_source(term) == "Wgr art. 35 lid 3; Algemene termijnenwet art. 1 lid 1"


def test_the_cycle_carries_the_nominal_day_of_an_extended_zienswijze():
    cycle = deadlines.cycle_for_year(budget_year=2026, draft_budget_sent_on=D(2025, 2, 8))  # a Saturday
    [opinion] = [event for event in cycle if event.description.startswith("Zienswijze")]
    assert (opinion.nominal, opinion.date) == (D(2025, 5, 3), D(2025, 5, 6))


def test_a_backward_counted_period_is_not_extended():
    # The ontwerpbegroting for an AB meeting on Saturday 13 September 2025 goes out 12 weeks before.
    assert deadlines.latest_draft_budget_sending(adoption_on=D(2025, 9, 13)) == D(2025, 6, 21)


def test_module_imports_nothing_from_django():
    tree = ast.parse(Path(termijnenwet.__file__).read_text(encoding="utf-8"))
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    assert not [name for name in imported if name.split(".")[0] == "django"]
