"""What users do in the browser: log in per role, browse, filter, open pages, download and edit."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from .conftest import USERS, log_in
from .pages import GEMEENTE, PARTY, REPORT_YEAR


@pytest.mark.parametrize("username", USERS)
def test_each_role_logs_in_and_sees_name_and_role_in_the_header(open_as, username):
    """The `sessions` fixture logged each demo user in through the form; here is what each one sees."""
    role = USERS[username][1]
    page = open_as(username)
    page.goto("/")
    assert page.url.endswith("/partijen/")
    header = page.locator("header.site-header").inner_text()
    assert role in header
    assert "Uitloggen" in header
    admin_link = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beheer")
    assert admin_link.count() == (1 if username == "beheer" else 0)


def test_a_wrong_password_shows_the_dutch_message(open_as, base_url):
    page = open_as()
    log_in(page, base_url, "beleid", "verkeerd-wachtwoord")
    assert page.url.endswith("/inloggen/")
    alert = page.get_by_role("alert")
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in alert.inner_text()


def test_a_page_without_login_leads_to_the_login_form_and_back(open_as, base_url):
    page = open_as()
    page.goto(f"/gemeenten/{GEMEENTE}/")
    assert "/inloggen/" in page.url
    page.get_by_label("Gebruikersnaam").fill("controller")
    page.get_by_label("Wachtwoord").fill(USERS["controller"][0])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/gemeenten/{GEMEENTE}/")


def result_count(page):
    return int(re.search(r"(\d+) partijen gevonden", page.locator(".result-count").inner_text()).group(1))


def test_the_register_filters_by_bbv_category_and_sorts(open_as):
    page = open_as("beleid")
    page.goto("/partijen/")
    everything = result_count(page)
    page.get_by_label("BBV-categorie").select_option(label="Gemeenschappelijke regelingen")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_load_state()
    filtered = result_count(page)
    assert 0 < filtered < everything
    badges = page.locator("main table tbody .badge[class*='badge--bbv-']").all_inner_texts()
    assert set(badges) == {"Gemeenschappelijke regelingen"}
    assert "(gefilterd)" in page.locator("caption").inner_text()
    page.get_by_role("link", name="Filters wissen").click()
    assert result_count(page) == everything


def test_the_register_filters_by_gemeente_and_opens_a_factsheet(open_as):
    page = open_as("beleid")
    page.goto("/partijen/")
    page.get_by_label("Zoeken").fill("Veiligheidsregio")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_role("link", name="Veiligheidsregio Groningen").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/partijen/{PARTY}/")
    assert page.locator("h1").inner_text().startswith("Veiligheidsregio Groningen")
    page.get_by_role("navigation", name="Onderdelen van Veiligheidsregio Groningen").get_by_role(
        "link", name="Deelnemers"
    ).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/partijen/{PARTY}/deelnemers/")
    participants = page.locator("main table tbody tr")
    assert participants.count() >= 2


def test_a_gemeente_page_opens_from_the_list_with_its_parties_and_totals(open_as):
    page = open_as("controller")
    page.goto("/gemeenten/")
    page.get_by_label("Zoeken").fill("Groningen")
    page.get_by_role("button", name="Filteren").click()
    page.locator("main table").get_by_role("link", name="Groningen", exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/gemeenten/{GEMEENTE}/")
    assert "Groningen" in page.locator("h1").inner_text()
    assert "€" in page.locator("main").inner_text()
    page.get_by_role("navigation", name="Onderdelen van gemeente Groningen").get_by_role(
        "link", name="Deelnames"
    ).click()
    page.wait_for_load_state()
    assert page.locator("main table caption").count() >= 1


def download(page, link_name):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return info.value


def test_the_csv_download_holds_the_filtered_list(open_as):
    page = open_as("beleid")
    page.goto("/partijen/?bbv_categorie=1")
    expected = result_count(page)
    file = download(page, "CSV")
    assert file.suggested_filename.endswith(".csv")
    raw = open(file.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV zonder BOM opent verkeerd in Excel"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert "Naam" in rows[0]
    assert len(rows) - 1 == expected


def test_the_xlsx_download_holds_the_filtered_list(open_as, tmp_path):
    page = open_as("beleid")
    page.goto("/partijen/?bbv_categorie=1")
    expected = result_count(page)
    file = download(page, "Excel (XLSX)")
    assert file.suggested_filename.endswith(".xlsx")
    file.save_as(tmp_path / file.suggested_filename)
    sheet = load_workbook(tmp_path / file.suggested_filename, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "Naam" in rows[0]
    assert len([row for row in rows[1:] if any(row)]) == expected


def test_the_pdf_report_downloads_with_the_gemeente_in_it(open_as):
    page = open_as("controller")
    url = f"/gemeenten/{GEMEENTE}/rapportage/{REPORT_YEAR}/begroting.pdf"
    response = page.request.get(url, timeout=90_000)  # WeasyPrint needs a while on a busy machine
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).replace("\xa0", " ")
    assert "Groningen" in text
    assert "verbonden partijen" in text.lower()


def test_a_beheerder_edits_a_party_in_the_admin_and_the_register_shows_it(open_as):
    page = open_as("beheer")
    page.goto("/partijen/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beheer").click()
    page.wait_for_load_state()
    page.goto("/admin/partners/party/?q=Groninger+Archieven")
    page.locator("#result_list").get_by_role("link", name="Groninger Archieven").click()
    seat = page.locator("#id_seat")
    original = seat.input_value()
    seat.fill("Haren (Gn)")
    page.locator("input[name='_save']").click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 0, page.locator(".errornote").inner_text()
    try:
        page.goto("/partijen/?q=Groninger+Archieven")
        row = page.locator("main table tbody tr", has_text="Groninger Archieven")
        assert "Haren (Gn)" in row.inner_text()
    finally:
        page.goto("/admin/partners/party/?q=Groninger+Archieven")
        page.locator("#result_list").get_by_role("link", name="Groninger Archieven").click()
        page.locator("#id_seat").fill(original)
        page.locator("input[name='_save']").click()
        page.wait_for_load_state()


def test_a_user_of_one_gemeente_cannot_open_the_report_of_another(open_as):
    """The PDF too: beleid works for Groningen, so Stadskanaal's report does not exist for them."""
    page = open_as("beleid")
    response = page.request.get(f"/gemeenten/GM0037/rapportage/{REPORT_YEAR}/begroting.pdf")
    assert response.status == 404
    assert "Pagina niet gevonden" in response.text()
    own = page.request.get(f"/gemeenten/GM0014/rapportage/{REPORT_YEAR}/begroting.pdf", timeout=120_000)
    assert own.status == 200 and own.body().startswith(b"%PDF")
