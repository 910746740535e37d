"""Control characters in text: the admin and the import refuse them in Dutch (Word's manual line
break becomes a line break), and no export fails on text that holds them already."""

import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from partners.importer.service import run_file
from partners.models import Party
from partners.text import for_spreadsheet
from tests.conftest import pass_two_factor

from .factories import MunicipalityFactory, ParticipationFactory, ParticipationFinancialsFactory, PartyFactory
from .importing import HEADERS, csv_file, register_state, row
from .test_admin import party_form

pytestmark = pytest.mark.django_db

STORED = "Gro\x0bningen\x01 \x1f"


def errors(response) -> list[str]:
    return re.findall(r'<ul class="errorlist[^"]*"[^>]*><li>(.*?)</li>', response.content.decode())


def test_the_admin_refuses_a_control_character_with_a_dutch_message(superuser_client):
    data = {**party_form(superuser_client), "seat": "Utr\x01echt"}
    response = superuser_client.post("/admin/partners/party/add/", data)
    assert response.status_code == 200
    assert errors(response) == [
        "De tekst bevat een onzichtbaar stuurteken (U+0001) op positie 4, bijvoorbeeld uit een geplakte tekst. "
        "Verwijder het of typ de tekst opnieuw."
    ]
    assert not Party.objects.exists()


def test_the_admin_stores_a_manual_line_break_as_a_line_break(superuser_client):
    data = {**party_form(superuser_client), "seat": "Utrecht", "purpose": "Eerste regel\x0bTweede regel"}
    response = superuser_client.post("/admin/partners/party/add/", data)
    assert response.status_code == 302, errors(response)
    assert Party.objects.get().purpose == "Eerste regel\nTweede regel"


def test_a_free_text_is_at_most_ten_thousand_characters_in_the_admin(superuser_client):
    data = {**party_form(superuser_client), "purpose": "x" * 10_001}
    response = superuser_client.post("/admin/partners/party/add/", data)
    assert errors(response) == ["Zorg dat deze waarde niet meer dan 10000 tekens bevat (het zijn er nu 10001)."]
    assert not Party.objects.exists()


def party_rows(count: int, **last) -> list:
    """CSV rows of parties, enough of them that the last one starts after the first 4 KB."""
    rows = [
        row("Partijen", naam=f"Partij {i:03}", rechtsvorm="Stichting", vestigingsplaats="Ede") for i in range(count)
    ]
    rows.append(row("Partijen", naam="Laatste Partij", rechtsvorm="Stichting", **last))
    return rows


def test_the_import_refuses_a_control_character_after_the_first_4_kb_and_names_the_cell():
    data = csv_file(HEADERS["Partijen"], party_rows(150, vestigingsplaats="Ede\x01"))
    assert data.index(b"\x01") > 4096
    before = register_state()
    report = run_file(data=data, filename="partijen.csv", dry_run=False)
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (
            152,
            "D152",
            "Cel D152: De tekst bevat een onzichtbaar stuurteken (U+0001) op positie 4, bijvoorbeeld uit een "
            "geplakte tekst. Verwijder het of typ de tekst opnieuw.",
        )
    ]
    assert register_state() == before


def test_the_import_stores_a_manual_line_break_after_the_first_4_kb_as_a_line_break():
    data = csv_file(HEADERS["Partijen"], party_rows(150, vestigingsplaats="Ede", doel="Een\x0btwee"))
    assert data.index(b"\x0b") > 4096
    report = run_file(data=data, filename="partijen.csv", dry_run=False)
    assert report.ok, report.lines()
    assert Party.objects.get(name="Laatste Partij").purpose == "Een\ntwee"


def test_a_spreadsheet_cell_loses_control_characters_and_keeps_line_breaks():
    assert for_spreadsheet("a\x0bb\x01c\td\ne\x00") == "a\nbc\td\ne"
    assert for_spreadsheet(12) == 12


@pytest.fixture
def stored_control_characters():
    """Text saved before the forms refused control characters: straight into the database."""
    municipality = MunicipalityFactory(code="GM9101", name="Teststad")
    party = PartyFactory(name="Partij met stuurtekens", seat="Ede")
    participation = ParticipationFactory(party=party, participant=municipality, share_percentage=Decimal("10"))
    ParticipationFinancialsFactory(participation=participation, year=2025, contribution=Decimal("1000"))
    with connection.cursor() as cursor:  # past the model, which would store U+000B as a line break
        cursor.execute(
            f"UPDATE {Party._meta.db_table} SET seat = %s, purpose = %s WHERE id = %s", [STORED, STORED, party.pk]
        )
    assert Party.objects.values_list("seat", flat=True).get() == STORED
    return municipality


def cells(response) -> list[str]:
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    return [c.value for sheet in workbook.worksheets for r in sheet.iter_rows() for c in r if c.value]


def test_the_party_list_xlsx_exports_stored_control_characters(superuser_client, stored_control_characters):
    assert "Gro\nningen " in cells(superuser_client.get("/partijen/", {"format": "xlsx"}))


def test_the_paragraph_xlsx_exports_stored_control_characters(superuser_client, stored_control_characters):
    kwargs = {"code": "GM9101", "year": "2025", "variant": "begroting"}
    url = reverse("governance:paragraph_report", kwargs=kwargs) + ".xlsx"
    assert "Gro\nningen " in cells(superuser_client.get(url))


def test_the_template_with_the_register_exports_stored_control_characters(superuser, client, stored_control_characters):
    client = pass_two_factor(client, superuser)
    exported = cells(client.get("/import/sjabloon.xlsx", {"met": "register"}))
    assert exported.count("Gro\nningen ") == 2  # vestigingsplaats and doel
