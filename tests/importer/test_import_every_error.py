"""Every error of a row is reported at once, and a refused party does not make every row that refers
to it fail with a misleading “unknown party”."""

import pytest

from importer.service import check
from tests.importer.importing import register_state, row, xlsx

pytestmark = pytest.mark.django_db


def problems(data):
    return [f"{p.sheet}|{p.row}|{p.column}|{p.message}" for p in check(data, "f.xlsx").report.problems]


def test_a_row_with_three_faults_gets_three_messages():
    data = xlsx(
        {
            "Financiën deelname": [
                row(
                    "Financiën deelname",
                    partij="Onbekend Schap",
                    deelnemer="Bergen",
                    jaar=2024,
                    soort="Realisatie",
                    bijdrage="veel",
                )
            ]
        }
    )
    found = problems(data)
    assert found == [
        "Financiën deelname|2|Deelnemer|“Bergen” is niet eenduidig: bedoelt u Bergen (NH.) GM0373 of Bergen (L.) "
        "GM0893? Gebruik de volledige naam of de code.",
        "Financiën deelname|2|Bijdrage|“veel” is geen bedrag; verwacht een bedrag in euro's, zoals 1.234.567,89 of "
        "€ 1.234,50 (punten voor duizendtallen, een komma voor centen).",
        "Financiën deelname|2|Partij|Onbekende partij “Onbekend Schap”. Zet de partij op het tabblad Partijen of "
        "gebruik de naam zoals die in het register staat.",
    ]


def test_a_party_row_reports_a_bad_cell_and_a_broken_rule_together():
    data = xlsx(
        {
            "Partijen": [
                row(
                    "Partijen",
                    naam="Veiligheidsregio Test",
                    rechtsvorm="Openbaar lichaam",
                    vestigingsplaats="Assen",
                    status="Beëindigd",
                    website="geen adres",
                    oprichtingsdatum="31-02-2020",
                )
            ]
        }
    )
    found = problems(data)
    assert len(found) == 3, found
    assert any("|Oprichtingsdatum|" in p for p in found)
    assert any("|Website|" in p for p in found)
    assert any("|Einddatum|" in p for p in found)


def test_rows_referring_to_a_refused_party_get_one_message_on_the_party_row():
    before = register_state()
    data = xlsx(
        {
            "Partijen": [
                row("Partijen", naam="GR Den Haag", afkorting="GRDH", rechtsvorm="GmbH", vestigingsplaats="Den Haag")
            ],
            "Deelnames": [
                row("Deelnames", partij="GR Den Haag", deelnemer="Den Haag"),
                row("Deelnames", partij="GRDH", deelnemer="Rijswijk"),
            ],
            "Risico's": [
                row("Risico's", partij="GR Den Haag", titel="Tekort", categorie="Financieel", kans=3, impact=3)
            ],
        }
    )
    found = problems(data)
    assert len(found) == 2, found
    assert found[0].startswith("Partijen|2|Rechtsvorm|“GmbH” is geen bekende rechtsvorm")
    assert found[1:] == [
        "Partijen|2|Naam|Deze partij is geweigerd, dus ook de rijen die ernaar verwijzen (Deelnames rij 2, 3; "
        "Risico's rij 2); die worden gecontroleerd zodra deze rij klopt.",
    ]
    assert not any("Onbekende partij" in p for p in found)
    assert register_state() == before
