"""The page of one gemeente: its verbonden partijen in the four BBV categories with totals, per year."""

from decimal import Decimal

import pytest

from partners.choices import FigureKind, LegalForm
from partners.models import Participant
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipantFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
)
from tests.partners.pages import row_of, text

pytestmark = pytest.mark.django_db


def participate(municipality, name, legal_form, contribution=None, **interests):
    participation = ParticipationFactory(
        participant=municipality, party__name=name, party__legal_form=legal_form, **interests
    )
    if contribution is not None:
        ParticipationFinancialsFactory(participation=participation, contribution=Decimal(contribution))
    return participation


@pytest.fixture
def testdorp():
    municipality = MunicipalityFactory(name="Testdorp", province=Participant.objects.get(code="PV26"))
    ggd = participate(municipality, "GGD Testregio", LegalForm.OPENBAAR_LICHAAM, "1234567")
    ParticipationFinancialsFactory(participation=ggd, kind=FigureKind.REALISATIE, contribution=Decimal("1200000"))
    ParticipationFinancialsFactory(participation=ggd, year=2024, contribution=Decimal("1000000"))
    participate(municipality, "Belastingsamenwerking Test", LegalForm.BEDRIJFSVOERINGSORGANISATIE, "250000")
    participate(municipality, "Testbank NV", LegalForm.NV, share_percentage=Decimal("0.11"))
    participate(municipality, "EGTS Testgrens", LegalForm.OVERIG, "10000")
    participate(municipality, "Regionaal Overleg Test", LegalForm.OPENBAAR_LICHAAM, "5000", financial_interest=False)
    participate(municipality, "Stichting Garantie Test", LegalForm.STICHTING, "7000", governance_interest=False)
    return municipality


def page_of(client, municipality, **query):
    response = client.get(f"/gemeenten/{municipality.code}/deelnames/", query)
    assert response.status_code == 200
    return text(response)


def section(page, start, end):
    return page[page.index(start) : page.index(end)]


def test_the_page_groups_the_verbonden_partijen_in_the_four_bbv_categories_in_legal_order(logged_in_client, testdorp):
    page = page_of(logged_in_client, testdorp)
    headings = [
        "1. Gemeenschappelijke regelingen",
        "2. Vennootschappen en coöperaties",
        "3. Stichtingen en verenigingen",
        "4. Overige verbonden partijen",
        "Overige samenwerkingen",
    ]
    positions = [page.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "GGD Testregio" in section(page, headings[0], headings[1])
    assert "Belastingsamenwerking Test" in section(page, headings[0], headings[1])
    assert "Testbank NV" in section(page, headings[1], headings[2])
    assert "Geen verbonden partijen in deze categorie." in section(page, headings[2], headings[3])
    assert "EGTS Testgrens" in section(page, headings[3], headings[4])


def test_each_category_row_shows_share_budget_and_actual_contribution(logged_in_client, testdorp):
    response = logged_in_client.get(f"/gemeenten/{testdorp.code}/deelnames/")
    ggd = row_of(response, "GGD Testregio")
    assert "Openbaar lichaam" in ggd
    assert ggd.endswith("niet bekend € 1.234.567 € 1.200.000")
    bank = row_of(response, "Testbank NV")
    # A vennootschap gets no bijdrage: "n.v.t.", never "€ 0" or "niet bekend".
    assert bank.endswith("0,11% n.v.t. n.v.t.")


def test_the_page_totals_each_category_and_all_verbonden_partijen(logged_in_client, testdorp):
    page = page_of(logged_in_client, testdorp)
    assert "Totaal gemeenschappelijke regelingen € 1.484.567" in page
    assert "Totaal vennootschappen en coöperaties n.v.t." in page
    assert "Totaal overige verbonden partijen € 10.000" in page
    assert "Totaal bijdragen aan verbonden partijen in 2025 (begroting): € 1.494.567" in page
    assert (
        "GM9" in page and "provincie Utrecht · 4 verbonden partijen · bijdragen 2025 (begroting): € 1.494.567" in page
    )


def test_participations_without_both_belangen_are_listed_apart_and_not_counted(logged_in_client, testdorp):
    response = logged_in_client.get(f"/gemeenten/{testdorp.code}/deelnames/")
    assert row_of(response, "Regionaal Overleg Test").endswith("ja nee € 5.000")
    assert row_of(response, "Stichting Garantie Test").endswith("nee ja € 7.000")
    page = text(response)
    verbonden = page[: page.index("Overige samenwerkingen")]
    assert "Regionaal Overleg Test" not in verbonden
    assert "Stichting Garantie Test" not in verbonden


def test_jaar_shows_the_contributions_of_another_year(logged_in_client, testdorp):
    page = page_of(logged_in_client, testdorp, jaar="2024")
    assert "Totaal gemeenschappelijke regelingen € 1.000.000" in page
    assert "Totaal bijdragen aan verbonden partijen in 2024 (begroting): € 1.000.000" in page
    assert "€ 1.234.567" not in page


@pytest.mark.parametrize("jaar", ["abc", "1800", "20255", ""])
def test_an_invalid_jaar_shows_a_dutch_message_and_falls_back_to_the_report_year(logged_in_client, testdorp, jaar):
    response = logged_in_client.get(f"/gemeenten/{testdorp.code}/deelnames/", {"jaar": jaar})
    assert response.status_code == 200
    page = text(response)
    assert f"“{jaar}” is geen geldig jaar; het register toont 2025." in page
    assert "Totaal bijdragen aan verbonden partijen in 2025 (begroting): € 1.494.567" in page
    assert 'aria-invalid="true"' in response.content.decode()


def test_a_gemeente_without_participations_says_so(logged_in_client):
    page = page_of(logged_in_client, Participant.objects.get(code="GM0014"))
    assert page.count("Geen verbonden partijen in deze categorie.") == 4
    assert "Geen overige samenwerkingen geregistreerd." in page
    assert "Totaal bijdragen aan verbonden partijen in 2025 (begroting): n.v.t." in page


@pytest.mark.parametrize("code", ["GM9998", "PV26", "gm0014", "onzin"])
def test_an_unknown_code_or_a_provincie_is_a_dutch_404(logged_in_client, code):
    response = logged_in_client.get(f"/gemeenten/{code}/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in text(response)


def test_a_waterschap_has_no_gemeente_page(logged_in_client):
    waterschap = ParticipantFactory()
    assert logged_in_client.get(f"/gemeenten/{waterschap.code}/").status_code == 404
