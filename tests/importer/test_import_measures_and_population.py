"""The Beheersmaatregelen and Inwoners sheets: dry run, every row error, all rows or none, and the same
file again changes nothing."""

import pytest

from importer.service import check, run_file
from partners.models import Population
from risks.models import Measure, Risk
from tests.importer.importing import register_state, row, xlsx
from tests.partners.factories import PartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def party(db):
    return PartyFactory(name="Veiligheidsregio Haaglanden", abbreviation="VRH", legal_form="openbaar_lichaam")


def messages(data):
    return [f"{p.sheet}|{p.row}|{p.column}|{p.message}" for p in check(data, "f.xlsx").report.problems]


def measures_file(*measures):
    return xlsx(
        {
            "Risico's": [
                row("Risico's", partij="Veiligheidsregio Haaglanden", titel="Tekort op de meldkamer",
                    categorie="Financieel", kans=3, impact=4)
            ],
            "Beheersmaatregelen": list(measures),
        }
    )  # fmt: skip


def test_measures_of_a_new_risk_are_imported_once(party):
    data = measures_file(
        row("Beheersmaatregelen", partij="VRH", titel_risico="Tekort op de meldkamer",
            omschrijving="Bestemmingsreserve vormen", eigenaar="Controller", uiterlijk_gereed="31-12-2026"),
        row("Beheersmaatregelen", partij="VRH", titel_risico="tekort op de meldkamer",
            omschrijving="Kwartaalrapportage", status="In uitvoering"),
    )  # fmt: skip
    assert check(data, "f.xlsx").report.counts["Beheersmaatregelen"].created == 2
    assert not Measure.objects.exists()  # the dry run writes nothing

    report = run_file(data=data, filename="f.xlsx", dry_run=False)
    assert report.ok, report.lines()
    risk = Risk.objects.get()
    assert sorted(risk.measures.values_list("description", "status")) == [
        ("Bestemmingsreserve vormen", "gepland"),
        ("Kwartaalrapportage", "in_uitvoering"),
    ]
    before = register_state()
    again = run_file(data=data, filename="f.xlsx", dry_run=False)
    assert again.counts["Beheersmaatregelen"].unchanged == 2
    assert register_state() == before


def test_a_measure_of_an_unknown_risk_and_a_bad_date_are_both_refused_and_nothing_is_written(party):
    before = register_state()
    data = measures_file(
        row("Beheersmaatregelen", partij="VRH", titel_risico="Tekort meldkamer", omschrijving="Reserve",
            uiterlijk_gereed="31-02-2026"),
        row("Beheersmaatregelen", partij="VRH", titel_risico="Tekort op de meldkamer", omschrijving="Goed"),
    )  # fmt: skip
    found = messages(data)
    assert len(found) == 2, found
    assert found[0].startswith("Beheersmaatregelen|2|Uiterlijk gereed|")
    assert found[1] == (
        "Beheersmaatregelen|2|Titel risico|Veiligheidsregio Haaglanden heeft geen risico “Tekort meldkamer”. "
        "Zet het risico op het tabblad Risico's."
    )
    assert not run_file(data=data, filename="f.xlsx", dry_run=False).ok
    assert register_state() == before


def population_file(*rows):
    return xlsx({"Inwoners": list(rows)})


def test_inhabitants_are_imported_by_the_names_people_write_and_again_change_nothing():
    data = population_file(
        row("Inwoners", gemeente="Den Haag", jaar=2024, inwoners="566.221"),
        row("Inwoners", gemeente="Hengelo", jaar=2024, inwoners=87_000, bron="Eigen telling"),
    )
    report = run_file(data=data, filename="f.xlsx", dry_run=False)
    assert report.ok, report.lines()
    assert sorted(Population.objects.values_list("participant__code", "year", "inhabitants", "source")) == [
        ("GM0164", 2024, 87_000, "Eigen telling"),
        ("GM0518", 2024, 566_221, "CBS, bevolking op 1 januari"),
    ]
    before = register_state()
    again = run_file(data=data, filename="f.xlsx", dry_run=False)
    assert again.counts["Inwoners"].unchanged == 2
    assert register_state() == before


def test_inhabitants_rows_report_every_error_and_write_nothing():
    data = population_file(
        row("Inwoners", gemeente="Bergen", jaar=2024, inwoners="0"),
        row("Inwoners", gemeente="Weesp", jaar=2024, inwoners=19_000),
        row("Inwoners", gemeente="Den Haag", jaar=2024, inwoners=566_221),
    )
    found = messages(data)
    assert (
        found[:2]
        == [
            "Inwoners|2|Gemeente|“Bergen” is niet eenduidig: bedoelt u Bergen (NH.) GM0373 of Bergen (L.) GM0893? "
            "Gebruik de volledige naam of de code.",
            "Inwoners|2|Inwoners|Het aantal inwoners moet groter zijn dan 0: met 0 inwoners is geen bijdrage per "
            "inwoner te berekenen.",
        ]
        or found
    )
    assert found[2].startswith("Inwoners|3|Jaar|Weesp bestaat sinds 24-03-2022 niet meer"), found
    assert not run_file(data=data, filename="f.xlsx", dry_run=False).ok
    assert not Population.objects.exists()
