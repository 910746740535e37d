"""The Wgr planning-and-control deadlines, each pinned to its legal source (governance/deadlines.py)."""

import ast
from datetime import date
from pathlib import Path

import pytest

from governance import deadlines, law
from governance.deadlines import (
    Deadline,
    DeadlineRules,
    DocumentKind,
    FixedDate,
    annual_accounts_to_gs_deadline,
    budget_to_gs_deadline,
    cycle_for_party,
    cycle_for_year,
    earliest_ab_adoption_for_draft_budget,
    framework_letter_deadline,
    latest_draft_budget_sending,
    provisional_accounts_deadline,
    zienswijze_deadline,
)
from partners.choices import LegalForm

SATURDAY, SUNDAY = 5, 6


# Module boundaries


def test_module_imports_nothing_from_django():
    tree = ast.parse(Path(deadlines.__file__).read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in imported if name.split(".")[0] == "django"]


def test_document_kinds_have_dutch_labels_usable_as_choices():
    assert DocumentKind.choices() == [
        ("kaderbrief", "Kaderbrief"),
        ("voorlopige_jaarrekening", "Voorlopige jaarrekening"),
        ("ontwerpbegroting", "Ontwerpbegroting"),
        ("begrotingswijziging", "Begrotingswijziging"),
        ("jaarrekening", "Jaarrekening"),
        ("begroting", "Begroting"),
        ("bestuursbesluit", "Overig bestuursbesluit"),
    ]


# Zienswijze: Wgr art. 35 lid 3, within 12 weeks after sending, in calendar time


def test_zienswijze_deadline_is_twelve_weeks_after_sending_wgr_art_35():
    assert zienswijze_deadline(sent_on=date(2025, 5, 1)) == date(2025, 7, 24)


def test_zienswijze_on_draft_sent_on_31_december_falls_in_march_of_next_year_wgr_art_35():
    assert zienswijze_deadline(sent_on=date(2025, 12, 31)) == date(2026, 3, 25)


def test_zienswijze_period_counts_29_february_in_a_leap_year_wgr_art_35():
    """Across 29 February 2028 the same 84 days end one calendar date earlier than in 2027."""
    assert zienswijze_deadline(sent_on=date(2027, 12, 6)) == date(2028, 2, 28)
    assert zienswijze_deadline(sent_on=date(2027, 12, 20)) == date(2028, 3, 13)
    assert zienswijze_deadline(sent_on=date(2026, 12, 20)) == date(2027, 3, 14)


@pytest.mark.parametrize("sent_on", [date(2025, 5, 3), date(2025, 5, 4)], ids=["zaterdag", "zondag"])
def test_zienswijze_deadline_on_a_weekend_stays_on_that_day_no_algemene_termijnenwet(sent_on):
    deadline = zienswijze_deadline(sent_on=sent_on)
    assert deadline.weekday() in (SATURDAY, SUNDAY)
    assert (deadline - sent_on).days == 84


def test_zienswijze_deadline_on_a_public_holiday_stays_on_that_day():
    # 2 October 2025 + 12 weeks = 25 December 2025, Eerste Kerstdag.
    assert zienswijze_deadline(sent_on=date(2025, 10, 2)) == date(2025, 12, 25)


def test_zienswijze_term_agreed_in_the_regeling_is_used():
    assert zienswijze_deadline(sent_on=date(2025, 5, 1), weeks=8) == date(2025, 6, 26)


@pytest.mark.parametrize("weeks", [0, -1, 53])
def test_zienswijze_term_outside_one_to_52_weeks_is_refused(weeks):
    with pytest.raises(ValueError, match=f"{weeks} weken kan niet; kies 1 tot en met 52 weken."):
        zienswijze_deadline(sent_on=date(2025, 5, 1), weeks=weeks)


# Ontwerpbegroting: Wgr art. 35 lid 1, at least 12 weeks before the AB adopts it


def test_ab_may_adopt_the_begroting_twelve_weeks_after_the_draft_was_sent_wgr_art_35():
    assert earliest_ab_adoption_for_draft_budget(sent_on=date(2025, 4, 15)) == date(2025, 7, 8)


def test_draft_budget_for_an_ab_meeting_goes_out_twelve_weeks_before_it_wgr_art_35():
    assert latest_draft_budget_sending(adoption_on=date(2025, 7, 8)) == date(2025, 4, 15)


