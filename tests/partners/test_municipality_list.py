"""The list of gemeenten: search on name or code, filter on provincie and on having participations."""

import pytest

from partners.models import Participant

from .factories import MunicipalityFactory, ParticipationFactory
from .pages import linked_names, text

pytestmark = pytest.mark.django_db


def names(client, **query):
    response = client.get("/gemeenten/", query)
    assert response.status_code == 200
    return linked_names(response)


def test_the_list_shows_all_342_gemeenten_in_pages_of_50(logged_in_client):
    response = logged_in_client.get("/gemeenten/")
    assert "Gemeenten (342)" in text(response)
    assert len(linked_names(response)) == 50
    assert "Pagina 1 van 7 (342 resultaten)" in text(response)


def test_the_list_is_in_alphabetical_order(logged_in_client):
    # The gemeenten of today: one that ended by herindeling shows with ?jaar= of a year it existed.
    expected = list(
        Participant.objects.municipalities()
        .filter(ended_on__isnull=True)
        .order_by("name")
        .values_list("name", flat=True)
    )
    assert names(logged_in_client) == expected[:50]
    assert names(logged_in_client, page=7) == expected[300:]


def test_the_search_finds_a_gemeente_by_part_of_its_name(logged_in_client):
    assert names(logged_in_client, q="hertogenbosch") == ["'s-Hertogenbosch"]


def test_the_search_finds_a_gemeente_by_its_exact_cbs_code(logged_in_client):
    assert names(logged_in_client, q="gm0014") == ["Groningen"]


def test_the_provincie_filter_keeps_the_gemeenten_of_that_provincie(logged_in_client):
    listed = names(logged_in_client, provincie="PV24")
    assert listed == list(
        Participant.objects.filter(province__code="PV24").order_by("name").values_list("name", flat=True)
    )
    assert len(listed) == 6
    assert "Almere" in listed and "Amsterdam" not in listed


def test_filters_combine(logged_in_client):
    assert names(logged_in_client, provincie="PV20", q="groningen") == ["Groningen", "Midden-Groningen"]
    assert names(logged_in_client, provincie="PV21", q="groningen") == []


def test_an_unknown_provincie_shows_the_dutch_form_error(logged_in_client):
    response = logged_in_client.get("/gemeenten/", {"provincie": "PV99"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze." in text(response)
    assert linked_names(response) == []


def test_only_gemeenten_with_participations_can_be_shown_with_their_counts(logged_in_client):
    municipality = MunicipalityFactory(name="Testdorp")
    ParticipationFactory(participant=municipality)
    ParticipationFactory(participant=municipality, financial_interest=False)
    response = logged_in_client.get("/gemeenten/", {"alleen_deelnemend": "true"})
    assert linked_names(response) == ["Testdorp"]
    assert f"Testdorp {municipality.code} — 1 2" in text(response)


def test_the_participation_filter_offers_all_or_only_with_participations_and_defaults_to_all(logged_in_client):
    MunicipalityFactory(name="Zonderdeelname")
    response = logged_in_client.get("/gemeenten/")
    page = response.content.decode()
    assert "Onbekend" not in page
    assert '<option value="" selected>Alle gemeenten</option>' in page
    assert '<option value="true">Alleen gemeenten met deelnames</option>' in page
    assert linked_names(logged_in_client.get("/gemeenten/", {"q": "Zonderdeelname"})) == ["Zonderdeelname"]
