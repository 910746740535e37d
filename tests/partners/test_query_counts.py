"""Every page of the register uses a fixed number of queries, however many rows it shows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.choices import FigureKind, LegalForm

from .factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
)

pytestmark = pytest.mark.django_db

FEW, MANY = 3, 30
LEGAL_FORMS = list(LegalForm)


# Every limit includes one query for the user's groups, read once per request by partners/scoping.py.


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)  # the rows are read while streaming
    return len(queries)


def build_party(index, municipalities, participants=1):
    legal_form = LEGAL_FORMS[index % len(LEGAL_FORMS)]
    extra = {"central_municipality": municipalities[0]} if legal_form == LegalForm.CENTRUMGEMEENTEREGELING else {}
    party = PartyFactory(legal_form=legal_form, **extra)
    for municipality in municipalities[:participants]:
        participation = ParticipationFactory(party=party, participant=municipality)
        ParticipationFinancialsFactory(participation=participation)
        ParticipationFinancialsFactory(participation=participation, kind=FigureKind.REALISATIE)
    PartyFinancialsFactory(party=party)
    return party


def register_of(size):
    """`size` parties of all legal forms, each with three participating gemeenten and figures."""
    municipalities = MunicipalityFactory.create_batch(3)
    return [build_party(index, municipalities, participants=3) for index in range(size)]


def party_with(size):
    municipalities = MunicipalityFactory.create_batch(size)
    party = build_party(0, municipalities, participants=size)
    for year in range(2000, 2000 + size):
        PartyFinancialsFactory(party=party, year=year, kind=FigureKind.REALISATIE)
    return party


def municipality_in(size):
    municipality = MunicipalityFactory()
    for index in range(size):
        build_party(index, [municipality])
    ParticipationFactory(participant=municipality, financial_interest=False)
    return municipality


# The list's first request after a change has 1 query more than before its content was cached (the data
# version, core/register_cache.py); every request after it has 5 (test below).
@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/partijen/", 10),
        ("/partijen/?o=-gemeenten&bbv_categorie=1", 10),
        ("/partijen/?format=csv", 5),
        ("/partijen/?format=xlsx", 5),
    ],
)
def test_the_list_and_its_exports_use_the_same_queries_for_3_and_30_parties(logged_in_client, url, limit):
    register_of(FEW)
    few = count_queries(logged_in_client, url)
    register_of(MANY - FEW)
    many = count_queries(logged_in_client, url)
    assert few == many
    assert many <= limit


def without_csrf(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


@pytest.mark.parametrize("url", ["/partijen/", "/partijen/?o=-gemeenten&bbv_categorie=1"])
def test_a_repeated_list_request_reads_its_content_from_the_cache(logged_in_client, url):
    register_of(MANY)
    first = logged_in_client.get(url)
    # The session, the user, the user's groups, the data version and the user's gemeenten for the header.
    assert count_queries(logged_in_client, url) == 5
    # The same page (only the logout form's CSRF token, masked anew per request, differs).
    assert without_csrf(logged_in_client.get(url)) == without_csrf(first)
    # A change to the register: the list is built again and shows it.
    PartyFactory(name="Nieuwe partij na de wijziging")
    assert count_queries(logged_in_client, "/partijen/?q=Nieuwe") == 10
    assert "Nieuwe partij na de wijziging" in logged_in_client.get("/partijen/?q=Nieuwe").content.decode()


# Each tab of a party's page loads only its own part (reports/factsheet.py `parts`): the limits say so.
# Every tab has 1 query for the user's groups, 1 for the data version of the cache (core/register_cache.py)
# and 2 for the party with its totals and figures.
PARTY_TAB_LIMITS = {
    # overzicht: own deelnames and their attention points, seats, risk matrix, the cycle's deadlines, and 5 for
    # the party's signalen (governance/early_warnings.py; + 1 for the toezichthouder of a late begroting)
    "": 27,
    "deelnemers": 9,  # a page of deelnemers with figures and financial interests
    "financien": 10,  # + 3 for the costs over time
    "doelen": 9,  # doelen and belangen
    "sturing": 22,  # representation, roles and proposals, the cycle, monitoring
    "risicos": 9,  # the risk matrix
    "historie": 20,  # one per kind of record in the history (also documents, zienswijzen) and one per kind it names
}


@pytest.mark.parametrize("tab", PARTY_TAB_LIMITS)
def test_each_tab_of_the_factsheet_uses_the_same_queries_for_3_and_30_participants_and_years(logged_in_client, tab):
    few = count_queries(
        logged_in_client, party_with(FEW).get_tab_url(tab) if tab else party_with(FEW).get_absolute_url()
    )
    many_party = party_with(MANY)
    many = count_queries(logged_in_client, many_party.get_tab_url(tab) if tab else many_party.get_absolute_url())
    assert few == many
    assert many <= PARTY_TAB_LIMITS[tab], many


MUNICIPALITY_TAB_LIMITS = {
    # overzicht: deelnames, seats by person, the agenda, the risk matrix, attention points, and 4 for the
    # signalen (governance/early_warnings.py, on the deelnames the page loaded already; + 1 for the
    # toezichthouder of a late begroting or jaarrekening)
    "": 27,
    "deelnames": 11,  # + the regelingen it carries out as centrumgemeente, with their bijdragen
    "financien": 11,  # + 3 for the bijdragen over time
    "doelen": 12,
    "sturing": 14,  # visie, risk profiles and proposals, who sits where
    "risicos": 8,
    "historie": 23,  # + the changes: one per kind of record and one per kind it names (reports/changes.py)
}


@pytest.mark.parametrize("tab", MUNICIPALITY_TAB_LIMITS)
def test_each_tab_of_the_gemeente_page_uses_the_same_queries_for_3_and_30_participations(logged_in_client, tab):
    few_municipality = municipality_in(FEW)
    few = count_queries(
        logged_in_client, few_municipality.get_tab_url(tab) if tab else few_municipality.get_absolute_url()
    )
    many_municipality = municipality_in(MANY)
    many = count_queries(
        logged_in_client, many_municipality.get_tab_url(tab) if tab else many_municipality.get_absolute_url()
    )
    assert few == many
    assert many <= MUNICIPALITY_TAB_LIMITS[tab], many


def test_the_gemeente_list_uses_the_same_queries_with_few_and_many_participations(logged_in_client):
    municipality_in(FEW)
    few = count_queries(logged_in_client, "/gemeenten/?alleen_deelnemend=true")
    for _ in range(MANY):
        municipality_in(1)
    many = count_queries(logged_in_client, "/gemeenten/?alleen_deelnemend=true")
    assert few == many
    assert many <= 7  # 1 of them for the user's groups (partners/scoping.py)