# Begroting to GS: Wgr art. 34 lid 2 (art. 58 lid 2 with a provincie), 2 weeks after adoption, before 15 September


def test_begroting_goes_to_gs_two_weeks_after_adoption_when_that_is_earlier_wgr_art_58_lid_2():
    assert budget_to_gs_deadline(adopted_on=date(2025, 6, 26), budget_year=2026) == date(2025, 7, 10)


def test_begroting_goes_to_gs_before_15_september_when_that_is_earlier_wgr_art_58_lid_2():
    assert budget_to_gs_deadline(adopted_on=date(2025, 9, 5), budget_year=2026) == date(2025, 9, 14)


def test_begroting_adopted_on_1_september_is_due_14_september_not_15_wgr_art_58_lid_2():
    """ "Vóór 15 september" ends on the 14th, even when two weeks after adoption is the 15th."""
    assert budget_to_gs_deadline(adopted_on=date(2025, 9, 1), budget_year=2026) == date(2025, 9, 14)
    assert budget_to_gs_deadline(adopted_on=date(2025, 8, 31), budget_year=2026) == date(2025, 9, 14)


def test_begroting_deadline_before_15_september_stays_on_a_weekend_wgr_art_58_lid_2():
    # 15 September 2024 is a Sunday and 14 September 2024 a Saturday: nothing shifts.
    deadline = budget_to_gs_deadline(adopted_on=date(2024, 9, 10), budget_year=2025)
    assert deadline == date(2024, 9, 14)
    assert deadline.weekday() == SATURDAY


# Jaarrekening to GS: Wgr art. 34 lid 3 (art. 58 lid 4 with a provincie), 2 weeks after adoption, before 15 July


def test_jaarrekening_goes_to_gs_two_weeks_after_adoption_when_that_is_earlier_wgr_art_58_lid_4():
    assert annual_accounts_to_gs_deadline(adopted_on=date(2025, 6, 25), accounts_year=2024) == date(2025, 7, 9)


def test_jaarrekening_goes_to_gs_before_15_july_when_that_is_earlier_wgr_art_58_lid_4():
    assert annual_accounts_to_gs_deadline(adopted_on=date(2025, 7, 5), accounts_year=2024) == date(2025, 7, 14)


# Voorlopige jaarrekening and kaderbrief (Wgr art. 34b): before 30 April


def test_voorlopige_jaarrekening_is_due_before_30_april_after_the_year():
    assert provisional_accounts_deadline(accounts_year=2025) == date(2026, 4, 29)


def test_kaderbrief_is_due_before_30_april_of_the_year_before_the_begrotingsjaar_wgr_art_34b():
    assert framework_letter_deadline(budget_year=2027) == date(2026, 4, 29)


# Per-party rules from the regeling


def test_regeling_with_kaderbrief_by_1_february_moves_the_kaderbrief():
    rules = DeadlineRules(framework_letter=FixedDate(1, 2, before=False))
    assert framework_letter_deadline(budget_year=2027, rules=rules) == date(2026, 2, 1)


def test_regeling_with_kaderbrief_before_1_february_ends_on_31_january():
    rules = DeadlineRules(framework_letter=FixedDate(1, 2))
    assert framework_letter_deadline(budget_year=2027, rules=rules) == date(2026, 1, 31)


@pytest.mark.parametrize(
    ("day", "month", "message"),
    [
        (30, 2, "30 februari bestaat niet."),
        (31, 4, "31 april bestaat niet."),
        (0, 5, "0 mei bestaat niet."),
        (29, 2, "29 februari bestaat niet in elk jaar; kies 28 februari of 1 maart."),
        (1, 13, "Maand 13 bestaat niet; kies 1 tot en met 12."),
    ],
)
def test_impossible_date_in_the_regeling_is_refused_in_dutch(day, month, message):
    with pytest.raises(ValueError) as excinfo:
        DeadlineRules(framework_letter=FixedDate(day, month))
    assert str(excinfo.value) == message


@pytest.mark.parametrize("field", ["opinion_weeks", "draft_budget_weeks"])
@pytest.mark.parametrize("weeks", [0, -4, 53])
def test_impossible_number_of_weeks_in_the_regeling_is_refused_in_dutch(field, weeks):
    with pytest.raises(ValueError, match=f"{weeks} weken kan niet; kies 1 tot en met 52 weken."):
        DeadlineRules(**{field: weeks})


