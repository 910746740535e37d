"""Every kind of bad input gets a clear Dutch message, and the register stays exactly as it was."""

import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook

from importer.service import run_file
from tests.importer.importing import HEADERS, csv_file, register_state, row, save, xlsx
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory, PartyFinancialsFactory

pytestmark = pytest.mark.django_db

GOOD_PARTY = row("Partijen", naam="Nieuwe Partij", rechtsvorm="Stichting", vestigingsplaats="Ede")


@pytest.fixture(autouse=True)
def register():
    """Something to lose: a party with a participation and figures."""
    party = PartyFactory(name="Bestaande Partij")
    ParticipationFactory(party=party, share_percentage=Decimal("60"))
    PartyFinancialsFactory(party=party)


def refused(data: bytes, filename: str = "register.xlsx") -> list[str]:
    """Import the file; assert it wrote nothing and return the problems as 'sheet|row|column|message'."""
    before = register_state()
    report = run_file(data=data, filename=filename, dry_run=False)
    assert not report.ok
    assert register_state() == before
    return [f"{p.sheet}|{p.row or ''}|{p.column}|{p.message}" for p in report.problems]


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


def test_an_unknown_header_is_named_with_the_expected_ones():
    headers = {"Partijen": ["Naam", "Rechtsvorm", "Vestigingsplaats", "Kleur"]}
    problem = only(refused(xlsx({"Partijen": [["A", "Stichting", "Ede", "rood"]]}, headers=headers)))
    assert problem.startswith("Partijen|1|Kleur|Onbekende kolom “Kleur”. Dit tabblad kent de kolommen: Naam, Afkorting")


def test_a_missing_required_header_is_named():
    headers = {"Partijen": ["Naam", "Vestigingsplaats"]}
    problem = only(refused(xlsx({"Partijen": [["A", "Ede"]]}, headers=headers)))
    assert problem == "Partijen|1||Verplichte kolom ontbreekt: “Rechtsvorm”."


def test_a_csv_without_known_headers_lists_what_each_kind_expects():
    problem = only(refused(csv_file(["a", "b"], [["1", "2"]]), "lijst.csv"))
    assert "De eerste rij bevat geen bekende kolomkoppen. Een CSV-bestand bevat één soort rijen" in problem
    assert "Deelnames: Partij, Rechtsvorm partij, Deelnemer" in problem


def test_an_empty_file_is_refused():
    assert only(refused(b"", "leeg.csv")) == "|||Het bestand is leeg."


def test_a_workbook_without_rows_is_refused():
    assert only(refused(xlsx({"Partijen": []}))) == "|||Het bestand bevat geen rijen om te importeren."


def test_a_renamed_binary_is_not_a_spreadsheet():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert "Het bestand is geen spreadsheet" in only(refused(png, "foto.xlsx"))


def test_a_password_protected_workbook_is_recognised():
    # Excel stores an encrypted workbook as an OLE compound file holding an "EncryptedPackage" stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    assert "Het Excel-bestand is met een wachtwoord beveiligd" in only(refused(ole))


def test_an_old_xls_file_is_named():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200
    assert "oud Excel-bestand (.xls)" in only(refused(ole, "oud.xls"))


