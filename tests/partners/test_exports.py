"""CSV and XLSX exports hold exactly the rows of the filtered list, in Dutch spreadsheet form."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from partners import views

from .factories import ParticipationFinancialsFactory, PartyFactory, sample_register
from .pages import linked_names, text

pytestmark = pytest.mark.django_db

HEADERS = [
    "Naam",
    "Afkorting",
    "Rechtsvorm",
    "BBV-categorie",
    "Vestigingsplaats",
    "Deelnemende gemeenten",
    "Beleidsveld",
    "Status",
    "Oprichtingsdatum",
    "Einddatum",
    "KvK-nummer",
    "Bijdragen deelnemers 2025 (begroting, €)",
    "Webadres in het register",
    "Soort partij",
]


@pytest.fixture
def register():
    return sample_register()


def csv_rows(client, **query):
    response = client.get("/partijen/", {"format": "csv", **query})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def xlsx_rows(client, **query):
    response = client.get("/partijen/", {"format": "xlsx", **query})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    return workbook.active


def test_the_csv_has_dutch_headers_semicolons_and_a_bom(logged_in_client, register):
    response = logged_in_client.get("/partijen/", {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="verbonden-partijen.csv"'
    first_line = b"".join(response.streaming_content).decode("utf-8").splitlines()[0]
    assert first_line == "\ufeff" + ";".join(HEADERS)


def test_the_csv_row_of_a_party_holds_its_values_with_a_decimal_comma(logged_in_client, register):
    rows = {row[0]: row for row in csv_rows(logged_in_client)[1:]}
    assert rows["Veiligheidsregio Testland"] == [
        "Veiligheidsregio Testland",
        "VRT",
        "Openbaar lichaam",
        "Gemeenschappelijke regelingen",
        "Groningen",
        "2",
        "Veiligheid",
        "Actief",
        "",
        "",
        "",
        "1734567,50",
        "http://testserver/partijen/veiligheidsregio-testland/",
        "Veiligheidsregio",
    ]


def test_the_csv_writes_summed_amounts_in_euros_and_cents(logged_in_client):
    party = PartyFactory(name="Regio Testsom")
    for amount in ("1234567.10", "500000.20"):
        ParticipationFinancialsFactory(participation__party=party, contribution=Decimal(amount))
    rows = {row[0]: row for row in csv_rows(logged_in_client)[1:]}
    assert rows["Regio Testsom"][11] == "1734567,30"


def test_the_csv_writes_dates_the_dutch_way_and_leaves_unknown_amounts_empty(logged_in_client, register):
    rows = {row[0]: row for row in csv_rows(logged_in_client)[1:]}
    assert rows["EGTS Grensregio Maas"][8] == "01-03-2024"
    assert rows["Afvalcoöperatie Twente"][9] == "31-12-2024"
    assert rows["Bank Nederlandse Testgemeenten"][10] == "27008387"
    assert rows["Bank Nederlandse Testgemeenten"][11] == ""


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"rechtsvorm": "nv"},
        {"bbv_categorie": "2"},
        {"status": "actief"},
        {"q": "test"},
        {"deelnemer": "stad"},
        {"o": "-vestigingsplaats"},
        {"deelnemer": "dorp", "o": "-naam"},
    ],
)
def test_the_exports_hold_exactly_the_rows_of_the_filtered_list_in_its_order(logged_in_client, register, query):
    if "deelnemer" in query:
        query = {**query, "deelnemer": register[query["deelnemer"]].code}
    listed = linked_names(logged_in_client.get("/partijen/", query))
    assert [row[0] for row in csv_rows(logged_in_client, **query)[1:]] == listed
    sheet = xlsx_rows(logged_in_client, **query)
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == listed


def test_a_filter_narrows_the_export_to_the_matching_party(logged_in_client, register):
    assert [row[0] for row in csv_rows(logged_in_client, rechtsvorm="nv")] == ["Naam", "Bank Nederlandse Testgemeenten"]


def test_the_export_holds_all_pages_of_the_list(logged_in_client, monkeypatch):
    monkeypatch.setattr(views.PartyListView, "paginate_by", 2)
    for letter in "ABCDE":
        PartyFactory(name=f"Partij {letter}")
    assert len(linked_names(logged_in_client.get("/partijen/"))) == 2
    assert [row[0] for row in csv_rows(logged_in_client)[1:]] == [f"Partij {letter}" for letter in "ABCDE"]


def test_an_invalid_filter_exports_no_rows_like_the_list_shows_none(logged_in_client, register):
    assert csv_rows(logged_in_client, rechtsvorm="onzin") == [HEADERS]


def test_the_xlsx_has_dutch_headers_and_real_numbers(logged_in_client, register):
    response = logged_in_client.get("/partijen/", {"format": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="verbonden-partijen.xlsx"'
    sheet = xlsx_rows(logged_in_client)
    assert sheet.title == "Verbonden partijen"
    assert [cell.value for cell in sheet[1]] == HEADERS
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    vr = rows["Veiligheidsregio Testland"]
    assert vr[5].value == 2
    assert isinstance(vr[5].value, int)
    assert vr[11].value == pytest.approx(1734567.50)
    assert isinstance(vr[11].value, float)
    assert vr[11].number_format == '"€" #,##0.00'
    assert rows["Bank Nederlandse Testgemeenten"][11].value is None


def test_the_xlsx_holds_dates_as_dates(logged_in_client, register):
    rows = {row[0].value: row for row in xlsx_rows(logged_in_client).iter_rows(min_row=2)}
    founded = rows["EGTS Grensregio Maas"][8]
    assert founded.value == datetime.datetime(2024, 3, 1)
    assert founded.number_format == "DD-MM-YYYY"


def test_the_export_takes_the_year_from_jaar(logged_in_client, register):
    rows = csv_rows(logged_in_client, jaar="2024")
    assert rows[0][11] == "Bijdragen deelnemers 2024 (begroting, €)"
    assert {row[0]: row[11] for row in rows[1:]}["Veiligheidsregio Testland"] == ""


def test_an_unknown_export_format_is_a_dutch_404(logged_in_client, register):
    response = logged_in_client.get("/partijen/", {"format": "pdfx"})
    assert response.status_code == 404
    assert "Pagina niet gevonden" in text(response)


def test_the_list_offers_downloads_of_the_current_selection(logged_in_client, register):
    body = logged_in_client.get("/partijen/", {"status": "actief"}).content.decode()
    assert 'href="?status=actief&amp;format=csv"' in body
    assert 'href="?status=actief&amp;format=xlsx"' in body