def test_number_of_weeks_must_be_a_whole_number():
    with pytest.raises(ValueError, match="geheel getal"):
        DeadlineRules(opinion_weeks=True)


# The cycle around one begrotingsjaar


def test_cycle_lists_the_wgr_deadlines_in_date_order_with_their_sources():
    cycle = cycle_for_year(budget_year=2026)
    assert [(event.kind, event.date, event.legal_source) for event in cycle] == [
        (DocumentKind.KADERBRIEF, date(2025, 4, 29), "Wgr art. 34b"),
        (DocumentKind.ONTWERPBEGROTING, date(2025, 6, 22), "Wgr art. 35 lid 1; Wgr art. 34 lid 2"),
        (DocumentKind.BEGROTING, date(2025, 9, 14), "Wgr art. 34 lid 2"),
        (DocumentKind.VOORLOPIGE_JAARREKENING, date(2027, 4, 29), "Wgr art. 34b"),
        (DocumentKind.JAARREKENING, date(2027, 7, 14), "Wgr art. 34 lid 3"),
    ]
    assert all(isinstance(event, Deadline) for event in cycle)


def test_cycle_describes_each_deadline_in_dutch_with_the_law_s_wording():
    descriptions = [event.description for event in cycle_for_year(budget_year=2026)]
    assert descriptions[0] == "Kaderbrief 2026 naar de raden, vóór 30 april 2025"
    assert descriptions[2] == (
        "Begroting 2026 naar Gedeputeerde Staten, binnen 2 weken na vaststelling en vóór 15 september 2025"
    )
    assert descriptions[4] == (
        "Jaarrekening 2026 naar Gedeputeerde Staten, binnen 2 weken na vaststelling en vóór 15 juli 2027"
    )


def test_cycle_adds_zienswijze_and_first_adoption_day_once_the_draft_is_sent():
    cycle = cycle_for_year(budget_year=2026, draft_budget_sent_on=date(2025, 5, 1))
    opinion = [event for event in cycle if event.description.startswith("Zienswijze")]
    adoption = [event for event in cycle if event.description.startswith("Vroegste vaststelling")]
    assert [event.date for event in opinion] == [date(2025, 7, 24)]
    assert [event.date for event in adoption] == [date(2025, 7, 24)]
    assert [event.date for event in cycle] == sorted(event.date for event in cycle)


def test_cycle_names_the_regeling_as_source_of_an_overridden_deadline():
    rules = DeadlineRules(framework_letter=FixedDate(1, 2, before=False))
    kaderbrief = cycle_for_year(budget_year=2026, rules=rules)[0]
    assert kaderbrief.date == date(2025, 2, 1)
    assert kaderbrief.description == "Kaderbrief 2026 naar de raden, uiterlijk 1 februari 2025"
    assert kaderbrief.legal_source == "Gemeenschappelijke regeling (afwijkend van Wgr art. 34b)"


# Legal forms (governance/law.py): which forms have the cycle, Wgr art. 8


@pytest.mark.parametrize("legal_form", ["openbaar_lichaam", "bedrijfsvoeringsorganisatie"])
def test_openbaar_lichaam_and_bedrijfsvoeringsorganisatie_have_the_cycle_wgr_art_8_lid_1_and_3(legal_form):
    assert len(cycle_for_party(legal_form=legal_form, budget_year=2026)) == 5


def test_gemeenschappelijk_orgaan_has_the_cycle_only_when_its_regeling_says_so_wgr_art_8_lid_2():
    assert cycle_for_party(legal_form="gemeenschappelijk_orgaan", budget_year=2026) == []
    assert len(cycle_for_party(legal_form="gemeenschappelijk_orgaan", budget_year=2026, by_regeling=True)) == 5


@pytest.mark.parametrize("legal_form", ["centrumgemeenteregeling", "regeling_zonder_meer"])
def test_a_regeling_without_organ_has_no_cycle_even_if_asked_wgr_art_8_lid_4(legal_form):
    assert cycle_for_party(legal_form=legal_form, budget_year=2026) == []
    assert cycle_for_party(legal_form=legal_form, budget_year=2026, by_regeling=True) == []


