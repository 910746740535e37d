"""A party with many deelnemers: the factsheet shows the first ones and totals over all; a page lists all."""

from decimal import Decimal

import pytest

from partners.selectors import FACTSHEET_PARTICIPANTS

from .factories import MunicipalityFactory, ParticipationFactory, ParticipationFinancialsFactory, PartyFactory
from .pages import row_headers, row_of, text
from .test_query_counts import count_queries

pytestmark = pytest.mark.django_db


def _party_with_participants(count):
    party = PartyFactory(name="Landelijke Bank N.V.")
    for municipality in MunicipalityFactory.create_batch(count):
        participation = ParticipationFactory(party=party, participant=municipality, share_percentage=Decimal("1"))
        ParticipationFinancialsFactory(participation=participation, contribution=Decimal("1000"))
    return party


def test_the_deelnemers_tab_shows_the_first_deelnemers_and_totals_over_all_of_them(logged_in_client, settings):
    party = _party_with_participants(FACTSHEET_PARTICIPANTS + 10)

    response = logged_in_client.get(party.get_tab_url("deelnemers"))

    assert len([name for name in row_headers(response) if name.startswith("Testgemeente")]) == settings.PAGE_SIZE
    total = row_of(response, "Totaal")
    assert total.startswith("Totaal 60%") and total.endswith("€ 60.000")
    overview = logged_in_client.get(party.get_absolute_url())
    assert "Wie neemt deel 60 deelnemers" in text(overview) and "samen 60% van het aandeel" in text(overview)
    assert f'href="{party.get_tab_url("deelnemers")}?jaar=' in overview.content.decode()


def test_a_party_with_few_deelnemers_has_no_link_to_a_longer_list(logged_in_client):
    party = _party_with_participants(3)

    assert "deelnemers bekijken" not in text(logged_in_client.get(party.get_absolute_url()))


def test_the_deelnemers_page_lists_all_of_them_page_by_page(logged_in_client, settings):
    party = _party_with_participants(60)
    url = f"/partijen/{party.slug}/deelnemers/"

    first = logged_in_client.get(url)
    second = logged_in_client.get(url, {"page": 2})

    names = [n for n in row_headers(first) + row_headers(second) if n.startswith("Testgemeente")]
    assert len(names) == len(set(names)) == 60
    assert "60 deelnemers · samen 60% van het aandeel" in text(first)
    assert "Pagina 1 van 2" in text(first)


def test_the_deelnemers_page_of_an_unknown_party_is_not_found(logged_in_client):
    response = logged_in_client.get("/partijen/bestaat-niet/deelnemers/")

    assert response.status_code == 404
    assert "Pagina niet gevonden" in text(response)


def test_the_deelnemers_page_uses_the_same_queries_for_few_and_many_deelnemers(logged_in_client):
    few = count_queries(logged_in_client, f"/partijen/{_party_with_participants(3).slug}/deelnemers/")
    many = count_queries(logged_in_client, f"/partijen/{_party_with_participants(40).slug}/deelnemers/")

    assert few == many <= 9  # 1 of them for the financial interests of the deelnemers
