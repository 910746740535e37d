"""The proposed risk profile of a deelname: the rule at each threshold, its inputs from the register,
and how the factsheet and the admin show it next to the profile set by hand."""

import datetime
from decimal import Decimal

import pytest

from governance.choices import ARRANGEMENTS, RiskProfile
from governance.risk_profile import (
    EXPOSURE_HIGH,
    EXPOSURE_MIDDLE,
    INTEREST_HIGH,
    INTEREST_MIDDLE,
    compare,
    propose_profile,
)
from governance.selectors import risk_profile_proposals
from partners.choices import FigureKind
from risks.choices import RiskStatus
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
)
from tests.partners.pages import text
from tests.risks.factories import RiskFactory

from .factories import ParticipationGovernanceFactory
from .pages import query_count

CENT = Decimal("0.01")
LAAG, MIDDEN, HOOG = RiskProfile.LAAG, RiskProfile.MIDDEN, RiskProfile.HOOG


def propose(risk_levels=(), exposure=None, contribution=None, interest=None):
    return propose_profile(risk_levels=risk_levels, exposure=exposure, contribution=contribution, interest=interest)


@pytest.mark.parametrize(
    ("risk_levels", "expected"),
    [
        ([], LAAG),
        (["laag", "laag"], LAAG),
        (["midden"], MIDDEN),
        (["laag", "midden"], MIDDEN),
        (["hoog"], HOOG),
        (["zeer_hoog"], HOOG),
        (["laag", "midden", "zeer_hoog"], HOOG),
        (["eigen_niveau"], LAAG),  # a level a beheerder added under another code counts as low
    ],
)
def test_the_highest_risk_level_sets_the_profile(risk_levels, expected):
    assert propose(risk_levels).profile == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("0"), LAAG),
        (EXPOSURE_MIDDLE - CENT, LAAG),
        (EXPOSURE_MIDDLE, MIDDEN),
        (EXPOSURE_MIDDLE + CENT, MIDDEN),
        (EXPOSURE_HIGH - CENT, MIDDEN),
        (EXPOSURE_HIGH, HOOG),
        (EXPOSURE_HIGH + CENT, HOOG),
    ],
)
def test_the_exposure_counts_from_each_threshold_upwards(amount, expected):
    assert propose(exposure=amount).profile == expected


@pytest.mark.parametrize("kind", ["contribution", "interest"])
@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("0"), LAAG),
        (INTEREST_MIDDLE - CENT, LAAG),
        (INTEREST_MIDDLE, MIDDEN),
        (INTEREST_MIDDLE + CENT, MIDDEN),
        (INTEREST_HIGH - CENT, MIDDEN),
        (INTEREST_HIGH, HOOG),
        (INTEREST_HIGH + CENT, HOOG),
    ],
)
def test_the_bijdrage_and_the_belang_count_from_each_threshold_upwards(kind, amount, expected):
    assert propose(**{kind: amount}).profile == expected


def test_the_thresholds_are_the_documented_defaults():
    assert (EXPOSURE_MIDDLE, EXPOSURE_HIGH) == (Decimal("250000"), Decimal("1000000"))
    assert (INTEREST_MIDDLE, INTEREST_HIGH) == (Decimal("1000000"), Decimal("10000000"))


def test_the_larger_of_bijdrage_and_belang_counts():
    proposal = propose(contribution=Decimal("400000"), interest=Decimal("12000000"))
    assert proposal.profile == HOOG
    assert proposal.explanation == "hoog: belang € 12,0 mln"


@pytest.mark.parametrize(
    ("arguments", "explanation"),
    [
        (
            {"risk_levels": ["zeer_hoog", "laag"], "contribution": Decimal("19900000")},
            "hoog: 1 risico met niveau zeer hoog; bijdrage € 19,9 mln",
        ),
        (
            {"risk_levels": ["hoog", "hoog", "zeer_hoog"]},
            "hoog: 1 risico met niveau zeer hoog; 2 risico's met niveau hoog",
        ),
        (
            {"risk_levels": ["midden"], "exposure": Decimal("300000"), "contribution": Decimal("800000")},
            "midden: 1 risico met niveau midden; blootstelling € 300.000",
        ),
        (
            {"risk_levels": ["laag"], "exposure": Decimal("40000"), "contribution": Decimal("250000")},
            "laag: geen open risico's met niveau midden of hoger; blootstelling € 40.000; bijdrage € 250.000",
        ),
        ({}, "laag: geen open risico's; blootstelling € 0; geen bijdrage of belang bekend"),
    ],
)
def test_the_explanation_names_what_decided_the_profile(arguments, explanation):
    assert propose(**arguments).explanation == explanation


