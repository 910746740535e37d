"""Every financial interest of a deelname (aandelen, lening, garantie, borgstelling, aansprakelijkheid,
dividend, boekwaarde BBV art. 36) in every output: the paragraaf preview, PDF, XLSX and CSV, the gemeente
page, the party page and the factsheet PDF; the source of a party's figures; unknown is not zero."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from core import summing
from partners.choices import FigureKind, FinancialInterestForm, LegalForm
from partners.interests import FinancialInterest
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
)
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

YEAR = 2025


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def interest(participation, form, **amounts):
    return FinancialInterest.objects.create(participation=participation, year=YEAR, form=form, **amounts)


@pytest.fixture
def gemeente():
    """A gemeente with a vennootschap (shares, loan, guarantee, borgstelling, dividend) and a GR with
    aansprakelijkheid voor tekorten, whose bijdrage is known, and one GR whose bijdrage is not."""
    municipality = MunicipalityFactory(code="GM9201", name="Belangstad")
    bank = PartyFactory(name="Testbank N.V.", legal_form=LegalForm.NV, seat="Den Haag")
    shares = ParticipationFactory(party=bank, participant=municipality, share_percentage=Decimal("0.22"))
    ParticipationFinancialsFactory(
        participation=shares, year=YEAR, kind=FigureKind.BEGROTING, contribution=None, dividend=Decimal("222923")
    )
    interest(
        shares,
        FinancialInterestForm.KAPITAAL,
        shares_count=123162,
        nominal_value=Decimal("2.50"),
        paid_in=Decimal("310000"),
        book_value_start=Decimal("310000"),
        book_value_end=Decimal("310000"),
    )
    interest(
        shares,
        FinancialInterestForm.LENING,
        principal=Decimal("1000000"),
        balance_start=Decimal("800000"),
        balance_end=Decimal("700000"),
        book_value_start=Decimal("800000"),
        book_value_end=Decimal("700000"),
    )
    interest(shares, FinancialInterestForm.GARANTIE, amount=Decimal("5000000"))
    interest(shares, FinancialInterestForm.BORGSTELLING, amount=Decimal("250000"), note="Borg voor de huisvesting")
    # A vennootschap publishes no begroting: the paragraaf prints its latest jaarrekening.
    PartyFinancialsFactory(party=bank, year=2024, kind=FigureKind.REALISATIE, equity_end=Decimal("5097000000"))

    gr = PartyFactory(name="Veiligheidsregio Belang", legal_form=LegalForm.OPENBAAR_LICHAAM, seat="Assen")
    member = ParticipationFactory(party=gr, participant=municipality, share_percentage=Decimal("10"))
    ParticipationFinancialsFactory(participation=member, year=YEAR, contribution=Decimal("18800000"))
    interest(member, FinancialInterestForm.AANSPRAKELIJKHEID, note="Naar rato van de bijdrage")
    PartyFinancialsFactory(party=gr, year=YEAR, kind=FigureKind.BEGROTING)

    unknown = PartyFactory(name="Omgevingsdienst Onbekend", legal_form=LegalForm.OPENBAAR_LICHAAM, seat="Emmen")
    other = ParticipationFactory(party=unknown, participant=municipality, share_percentage=Decimal("5"))
    ParticipationFinancialsFactory(participation=other, year=YEAR, contribution=None)
    return municipality


def report_url(municipality, fmt=None, variant="begroting"):
    path = reverse(
        "reports:paragraph_report", kwargs={"code": municipality.code, "year": str(YEAR), "variant": variant}
    )
    return path + (f".{fmt}" if fmt else "")


def flat(value: str) -> str:
    return " ".join(value.replace("\xa0", " ").split()).replace(" :", ":")


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages))


EXPECTED = [
    "123.162 aandelen à € 2,50 nominaal; gestort € 310.000",
    "hoofdsom € 1.000.000; restant 1-1 € 800.000, 31-12 € 700.000",
    "Garantstelling: € 5.000.000",
    "Borgstelling: € 250.000",
    "Aansprakelijkheid voor tekorten",
]


def test_the_paragraaf_preview_names_every_interest_the_dividend_the_boekwaarde_and_the_source(
    logged_in_client, gemeente
):
    page = flat(text(logged_in_client.get(report_url(gemeente))))
    for item in EXPECTED:
        assert item in page
    assert "Boekwaarde 1-1 / 31-12 (BBV art. 36) € 1.110.000 / € 1.010.000" in page
    assert "Dividend verwacht € 222.923" in page
    assert "Bron cijfers partij jaarrekening 2024 (31-12-2024)" in page
    assert "Bron cijfers partij begroting 2025" in page
    assert "Bron cijfers partij geen opgave" in page


def test_a_vennootschap_shows_no_bijdrage_of_zero_but_what_the_gemeente_holds_and_receives(logged_in_client, gemeente):
    page = flat(text(logged_in_client.get(report_url(gemeente))))
    bank = page[page.index("Testbank N.V. Naam en") :]
    assert "Bijdrage van de gemeente n.v.t. (vennootschap: de gemeente houdt aandelen en ontvangt dividend)" in bank
    assert "Bijdrage € 0" not in page and "Bijdrage van de gemeente € 0" not in page


@pytest.mark.pdf
def test_the_paragraaf_pdf_names_every_interest_and_says_which_bijdragen_are_unknown(logged_in_client, gemeente):
    pdf = pdf_text(logged_in_client.get(report_url(gemeente, "pdf")))
    for item in EXPECTED:
        assert item in pdf
    assert "Dividend verwacht € 222.923" in pdf
    assert "jaarrekening 2024 (31-12-2024)" in pdf
    # Two GRs: one bijdrage known, one not; the vennootschap gets none and is not counted.
    assert "Totaal bijdragen: € 18.800.000; 1 van 2 bijdragen niet bekend." in pdf


def test_the_exports_give_each_interest_its_column_and_leave_unknown_amounts_empty(logged_in_client, gemeente):
    workbook = load_workbook(io.BytesIO(logged_in_client.get(report_url(gemeente, "xlsx")).content))
    rows = list(workbook.active.values)
    header, by_name = rows[0], {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    bank = by_name["Testbank N.V."]
    assert bank["Bijdrage 2025 begroot (€)"] == "n.v.t."
    assert bank["Dividend 2025 (€)"] == 222923
    assert bank["Aantal aandelen"] == 123162
    assert bank["Nominale waarde aandelen (€)"] == 307905
    assert bank["Gestort op aandelen (€)"] == 310000
    assert bank["Lening hoofdsom (€)"] == 1000000
    assert bank["Lening restant 1-1-2025 (€)"] == 800000
    assert bank["Lening restant 31-12-2025 (€)"] == 700000
    assert bank["Garantie / borgstelling (€)"] == 5250000
    assert bank["Boekwaarde 1-1-2025 (€, BBV art. 36)"] == 1110000
    assert bank["Boekwaarde 31-12-2025 (€, BBV art. 36)"] == 1010000
    assert bank["Bron cijfers partij"] == "jaarrekening 2024 (31-12-2024)"
    assert by_name["Veiligheidsregio Belang"]["Aansprakelijkheid voor tekorten"] == "ja"
    # Unknown is an empty cell, never 0.
    assert by_name["Omgevingsdienst Onbekend"]["Bijdrage 2025 begroot (€)"] is None
    assert "Dividend 2025 (€)" in header

    lines = list(
        csv.reader(
            io.StringIO(
                b"".join(logged_in_client.get(report_url(gemeente, "csv")).streaming_content).decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    columns = lines[0]
    unknown = next(line for line in lines if line[1] == "Omgevingsdienst Onbekend")
    assert unknown[columns.index("Bijdrage 2025 begroot (€)")] == ""
    bank_line = next(line for line in lines if line[1] == "Testbank N.V.")
    assert bank_line[columns.index("Lening hoofdsom (€)")] == "1000000,00"


def test_the_gemeente_page_shows_interests_dividend_and_a_total_that_says_what_it_lacks(logged_in_client, gemeente):
    page = flat(text(logged_in_client.get(gemeente.get_tab_url("deelnames"))))
    for item in EXPECTED:
        assert item in page
    assert "Dividend € 222.923" in page
    assert "bijdragen 2025 (begroting): € 18.800.000; 1 van 2 bijdragen niet bekend" in page
    assert "3 verbonden partijen" in page


def test_the_party_page_and_factsheet_pdf_show_the_gemeentes_interests(logged_in_client, gemeente):
    bank = FinancialInterest.objects.filter(form=FinancialInterestForm.KAPITAAL).get().participation.party
    page = flat(text(logged_in_client.get(bank.get_tab_url("deelnemers"))))
    assert "123.162 aandelen à € 2,50 nominaal" in page and "Dividend € 222.923" in page
    url = reverse("reports:factsheet_pdf", kwargs={"slug": bank.slug}) + f"?gemeente={gemeente.code}&jaar={YEAR}"
    pdf = pdf_text(logged_in_client.get(url))
    for item in EXPECTED[:4]:
        assert item in pdf
    assert "Bijdrage 2025 n.v.t." in pdf
    assert "begroot € 222.923" in pdf
    # Aandelen, lening, garantie, borgstelling: in that order; no costs chart of "€ 0" bijdragen.
    positions = [pdf.index(item) for item in EXPECTED[:4]]
    assert positions == sorted(positions)
    assert "n.v.t.: een vennootschap krijgt geen bijdrage van haar aandeelhouders" in pdf


def test_a_sum_over_partly_unknown_amounts_says_how_many_are_unknown():
    assert summing.total([Decimal("18800000"), *[None] * 9]).text() == "€ 18.800.000; 9 van 10 bijdragen niet bekend"
    assert summing.total([None, None]).text() == "niet bekend"
    assert summing.total([Decimal("0"), Decimal("5")]).text() == "€ 5"
    assert summing.total([]).text() == "n.v.t."
    nested = summing.total([summing.total([Decimal("1"), None]), summing.total([Decimal("2")])])
    assert (nested.known_amount, nested.count, nested.unknown) == (Decimal("3"), 3, 1)
    assert summing.plural(1, "risico") == "1 risico" and summing.plural(2, "risico") == "2 risico's"


def test_an_interest_amount_cannot_be_negative(gemeente):
    from django.db import IntegrityError, transaction

    participation = FinancialInterest.objects.first().participation
    with pytest.raises(IntegrityError), transaction.atomic():
        interest(participation, FinancialInterestForm.LENING, principal=Decimal("-1"))


def test_the_report_and_gemeente_page_take_the_same_queries_for_more_interests_and_declared_unknowns(
    logged_in_client, gemeente
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partners.interests import Art15Field, DeclaredUnknown

    def count(url):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert logged_in_client.get(url).status_code == 200
        return len(queries)

    urls = [report_url(gemeente), gemeente.get_tab_url("deelnames")]
    before = [count(url) for url in urls]
    for n in range(5):
        party = PartyFactory(name=f"Extra N.V. {n}", legal_form=LegalForm.NV)
        participation = ParticipationFactory(party=party, participant=gemeente, share_percentage=Decimal("1"))
        ParticipationFinancialsFactory(participation=participation, year=YEAR, dividend=Decimal("10"))
        interest(participation, FinancialInterestForm.KAPITAAL, shares_count=10, paid_in=Decimal("10"))
        interest(participation, FinancialInterestForm.LENING, principal=Decimal("100"))
        PartyFinancialsFactory(party=party, year=2023, kind=FigureKind.REALISATIE)
        DeclaredUnknown.objects.create(
            participation=participation, year=YEAR, field=Art15Field.VERTEGENWOORDIGING, reason="nog niet benoemd"
        )
    assert [count(url) for url in urls] == before
