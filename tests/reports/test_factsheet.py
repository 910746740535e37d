"""The factsheet of one party: its facts, its deelnemers with share and bijdrage, and its figures per year."""

from decimal import Decimal

import pytest

from partners.choices import FigureKind, FinancialInterestForm, LegalForm
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipantFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
)
from tests.partners.pages import row_headers, row_of, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def party():
    party = PartyFactory(
        name="Veiligheidsregio Testland",
        abbreviation="VRT",
        legal_form=LegalForm.OPENBAAR_LICHAAM,
        seat="Groningen",
        public_interest="Brandweerzorg, rampenbestrijding en crisisbeheersing.",
        kvk_number="01234567",
        regulation_url="https://lokaleregelgeving.overheid.nl/CVDR123456",
    )
    dorp = ParticipationFactory(
        party=party,
        participant=MunicipalityFactory(name="Testdorp"),
        share_percentage=Decimal("12.5"),
        governance_interest_note="1 zetel in AB",
        financial_interest_form=FinancialInterestForm.AANSPRAKELIJKHEID,
    )
    stad = ParticipationFactory(
        party=party, participant=MunicipalityFactory(name="Teststad"), share_percentage=Decimal("87.5")
    )
    ParticipationFactory(
        party=party,
        participant=ParticipantFactory(name="Waterschap Testmond"),
        financial_interest=False,
    )
    ParticipationFinancialsFactory(participation=dorp, contribution=Decimal("1234567"))
    ParticipationFinancialsFactory(participation=dorp, kind=FigureKind.REALISATIE, contribution=Decimal("1"))
    ParticipationFinancialsFactory(participation=dorp, year=2024, contribution=Decimal("999999"))
    ParticipationFinancialsFactory(participation=stad, contribution=Decimal("500000.50"))
    PartyFinancialsFactory(
        party=party,
        year=2025,
        kind=FigureKind.BEGROTING,
        equity_start=Decimal("4800000"),
        equity_end=Decimal("2800000"),
        liabilities_start=None,
        liabilities_end=None,
        result=Decimal("154000"),
    )
    PartyFinancialsFactory(
        party=party,
        year=2024,
        kind=FigureKind.REALISATIE,
        equity_start=Decimal("5100000"),
        equity_end=Decimal("4800000"),
        liabilities_start=Decimal("12000000"),
        liabilities_end=Decimal("11500000"),
        result=Decimal("-300000"),
    )
    return party


def test_the_factsheet_shows_the_facts_of_the_party(logged_in_client, party):
    response = logged_in_client.get("/partijen/veiligheidsregio-testland/")
    assert response.status_code == 200
    page = text(response)
    assert "Veiligheidsregio Testland (VRT)" in page
    assert "Rechtsvorm Openbaar lichaam" in page
    assert "BBV-categorie Gemeenschappelijke regelingen" in page
    assert "Vestigingsplaats Groningen" in page
    assert "KvK-nummer 01234567" in page
    assert '<a href="https://lokaleregelgeving.overheid.nl/CVDR123456" rel="noopener">' in response.content.decode()
    sturing = text(logged_in_client.get("/partijen/veiligheidsregio-testland/sturing/"))
    assert "Openbaar belang Brandweerzorg, rampenbestrijding en crisisbeheersing." in sturing


def test_the_factsheet_says_niet_bekend_for_facts_not_registered(logged_in_client):
    PartyFactory(name="Stichting Leeg", legal_form=LegalForm.STICHTING)
    page = text(logged_in_client.get("/partijen/stichting-leeg/"))
    assert "KvK-nummer niet bekend" in page
    assert "Regeling (CVDR) niet bekend" in page
    assert "Openbaar belang niet bekend" in text(logged_in_client.get("/partijen/stichting-leeg/sturing/"))
    assert "Er zijn nog geen deelnemers geregistreerd." in text(
        logged_in_client.get("/partijen/stichting-leeg/deelnemers/")
    )
    assert "Er zijn nog geen financiële gegevens geregistreerd." in text(
        logged_in_client.get("/partijen/stichting-leeg/financien/")
    )


def test_the_factsheet_lists_the_deelnemers_with_share_and_contribution(logged_in_client, party):
    response = logged_in_client.get("/partijen/veiligheidsregio-testland/deelnemers/")
    assert row_headers(response)[:3] == ["Testdorp", "Teststad", "Waterschap Testmond (waterschap)"]
    dorp = row_of(response, "Testdorp")
    assert "1 zetel in AB" in dorp and "Aansprakelijkheid voor tekorten" in dorp
    assert " 12,5% " in dorp and dorp.endswith("€ 1.234.567")
    stad = row_of(response, "Teststad")
    assert " 87,5% " in stad and stad.endswith("€ 500.001")
    waterschap = row_of(response, "Waterschap Testmond (waterschap)")
    assert waterschap.startswith("Waterschap Testmond (waterschap) ja nee nee niet bekend")
    assert waterschap.endswith("niet bekend")


def test_the_factsheet_totals_the_shares_and_contributions(logged_in_client, party):
    total = row_of(logged_in_client.get("/partijen/veiligheidsregio-testland/deelnemers/"), "Totaal")
    assert total.startswith("Totaal 100%")
    # The waterschap has no bijdrage: the total says so instead of passing for complete.
    assert total.endswith("€ 1.734.568; 1 van 3 bijdragen niet bekend")


def test_the_factsheet_names_the_year_of_the_contributions_without_a_thousands_separator(logged_in_client, party):
    page = text(logged_in_client.get("/partijen/veiligheidsregio-testland/deelnemers/"))
    assert "Alle deelnemers van Veiligheidsregio Testland met hun belang en bijdrage 2025 (begroting)" in page
    assert "Bijdrage 2025" in page


def test_the_factsheet_shows_the_contributions_of_the_year_asked_for(logged_in_client, party):
    page = text(logged_in_client.get("/partijen/veiligheidsregio-testland/deelnemers/", {"jaar": "2024"}))
    assert "€ 999.999" in page
    assert "€ 1.234.567" not in page


def test_the_factsheet_shows_the_party_figures_per_year_budget_and_actual(logged_in_client, party):
    response = logged_in_client.get("/partijen/veiligheidsregio-testland/financien/")
    # The last column names the source; "aangeleverd door" only beside what the party supplied itself.
    assert row_of(response, "2025") == (
        "2025 Begroting € 4.800.000 € 2.800.000 niet bekend niet bekend € 154.000 begroting 2025"
    )
    assert row_of(response, "2024") == (
        "2024 Realisatie (jaarrekening) € 5.100.000 € 4.800.000 € 12.000.000 € 11.500.000 € -300.000 "
        "jaarrekening 2024 (31-12-2024)"
    )
    headers = row_headers(response)
    assert headers.index("2025") < headers.index("2024")


def test_the_factsheet_of_a_centrumgemeenteregeling_links_to_the_centrumgemeente(logged_in_client):
    party = PartyFactory(name="Regeling Leerplicht", centrum=True, central_municipality__name="Centrumstad")
    response = logged_in_client.get(party.get_absolute_url())
    assert "Centrumgemeente Centrumstad" in text(response)
    assert f'href="/gemeenten/{party.central_municipality.code}/"' in response.content.decode()


def test_an_unknown_party_is_a_dutch_404(logged_in_client, party):
    response = logged_in_client.get("/partijen/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in text(response)
