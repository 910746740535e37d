"""The risk list at /risicos/: filters, the level column, exports with the same filters, and a
constant number of queries."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from risks.choices import RiskCategory, RiskStatus
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory
from tests.partners.pages import linked_names, text
from tests.risks.factories import MeasureFactory, RiskFactory

pytestmark = pytest.mark.django_db
URL = "/risicos/"


def titles(response):
    return linked_names(response)


def test_the_list_shows_risks_with_party_level_amount_and_marks_confidential_ones(logged_in_client):
    party = PartyFactory(name="Veiligheidsregio Noord")
    RiskFactory(
        party=party,
        title="Tekort brandweerkazernes",
        likelihood=4,
        impact=4,
        amount_min=Decimal("250000"),
        amount_max=Decimal("750000"),
        confidential=True,
    )
    page = text(logged_in_client.get(URL))
    assert "Tekort brandweerkazernes vertrouwelijk" in page
    assert "Veiligheidsregio Noord" in page
    assert "4 × 4 Zeer hoog" in page
    assert "€ 250.000 – € 750.000" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("categorie=bestuurlijk", ["Bestuurlijk risico"]),
        ("status=vervallen", ["Vervallen risico"]),
        ("niveau=laag", ["Bestuurlijk risico"]),
        ("niveau=zeer_hoog", ["Groot risico"]),
        ("kans=5&impact=5", ["Groot risico"]),
        ("maatregelen=met", ["Groot risico"]),
        ("maatregelen=zonder", ["Bestuurlijk risico", "Vervallen risico"]),
        ("herbeoordeling_verlopen=ja", ["Bestuurlijk risico"]),
        ("herbeoordeling_verlopen=nee", ["Groot risico", "Vervallen risico"]),
        ("vertrouwelijk=ja", ["Vervallen risico"]),
        ("vertrouwelijk=nee", ["Bestuurlijk risico", "Groot risico"]),
        ("q=kazerne", ["Groot risico"]),
    ],
)
def test_filters_select_the_matching_risks(logged_in_client, query, expected):
    RiskFactory(
        title="Bestuurlijk risico",
        category=RiskCategory.BESTUURLIJK,
        likelihood=1,
        impact=2,
        reviewed_on=None,
        identified_on=datetime.date(2020, 1, 1),
    )
    big = RiskFactory(
        title="Groot risico",
        likelihood=5,
        impact=5,
        description="Nieuwe kazerne",
        identified_on=timezone.localdate() - datetime.timedelta(days=30),
        reviewed_on=None,
    )
    MeasureFactory(risk=big)
    RiskFactory(title="Vervallen risico", status=RiskStatus.VERVALLEN, likelihood=2, impact=3, confidential=True)
    assert sorted(titles(logged_in_client.get(f"{URL}?{query}"))) == expected


def test_the_gemeente_filter_shows_its_parties_risks_but_not_another_gemeentes_own_risks(logged_in_client):
    gemeente, other = MunicipalityFactory(code="GM9501"), MunicipalityFactory()
    party = PartyFactory()
    ParticipationFactory(party=party, participant=gemeente)
    other_participation = ParticipationFactory(party=party, participant=other)
    RiskFactory(party=party, title="Risico van de partij")
    RiskFactory(party=party, participation=other_participation, title="Garantie van de buurgemeente")
    RiskFactory(title="Risico elders")
    assert titles(logged_in_client.get(f"{URL}?gemeente=GM9501")) == ["Risico van de partij"]


def test_csv_export_has_the_filtered_rows_with_dutch_numbers(logged_in_client):
    RiskFactory(title="Garantstelling lening", amount_min=Decimal("1000.50"), amount_max=Decimal("2000"), impact=5)
    RiskFactory(title="Ander risico", impact=1)
    response = logged_in_client.get(f"{URL}?impact=5&format=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    header, row = rows[0], rows[1]
    assert len(rows) == 2
    assert row[header.index("Titel")] == "Garantstelling lening"
    assert row[header.index("Financieel gevolg minimum (€)")] == "1000,50"
    assert row[header.index("Kans (%)")] == "50,00"
    assert row[header.index("Niveau")] == "Zeer hoog"


def test_xlsx_export_holds_numbers(logged_in_client):
    RiskFactory(title="Garantstelling lening", amount_max=Decimal("2000"))
    response = logged_in_client.get(f"{URL}?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    row = [cell.value for cell in sheet[2]]
    assert row[header.index("Titel")] == "Garantstelling lening"
    assert row[header.index("Financieel gevolg maximum (€)")] == 2000


def test_an_unknown_export_format_is_a_404(logged_in_client):
    assert logged_in_client.get(f"{URL}?format=pdf").status_code == 404


def _make_risks(n):
    for i in range(n):
        participation = ParticipationFactory()
        risk = RiskFactory(party=participation.party, participation=participation)
        MeasureFactory(risk=risk)
        if i % 2:
            RiskFactory(party=risk.party)


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("suffix", ["", "?format=csv", "?format=xlsx", "?niveau=midden&gemeente=GM9000"])
def test_the_list_and_its_exports_use_the_same_number_of_queries_for_few_and_many_risks(logged_in_client, suffix):
    MunicipalityFactory(code="GM9000") if "gemeente" in suffix else None
    _make_risks(2)
    few = _count_queries(logged_in_client, URL + suffix)
    _make_risks(20)
    assert _count_queries(logged_in_client, URL + suffix) == few