@pytest.mark.parametrize("legal_form", ["nv", "bv", "cooperatie", "stichting", "vereniging", "overig"])
def test_a_private_law_party_has_no_wgr_deadlines(legal_form):
    assert cycle_for_party(legal_form=legal_form, budget_year=2026, by_regeling=True) == []


def test_unknown_legal_form_is_refused():
    with pytest.raises(ValueError, match="Onbekende rechtsvorm: 'gemeente'."):
        cycle_for_party(legal_form="gemeente", budget_year=2026)


def test_legal_forms_match_the_register_s_choices():
    assert law.PUBLIC_LAW_FORMS | law.PRIVATE_LAW_FORMS == set(LegalForm.values)
    assert not law.PUBLIC_LAW_FORMS & law.PRIVATE_LAW_FORMS


# The toezichthouder: GS (Wgr art. 34 lid 2 and 3), the minister of BZK with a provincie (art. 58)


def test_with_a_provincie_the_begroting_and_jaarrekening_go_to_the_minister_wgr_art_58_lid_2_and_4():
    cycle = cycle_for_year(budget_year=2026, supervisor=law.supervisor(province_takes_part=True))
    sources = {event.kind: event.legal_source for event in cycle}
    assert sources[DocumentKind.BEGROTING] == "Wgr art. 58 lid 2"
    assert sources[DocumentKind.JAARREKENING] == "Wgr art. 58 lid 4"
    descriptions = " ".join(event.description for event in cycle)
    assert "Begroting 2026 naar de Minister van Binnenlandse Zaken en Koninkrijksrelaties" in descriptions
    assert "Gedeputeerde Staten" not in descriptions


def test_with_only_gemeenten_the_toezichthouder_is_gs_wgr_art_34_lid_2_and_3():
    assert law.supervisor(province_takes_part=False) == law.GEDEPUTEERDE_STATEN
    assert (law.GEDEPUTEERDE_STATEN.budget_source, law.GEDEPUTEERDE_STATEN.accounts_source) == (
        "Wgr art. 34 lid 2",
        "Wgr art. 34 lid 3",
    )


# A regeling may ask more than the law, never less


def _looser(**changes):
    values = {
        "opinion_weeks": 12,
        "draft_budget_weeks": 12,
        "framework_letter": (30, 4, True),
        "provisional_accounts": (30, 4, True),
    }
    return law.looser_than_law(**{**values, **changes})


def test_the_law_s_own_rules_are_not_looser_than_the_law():
    assert _looser() == {}


@pytest.mark.parametrize("weeks", [13, 16, 52])
def test_a_longer_zienswijzetermijn_is_allowed(weeks):
    assert _looser(opinion_weeks=weeks, draft_budget_weeks=weeks) == {}


def test_a_zienswijzetermijn_of_11_weeks_is_refused_citing_wgr_art_35_lid_3():
    message = _looser(opinion_weeks=11)["opinion_weeks"]
    assert "ten minste 12 weken" in message and "Wgr art. 35 lid 3" in message


def test_an_ontwerpbegroting_11_weeks_ahead_is_refused_citing_wgr_art_35_lid_1():
    assert "Wgr art. 35 lid 1" in _looser(draft_budget_weeks=11)["draft_budget_weeks"]


@pytest.mark.parametrize(
    "date_rule", [(29, 4, False), (30, 4, True), (1, 2, False), (31, 1, True), (1, 4, True)], ids=str
)
def test_a_kaderbrief_on_or_before_29_april_is_allowed(date_rule):
    assert _looser(framework_letter=date_rule) == {}


@pytest.mark.parametrize("date_rule", [(30, 4, False), (1, 5, True), (1, 5, False), (15, 9, True)], ids=str)
def test_a_kaderbrief_after_29_april_is_refused_citing_wgr_art_34b(date_rule):
    errors = _looser(framework_letter=date_rule, provisional_accounts=date_rule)
    assert "Wgr art. 34b" in errors["framework_letter_month"]
    assert "Wgr art. 34b" in errors["provisional_accounts_month"]


def test_law_module_imports_nothing_from_django():
    tree = ast.parse(Path(law.__file__).read_text(encoding="utf-8"))
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    assert not [name for name in imported if name.split(".")[0] == "django"]
