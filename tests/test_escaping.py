"""HTML, SQL, formulas and difficult unicode typed into the register are stored as typed and shown
literally: escaped in every page, text (never a formula) in CSV and XLSX, and readable in the PDF."""

import csv
import io

import pytest
from django.db import models
from openpyxl import load_workbook
from pypdf import PdfReader

from partners.models import Party
from risks.models import Risk
from tests.governance.factories import PersonFactory, SeatFactory
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, ParticipationFinancialsFactory
from tests.partners.factories import PartyFactory as BasePartyFactory
from tests.risks.factories import MeasureFactory, RiskFactory

from .partners.pages import text

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("xss")</script>'
SQL = "'; DROP TABLE partners_party;--"
FORMULA = '=HYPERLINK("https://example.org";"klik")'
UNICODE = "Zoë 😀 \u05e2\u05d1\u05e8\u05d9\u05ea \u0645\u0631\u064a\u0645 e\u0301\u0302 \ufdfa"  # emoji, RTL, combining
LONG = ("Lange toelichting met ‘aanhalingstekens’ & <tags>. " * 200).strip()


def hostile(field: models.Field, index: int) -> str:
    """A different hostile value per text field, as long as the field allows."""
    pick = [f"{SCRIPT} {SQL}", f"{FORMULA} {UNICODE}", f"@SUM(A1:A9) {SCRIPT}", f"+31 {UNICODE} {SQL}", LONG][index % 5]
    return pick[: field.max_length] if field.max_length else pick


def fill_text_fields(obj, *, skip=()):
    """Every free-text field of `obj` (not choices, codes, slugs, web or mail addresses) gets a hostile value."""
    for index, field in enumerate(obj._meta.concrete_fields):
        if (
            isinstance(field, models.CharField | models.TextField)
            and not field.choices
            and not isinstance(field, models.SlugField | models.URLField | models.EmailField)
            and field.name not in skip
        ):
            setattr(obj, field.name, hostile(field, index))
    typed = {field.name: getattr(obj, field.name) for field in obj._meta.concrete_fields}
    obj.save()
    obj.refresh_from_db()
    stored = {field.name: getattr(obj, field.name) for field in obj._meta.concrete_fields}
    assert {k: v for k, v in stored.items() if isinstance(v, str)} == {
        k: v for k, v in typed.items() if isinstance(v, str)
    }
    return obj


@pytest.fixture
def hostile_register():
    dorp = MunicipalityFactory(name=f"Gemeente {SCRIPT}")
    party = BasePartyFactory()
    party = fill_text_fields(party, skip=("kvk_number",))
    party.name = f"{SCRIPT} Partij {SQL}"
    party.seat = FORMULA
    party.save()
    participation = fill_text_fields(ParticipationFactory(party=party, participant=dorp, share_percentage=10))
    ParticipationFinancialsFactory(participation=participation)
    risk = fill_text_fields(RiskFactory(party=party, participation=participation))
    risk.title, risk.owner = f"@SUM(A1:A9) {SCRIPT}", "+31 6 12345678"
    risk.save()
    measure = fill_text_fields(MeasureFactory(risk=risk))
    person = fill_text_fields(PersonFactory(municipality=dorp))
    SeatFactory(person=person, participation=ParticipationFactory(party=party))
    return {"party": party, "dorp": dorp, "participation": participation, "risk": risk, "measure": measure,
            "person": person}  # fmt: skip


def test_hostile_text_is_stored_exactly_as_typed(hostile_register):
    party = Party.objects.get(pk=hostile_register["party"].pk)
    assert party.name == f"{SCRIPT} Partij {SQL}"
    assert party.seat == FORMULA
    assert Party.objects.count() == 1  # the DROP TABLE did nothing
    assert Risk.objects.get().title == f"@SUM(A1:A9) {SCRIPT}"


