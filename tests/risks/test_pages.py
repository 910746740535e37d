"""The risk pages as a reader sees them: a risk with its measures, the heatmap on the factsheet and
the gemeente page (SVG with links, and a table with the same counts), and the weerstandsvermogen
page with its figures; each with a constant number of queries."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from risks.choices import RiskStatus
from risks.models import LikelihoodClass
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory
from tests.partners.pages import text
from tests.risks.factories import MeasureFactory, ResistanceCapacityFactory, RiskFactory

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_a_risk_page_shows_its_figures_and_measures(logged_in_client):
    risk = RiskFactory(
        title="Garantstelling lening sporthal",
        likelihood=2,
        impact=4,
        amount_min=Decimal("100000"),
        amount_max=Decimal("300000"),
        owner="Wethouder financiën",
    )
    MeasureFactory(risk=risk, description="Jaarlijks de liquiditeitsprognose opvragen", owner="Accounthouder")
    page = text(logged_in_client.get(risk.get_absolute_url()))
    assert "Kans 2 – klein (30%)" in page
    assert "Score 8 – midden" in page
    assert "Financieel gevolg € 100.000 – € 300.000" in page
    assert "Jaarlijks de liquiditeitsprognose opvragen Accounthouder 31-12-2025 Gepland" in page


def test_the_risk_page_uses_a_constant_number_of_queries(logged_in_client):
    risk = RiskFactory()
    MeasureFactory(risk=risk)
    few = _queries(logged_in_client, risk.get_absolute_url())
    MeasureFactory.create_batch(10, risk=risk)
    assert _queries(logged_in_client, risk.get_absolute_url()) == few


def _svg(response):
    return re.search(r'<svg class="heatmap".*?</svg>', response.content.decode(), flags=re.S).group(0)


def test_the_factsheet_heatmap_counts_open_risks_per_cell_and_links_each_cell(logged_in_client):
    party = PartyFactory(slug="grd")
    RiskFactory.create_batch(2, party=party, likelihood=4, impact=5)
    RiskFactory(party=party, likelihood=4, impact=5, status=RiskStatus.VERVALLEN)
    response = logged_in_client.get(party.get_tab_url("risicos"))
    svg = _svg(response)
    assert 'role="group"' in svg and "<title" in svg and "<desc" in svg
    assert 'font-family="DejaVu Sans' in svg
    link = '<a href="/risicos/?partij=grd&amp;status=open&amp;kans=4&amp;impact=5"'
    assert link in svg
    cell = svg[svg.index(link) :]
    cell = cell[: cell.index("</a>")]
    assert ">2</text>" in cell and ">zeer hoog</text>" in cell
    # The table beside the figure carries the same count, with the level in words.
    assert 'aria-label="Kans 4 (groot), impact 5 (zeer groot): 2 risico&#x27;s, niveau zeer hoog">2</a>' in (
        response.content.decode()
    )
    assert "alle 2 open risico's" in text(response)


def test_the_cell_link_lists_exactly_the_counted_risks(logged_in_client):
    party = PartyFactory(slug="grd")
    RiskFactory(party=party, likelihood=4, impact=5, title="In het vak")
    RiskFactory(party=party, likelihood=4, impact=4, title="Ernaast")
    response = logged_in_client.get("/risicos/?partij=grd&status=open&kans=4&impact=5")
    assert "In het vak" in text(response) and "Ernaast" not in text(response)


def test_the_gemeente_page_heatmap_counts_the_risks_of_its_parties_and_links_to_weerstandsvermogen(
    logged_in_client,
):
    gemeente = MunicipalityFactory(code="GM9321")
    for likelihood in (1, 2):
        participation = ParticipationFactory(participant=gemeente)
        RiskFactory(party=participation.party, likelihood=likelihood, impact=1)
    RiskFactory(likelihood=1, impact=1)  # a party the gemeente does not take part in
    response = logged_in_client.get(gemeente.get_tab_url("risicos"))
    svg = _svg(response)
    assert '<a href="/risicos/?gemeente=GM9321&amp;status=open&amp;kans=1&amp;impact=1"' in svg
    assert "alle 2 open risico's" in text(response)
    assert 'href="/gemeenten/GM9321/weerstandsvermogen/?jaar=2025"' in response.content.decode()


def test_factsheet_and_gemeente_page_heatmaps_use_a_constant_number_of_queries(logged_in_client):
    gemeente = MunicipalityFactory()
    participation = ParticipationFactory(participant=gemeente)
    party = participation.party
    RiskFactory(party=party)
    few_party = _queries(logged_in_client, party.get_tab_url("risicos"))
    few_gemeente = _queries(logged_in_client, gemeente.get_tab_url("risicos"))
    for n in range(10):
        RiskFactory(party=party, likelihood=1 + n % 5, impact=1 + n // 2 % 5)
    assert _queries(logged_in_client, party.get_tab_url("risicos")) == few_party
    assert _queries(logged_in_client, gemeente.get_tab_url("risicos")) == few_gemeente


@pytest.fixture
def gemeente_with_risks():
    LikelihoodClass.objects.filter(value=5).update(probability=Decimal("100"))
    gemeente = MunicipalityFactory(code="GM9014", name="Groningen")
    participation = ParticipationFactory(participant=gemeente, share_percentage=Decimal("20"))
    RiskFactory(party=participation.party, title="Zeker tekort", likelihood=5, amount_max=Decimal("1000000"))
    unknown = ParticipationFactory(participant=gemeente, share_percentage=None)
    RiskFactory(party=unknown.party, title="Risico zonder aandeel")
    ResistanceCapacityFactory(municipality=gemeente, year=2025, available=Decimal("300000"))
    return gemeente


def test_the_weerstandsvermogen_page_shows_need_ratio_class_and_percentiles(logged_in_client, gemeente_with_risks):
    response = logged_in_client.get("/gemeenten/GM9014/weerstandsvermogen/?jaar=2025")
    page = text(response)
    assert "Beschikbare weerstandscapaciteit € 300.000" in page
    assert "Benodigde weerstandscapaciteit (90% zekerheid) € 200.000" in page
    assert "Ratio 1,5" in page
    assert "Klasse B ruim voldoende" in page
    assert "Som van de maximale bedragen € 200.000" in page
    for p in (50, 80, 90, 95, 99):
        assert f"{p}% € 200.000" in page
    assert "Zeker tekort" in page
    assert "aandeel onbekend" in page and "Risico zonder aandeel" in page
    body = response.content.decode()
    assert re.search(r'<svg role="img" aria-labelledby="verdeling-title verdeling-desc"', body)
    assert "Aantal gesimuleerde jaren per schadebedrag" in page


def test_without_entered_capacity_the_page_says_so_and_still_simulates(logged_in_client, gemeente_with_risks):
    page = text(logged_in_client.get("/gemeenten/GM9014/weerstandsvermogen/?jaar=2026"))
    assert "Beschikbare weerstandscapaciteit niet ingevuld" in page
    assert "Ratio niet te berekenen" in page
    assert "Benodigde weerstandscapaciteit (90% zekerheid) € 200.000" in page


def test_the_weerstandsvermogen_page_uses_a_constant_number_of_queries(logged_in_client, gemeente_with_risks):
    url = "/gemeenten/GM9014/weerstandsvermogen/?jaar=2025"
    few = _queries(logged_in_client, url)
    for _ in range(10):
        participation = ParticipationFactory(participant=gemeente_with_risks, share_percentage=Decimal("5"))
        RiskFactory(party=participation.party, amount_min=Decimal("1000"), amount_max=Decimal("50000"))
    assert _queries(logged_in_client, url) == few


def test_the_weerstandsvermogen_page_of_something_else_than_a_gemeente_is_a_404(logged_in_client):
    assert logged_in_client.get("/gemeenten/GM9999/weerstandsvermogen/").status_code == 404


def test_a_risk_without_amount_is_counted_and_named_on_the_page_and_in_the_paragraaf(
    logged_in_client, gemeente_with_risks
):
    party = gemeente_with_risks.participations.get(share_percentage=Decimal("20")).party
    RiskFactory(party=party, title="Reputatieschade zonder bedrag", amount_min=None, amount_max=None)
    page = " ".join(text(logged_in_client.get("/gemeenten/GM9014/weerstandsvermogen/?jaar=2025")).split())
    assert "2 van de 3 risico's hebben een bedrag (67%); 1 risico zonder bedrag niet meegerekend." in page
    assert "Niet meegerekend: 1 risico zonder bedrag" in page and "Reputatieschade zonder bedrag" in page

    paragraaf = " ".join(text(logged_in_client.get("/gemeenten/GM9014/rapportage/2025/begroting")).split())
    assert (
        "Risico's met een bedrag 67%; 1 risico zonder bedrag niet meegerekend: Reputatieschade zonder bedrag"
        in paragraaf
    )
    assert "Benodigde capaciteit voor de risico's van verbonden partijen € 200.000" in paragraaf
    # A partial figure gives no class for the gemeente as a whole.
    assert "Klasse" not in paragraaf and "ruim voldoende" not in paragraaf
