"""The P&C-documenten and Zienswijzen sheets: dry run, every error of a row, all rows or none, and the
same file again changes nothing."""

import datetime

import pytest

from governance.models import CycleDocument, Opinion
from importer.service import check, run_file
from partners.models import Participant
from tests.importer.importing import register_state, row, xlsx
from tests.partners.factories import ParticipationFactory, PartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def party(db):
    party = PartyFactory(name="Veiligheidsregio Haaglanden", abbreviation="VRH", legal_form="openbaar_lichaam")
    for code in ("GM0518", "GM0603"):  # 's-Gravenhage, Rijswijk (ZH.)
        ParticipationFactory(party=party, participant=Participant.objects.get(code=code))
    return party


def messages(data):
    return [f"{p.sheet}|{p.row}|{p.column}|{p.message}" for p in check(data, "f.xlsx").report.problems]


def document(**values):
    return row("P&C-documenten", **values)


def opinion(**values):
    return row("Zienswijzen", **values)


DOCUMENTS = [
    document(partij="VRH", soort="Ontwerpbegroting", jaar=2027, verzonden_aan_de_raden="15-04-2026",
             vastgesteld_door_het_bestuur="02-07-2026", verzonden_aan_de_toezichthouder="10-07-2026",
             link="https://www.vrh.nl/begroting-2027"),
    document(partij="VRH", soort="Jaarrekening", jaar=2025, verzonden_aan_de_raden="14-04-2026",
             zienswijze_gevraagd="nee"),
    document(partij="Veiligheidsregio Haaglanden", soort="begrotingswijziging", jaar=2026,
             titel="1e begrotingswijziging", verzonden_aan_de_raden="01-03-2026"),
    document(partij="VRH", soort="Begrotingswijziging", jaar=2026, titel="2e begrotingswijziging"),
]  # fmt: skip


def test_documents_are_imported_once_and_begrotingswijzigingen_are_told_apart_by_title(party):
    data = xlsx({"P&C-documenten": DOCUMENTS})
    assert check(data, "f.xlsx").report.counts["P&C-documenten"].created == 4
    assert not CycleDocument.objects.exists()  # the dry run writes nothing

    report = run_file(data=data, filename="f.xlsx", dry_run=False)

    assert report.ok, report.lines()
    assert sorted(CycleDocument.objects.values_list("kind", "year", "title", "opinion_invited", "sent_on")) == [
        ("begrotingswijziging", 2026, "1e begrotingswijziging", True, datetime.date(2026, 3, 1)),
        ("begrotingswijziging", 2026, "2e begrotingswijziging", True, None),
        ("jaarrekening", 2025, "", False, datetime.date(2026, 4, 14)),
        ("ontwerpbegroting", 2027, "", True, datetime.date(2026, 4, 15)),
    ]
    budget = CycleDocument.objects.get(kind="ontwerpbegroting")
    assert (budget.adopted_on, budget.sent_to_supervisor_on, budget.url) == (
        datetime.date(2026, 7, 2), datetime.date(2026, 7, 10), "https://www.vrh.nl/begroting-2027",
    )  # fmt: skip
    assert budget.history.get().history_change_reason == "import"
    before = register_state()
    again = run_file(data=data, filename="f.xlsx", dry_run=False)
    assert again.counts["P&C-documenten"].unchanged == 4
    assert register_state() == before


def test_a_changed_date_updates_the_document_matched_on_party_kind_and_year(party):
    run_file(data=xlsx({"P&C-documenten": DOCUMENTS}), filename="f.xlsx", dry_run=False)
    changed = document(partij="VRH", soort="Ontwerpbegroting", jaar=2027, titel="Ontwerpbegroting 2027",
                       verzonden_aan_de_raden="16-04-2026")  # fmt: skip

    report = run_file(data=xlsx({"P&C-documenten": [changed]}), filename="f.xlsx", dry_run=False)

    assert report.counts["P&C-documenten"].updated == 1
    budget = CycleDocument.objects.get(kind="ontwerpbegroting")
    assert (budget.title, budget.sent_on, budget.adopted_on) == (
        "Ontwerpbegroting 2027",
        datetime.date(2026, 4, 16),
        None,
    )