def pages(r) -> list[str]:
    party, dorp = r["party"], r["dorp"]
    return [
        "/partijen/",
        f"/partijen/?q={party.name[:10]}",
        f"/partijen/{party.slug}/",
        f"/partijen/{party.slug}/deelnemers/",
        f"/gemeenten/?q={dorp.code}",
        f"/gemeenten/{dorp.code}/",
        f"/gemeenten/{dorp.code}/dashboard/",
        f"/gemeenten/{dorp.code}/weerstandsvermogen/",
        f"/gemeenten/{dorp.code}/rapportage/2025/begroting?versie=intern",
        "/risicos/",
        f"/risicos/{r['risk'].pk}/",
        "/personen/",
        f"/personen/{r['person'].pk}/",
        f"/admin/partners/party/{party.pk}/change/",
        f"/admin/risks/risk/{r['risk'].pk}/change/",
    ]


def test_every_page_shows_hostile_text_escaped_and_literally(hostile_register, superuser_client):
    party = hostile_register["party"]
    for url in pages(hostile_register):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "<script>alert(" not in body, url
        assert "&lt;script&gt;alert(" in body, url
    factsheet = text(superuser_client.get(f"/partijen/{party.slug}/"))
    assert party.name in factsheet
    assert FORMULA in factsheet
    assert UNICODE in factsheet
    risk = text(superuser_client.get(f"/risicos/{hostile_register['risk'].pk}/"))
    assert f"@SUM(A1:A9) {SCRIPT}" in risk
    assert hostile_register["measure"].description in risk


def _csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";"))


def test_csv_exports_keep_text_literal_and_never_start_a_formula(hostile_register, superuser_client):
    party = hostile_register["party"]
    header, *rows = _csv_rows(superuser_client.get("/partijen/", {"format": "csv"}))
    row = next(r for r in rows if r[0] == party.name)
    assert row[header.index("Vestigingsplaats")] == "'" + FORMULA
    header, *rows = _csv_rows(superuser_client.get("/risicos/", {"format": "csv"}))
    (row,) = rows
    assert row[header.index("Titel")] == f"'@SUM(A1:A9) {SCRIPT}"
    assert row[header.index("Eigenaar")] == "'+31 6 12345678"
    assert row[header.index("Partij")] == party.name
    for cells in rows:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    header, *rows = _csv_rows(
        superuser_client.get(f"/gemeenten/{hostile_register['dorp'].code}/rapportage/2025/begroting.csv")
    )
    assert [r[header.index("Vestigingsplaats")] for r in rows if r[1] == party.name] == ["'" + FORMULA]


def _sheet(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_xlsx_exports_store_a_formula_lookalike_as_text(hostile_register, superuser_client):
    party = hostile_register["party"]
    sheet = _sheet(superuser_client.get("/partijen/", {"format": "xlsx"}))
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == party.name)
    seat = row[header.index("Vestigingsplaats")]
    assert (seat.value, seat.data_type) == (FORMULA, "s")
    sheet = _sheet(superuser_client.get("/risicos/", {"format": "xlsx"}))
    header = [c.value for c in sheet[1]]
    title = sheet.cell(2, header.index("Titel") + 1)
    assert (title.value, title.data_type) == (f"@SUM(A1:A9) {SCRIPT}", "s")
    sheet = _sheet(superuser_client.get(f"/gemeenten/{hostile_register['dorp'].code}/rapportage/2025/begroting.xlsx"))
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    template = load_workbook(io.BytesIO(superuser_client.get("/import/sjabloon.xlsx", {"met": "register"}).content))
    cells = [cell for row in template["Partijen"].iter_rows(min_row=2) for cell in row]
    assert FORMULA in [cell.value for cell in cells]
    assert all(cell.data_type != "f" for cell in cells)


@pytest.mark.pdf
def test_the_pdfs_show_hostile_text_as_text(hostile_register, superuser_client):
    party = hostile_register["party"]
    for url in [
        f"/partijen/{party.slug}/factsheet.pdf",
        f"/gemeenten/{hostile_register['dorp'].code}/rapportage/2025/begroting.pdf",
    ]:
        response = superuser_client.get(url)
        assert response["Content-Type"] == "application/pdf"
        pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        pdf_text = pdf_text.replace("\xa0", " ")
        # pypdf reads the two-byte codes of a font with emoji and Arabic glyphs as byte pairs ("\x00<");
        # poppler's pdftotext reads the same PDF correctly, so the NULs are pypdf's, not the PDF's.
        flat = " ".join(pdf_text.replace("\x00", "").split())
        assert 'alert("xss")' in flat, url
        assert "DROP TABLE partners_party;--" in flat, url
