"""Seats and roles on the factsheet, "wie zit waar" on the gemeente page, and the person page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.choices import Body, PersonFunction, SeatRole
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory
from tests.partners.pages import text

from .factories import ParticipationGovernanceFactory, PersonFactory, SeatFactory
from .pages import query_count

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LAST_YEAR = TODAY - datetime.timedelta(days=365)


@pytest.fixture
def groningen():
    """A party with a current AB chair and a past AB member on behalf of one gemeente."""
    municipality = MunicipalityFactory(name="Groningen")
    participation = ParticipationFactory(participant=municipality, party__name="Veiligheidsregio Groningen")
    chair = PersonFactory(name="Koen Schuiling", function=PersonFunction.BURGEMEESTER, municipality=municipality)
    SeatFactory(participation=participation, person=chair, role=SeatRole.VOORZITTER)
    SeatFactory(
        participation=participation,
        person__name="Oud Lid",
        started_on=datetime.date(2014, 1, 1),
        ended_on=datetime.date(2018, 3, 31),
    )
    ParticipationGovernanceFactory(
        participation=participation, owner_portfolio_holder=chair, account_holder__name="Anna Accounthouder"
    )
    return participation


def test_the_factsheet_shows_current_seats_and_hides_past_ones(logged_in_client, groningen):
    response = logged_in_client.get(groningen.party.get_tab_url("sturing"))
    # The seats section leaves out past seats (the Historie tab names every seat ever recorded).
    page = text(response)
    assert "Koen Schuiling (burgemeester) Algemeen bestuur Voorzitter Groningen" in page
    assert "Oud Lid" not in page
    assert "Ook de 1 afgelopen zetel tonen" in page


def test_the_factsheet_shows_past_seats_on_request(logged_in_client, groningen):
    response = logged_in_client.get(groningen.party.get_tab_url("sturing") + "?zetels=alle")
    page = text(response)
    assert "Oud Lid" in page and "1-1-2014 – 31-3-2018" in page
    assert "Alleen huidige zetels tonen" in page


def test_the_factsheet_shows_the_roles_of_each_gemeente(logged_in_client, groningen):
    page = text(logged_in_client.get(groningen.party.get_tab_url("sturing")))
    assert "Groningen Koen Schuiling niet belegd Anna Accounthouder" in page


def test_the_gemeente_page_groups_current_seats_by_person(logged_in_client, groningen):
    other = ParticipationFactory(participant=groningen.participant, party__name="Afvalschap Noord")
    chair = groningen.seats_chair = groningen.party.seats.get(role=SeatRole.VOORZITTER).person
    SeatFactory(participation=other, person=chair, body=Body.DAGELIJKS_BESTUUR)
    page = text(logged_in_client.get(groningen.participant.get_tab_url("sturing")))
    assert (
        "Koen Schuiling Burgemeester Afvalschap Noord Dagelijks bestuur Lid 1-4-2022 — "
        "Veiligheidsregio Groningen Algemeen bestuur Voorzitter" in page
    )
    assert "Oud Lid" not in page


def test_the_gemeente_page_lists_its_attention_points(logged_in_client, groningen):
    ParticipationFactory(participant=groningen.participant, party__name="Recreatieschap Zonder Zetel")
    page = text(logged_in_client.get(groningen.participant.get_absolute_url()))
    assert "Recreatieschap Zonder Zetel 1 × geen vertegenwoordiger 2 × rol niet belegd" in page
    assert "Geen vertegenwoordiger: Groningen heeft hier geen huidige vertegenwoordiger in een bestuursorgaan." in page
    assert "Rol niet belegd: Er is geen ambtelijk accounthouder." in page


def test_the_person_page_lists_all_current_seats_and_roles(logged_in_client, groningen):
    chair = groningen.party.seats.get(role=SeatRole.VOORZITTER).person
    other = ParticipationFactory(participant=groningen.participant, party__name="Afvalschap Noord")
    SeatFactory(participation=other, person=chair, body=Body.DAGELIJKS_BESTUUR, ended_on=LAST_YEAR)
    page = text(logged_in_client.get(chair.get_absolute_url()))
    assert "Veiligheidsregio Groningen Algemeen bestuur Voorzitter Groningen" in page
    assert "Afvalschap Noord" not in page
    assert "Portefeuillehouder eigenaarsrol voor Veiligheidsregio Groningen (namens Groningen)" in page


def test_an_unknown_person_is_a_404(logged_in_client):
    assert logged_in_client.get(reverse("governance:person_detail", kwargs={"pk": 999999})).status_code == 404


def add_rows(party, municipality, n):
    for _ in range(n):
        participation = ParticipationFactory(party=party, participant=MunicipalityFactory())
        SeatFactory(participation=participation)
        SeatFactory(participation=participation, role=SeatRole.PLAATSVERVANGEND_LID, ended_on=LAST_YEAR)
        ParticipationGovernanceFactory(participation=participation)
        own = ParticipationFactory(participant=municipality)
        SeatFactory(participation=own, person__municipality=municipality)
        ParticipationGovernanceFactory(participation=own)


@pytest.mark.parametrize("suffix", ["", "?zetels=alle"])
def test_the_factsheet_queries_stay_constant_as_seats_grow(logged_in_client, groningen, suffix):
    url = groningen.party.get_tab_url("sturing") + suffix
    before = query_count(logged_in_client, url)
    add_rows(groningen.party, groningen.participant, 5)
    assert query_count(logged_in_client, url) == before


def test_the_gemeente_page_queries_stay_constant_as_seats_grow(logged_in_client, groningen):
    url = groningen.participant.get_tab_url("sturing")
    before = query_count(logged_in_client, url)
    add_rows(PartyFactory(), groningen.participant, 5)
    assert query_count(logged_in_client, url) == before


def test_the_person_page_queries_stay_constant_as_seats_grow(logged_in_client, groningen):
    chair = groningen.party.seats.get(role=SeatRole.VOORZITTER).person
    before = query_count(logged_in_client, chair.get_absolute_url())
    for _ in range(5):
        participation = ParticipationFactory(participant=groningen.participant)
        SeatFactory(participation=participation, person=chair)
        ParticipationGovernanceFactory(participation=participation, owner_portfolio_holder=chair)
    assert query_count(logged_in_client, chair.get_absolute_url()) == before


def test_the_person_list_filters_by_gemeente_and_function_and_counts_current_seats(logged_in_client, groningen):
    PersonFactory(name="Ander Raadslid", function=PersonFunction.RAADSLID)
    url = reverse("governance:person_list")
    page = text(logged_in_client.get(url + f"?gemeente={groningen.participant.code}"))
    assert "Koen Schuiling Burgemeester Groningen 1" in page
    assert "Ander Raadslid" not in page
    page = text(logged_in_client.get(url + "?functie=raadslid"))
    assert "Ander Raadslid" in page and "Koen Schuiling" not in page


def test_the_person_list_queries_stay_constant(logged_in_client, groningen):
    url = reverse("governance:person_list")
    before = query_count(logged_in_client, url)
    add_rows(PartyFactory(), groningen.participant, 5)
    assert query_count(logged_in_client, url) == before
