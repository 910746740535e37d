"""Object tabs (core/tabs.py): the factsheet and the gemeente page open on an overview; the other parts
are tabs with their own URLs, each rendering only its own content, the tab bar marking where the reader is."""

import html
import re

import pytest

from tests.partners.pages import text
from tests.reports.test_assembled_pages import register  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

PARTY_TABS = {
    "": ("Overzicht", ["Wat het is", "Wie neemt deel", "Wat het kost", "Wie vertegenwoordigt", "Open risico's"]),
    "financien/": ("Financiën", ["Financiële kengetallen van de partij", "Kosten door de jaren"]),
    "doelen/": ("Doelen", ["Doelen en resultaten"]),
    "sturing/": ("Sturing en planning", ["Vertegenwoordiging", "Planning en control", "Monitoring"]),
    "risicos/": ("Risico's", ["Risicomatrix"]),
}
# What only one tab shows: every other tab leaves it out.
PARTY_OWN = {
    "": "Wie neemt deel",
    "financien/": "Financiële kengetallen van de partij",
    "doelen/": "Doelen en resultaten",
    "sturing/": "Documenten en zienswijzen",
    "risicos/": "Aantal open risico's per kans en impact",
}


def current_tab(response) -> str:
    match = re.search(
        r'<nav class="object-tabs"[^>]*>.*?<a href="[^"]*" aria-current="page">(.*?)</a>',
        response.content.decode(),
        re.S,
    )
    return html.unescape(match.group(1)) if match else ""


@pytest.mark.parametrize("tab", PARTY_TABS)
def test_each_tab_of_a_factsheet_has_its_own_url_and_only_its_own_content(superuser_client, register, tab):  # noqa: F811
    _, party = register

    response = superuser_client.get(f"/partijen/{party.slug}/{tab}")

    assert response.status_code == 200
    label, headings = PARTY_TABS[tab]
    assert current_tab(response) == label
    page = text(response)
    for heading in headings:
        assert heading in page, heading
    for other, own in PARTY_OWN.items():
        if other != tab:
            assert own not in page, f"{tab or 'overzicht'} toont ook {own}"


def test_the_tabs_keep_the_year_and_lead_to_the_participants_and_the_history(superuser_client, register):  # noqa: F811
    _, party = register

    body = superuser_client.get(f"/partijen/{party.slug}/?jaar=2024").content.decode()

    assert f'href="/partijen/{party.slug}/financien/?jaar=2024"' in body
    assert f'href="/partijen/{party.slug}/deelnemers/?jaar=2024"' in body
    assert f'href="/partijen/{party.slug}/historie/?jaar=2024"' in body
    for path in ("deelnemers/", "historie/"):
        response = superuser_client.get(f"/partijen/{party.slug}/{path}")
        assert current_tab(response) == {"deelnemers/": "Deelnemers", "historie/": "Historie"}[path]


MUNICIPALITY_TABS = {
    "": ("Overzicht", ["Verbonden partijen 2025", "Aandachtspunten", "Termijnen"]),
    "deelnames/": ("Deelnames", ["1. Gemeenschappelijke regelingen", "Overige samenwerkingen"]),
    "financien/": ("Financiën", ["Bijdragen door de jaren"]),
    "sturing/": ("Sturing en planning", ["Risicoprofielen en sturing", "Wie zit waar"]),
    "risicos/": ("Risico's", ["Risico's van de partijen"]),
}
MUNICIPALITY_OWN = {
    "": "Aandachtspunten",
    "deelnames/": "Overige samenwerkingen",
    "financien/": "Bijdragen door de jaren",
    "sturing/": "Wie zit waar",
    "risicos/": "Aantal open risico's per kans en impact",
}


@pytest.mark.parametrize("tab", MUNICIPALITY_TABS)
def test_each_tab_of_a_gemeente_page_has_its_own_url_and_only_its_own_content(superuser_client, register, tab):  # noqa: F811
    gemeente, _ = register

    response = superuser_client.get(f"/gemeenten/{gemeente.code}/{tab}")

    assert response.status_code == 200
    label, headings = MUNICIPALITY_TABS[tab]
    assert current_tab(response) == label
    page = text(response)
    for heading in headings:
        assert heading in page, heading
    for other, own in MUNICIPALITY_OWN.items():
        if other != tab:
            assert own not in page, f"{tab or 'overzicht'} toont ook {own}"


def test_the_doelen_of_a_gemeente_are_its_tab(superuser_client, register):  # noqa: F811
    gemeente, _ = register
    assert current_tab(superuser_client.get(f"/gemeenten/{gemeente.code}/doelen/")) == "Doelen"