class Governance:
    """The three fields of ParticipationGovernance that the comparison reads."""

    def __init__(self, risk_profile="", reason="", set_on=None, last_review_on=None):
        self.risk_profile, self.risk_profile_reason = risk_profile, reason
        self.risk_profile_set_on, self.last_review_on = set_on, last_review_on


def test_a_hand_set_profile_counts_and_is_flagged_when_it_differs_from_the_proposal():
    comparison = compare(
        governance=Governance("laag", "Wettelijke taak", datetime.date(2025, 1, 31)),
        proposal=propose(["hoog"]),
    )
    assert comparison.profile == LAAG and comparison.differs and not comparison.is_proposed
    assert comparison.arrangement == ARRANGEMENTS[LAAG]
    assert comparison.next_review_on == datetime.date(2029, 1, 31)


def test_a_hand_set_profile_equal_to_the_proposal_is_not_flagged():
    assert not compare(
        governance=Governance("hoog", "Tekorten", datetime.date(2025, 1, 1)), proposal=propose(["hoog"])
    ).differs


def test_without_a_hand_set_profile_the_proposal_counts():
    comparison = compare(governance=Governance(last_review_on=datetime.date(2025, 3, 31)), proposal=propose(["midden"]))
    assert comparison.profile == MIDDEN and comparison.is_proposed and not comparison.differs
    assert comparison.arrangement == ARRANGEMENTS[MIDDEN]
    assert comparison.next_review_on == datetime.date(2026, 3, 31)


@pytest.fixture
def shared_party(db):
    """A party of Klein (10%) and Groot (90%): a party-wide risk of level midden with € 2 mln at most,
    a laag guarantee on Klein's own participation, and a hoog risk that is beheerst."""
    party = PartyFactory(name="Regionale Uitvoeringsdienst")
    klein = ParticipationFactory(
        party=party, participant=MunicipalityFactory(name="Klein"), share_percentage=Decimal("10")
    )
    groot = ParticipationFactory(
        party=party, participant=MunicipalityFactory(name="Groot"), share_percentage=Decimal("90")
    )
    RiskFactory(party=party, likelihood=2, impact=3, amount_max=Decimal("2000000"))
    RiskFactory(party=party, participation=klein, likelihood=1, impact=2, amount_max=Decimal("500000"))
    RiskFactory(party=party, likelihood=4, impact=4, amount_max=Decimal("9000000"), status=RiskStatus.BEHEERST)
    RiskFactory(party=PartyFactory(), likelihood=5, impact=5)  # another party's risk never weighs
    return klein, groot


def test_the_proposal_weighs_open_risks_by_share_and_own_risks_in_full(shared_party):
    klein, groot = shared_party
    proposals = risk_profile_proposals(participations=[klein, groot], year=2025, user=None)
    assert proposals[klein.pk].explanation == "midden: 1 risico met niveau midden; blootstelling € 700.000"
    assert proposals[groot.pk].explanation == "hoog: blootstelling € 1,8 mln"


def test_the_proposal_reads_the_begroting_of_the_year_else_the_jaarrekening(shared_party):
    klein, groot = shared_party
    ParticipationFinancialsFactory(participation=klein, year=2025, contribution=Decimal("900000"))
    ParticipationFinancialsFactory(
        participation=klein, year=2025, kind=FigureKind.REALISATIE, contribution=Decimal("15000000")
    )
    ParticipationFinancialsFactory(participation=klein, year=2024, contribution=Decimal("30000000"))
    ParticipationFinancialsFactory(
        participation=groot, year=2025, kind=FigureKind.REALISATIE, contribution=None, interest_end=Decimal("11000000")
    )
    proposals = risk_profile_proposals(participations=[klein, groot], year=2025, user=None)
    assert proposals[klein.pk].profile == MIDDEN
    assert proposals[groot.pk].explanation == "hoog: blootstelling € 1,8 mln; belang € 11,0 mln"