def test_document_rows_report_every_error_and_write_nothing(party):
    PartyFactory(name="Stichting Regiotaxi", legal_form="stichting")
    before = register_state()
    data = xlsx(
        {
            "P&C-documenten": [
                document(partij="VRH", soort="Begroting", jaar=2027, verzonden_aan_de_raden="31-04-2026",
                         vastgesteld_door_het_bestuur="10-07-2026", verzonden_aan_de_toezichthouder="01-07-2026",
                         link="geen adres"),
                document(partij="Stichting Regiotaxi", soort="Jaarrekening", jaar=2025),
                document(partij="VRH", soort="Kadernota", jaar=2027),
                document(partij="VRH", soort="Jaarrekening", jaar=2025),
                document(partij="VRH", soort="Jaarrekening", jaar=2025, titel="Jaarstukken 2025"),
            ]
        }
    )  # fmt: skip
    found = messages(data)
    assert found[0] == (
        "P&C-documenten|2|Verzonden aan de raden|De datum 31-04-2026 bestaat niet: april 2026 heeft geen 31 dagen."
    )
    # The cells that could be read are checked too: the link and the supervisor date of the same row.
    assert found[1].startswith("P&C-documenten|2|Link|"), found
    assert found[2] == (
        "P&C-documenten|2|Verzonden aan de toezichthouder|Het document kan niet vóór de vaststelling aan de "
        "toezichthouder zijn verzonden."
    )
    assert found[3].startswith("P&C-documenten|3|Partij|Stichting Regiotaxi volgt geen begrotingscyclus van de Wgr")
    assert found[4].startswith("P&C-documenten|4|Soort|“Kadernota” is geen bekende soort; kies uit: Kaderbrief;")
    assert found[5] == (
        "P&C-documenten|6|Soort|Dit document (jaarrekening 2025 van Veiligheidsregio Haaglanden) staat al op rij 5; "
        "een partij heeft één document van deze soort per jaar."
    )
    assert len(found) == 6, found
    assert not run_file(data=data, filename="f.xlsx", dry_run=False).ok
    assert register_state() == before


def test_the_supervisor_date_before_adoption_is_refused_with_the_models_message(party):
    data = xlsx({"P&C-documenten": [document(partij="VRH", soort="Begroting", jaar=2027,
                                             vastgesteld_door_het_bestuur="10-07-2026",
                                             verzonden_aan_de_toezichthouder="01-07-2026")]})  # fmt: skip
    assert messages(data) == [
        "P&C-documenten|2|Verzonden aan de toezichthouder|Het document kan niet vóór de vaststelling aan de "
        "toezichthouder zijn verzonden."
    ]


OPINIONS = [
    opinion(partij="VRH", soort_document="Ontwerpbegroting", jaar_document=2027, gemeente="Den Haag",
            status="Verzonden", datum_raadsbesluit="25-06-2026", verzonden_aan_het_bestuur="26-06-2026",
            zienswijze="Houd de bijdrage gelijk.", reactie_van_het_bestuur="De bijdrage stijgt met de loonindex.",
            datum_reactie_bestuur="03-07-2026"),
    opinion(partij="VRH", soort_document="Begrotingswijziging", jaar_document=2026,
            titel_document="1e begrotingswijziging", gemeente="Rijswijk", status="Geen zienswijze"),
]  # fmt: skip


def test_zienswijzen_with_the_answer_of_the_bestuur_are_imported_once(party):
    data = xlsx({"P&C-documenten": DOCUMENTS, "Zienswijzen": OPINIONS})
    assert check(data, "f.xlsx").report.counts["Zienswijzen"].created == 2

    report = run_file(data=data, filename="f.xlsx", dry_run=False)

    assert report.ok, report.lines()
    haag = Opinion.objects.get(municipality__code="GM0518")
    assert (haag.document.kind, haag.status, haag.board_answer, haag.answered_on) == (
        "ontwerpbegroting", "verzonden", "De bijdrage stijgt met de loonindex.", datetime.date(2026, 7, 3),
    )  # fmt: skip
    assert Opinion.objects.get(municipality__code="GM0603").document.title == "1e begrotingswijziging"
    before = register_state()
    # The documents are in the register now: a file with only the zienswijzen finds them there.
    again = run_file(data=xlsx({"Zienswijzen": OPINIONS}), filename="f.xlsx", dry_run=False)
    assert again.counts["Zienswijzen"].unchanged == 2
    assert register_state() == before


