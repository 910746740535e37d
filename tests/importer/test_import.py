"""Import of an existing register: round trip of the demo, matching on natural keys, Dutch habits,
the command line, and a constant number of queries."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from demo.governance import load_governance_demo
from demo.interests import load_interests_demo
from demo.peers import load_peers_demo
from demo.register import load_demo
from demo.risks import load_risk_demo
from governance.models import Person, Seat
from importer.models import ImportRun
from importer.service import run_file
from importer.workbook import template_workbook
from partners.choices import FigureKind, LegalForm
from partners.models import Participant, Participation, ParticipationFinancials, Party, PartyFinancials
from risks.models import Risk
from tests.importer.importing import HEADERS, empty_register, register_state, row, save, xlsx
from tests.partners.factories import ParticipantFactory, PartyFactory

pytestmark = pytest.mark.django_db


def load_full_demo():
    load_demo()
    load_risk_demo()
    load_governance_demo()
    load_interests_demo()
    load_peers_demo()


def test_the_demo_register_exported_in_the_template_imports_into_an_empty_database_unchanged():
    load_full_demo()
    before = register_state()
    data = template_workbook(with_register=True)
    empty_register()

    report = run_file(data=data, filename="register.xlsx", dry_run=False)

    assert report.ok, report.lines()
    assert register_state() == before
    assert report.counts["Partijen"].created == Party.objects.count() == len(before[0])
    assert report.counts["Financiën deelname"].created == ParticipationFinancials.objects.count()
    assert (Person.objects.count(), Seat.objects.count(), Risk.objects.count()) == (8, 12, 7)
    # One row per seat, and one for the person without a seat.
    assert report.counts["Vertegenwoordigers"].created == 13
    assert report.counts["Risico's"].created == 7
    assert Risk.objects.filter(participation__isnull=False).exists()
    # The beheersmaatregelen and the inwoners come back too.
    assert report.counts["Beheersmaatregelen"].created == len(before[7]) > 0
    assert report.counts["Inwoners"].created == len(before[8]) > 0
    # So do the documents of the cycle and the zienswijzen with the bestuur's answer.
    assert report.counts["P&C-documenten"].created == len(before[9]) > 0
    assert report.counts["Zienswijzen"].created == len(before[10]) > 0
    # And the financial interests and the figures declared niet bekend.
    assert report.counts["Financiële belangen"].created == len(before[11]) > 0
    assert report.counts["Niet bekend"].created == len(before[12]) > 0
    assert ImportRun.objects.get().status == ImportRun.Status.APPLIED


def _sheets(data: bytes) -> dict:
    workbook = load_workbook(BytesIO(data))
    return {title: [[c.value for c in r] for r in workbook[title].iter_rows()] for title in workbook.sheetnames}


def test_the_full_register_exported_imported_into_an_empty_database_and_exported_again_is_the_same():
    load_full_demo()
    data = template_workbook(with_register=True)
    first = _sheets(data)
    # Every sheet carries rows of the demo register: the round trip covers all of them.
    assert all(len(rows) > 1 for title, rows in first.items() if title != "Toelichting"), {
        title: len(rows) for title, rows in first.items()
    }
    empty_register()

    report = run_file(data=data, filename="register.xlsx", dry_run=False)

    assert report.ok, report.lines()
    assert _sheets(template_workbook(with_register=True)) == first


def test_importing_the_same_file_again_changes_nothing():
    load_full_demo()
    data = template_workbook(with_register=True)
    before = register_state()

    report = run_file(data=data, filename="register.xlsx", dry_run=False)

    assert register_state() == before
    assert all(c.created == 0 and c.updated == 0 and c.unchanged > 0 for c in report.counts.values())


def test_an_import_invalidates_the_cached_reports():
    from core.register_cache import data_version

    before = data_version()
    party = row("Partijen", naam="GGD Test", rechtsvorm="Openbaar lichaam", vestigingsplaats="Assen")
    data = xlsx({"Partijen": [party]})

    run_file(data=data, filename="partijen.xlsx", dry_run=False)

    assert data_version() != before


def test_an_edited_file_updates_only_what_changed():
    load_demo()
    workbook = load_workbook(BytesIO(template_workbook(with_register=True)))
    sheet = workbook["Partijen"]
    sheet["D2"] = "Assen"  # vestigingsplaats of the first party
    name = sheet["A2"].value

    report = run_file(data=save(workbook), filename="register.xlsx", dry_run=False)

    assert report.ok, report.lines()
    assert report.counts["Partijen"].updated == 1
    assert report.counts["Deelnames"].updated == 0
    assert Party.objects.get(name=name).seat == "Assen"


def test_a_dry_run_reports_what_it_would_create_and_writes_nothing():
    data = xlsx(
        {"Partijen": [row("Partijen", naam="GGD Test", rechtsvorm="Openbaar lichaam", vestigingsplaats="Assen")]}
    )

    report = run_file(data=data, filename="partijen.xlsx", dry_run=True)

    assert report.ok and report.counts["Partijen"].created == 1
    assert not Party.objects.exists()
    assert not ImportRun.objects.exists()


def test_dutch_spreadsheet_habits_are_accepted():
    sudwest = Participant.objects.get(code="GM1900")  # Súdwest-Fryslân
    data = xlsx(
        {
            "Partijen": [
                row("Partijen", naam="Afvalbedrijf Test", rechtsvorm="Naamloze vennootschap (NV)",
                    vestigingsplaats="Leeuwarden", oprichtingsdatum="31-12-2020", kvk_nummer=1234567),
                row("Partijen", naam="GGD Test", rechtsvorm="openbaar lichaam", vestigingsplaats="Assen",
                    oprichtingsdatum=datetime.datetime(2019, 1, 1), beleidsveld="Volksgezondheid en milieu"),
            ],
            "Deelnames": [
                row("Deelnames", partij="Afvalbedrijf Test", deelnemer="GM0014", aandeel="12,5%"),
                row("Deelnames", partij="Afvalbedrijf Test", deelnemer="0034", aandeel="1/8"),
                row("Deelnames", partij="Afvalbedrijf Test", deelnemer=363, aandeel="25%"),
                row("Deelnames", partij="ggd test", deelnemer="sudwest fryslan", bestuurlijk_belang="nee"),
            ],
            "Financiën partij": [
                row("Financiën partij", partij="GGD Test", jaar=2025, soort="Begroting",
                    eigen_vermogen_1_1="1.234.567,89", resultaat="-€ 1.234,50"),
            ],
            "Financiën deelname": [
                row("Financiën deelname", partij="Afvalbedrijf Test", deelnemer="groningen", jaar="2025",
                    soort="Realisatie (jaarrekening)", bijdrage=1500.5, dividend="€ 1.234,50"),
            ],
        }
    )  # fmt: skip

    report = run_file(data=data, filename="register.xlsx", dry_run=False)

    assert report.ok, report.lines()
    afval = Party.objects.get(name="Afvalbedrijf Test")
    assert (afval.legal_form, afval.founded_on, afval.kvk_number) == (
        LegalForm.NV,
        datetime.date(2020, 12, 31),
        "01234567",
    )
    shares = dict(Participation.objects.filter(party=afval).values_list("participant__code", "share_percentage"))
    assert shares == {"GM0014": Decimal("12.5"), "GM0034": Decimal("12.5"), "GM0363": Decimal("25")}
    ggd = Party.objects.get(name="GGD Test")
    assert ggd.policy_area.code == "7"
    assert Participation.objects.get(party=ggd).participant == sudwest
    assert not Participation.objects.get(party=ggd).governance_interest
    figures = PartyFinancials.objects.get(party=ggd)
    assert (figures.equity_start, figures.result) == (Decimal("1234567.89"), Decimal("-1234.50"))
    mine = ParticipationFinancials.objects.get(participation__party=afval)
    assert (mine.kind, mine.contribution, mine.dividend) == (
        FigureKind.REALISATIE,
        Decimal("1500.50"),
        Decimal("1234.50"),
    )


def test_a_party_is_matched_on_its_kvk_number_even_when_renamed():
    party = PartyFactory(name="Oude Naam BV", legal_form=LegalForm.BV, kvk_number="12345678")
    data = xlsx({"Partijen": [row("Partijen", naam="Nieuwe Naam BV", rechtsvorm="BV", vestigingsplaats="Utrecht",
                                  kvk_nummer="12345678")]})  # fmt: skip

    report = run_file(data=data, filename="partijen.xlsx", dry_run=False)

    assert report.counts["Partijen"].updated == 1
    party.refresh_from_db()
    assert party.name == "Nieuwe Naam BV" and Party.objects.count() == 1


def test_a_column_left_out_of_an_older_template_keeps_what_the_register_holds():
    party = PartyFactory(name="GGD Oudsjabloon", legal_form=LegalForm.OPENBAAR_LICHAAM, seat="Assen", kind="ggd")
    older = [h for h in HEADERS["Partijen"] if h != "Soort partij"]
    values = {"Naam": "GGD Oudsjabloon", "Rechtsvorm": "Openbaar lichaam", "Vestigingsplaats": "Emmen"}
    data = xlsx({"Partijen": [[values.get(h) for h in older]]}, headers={"Partijen": older})

    report = run_file(data=data, filename="partijen.xlsx", dry_run=False)

    assert report.counts["Partijen"].updated == 1
    party.refresh_from_db()
    assert (party.seat, party.kind) == ("Emmen", "ggd")
    # With the column there and empty, the file says the kind is not known (yet).
    run_file(data=xlsx({"Partijen": [row("Partijen", naam="GGD Oudsjabloon", rechtsvorm="Openbaar lichaam",
                                         vestigingsplaats="Emmen")]}), filename="p.xlsx", dry_run=False)  # fmt: skip
    party.refresh_from_db()
    assert party.kind == ""


def test_a_party_is_matched_on_name_and_legal_form():
    PartyFactory(name="Stichting Archief", legal_form=LegalForm.STICHTING, seat="Zwolle")
    data = xlsx({"Partijen": [
        row("Partijen", naam="stichting archief", rechtsvorm="Stichting", vestigingsplaats="Deventer"),
        row("Partijen", naam="Stichting Archief", rechtsvorm="Vereniging", vestigingsplaats="Zwolle"),
    ]})  # fmt: skip

    report = run_file(data=data, filename="partijen.xlsx", dry_run=False)

    assert (report.counts["Partijen"].updated, report.counts["Partijen"].created) == (1, 1)
    assert Party.objects.get(legal_form=LegalForm.STICHTING).seat == "Deventer"


def test_shares_can_move_between_participants_in_one_import():
    party = PartyFactory(name="Regio Test")
    a, b = Participant.objects.get(code="GM0014"), Participant.objects.get(code="GM0034")
    Participation.objects.create(party=party, participant=a, share_percentage=60)
    Participation.objects.create(party=party, participant=b, share_percentage=40)
    data = xlsx({"Deelnames": [row("Deelnames", partij="Regio Test", deelnemer="GM0014", aandeel="30%"),
                               row("Deelnames", partij="Regio Test", deelnemer="GM0034", aandeel="70%")]})  # fmt: skip

    report = run_file(data=data, filename="deelnames.xlsx", dry_run=False)

    assert report.ok, report.lines()
    assert dict(party.participations.values_list("participant__code", "share_percentage")) == {
        "GM0014": Decimal("30"),
        "GM0034": Decimal("70"),
    }


def test_a_csv_file_with_one_kind_of_rows_is_recognised_by_its_headers():
    PartyFactory(name="Regio Test")
    data = "\ufeffPartij;Deelnemer;Aandeel\nRegio Test;Groningen;12,5%\n".encode()

    report = run_file(data=data, filename="export.csv", dry_run=False)

    assert report.ok, report.lines()
    assert Participation.objects.get().share_percentage == Decimal("12.5")


def test_blank_rows_in_between_are_skipped_and_counted():
    data = xlsx({"Partijen": [
        row("Partijen", naam="A", rechtsvorm="Stichting", vestigingsplaats="Assen"),
        [None] * 16,
        row("Partijen", naam="B", rechtsvorm="Stichting", vestigingsplaats="Assen"),
    ]})  # fmt: skip

    report = run_file(data=data, filename="partijen.xlsx", dry_run=False)

    assert report.ok
    assert (report.counts["Partijen"].created, report.counts["Partijen"].blank) == (2, 1)
    assert "Partijen: 2 nieuw, 0 gewijzigd, 0 ongewijzigd, 1 lege rijen overgeslagen" in report.lines()


def test_the_command_prints_the_report_saves_and_records_who_imported_which_file(tmp_path, capsys, user):
    path = tmp_path / "partijen.xlsx"
    path.write_bytes(xlsx({"Partijen": [row("Partijen", naam="A", rechtsvorm="Stichting", vestigingsplaats="Ede")]}))

    call_command("import_register", str(path), "--gebruiker", user.username)

    out = capsys.readouterr().out
    assert "Partijen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd" in out and "Import uitgevoerd." in out
    assert Party.objects.filter(name="A").exists()
    run = ImportRun.objects.get()
    assert (run.user, run.file_name, run.counts["Partijen"]["created"]) == (user, "partijen.xlsx", 1)
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_id) == (user, str(run.pk))
    assert entry.change_message == (
        "Register geïmporteerd uit partijen.xlsx: Partijen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd"
    )


def test_the_command_does_not_import_without_knowing_who_imports(tmp_path):
    path = tmp_path / "partijen.xlsx"
    path.write_bytes(xlsx({"Partijen": [row("Partijen", naam="A", rechtsvorm="Stichting", vestigingsplaats="Ede")]}))

    with pytest.raises(CommandError, match="Geef met --gebruiker GEBRUIKERSNAAM aan wie importeert"):
        call_command("import_register", str(path))
    with pytest.raises(CommandError, match="Onbekende gebruiker “niemand”; er is niets opgeslagen."):
        call_command("import_register", str(path), "--gebruiker", "niemand")

    assert not Party.objects.exists() and not ImportRun.objects.exists()


def test_the_command_with_dry_run_saves_nothing(tmp_path, capsys):
    path = tmp_path / "partijen.xlsx"
    path.write_bytes(xlsx({"Partijen": [row("Partijen", naam="A", rechtsvorm="Stichting", vestigingsplaats="Ede")]}))

    call_command("import_register", str(path), "--dry-run")

    assert "niets opgeslagen (--dry-run)" in capsys.readouterr().out
    assert not Party.objects.exists()


def test_the_command_fails_with_the_row_errors(tmp_path, capsys, user):
    path = tmp_path / "partijen.xlsx"
    path.write_bytes(xlsx({"Partijen": [row("Partijen", naam="A", rechtsvorm="GmbH", vestigingsplaats="Ede")]}))

    with pytest.raises(CommandError, match="1 fout"):
        call_command("import_register", str(path), "--gebruiker", user.username)

    assert "Fout — Partijen, rij 2, kolom Rechtsvorm: “GmbH” is geen bekende rechtsvorm" in capsys.readouterr().out
    assert not Party.objects.exists()


def _file_with(parties: int) -> bytes:
    return xlsx({
        "Partijen": [row("Partijen", naam=f"P{i}", rechtsvorm="Stichting", vestigingsplaats="Ede")
                     for i in range(parties)],
        "Deelnames": [row("Deelnames", partij=f"P{i}", deelnemer=code, aandeel="10%")
                      for i in range(parties) for code in ("GM0014", "WS-T")],
        "Financiën partij": [row("Financiën partij", partij=f"P{i}", jaar=2025, soort="Begroting", resultaat=1)
                             for i in range(parties)],
        "Financiën deelname": [row("Financiën deelname", partij=f"P{i}", deelnemer="GM0014", jaar=2025,
                                   soort="Begroting", bijdrage="1.000") for i in range(parties)],
        "Vertegenwoordigers": [row("Vertegenwoordigers", naam=f"Persoon {i % 7}", functie="Wethouder",
                                   gemeente="GM0014", partij=f"P{i}", orgaan="Algemeen bestuur", namens="GM0014",
                                   begindatum="01-01-2024") for i in range(parties)],
        "Risico's": [row("Risico's", partij=f"P{i}", deelnemer="GM0014" if i % 2 else None, titel="Tekort",
                         categorie="Financieel", kans=3, impact="groot", financieel_gevolg_maximum="100.000")
                     for i in range(parties)],
    })  # fmt: skip


@pytest.mark.parametrize("dry_run", [True, False])
def test_the_number_of_queries_does_not_grow_with_the_rows(dry_run):
    ParticipantFactory(code="WS-T", name="Waterschap Test")
    counts = []
    for parties in (5, 50):
        empty_register()
        data = _file_with(parties)
        with CaptureQueriesContext(connection) as queries:
            report = run_file(data=data, filename="register.xlsx", dry_run=dry_run)
        assert report.ok, report.lines()
        counts.append(len(queries))
    if dry_run:
        assert counts[0] == counts[1]
    else:
        # Writes go in batches (SQLite takes some 70 deelnames per INSERT, fewer parties now that a party
        # has more fields, fewer figures and risks now that they say who supplied them): 180 more rows,
        # a few more queries.
        assert counts[1] - counts[0] <= 6
