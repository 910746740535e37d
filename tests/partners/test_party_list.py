"""The list of parties: sorting on every column, pagination and pages that do not exist."""

import pytest

from partners import views
from partners.choices import LegalForm, PartyStatus
from partners.models import PolicyArea

from .factories import MunicipalityFactory, ParticipationFactory, PartyFactory
from .pages import linked_names, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def four_parties():
    """Four parties whose order differs per column, so a wrong sort field shows."""
    area = {area.code: area for area in PolicyArea.objects.all()}
    rows = {
        # name: legal form (BBV category), seat, gemeenten, beleidsveld, status
        "Afvaldienst": (LegalForm.STICHTING, "Zwolle", 2, "3", PartyStatus.ACTIEF),
        "Bank": (LegalForm.NV, "Groningen", 0, "6", PartyStatus.IN_LIQUIDATIE),
        "Cultuurfonds": (LegalForm.OVERIG, "Arnhem", 3, "0", PartyStatus.BEEINDIGD),
        "Dienst Belastingen": (LegalForm.OPENBAAR_LICHAAM, "Maastricht", 1, "1", PartyStatus.IN_OPRICHTING),
    }
    for name, (legal_form, seat, municipalities, area_code, status) in rows.items():
        party = PartyFactory(
            name=name,
            legal_form=legal_form,
            seat=seat,
            policy_area=area[area_code],
            status=status,
            ended_on="2024-12-31" if status == PartyStatus.BEEINDIGD else None,
        )
        for _ in range(municipalities):
            ParticipationFactory(party=party, participant=MunicipalityFactory())
    return list(rows)


@pytest.mark.parametrize(
    ("column", "ascending"),
    [
        ("naam", ["Afvaldienst", "Bank", "Cultuurfonds", "Dienst Belastingen"]),
        ("rechtsvorm", ["Bank", "Dienst Belastingen", "Cultuurfonds", "Afvaldienst"]),
        ("bbv", ["Dienst Belastingen", "Bank", "Afvaldienst", "Cultuurfonds"]),
        ("vestigingsplaats", ["Cultuurfonds", "Bank", "Dienst Belastingen", "Afvaldienst"]),
        ("gemeenten", ["Bank", "Dienst Belastingen", "Afvaldienst", "Cultuurfonds"]),
        ("beleidsveld", ["Cultuurfonds", "Dienst Belastingen", "Afvaldienst", "Bank"]),
        ("status", ["Afvaldienst", "Cultuurfonds", "Bank", "Dienst Belastingen"]),
    ],
)
def test_the_list_sorts_on_each_column_both_ways(logged_in_client, four_parties, column, ascending):
    assert linked_names(logged_in_client.get("/partijen/", {"o": column})) == ascending
    assert linked_names(logged_in_client.get("/partijen/", {"o": f"-{column}"})) == ascending[::-1]


def test_the_list_shows_the_number_of_gemeenten_per_party(logged_in_client, four_parties):
    page = text(logged_in_client.get("/partijen/", {"q": "Cultuurfonds"}))
    assert "Cultuurfonds Overig (o.a. EGTS) Overige verbonden partijen — Arnhem 3 " in page


def test_a_sorted_column_header_links_to_the_opposite_direction(logged_in_client, four_parties):
    body = logged_in_client.get("/partijen/", {"o": "vestigingsplaats"}).content.decode()
    assert 'aria-sort="ascending"><a href="?o=-vestigingsplaats">Vestigingsplaats' in body
    body = logged_in_client.get("/partijen/", {"o": "-vestigingsplaats"}).content.decode()
    assert 'aria-sort="descending"><a href="?o=vestigingsplaats">Vestigingsplaats' in body


def test_an_unknown_sort_field_shows_a_form_error_instead_of_crashing(logged_in_client, four_parties):
    response = logged_in_client.get("/partijen/", {"o": "geheim"})
    assert response.status_code == 200
    assert "Sorteren op: Selecteer een geldige keuze. geheim is geen beschikbare keuze." in text(response)


@pytest.fixture
def five_per_page_of_two(monkeypatch):
    # paginate_by is read from settings when the module is imported, so patch the view itself.
    monkeypatch.setattr(views.PartyListView, "paginate_by", 2)
    return [PartyFactory(name=f"Partij {letter}").name for letter in "ABCDE"]


def test_the_list_is_split_in_pages(logged_in_client, five_per_page_of_two):
    first = logged_in_client.get("/partijen/")
    assert linked_names(first) == ["Partij A", "Partij B"]
    assert "Pagina 1 van 3 (5 resultaten)" in text(first)
    assert "5 partijen gevonden" in text(first)
    assert linked_names(logged_in_client.get("/partijen/", {"page": 2})) == ["Partij C", "Partij D"]
    assert linked_names(logged_in_client.get("/partijen/", {"page": 3})) == ["Partij E"]


def test_the_page_links_keep_the_filters_and_sorting(logged_in_client, five_per_page_of_two):
    body = logged_in_client.get("/partijen/", {"q": "partij", "o": "-naam"}).content.decode()
    assert 'href="?q=partij&amp;o=-naam&amp;page=2" rel="next"' in body
    assert linked_names(logged_in_client.get("/partijen/", {"q": "partij", "o": "-naam", "page": 2})) == [
        "Partij C",
        "Partij B",
    ]


def test_a_page_after_the_last_is_a_dutch_404(logged_in_client, five_per_page_of_two):
    response = logged_in_client.get("/partijen/", {"page": 999})
    assert response.status_code == 404
    assert "Pagina niet gevonden" in text(response)


def test_a_page_that_is_not_a_number_is_a_dutch_404(logged_in_client, five_per_page_of_two):
    response = logged_in_client.get("/partijen/", {"page": "abc"})
    assert response.status_code == 404
    assert "Pagina niet gevonden" in text(response)


def test_an_empty_register_says_so(logged_in_client):
    response = logged_in_client.get("/partijen/")
    assert "0 partijen gevonden" in text(response)
    assert "Geen partijen gevonden met deze filters." in text(response)


def test_the_home_page_leads_to_the_list(logged_in_client):
    response = logged_in_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/partijen/"