def test_zienswijze_rows_report_every_error_and_write_nothing(party):
    run_file(data=xlsx({"P&C-documenten": DOCUMENTS}), filename="f.xlsx", dry_run=False)
    before = register_state()
    data = xlsx(
        {
            "Zienswijzen": [
                opinion(partij="VRH", soort_document="Ontwerpbegroting", jaar_document=2027, gemeente="Den Bosch",
                        status="Verzonden", datum_raadsbesluit="01-04-2026"),
                opinion(partij="VRH", soort_document="Begrotingswijziging", jaar_document=2026,
                        titel_document="3e begrotingswijziging", gemeente="Bergen"),
                opinion(partij="VRH", soort_document="Ontwerpbegroting", jaar_document=2027, gemeente="Den Haag",
                        status="Vastgesteld"),
            ]
        }
    )  # fmt: skip
    found = messages(data)
    assert found == [
        "Zienswijzen|2|Gemeente|'s-Hertogenbosch neemt niet deel in Veiligheidsregio Haaglanden. Zet de deelname op "
        "het tabblad Deelnames.",
        "Zienswijzen|2|Verzonden aan het bestuur|Vul in wanneer de zienswijze aan het bestuur is verzonden.",
        "Zienswijzen|2|Datum raadsbesluit|Het raadsbesluit ligt vóór de datum waarop het document is verzonden.",
        "Zienswijzen|3|Gemeente|“Bergen” is niet eenduidig: bedoelt u Bergen (NH.) GM0373 of Bergen (L.) GM0893? "
        "Gebruik de volledige naam of de code.",
        "Zienswijzen|3|Soort document|Veiligheidsregio Haaglanden heeft geen document begrotingswijziging 2026 "
        "“3e begrotingswijziging”. Zet het document op het tabblad P&C-documenten.",
        "Zienswijzen|4|Datum raadsbesluit|Bij de status “Vastgesteld” hoort de datum van het raadsbesluit.",
    ], found
    assert not run_file(data=data, filename="f.xlsx", dry_run=False).ok
    assert register_state() == before


def test_a_zienswijze_on_a_document_that_is_nowhere_says_where_to_put_it(party):
    data = xlsx({"Zienswijzen": [opinion(partij="VRH", soort_document="Begrotingswijziging", jaar_document=2026,
                                         titel_document="3e wijziging", gemeente="GM0518")]})  # fmt: skip
    assert messages(data) == [
        "Zienswijzen|2|Soort document|Veiligheidsregio Haaglanden heeft geen document begrotingswijziging 2026 "
        "“3e wijziging”. Zet het document op het tabblad P&C-documenten."
    ]


def test_a_gemeenschappelijk_orgaan_that_follows_the_cycle_by_its_regeling_carries_its_documents():
    orgaan = row(
        "Partijen",
        naam="Regionaal Orgaan",
        rechtsvorm="Gemeenschappelijk orgaan",
        vestigingsplaats="Ede",
        begrotingscyclus_wgr="ja",
    )
    stichting = row(
        "Partijen", naam="Stichting Zwembad", rechtsvorm="Stichting", vestigingsplaats="Ede", begrotingscyclus_wgr="ja"
    )
    budget = document(partij="Regionaal Orgaan", soort="Begroting", jaar=2027)
    assert messages(xlsx({"Partijen": [orgaan, stichting], "P&C-documenten": [budget]})) == [
        "Partijen|3|Begrotingscyclus Wgr|Alleen bij een gemeenschappelijk orgaan bepaalt de regeling of de "
        "begrotingscyclus van de Wgr geldt (Wgr art. 8 lid 2); een openbaar lichaam en een "
        "bedrijfsvoeringsorganisatie volgen hem altijd, andere vormen nooit."
    ]
    report = run_file(data=xlsx({"Partijen": [orgaan], "P&C-documenten": [budget]}), filename="f.xlsx", dry_run=False)
    assert report.ok, report.lines()
    assert CycleDocument.objects.get().party.cycle_by_regeling is True


def test_a_csv_with_the_columns_of_the_zienswijzen_is_read_as_that_sheet(party):
    from tests.importer.importing import HEADERS, csv_file

    run_file(data=xlsx({"P&C-documenten": DOCUMENTS}), filename="f.xlsx", dry_run=False)
    report = run_file(data=csv_file(HEADERS["Zienswijzen"], OPINIONS), filename="zienswijzen.csv", dry_run=False)
    assert report.ok, report.lines()
    assert report.counts["Zienswijzen"].created == 2
