"""The import refuses a file beyond its limits (rows, columns, the length of a cell, the unpacked size)
while reading it, with a Dutch message that names where and the limit, and writes nothing."""

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from core.text import LONG_TEXT_MAX_LENGTH
from importer.models import ImportRun
from importer.service import run_file
from partners.models import Party
from tests.importer.importing import HEADERS, csv_file, register_state, row, save, xlsx
from tests.partners.factories import PartyFactory

pytestmark = pytest.mark.django_db

GOOD = row("Partijen", naam="Nieuwe Partij", rechtsvorm="Stichting", vestigingsplaats="Ede")


@pytest.fixture(autouse=True)
def register():
    PartyFactory(name="Bestaande Partij")


def refusal(data: bytes, filename: str = "register.xlsx") -> str:
    """The one message with which the file is refused, after asserting that nothing was written."""
    before = register_state()
    report = run_file(data=data, filename=filename, dry_run=False)
    assert register_state() == before
    assert not ImportRun.objects.exists()
    assert len(report.problems) == 1, report.problems
    return report.problems[0].message


def without_dimension(data: bytes) -> bytes:
    """The workbook without the used range Excel states per sheet: its size is found only by reading."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for part in source.infolist():
            content = source.read(part)
            if part.filename.startswith("xl/worksheets/"):
                content = re.sub(rb"<dimension [^>]*/>", b"", content)
            archive.writestr(part, content)
    return target.getvalue()


def wide_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Partijen"
    for number in range(3):
        sheet.append([*GOOD, *[f"x{number}"] * (120 - len(GOOD))])  # 120 columns
    return save(workbook)


def test_a_sheet_that_states_more_columns_than_the_limit_is_refused_unread():
    assert refusal(wide_workbook()) == (
        "Het tabblad “Partijen” is 120 kolommen breed (tot en met kolom DP); de import leest hooguit 50 kolommen "
        "per tabblad. Verwijder de kolommen die niet in het sjabloon staan."
    )


def test_a_sheet_wider_than_the_limit_is_refused_at_its_first_row():
    assert refusal(without_dimension(wide_workbook())) == (
        "Partijen, rij 1 heeft meer dan 50 kolommen (een waarde in kolom AY); de import leest hooguit 50 "
        "kolommen per tabblad. Verwijder de kolommen die niet in het sjabloon staan."
    )


def test_a_row_further_down_that_is_too_wide_is_named():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Partijen"
    sheet.append(HEADERS["Partijen"])
    sheet.append(GOOD)
    sheet.cell(row=3, column=51, value="te ver")
    data = without_dimension(save(workbook))
    assert refusal(data).startswith("Partijen, rij 3 heeft meer dan 50 kolommen (een waarde in kolom AY)")


def test_a_csv_wider_than_the_limit_is_refused():
    data = csv_file(HEADERS["Partijen"], [GOOD, [*GOOD, *["x"] * (56 - len(GOOD))]])  # up to column BD
    assert refusal(data, "partijen.csv").startswith(
        "partijen.csv, rij 3 heeft meer dan 50 kolommen (een waarde in kolom BD)"
    )


def test_a_csv_with_more_rows_than_the_limit_is_refused(settings):
    settings.IMPORT_MAX_ROWS = 3
    data = csv_file(HEADERS["Partijen"], [GOOD] * 4)
    assert refusal(data, "partijen.csv") == "Het bestand heeft meer dan 3 rijen; splits het in kleinere bestanden."


@pytest.mark.parametrize("stated", [True, False])
def test_blank_rows_count_towards_the_row_limit_of_a_sheet(settings, stated):
    settings.IMPORT_MAX_ROWS = 3
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Partijen"
    sheet.append(HEADERS["Partijen"])
    sheet.append(GOOD)
    sheet.cell(row=1_000_000, column=1, value="ver weg")
    data = save(workbook) if stated else without_dimension(save(workbook))
    assert refusal(data) == "Het bestand heeft meer dan 3 rijen; splits het in kleinere bestanden."


def test_a_cell_longer_than_the_limit_is_refused_with_its_place():
    long = row("Partijen", naam="Lang", rechtsvorm="Stichting", vestigingsplaats="Ede", doel="x" * 20_000)
    assert refusal(xlsx({"Partijen": [GOOD, long]})) == (
        "Partijen, cel L3 bevat 20.000 tekens; een cel mag hooguit 10.000 tekens bevatten. Kort de tekst in."
    )


def test_a_csv_cell_longer_than_the_limit_is_refused_with_its_place():
    long = row("Partijen", naam="Lang", rechtsvorm="Stichting", vestigingsplaats="Ede", doel="x" * 20_000)
    assert refusal(csv_file(HEADERS["Partijen"], [GOOD, long]), "partijen.csv") == (
        "Partijen, cel L3 bevat 20.000 tekens; een cel mag hooguit 10.000 tekens bevatten. Kort de tekst in."
    )


def test_a_csv_cell_beyond_what_the_csv_reader_takes_is_refused_with_its_row():
    long = row("Partijen", naam="Lang", rechtsvorm="Stichting", vestigingsplaats="Ede", doel="x" * 200_000)
    assert refusal(csv_file(HEADERS["Partijen"], [GOOD, long]), "partijen.csv") == (
        "partijen.csv, rij 3: een cel is langer dan 10.000 tekens of een aanhalingsteken sluit niet. Kort de "
        "tekst in of controleer de aanhalingstekens."
    )


def test_a_text_longer_than_its_field_is_refused_per_cell():
    long = row("Partijen", naam="Lang", rechtsvorm="Stichting", vestigingsplaats="E" * 101)
    report = run_file(data=xlsx({"Partijen": [long]}), filename="register.xlsx", dry_run=False)
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (2, "Vestigingsplaats", "Zorg dat deze waarde niet meer dan 100 tekens bevat (het zijn er nu 101).")
    ]
    assert not Party.objects.filter(name="Lang").exists()


def test_an_xlsx_that_unpacks_beyond_the_limit_is_refused_unread():
    buffer = io.BytesIO(xlsx({"Partijen": [GOOD]}))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/image1.bin", b"\0" * (33 * 1024 * 1024))
    assert refusal(buffer.getvalue()).startswith(
        "Het Excel-bestand is uitgepakt groter dan 32 MB (het onderdeel xl/media/image1.bin); dat is geen register."
    )


def test_a_free_text_field_has_a_maximum_length_in_the_database():
    from django.db import IntegrityError, transaction

    party = PartyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Party.objects.filter(pk=party.pk).update(purpose="x" * (LONG_TEXT_MAX_LENGTH + 1))
    Party.objects.filter(pk=party.pk).update(purpose="x" * LONG_TEXT_MAX_LENGTH)


def test_formatted_empty_cells_beyond_the_limit_do_not_count():
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Partijen"
    sheet.append(HEADERS["Partijen"])
    sheet.append(GOOD)
    for column in range(17, 120):
        sheet.cell(row=1, column=column).font = Font(bold=True)
    data = without_dimension(save(workbook))
    report = run_file(data=data, filename="register.xlsx", dry_run=False)
    assert report.ok, report.lines()
    assert Party.objects.filter(name="Nieuwe Partij").exists()


def test_the_report_fills_sheet_row_and_column_of_a_refusal():
    long = row("Partijen", naam="Lang", rechtsvorm="Stichting", vestigingsplaats="Ede", doel="x" * 20_000)
    report = run_file(data=xlsx({"Partijen": [GOOD, long]}), filename="register.xlsx", dry_run=True)
    assert [(p.sheet, p.row, p.column) for p in report.problems] == [("Partijen", 3, "L3")]
    report = run_file(data=without_dimension(wide_workbook()), filename="register.xlsx", dry_run=True)
    assert [(p.sheet, p.row, p.column) for p in report.problems] == [("Partijen", 1, "AY")]


def test_a_sheet_stored_outside_the_usual_folder_is_scanned_too():
    source, target = zipfile.ZipFile(io.BytesIO(without_dimension(wide_workbook()))), io.BytesIO()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for part in source.infolist():
            content = source.read(part).replace(b"worksheets/sheet1.xml", b"elders/blad.xml")
            archive.writestr(part.filename.replace("worksheets/sheet1.xml", "elders/blad.xml"), content)
    assert "xl/elders/blad.xml" in zipfile.ZipFile(target).namelist()
    assert refusal(target.getvalue()).startswith("Partijen, rij 1 heeft meer dan 50 kolommen")