def test_a_corrupt_workbook_is_refused():
    good = xlsx({"Partijen": [GOOD_PARTY]})
    assert "is beschadigd" in only(refused(good[: len(good) // 2]))


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("leesmij.txt", "hallo")
    assert "geen leesbaar Excel-bestand" in only(refused(buffer.getvalue()))


def test_a_formula_is_refused_with_its_cell():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Financiën partij"
    sheet.append(HEADERS["Financiën partij"])
    sheet.append(row("Financiën partij", partij="Bestaande Partij", jaar=2025, soort="Begroting", resultaat="=1+1"))
    problem = only(refused(save(workbook)))
    assert problem.startswith("Financiën partij|2|I2|Cel I2 bevat een formule (=1+1). Vervang formules door hun waarde")


def test_merged_cells_are_refused_with_their_range():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Partijen"
    sheet.append(HEADERS["Partijen"])
    sheet.append(GOOD_PARTY)
    sheet.merge_cells("E2:F2")
    problem = only(refused(save(workbook)))
    assert (
        problem == "Partijen|2|E2:F2|De cellen E2:F2 zijn samengevoegd. Maak de samenvoeging ongedaan en vul elke cel."
    )


def test_a_hidden_sheet_is_refused():
    workbook = Workbook()
    workbook.active.title = "Partijen"
    workbook.active.append(HEADERS["Partijen"])
    workbook.active.append(GOOD_PARTY)
    workbook.create_sheet("Oud").sheet_state = "hidden"
    assert only(refused(save(workbook))) == "Oud|||Het tabblad “Oud” is verborgen. Maak het zichtbaar of verwijder het."


def test_an_unknown_sheet_is_refused_so_nothing_is_silently_ignored():
    problem = only(refused(xlsx({"Partijen": [GOOD_PARTY], "Afspraken": [["x"]]})))
    assert problem.startswith("Afspraken|||Onbekend tabblad “Afspraken”. De import kent de tabbladen")
    assert "“Zienswijzen”, “Financiële belangen”, “Niet bekend”." in problem


def test_a_duplicate_row_names_the_first():
    problem = only(refused(xlsx({"Partijen": [GOOD_PARTY, GOOD_PARTY]})))
    assert problem == "Partijen|3|Naam|Deze partij staat al op rij 2; een partij mag één keer voorkomen."


def test_an_unknown_gemeente_is_named():
    data = xlsx({"Deelnames": [row("Deelnames", partij="Bestaande Partij", deelnemer="Atlantis")]})
    assert only(refused(data)) == (
        "Deelnames|2|Deelnemer|Onbekende gemeente of deelnemer “Atlantis”. Gebruik de CBS-code (GM0014) of de naam "
        "van een gemeente zoals die in het register staat."
    )


def test_an_unknown_cbs_code_is_named():
    data = xlsx({"Deelnames": [row("Deelnames", partij="Bestaande Partij", deelnemer="GM0001")]})
    assert "Onbekende gemeente of deelnemer “GM0001”" in only(refused(data))


def test_an_ambiguous_gemeente_name_asks_for_the_code():
    MunicipalityFactory(code="GM9998", name="Dubbeldam")
    MunicipalityFactory(code="GM9999", name="Dubbeldam")
    data = xlsx({"Deelnames": [row("Deelnames", partij="Bestaande Partij", deelnemer="dubbeldam")]})
    assert only(refused(data)) == (
        "Deelnames|2|Deelnemer|“dubbeldam” is niet eenduidig: bedoelt u Dubbeldam GM9998 of Dubbeldam GM9999? "
        "Gebruik de volledige naam of de code."
    )


def test_an_unknown_party_is_named():
    data = xlsx({"Financiën partij": [row("Financiën partij", partij="Onbekend", jaar=2025, soort="Begroting")]})
    assert "Onbekende partij “Onbekend”. Zet de partij op het tabblad Partijen" in only(refused(data))


def test_a_share_that_takes_a_party_over_100_percent_is_refused():
    data = xlsx({"Deelnames": [row("Deelnames", partij="Bestaande Partij", deelnemer="GM0014", aandeel="45%")]})
    assert only(refused(data)) == (
        "Deelnames|2|Aandeel|De aandelen in Bestaande Partij komen dan samen op 105%; dat mag niet meer dan 100% "
        "zijn. Deelnemers die niet in het bestand staan hebben samen 60%."
    )


def test_shares_in_the_file_over_100_percent_are_refused_on_every_row():
    data = xlsx({"Partijen": [GOOD_PARTY], "Deelnames": [
        row("Deelnames", partij="Nieuwe Partij", deelnemer="GM0014", aandeel="60%"),
        row("Deelnames", partij="Nieuwe Partij", deelnemer="GM0034", aandeel="50,5%"),
    ]})  # fmt: skip
    problems = refused(data)
    assert [p.split("|")[1] for p in problems] == ["2", "3"]
    assert "komen dan samen op 110,5%; dat mag niet meer dan 100% zijn." in problems[0]


def test_text_in_an_amount_column_is_refused():
    data = xlsx({"Financiën partij": [
        row("Financiën partij", partij="Bestaande Partij", jaar=2025, soort="Realisatie", resultaat="ongeveer een ton"),
    ]})  # fmt: skip
    assert only(refused(data)) == (
        "Financiën partij|2|Resultaat|“ongeveer een ton” is geen bedrag; verwacht een bedrag in euro's, zoals "
        "1.234.567,89 of € 1.234,50 (punten voor duizendtallen, een komma voor centen)."
    )


def test_a_date_that_does_not_exist_is_refused():
    bad = row("Partijen", naam="A", rechtsvorm="Stichting", vestigingsplaats="Ede", oprichtingsdatum="29-02-2023")
    assert only(refused(xlsx({"Partijen": [bad]}))) == (
        "Partijen|2|Oprichtingsdatum|De datum 29-02-2023 bestaat niet: februari 2023 heeft geen 29 dagen."
    )


def test_a_rule_of_the_register_is_checked_per_row():
    bad = row("Partijen", naam="A", rechtsvorm="Stichting", vestigingsplaats="Ede", status="Beëindigd")
    assert only(refused(xlsx({"Partijen": [bad]}))) == "Partijen|2|Einddatum|Een beëindigde partij heeft een einddatum."


def test_a_field_validator_speaks_dutch_with_the_column():
    bad = row("Partijen", naam="A", rechtsvorm="Stichting", vestigingsplaats="Ede", kvk_nummer="12-34")
    assert only(refused(xlsx({"Partijen": [bad]}))) == "Partijen|2|KvK-nummer|Een KvK-nummer bestaat uit acht cijfers."


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.IMPORT_MAX_MB = 1
    data = csv_file(["Naam", "Rechtsvorm", "Vestigingsplaats"], [["x" * 1000, "Stichting", "Ede"]] * 1100)
    problem = only(refused(data, "groot.csv"))
    assert problem.startswith("|||Het bestand is 1,1 MB; de grens is 1 MB.")


def test_more_rows_than_the_limit_are_refused(settings):
    settings.IMPORT_MAX_ROWS = 3
    data = xlsx({"Partijen": [row("Partijen", naam=f"P{i}", rechtsvorm="Stichting", vestigingsplaats="Ede")
                              for i in range(4)]})  # fmt: skip
    assert only(refused(data)) == "|||Het bestand heeft meer dan 3 rijen; splits het in kleinere bestanden."


def test_the_explanation_sheet_does_not_count_towards_the_row_limit(settings):
    settings.IMPORT_MAX_ROWS = 3
    rows = [row("Partijen", naam=f"P{i}", rechtsvorm="Stichting", vestigingsplaats="Ede") for i in range(3)]
    data = xlsx({"Toelichting": [["uitleg"]] * 10, "Partijen": rows}, headers={"Toelichting": ["Toelichting"]})
    assert run_file(data=data, filename="register.xlsx", dry_run=False).ok


def test_one_bad_row_keeps_the_good_rows_out_too():
    data = xlsx({"Partijen": [GOOD_PARTY, row("Partijen", naam="B", rechtsvorm="GmbH", vestigingsplaats="Ede")]})
    problem = only(refused(data))
    assert problem.startswith("Partijen|3|Rechtsvorm|“GmbH” is geen bekende rechtsvorm; kies uit: Openbaar lichaam")