def test_the_factsheet_shows_the_proposal_next_to_the_hand_set_profile(logged_in_client, shared_party):
    klein, groot = shared_party
    ParticipationGovernanceFactory(
        participation=klein,
        risk_profile=RiskProfile.LAAG,
        risk_profile_reason="De garantstelling is gedekt door een hypotheek.",
        risk_profile_set_on=datetime.date(2025, 2, 1),
    )
    ParticipationGovernanceFactory(participation=groot, last_review_on=datetime.date(2025, 6, 30))
    page = text(logged_in_client.get(klein.party.get_tab_url("sturing") + "?jaar=2025"))
    assert (
        "laag Licht: lezen van begroting en jaarrekening; het profiel wordt ten minste elke vier jaar opnieuw "
        "beoordeeld. wijkt af van het voorstel Onderbouwing: De garantstelling is gedekt door een hypotheek. "
        "midden 1 risico met niveau midden; blootstelling € 700.000 1-2-2029"
    ) in page
    assert (
        "hoog niet vastgesteld, volgt het voorstel Intensief: risicoanalyse twee keer per jaar en periodiek "
        "bestuurlijk overleg. hoog blootstelling € 1,8 mln 30-12-2025 te laat"
    ) in page


def test_the_factsheet_queries_stay_constant_as_risks_and_roles_grow(logged_in_client, shared_party):
    klein, groot = shared_party
    ParticipationGovernanceFactory(participation=klein)
    url = klein.party.get_tab_url("sturing")
    before = query_count(logged_in_client, url)
    ParticipationGovernanceFactory(participation=groot)
    for _ in range(5):
        other = ParticipationFactory(party=klein.party)
        ParticipationGovernanceFactory(participation=other)
        ParticipationFinancialsFactory(participation=other)
        RiskFactory(party=klein.party, participation=other)
        RiskFactory(party=klein.party)
    assert query_count(logged_in_client, url) == before


def test_the_admin_shows_the_proposal_as_help_next_to_the_profile(admin_client, shared_party):
    klein, _ = shared_party
    governance = ParticipationGovernanceFactory(participation=klein)
    page = text(admin_client.get(f"/admin/governance/participationgovernance/{governance.pk}/change/"))
    assert "Voorstel van het register" in page
    assert "Midden (" in page and "1 risico met niveau midden; blootstelling € 700.000" in page


def test_the_gemeente_page_lists_each_deelname_with_its_profile_and_the_proposal(logged_in_client, shared_party):
    klein, _ = shared_party
    ParticipationGovernanceFactory(
        participation=klein,
        risk_profile=RiskProfile.HOOG,
        risk_profile_reason="Garantstelling zonder zekerheden.",
        risk_profile_set_on=datetime.date(2025, 2, 1),
    )
    quiet = ParticipationFactory(participant=klein.participant, party__name="Archiefdienst")
    ParticipationFinancialsFactory(participation=quiet, year=2025, contribution=Decimal("1000000"))
    page = text(logged_in_client.get(klein.participant.get_tab_url("sturing") + "?jaar=2025"))
    assert ("Archiefdienst midden niet vastgesteld, volgt het voorstel midden bijdrage € 1,0 mln —") in page
    assert (
        "Regionale Uitvoeringsdienst hoog wijkt af van het voorstel Onderbouwing: Garantstelling zonder zekerheden. "
        "midden 1 risico met niveau midden; blootstelling € 700.000 1-8-2025"
    ) in page


def test_the_gemeente_page_queries_stay_constant_as_deelnames_grow(logged_in_client, shared_party):
    klein, _ = shared_party
    url = klein.participant.get_tab_url("sturing")
    before = query_count(logged_in_client, url)
    for _ in range(5):
        participation = ParticipationFactory(participant=klein.participant)
        ParticipationGovernanceFactory(participation=participation)
        ParticipationFinancialsFactory(participation=participation)
        RiskFactory(party=participation.party)
        RiskFactory(party=participation.party, participation=participation)
    assert query_count(logged_in_client, url) == before
