"""A gemeente's exposure: its share in a party's risk, own-participation risks in full, and the
risks that are left out (other gemeente's participation, unknown share, not open, not verbonden)."""

import datetime
from decimal import Decimal

import pytest

from risks.choices import RiskStatus
from risks.exposure import exposure_share, municipality_exposure, resistance_overview
from risks.models import LikelihoodClass
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory
from tests.risks.factories import ResistanceCapacityFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente():
    return MunicipalityFactory(name="Groningen")


def test_a_party_risk_weighs_with_the_gemeentes_share(gemeente):
    participation = ParticipationFactory(participant=gemeente, share_percentage=Decimal("25"))
    risk = RiskFactory(party=participation.party, amount_min=Decimal("400000"), amount_max=Decimal("800000"))
    assert exposure_share(risk, participation) == Decimal("0.25")
    item = municipality_exposure(municipality=gemeente, year=2025).counted[0]
    assert (item.amount_min, item.amount_max) == (Decimal("100000"), Decimal("200000"))


def test_a_risk_on_the_gemeentes_own_participation_counts_in_full(gemeente):
    participation = ParticipationFactory(participant=gemeente, share_percentage=Decimal("10"))
    RiskFactory(party=participation.party, participation=participation, amount_max=Decimal("500000"))
    exposure = municipality_exposure(municipality=gemeente, year=2025)
    assert [(item.share, item.amount_max, item.in_full) for item in exposure.counted] == [
        (Decimal("1"), Decimal("500000.00"), True)
    ]


def test_a_risk_on_another_gemeentes_participation_does_not_count(gemeente):
    party = PartyFactory()
    ParticipationFactory(party=party, participant=gemeente, share_percentage=Decimal("50"))
    other = ParticipationFactory(party=party, share_percentage=Decimal("50"))
    risk = RiskFactory(party=party, participation=other)
    assert municipality_exposure(municipality=gemeente, year=2025).counted == []
    assert exposure_share(risk, party.participations.get(participant=gemeente)) == Decimal("0")


def test_an_unknown_share_is_left_out_and_reported_not_guessed(gemeente):
    participation = ParticipationFactory(participant=gemeente, share_percentage=None)
    risk = RiskFactory(party=participation.party, title="Tekort op de jeugdzorg")
    exposure = municipality_exposure(municipality=gemeente, year=2025)
    assert exposure.counted == []
    assert exposure.unknown_share == [risk]


def test_only_open_risks_count(gemeente):
    participation = ParticipationFactory(participant=gemeente, share_percentage=Decimal("50"))
    for status in (RiskStatus.BEHEERST, RiskStatus.VERVALLEN):
        RiskFactory(party=participation.party, status=status)
    open_risk = RiskFactory(party=participation.party)
    assert [item.risk for item in municipality_exposure(municipality=gemeente, year=2025).counted] == [open_risk]


def test_risks_of_a_party_that_is_no_verbonden_partij_for_the_gemeente_do_not_count(gemeente):
    participation = ParticipationFactory(
        participant=gemeente, share_percentage=Decimal("50"), governance_interest=False
    )
    RiskFactory(party=participation.party)
    assert municipality_exposure(municipality=gemeente, year=2025).counted == []


def test_a_participation_ended_before_the_year_does_not_count(gemeente):
    participation = ParticipationFactory(
        participant=gemeente, share_percentage=Decimal("50"), left_on=datetime.date(2024, 6, 30)
    )
    RiskFactory(party=participation.party)
    assert municipality_exposure(municipality=gemeente, year=2025).counted == []
    assert len(municipality_exposure(municipality=gemeente, year=2024).counted) == 1


def test_a_risk_without_amount_is_listed_apart(gemeente):
    participation = ParticipationFactory(participant=gemeente, share_percentage=Decimal("50"))
    risk = RiskFactory(party=participation.party, amount_max=None, category="bestuurlijk")
    exposure = municipality_exposure(municipality=gemeente, year=2025)
    assert exposure.without_amount == [risk]


def test_the_probability_comes_from_the_kans_class_a_beheerder_set(gemeente):
    LikelihoodClass.objects.filter(value=4).update(probability=Decimal("60"))
    participation = ParticipationFactory(participant=gemeente, share_percentage=Decimal("50"))
    RiskFactory(party=participation.party, likelihood=4)
    assert municipality_exposure(municipality=gemeente, year=2025).counted[0].probability == Decimal("0.6")


def test_a_certain_risk_needs_its_full_share_and_the_ratio_follows(gemeente):
    LikelihoodClass.objects.filter(value=5).update(probability=Decimal("100"))
    participation = ParticipationFactory(participant=gemeente, share_percentage=Decimal("20"))
    RiskFactory(party=participation.party, likelihood=5, amount_max=Decimal("1000000"))
    ResistanceCapacityFactory(municipality=gemeente, year=2025, available=Decimal("300000"))
    overview = resistance_overview(municipality=gemeente, year=2025)
    assert overview.required == Decimal("200000")
    assert overview.maximum_sum == Decimal("200000")
    assert overview.ratio == Decimal("1.5")
    assert overview.resistance_class.letter == "B"


def test_the_same_data_gives_the_same_figure_on_every_run(gemeente):
    participation = ParticipationFactory(participant=gemeente, share_percentage=Decimal("40"))
    for n in range(5):
        RiskFactory(party=participation.party, likelihood=1 + n % 5, amount_min=Decimal("0"), amount_max=Decimal(10**6))
    first = resistance_overview(municipality=gemeente, year=2025)
    second = resistance_overview(municipality=gemeente, year=2025)
    assert first.required == second.required
    assert first.percentiles == second.percentiles
    assert Decimal("0") < first.required < first.maximum_sum == Decimal("2000000")
