"""The Historie tab of a gemeente lists every change to the gemeente's own records (reports/changes.py):
its deelnames and their figures, sturing and risk profile, seats on its behalf, zienswijzen, visie and
own risks; another gemeente's records of the same party are not its history."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.roles import BELEIDSMEDEWERKER, CONTROLLER
from tests.conftest import pass_two_factor
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
)
from tests.risks.factories import RiskFactory

from .test_history import history_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    own, other = MunicipalityFactory(name="Eigenstad"), MunicipalityFactory(name="Buurdorp")
    party = PartyFactory(name="GGD Gedeeld")
    mine = ParticipationFactory(party=party, participant=own, share_percentage=Decimal("40"))
    theirs = ParticipationFactory(party=party, participant=other, share_percentage=Decimal("60"))
    return {"own": own, "party": party, "mine": mine, "theirs": theirs}


def client_of(client, make_user, role, municipality):
    return pass_two_factor(client, make_user(f"gebruiker-{role}", role=role, municipalities=[municipality]))


def test_changes_to_the_gemeentes_deelname_and_figures_show_old_and_new_and_not_another_gemeentes(
    client, make_user, world
):
    world["theirs"].share_percentage = Decimal("55")
    world["theirs"].save()
    world["mine"].share_percentage = Decimal("45")
    world["mine"].save()
    figures = ParticipationFinancialsFactory(participation=world["mine"], year=2025, contribution=Decimal(1000))
    figures.contribution = Decimal(1200)
    figures.save()
    beleid = client_of(client, make_user, BELEIDSMEDEWERKER, world["own"])

    section = history_section(beleid.get(world["own"].get_tab_url("historie")))

    assert "Deelname in GGD Gedeeld gewijzigd" in section
    assert "40,00% wordt 45,00%" in section or "40% wordt 45%" in section
    assert "55" not in section  # Buurdorp's change is Buurdorp's history
    assert "van GGD Gedeeld gewijzigd" in section and "€ 1.000 wordt € 1.200" in section


def test_a_confidential_own_risk_shows_to_the_controller_and_not_to_the_policy_officer(client, make_user, world):
    risk = RiskFactory(party=world["party"], participation=world["mine"], title="Geheim tekort", confidential=True)
    risk.likelihood = 4
    risk.save()
    RiskFactory(party=world["party"], participation=world["theirs"], title="Risico van de buren")

    controller = client_of(client, make_user, CONTROLLER, world["own"])
    seen = history_section(controller.get(world["own"].get_tab_url("historie")))
    controller.logout()
    beleid = client_of(client, make_user, BELEIDSMEDEWERKER, world["own"])
    hidden = history_section(beleid.get(world["own"].get_tab_url("historie")))

    assert "Risico “Geheim tekort” gewijzigd" in seen
    assert "Geheim tekort" not in hidden
    assert "Risico van de buren" not in seen + hidden


def test_the_tab_takes_the_same_number_of_queries_for_more_changes(client, make_user, world):
    beleid = client_of(client, make_user, BELEIDSMEDEWERKER, world["own"])

    def count(changes):
        for n in range(changes):
            participation = ParticipationFactory(participant=world["own"])
            ParticipationFinancialsFactory(participation=participation, contribution=Decimal(n))
            world["mine"].votes = changes * 10 + n
            world["mine"].save()
            RiskFactory(party=participation.party, participation=participation)
        with CaptureQueriesContext(connection) as page:
            response = beleid.get(world["own"].get_tab_url("historie"))
        assert response.status_code == 200
        return len(page)

    assert count(1) == count(6)


def test_the_changes_are_paged_newest_first(client, make_user, world, settings):
    settings.PAGE_SIZE = 2
    participation = ParticipationFactory(party__name="Oude partij", participant=world["own"], votes=3)
    for votes in (4, 5, 6):
        participation.votes = votes
        participation.save()
    beleid = client_of(client, make_user, BELEIDSMEDEWERKER, world["own"])
    url = world["own"].get_tab_url("historie")

    first = history_section(beleid.get(url))
    second = history_section(beleid.get(url + "?page=2"))

    assert "5 wordt 6" in first and "4 wordt 5" in first and "3 wordt 4" not in first
    assert "Pagina 1 van" in first
    assert "3 wordt 4" in second and "Deelname in Oude partij aangemaakt" in second
