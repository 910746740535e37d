"""The paragraaf verbonden partijen as PDF, HTML preview and spreadsheet, and the factsheet PDF:
the figures read back from the PDF text, the public and internal versions, constant queries and the cache."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from partners.choices import FigureKind, LegalForm
from partners.models import PolicyArea
from partners.roles import BELEIDSMEDEWERKER, CONTROLLER
from reports import views as report_views
from tests.governance.factories import (
    GoalFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ParticipationGovernanceFactory,
    PersonFactory,
    SeatFactory,
)
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
)
from tests.risks.factories import MeasureFactory, RiskFactory

pytestmark = pytest.mark.django_db

YEAR = 2025


@pytest.fixture(autouse=True)
def _empty_cache():
    # The cache outlives the rolled-back test database; start every test without cached reports.
    cache.clear()
    yield
    cache.clear()


def verbonden(municipality, name, legal_form, *, share, contribution, interest_start=None, interest_end=None, **kw):
    party = PartyFactory(name=name, legal_form=legal_form, seat="Zwolle", public_interest=f"Het doel van {name}.")
    participation = ParticipationFactory(party=party, participant=municipality, share_percentage=Decimal(share), **kw)
    ParticipationFinancialsFactory(
        participation=participation,
        year=YEAR,
        contribution=Decimal(contribution),
        interest_start=interest_start,
        interest_end=interest_end,
    )
    return participation


@pytest.fixture
def gemeente():
    """A gemeente with one party in each BBV category, one that is no verbonden partij, and risks."""
    municipality = MunicipalityFactory(code="GM9101", name="Teststad")
    gr = verbonden(
        municipality,
        "Regionale Uitvoeringsdienst Test",
        LegalForm.OPENBAAR_LICHAAM,
        share="25",
        contribution="1234567",
        interest_start=Decimal("50000"),
        interest_end=Decimal("60000"),
    )
    PartyFinancialsFactory(
        party=gr.party,
        year=YEAR,
        equity_start=Decimal("4800000"),
        equity_end=Decimal("2800000"),
        liabilities_start=None,
        liabilities_end=None,
        result=Decimal("154000"),
    )
    verbonden(
        municipality,
        "Testenergie N.V.",
        LegalForm.NV,
        share="0.5",
        contribution="0",
        interest_start=Decimal("310000"),
        interest_end=Decimal("310000"),
    )
    verbonden(municipality, "Stichting Testarchief", LegalForm.STICHTING, share="10", contribution="45000")
    verbonden(municipality, "EGTS Grensregio", LegalForm.OVERIG, share="5", contribution="7800")
    verbonden(
        municipality,
        "Alleen Bestuurlijk Overleg",
        LegalForm.OPENBAAR_LICHAAM,
        share="10",
        contribution="999999",
        financial_interest=False,
    )
    risk = RiskFactory(
        party=gr.party, title="Tekort op de uitvoering", likelihood=4, impact=4, amount_max=Decimal("800000")
    )
    MeasureFactory(risk=risk, description="Kwartaalmonitor van de uitgaven")
    RiskFactory(party=gr.party, title="Geheime garantstelling", confidential=True, amount_max=Decimal("300000"))
    SeatFactory(participation=gr, person=PersonFactory(name="Wethouder Jansen", municipality=municipality))
    ParticipationGovernanceFactory(participation=gr)
    return municipality


def url(municipality, variant="begroting", fmt=None, **query):
    kwargs = {"code": municipality.code, "year": str(YEAR), "variant": variant}
    path = reverse("reports:paragraph_report", kwargs=kwargs) + (f".{fmt}" if fmt else "")
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def pdf_text(response) -> tuple[PdfReader, list[str]]:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    # The PDF keeps € and its amount together with a no-break space (core/formatting.py).
    return reader, [page.extract_text().replace("\xa0", " ") for page in reader.pages]


@pytest.fixture
def controller_client(client, user):
    user.groups.add(Group.objects.get(name=CONTROLLER))
    client.force_login(user)
    return client


@pytest.mark.pdf
def test_the_begroting_pdf_lists_every_verbonden_partij_under_its_category_with_its_amounts(logged_in_client, gemeente):
    reader, pages = pdf_text(logged_in_client.get(url(gemeente, fmt="pdf")))
    text = "\n".join(pages)
    sections = [
        "1. Gemeenschappelijke regelingen",
        "Regionale Uitvoeringsdienst Test",
        "2. Vennootschappen en coöperaties",
        "Testenergie N.V.",
        "3. Stichtingen en verenigingen",
        "Stichting Testarchief",
        "4. Overige verbonden partijen",
        "EGTS Grensregio",
    ]
    overview = text[text.index("Overzicht verbonden partijen\nDe ") :]
    positions = [overview.index(item) for item in sections]
    assert positions == sorted(positions)
    gr_line = next(line for line in overview.splitlines() if line.startswith("Regionale Uitvoeringsdienst Test"))
    assert gr_line == "Regionale Uitvoeringsdienst Test 25% € 1.234.567 € 50.000 € 60.000"
    assert "Totaal bijdragen € 1.287.367" in overview
    section = text[text.index("Regionale Uitvoeringsdienst Test\nNaam en") :]
    assert "Eigen vermogen 1-1 / 31-12 € 4.800.000 / € 2.800.000" in section.replace("\n", " ")
    assert "Vreemd vermogen 1-1 / 31-12 niet bekend / niet bekend" in section.replace("\n", " ")
    assert "€ 154.000" in section
    assert "Wethouder Jansen" in section
    assert "Alleen Bestuurlijk Overleg" not in text
    assert "None" not in text


@pytest.mark.pdf
def test_every_page_says_pagina_x_van_y_and_the_document_has_a_title_language_and_bookmarks(logged_in_client, gemeente):
    reader, pages = pdf_text(logged_in_client.get(url(gemeente, fmt="pdf")))
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in page
    assert reader.metadata.title == f"Paragraaf verbonden partijen begroting {YEAR} — gemeente Teststad"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert {"Visie en beleidsvoornemens", "Overzicht verbonden partijen", "Weerstandsvermogen"} <= set(titles)


@pytest.mark.pdf
def test_the_table_of_contents_gives_the_page_of_each_party(logged_in_client, gemeente):
    _, pages = pdf_text(logged_in_client.get(url(gemeente, fmt="pdf")))
    toc = next(page for page in pages if "Inhoud" in page)
    line = next(line for line in toc.splitlines() if "Stichting Testarchief" in line)
    page_number = int(line.rstrip(".").split(".")[-1].strip().split()[-1])
    assert "Stichting Testarchief\nNaam en" in pages[page_number - 1]


@pytest.mark.pdf
def test_the_public_version_leaves_out_confidential_risks_and_says_so(logged_in_client, gemeente):
    _, pages = pdf_text(logged_in_client.get(url(gemeente, fmt="pdf")))
    text = "\n".join(pages)
    assert "Tekort op de uitvoering" in text
    assert "Kwartaalmonitor van de uitgaven" in text
    assert "Geheime garantstelling" not in text
    assert "In deze openbare versie is 1 vertrouwelijk risico weggelaten." in text
    assert "VERTROUWELIJK" not in text


@pytest.mark.pdf
def test_the_internal_version_shows_confidential_risks_and_is_marked_on_every_page(controller_client, gemeente):
    _, pages = pdf_text(controller_client.get(url(gemeente, fmt="pdf", versie="intern")))
    assert "Geheime garantstelling" in "\n".join(pages)
    assert all("VERTROUWELIJK" in page for page in pages)


def test_only_controllers_beheerders_and_superusers_get_the_internal_version(client, make_user, superuser, gemeente):
    client.force_login(make_user("controller", role=CONTROLLER, municipalities=[gemeente]))
    assert "Geheime garantstelling" in client.get(url(gemeente, versie="intern")).content.decode()
    client.force_login(make_user("beleid", role=BELEIDSMEDEWERKER, municipalities=[gemeente]))
    assert client.get(url(gemeente, versie="intern")).status_code == 404
    assert "Geheime garantstelling" not in client.get(url(gemeente)).content.decode()
    client.force_login(superuser)
    assert "Geheime garantstelling" in client.get(url(gemeente, versie="intern")).content.decode()


@pytest.mark.pdf
def test_the_html_preview_shows_the_same_report_with_links_to_pdf_and_spreadsheet(logged_in_client, gemeente):
    page = logged_in_client.get(url(gemeente)).content.decode()
    assert "Regionale Uitvoeringsdienst Test" in page
    assert "€ 1.234.567" in page
    assert f'href="{url(gemeente)}.pdf"' in page
    assert f'href="{url(gemeente)}.xlsx"' in page


@pytest.mark.pdf
def test_the_jaarstukken_compare_realised_with_budget_and_name_the_new_parties(logged_in_client, gemeente):
    participation = gemeente.participations.get(party__name="Stichting Testarchief")
    participation.joined_on = datetime.date(YEAR, 3, 1)
    participation.save()
    ParticipationFinancialsFactory(
        participation=participation, year=YEAR, kind=FigureKind.REALISATIE, contribution=Decimal("47500")
    )
    _, pages = pdf_text(logged_in_client.get(url(gemeente, "jaarstukken", fmt="pdf")))
    # The narrow columns of the jaarstukken hyphenate long words (U+2010 at the end of a line).
    text = "\n".join(pages).replace("\u2010\n", "").replace("\n", " ")
    assert "Nieuw Stichting Testarchief" in text
    assert "Bijdrage begroot € 45.000, gerealiseerd € 47.500, verschil € 2.500." in text
    # A total of amounts of which none is known is "niet bekend", never € 0.
    assert "Totaal gemeenschappelijke regelingen € 1.234.567 niet bekend niet bekend niet bekend" in text
    assert "Totaal stichtingen en verenigingen € 45.000 € 47.500" in text


def test_the_overview_downloads_as_xlsx_with_numbers_as_numbers(logged_in_client, gemeente):
    response = logged_in_client.get(url(gemeente, fmt="xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("BBV-categorie", "Verbonden partij")
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {
        "Regionale Uitvoeringsdienst Test",
        "Testenergie N.V.",
        "Stichting Testarchief",
        "EGTS Grensregio",
    }
    gr = by_name["Regionale Uitvoeringsdienst Test"]
    assert gr[0] == "Gemeenschappelijke regelingen"
    assert gr[4:8] == (25.0, 1234567.0, 50000.0, 60000.0)


def test_the_overview_downloads_as_csv_with_decimal_commas(logged_in_client, gemeente):
    response = logged_in_client.get(url(gemeente, fmt="csv"))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    gr = next(row for row in rows if row[1] == "Regionale Uitvoeringsdienst Test")
    assert gr[5] == "1234567,00"


def test_the_report_takes_the_same_number_of_queries_for_more_parties(logged_in_client, gemeente):
    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert logged_in_client.get(url(gemeente)).status_code == 200
        return len(queries)

    first = gemeente.participations.order_by("pk").first().party
    IndicatorValueFactory(indicator=IndicatorFactory(goal=GoalFactory(party=first)))
    before = count()
    for n in range(6):
        participation = verbonden(
            gemeente, f"Extra regeling {n}", LegalForm.GEMEENSCHAPPELIJK_ORGAAN, share="1", contribution="1000"
        )
        risk = RiskFactory(party=participation.party)
        MeasureFactory(risk=risk)
        SeatFactory(participation=participation)
        IndicatorValueFactory(indicator=IndicatorFactory(goal=GoalFactory(party=participation.party)))
    assert count() == before


@pytest.mark.pdf
def test_a_repeated_request_is_served_from_the_cache_until_the_data_changes(logged_in_client, gemeente, monkeypatch):
    calls = []
    render = report_views.html_to_pdf
    monkeypatch.setattr(report_views, "html_to_pdf", lambda html: calls.append(1) or render(html))
    first = logged_in_client.get(url(gemeente, fmt="pdf")).content
    assert logged_in_client.get(url(gemeente, fmt="pdf")).content == first
    assert len(calls) == 1
    party = gemeente.participations.get(party__name="Stichting Testarchief").party
    party.seat = "Deventer"
    party.save()
    _, pages = pdf_text(logged_in_client.get(url(gemeente, fmt="pdf")))
    assert len(calls) == 2
    assert "Stichting Testarchief, Deventer" in "\n".join(pages)


@pytest.mark.pdf
@pytest.mark.django_db(transaction=True)
def test_the_pdf_is_rendered_outside_any_database_transaction(client, make_user, monkeypatch):
    municipality = MunicipalityFactory(code="GM9102")
    verbonden(municipality, "Regeling buiten transactie", LegalForm.OPENBAAR_LICHAAM, share="10", contribution="1")
    client.force_login(make_user("lezer", role=BELEIDSMEDEWERKER, municipalities=[municipality]))
    seen = []
    render = report_views.html_to_pdf
    monkeypatch.setattr(
        report_views, "html_to_pdf", lambda html: seen.append(connection.in_atomic_block) or render(html)
    )
    assert client.get(url(municipality, fmt="pdf")).status_code == 200
    assert seen == [False]


@pytest.mark.pdf
def test_an_unknown_gemeente_or_variant_is_a_404(logged_in_client, gemeente):
    assert logged_in_client.get(f"/gemeenten/GM9999/rapportage/{YEAR}/begroting.pdf").status_code == 404
    assert logged_in_client.get(f"/gemeenten/{gemeente.code}/rapportage/{YEAR}/kadernota.pdf").status_code == 404


@pytest.mark.pdf
def test_the_factsheet_pdf_shows_the_party_and_the_share_of_a_gemeente(logged_in_client, gemeente):
    party = gemeente.participations.get(party__name="Regionale Uitvoeringsdienst Test").party
    path = reverse("reports:factsheet_pdf", kwargs={"slug": party.slug})
    _, pages = pdf_text(logged_in_client.get(f"{path}?gemeente={gemeente.code}&jaar={YEAR}"))
    text = "\n".join(pages).replace("\n", " ")
    assert len(pages) <= 2
    assert "Regionale Uitvoeringsdienst Test" in text
    assert "Aandeel 25%" in text
    assert "Bijdrage 2025 begroot € 1.234.567" in text
    assert "Wethouder Jansen" in text
    assert "Tekort op de uitvoering" in text
    assert "Geheime garantstelling" not in text
    # The gemeente's part of the public risk: 25% of € 800.000.
    assert "ten hoogste € 200.000" in text


@pytest.mark.pdf
def test_the_gemeente_page_and_the_party_page_link_to_the_reports(logged_in_client, gemeente):
    page = logged_in_client.get(reverse("reports:municipality_detail", kwargs={"code": gemeente.code})).content
    assert f'href="{url(gemeente)}.pdf"'.encode() in page
    assert f'href="{url(gemeente, "jaarstukken")}.xlsx"'.encode() in page
    party = gemeente.participations.get(party__name="Stichting Testarchief").party
    page = logged_in_client.get(party.get_absolute_url()).content
    assert reverse("reports:factsheet_pdf", kwargs={"slug": party.slug}).encode() in page


def add_goals(party, municipality):
    safety = PolicyArea.objects.get(code="1")
    shared = GoalFactory(party=party, title="Snelle hulp bij brand", policy_area=safety)
    IndicatorValueFactory(
        indicator=IndicatorFactory(goal=shared, name="Opkomsten binnen de normtijd"), year=YEAR, target=80, actual=70
    )
    own = GoalFactory(party=party, title="Post in het dorp blijft", policy_area=safety, municipality=municipality)
    IndicatorValueFactory(
        indicator=IndicatorFactory(goal=own, name="Bemande posten", unit="aantal"), year=YEAR, target=2, actual=2
    )
    other = MunicipalityFactory(name="Anderdorp")
    ParticipationFactory(party=party, participant=other)
    GoalFactory(party=party, title="Doel van een ander", policy_area=safety, municipality=other)


@pytest.mark.pdf
def test_the_paragraph_pdf_shows_the_doelen_with_status_per_party_and_per_programma(logged_in_client, gemeente):
    party = gemeente.participations.get(party__name="Regionale Uitvoeringsdienst Test").party
    add_goals(party, gemeente)
    _, pages = pdf_text(logged_in_client.get(url(gemeente, "jaarstukken", fmt="pdf")))
    text = " ".join(" ".join(pages).split())
    assert "niet behaald Snelle hulp bij brand — programma 1 Veiligheid." in text
    assert "Opkomsten binnen de normtijd: 70% in 2025 (streefwaarde 80%), niet behaald." in text
    assert "behaald Post in het dorp blijft (eigen doel)" in text
    assert "Doel van een ander" not in text
    assert "Bijdrage aan de programma's" in text
    assert "Programma 1 Veiligheid" in text


@pytest.mark.pdf
def test_the_begroting_names_the_doelen_without_a_status_of_past_years_as_if_it_were_the_plan(
    logged_in_client, gemeente
):
    party = gemeente.participations.get(party__name="Regionale Uitvoeringsdienst Test").party
    add_goals(party, gemeente)
    _, pages = pdf_text(logged_in_client.get(url(gemeente, fmt="pdf")))
    text = " ".join(" ".join(pages).split())
    assert "Snelle hulp bij brand — programma 1 Veiligheid." in text
    assert "Opkomsten binnen de normtijd: 70% in 2025 (streefwaarde 80%) (laatste meting)." in text
    assert "behaald" not in text


@pytest.mark.pdf
def test_the_factsheet_pdf_shows_the_doelen_with_charts_and_the_costs_over_time(logged_in_client, gemeente):
    party = gemeente.participations.get(party__name="Regionale Uitvoeringsdienst Test").party
    add_goals(party, gemeente)
    path = reverse("reports:factsheet_pdf", kwargs={"slug": party.slug})
    response = logged_in_client.get(f"{path}?gemeente={gemeente.code}&jaar={YEAR}")
    _, pages = pdf_text(response)
    text = " ".join(" ".join(pages).split())
    assert "Doelen en resultaten" in text
    assert "niet behaald Snelle hulp bij brand" in text
    assert "Opkomsten binnen de normtijd (hoger is beter) 2025 80% 70% niet behaald" in text
    assert "Kosten door de jaren" in text
    assert "2025 € 1.234.567 begroting" in text
