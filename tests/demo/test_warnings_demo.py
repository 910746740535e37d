"""The signalen demo: several signals fire for reasons a reader can check, one is acknowledged, and a
second run adds nothing."""

import datetime

import pytest

from demo.early_warnings import load_warnings_demo
from demo.governance import load_governance_demo
from demo.register import load_demo
from governance.early_warnings import Severity, warnings_for
from governance.models import CycleDocument, WarningAcknowledgement, WarningRule
from partners.models import Participant

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 4)


@pytest.fixture
def demo():
    load_demo()
    load_governance_demo()
    return load_warnings_demo(today=TODAY)


def signals(code):
    municipality = Participant.objects.get(code=code)
    return {
        (w.party.name, w.rule): w
        for w in warnings_for(municipality_ids=[municipality.pk], today=TODAY)[municipality.pk]
    }


def test_the_demo_makes_signals_fire_for_visible_reasons(demo):
    groningen = signals("GM0014")
    bijdrage = groningen[("Veiligheidsregio Groningen", WarningRule.BIJDRAGE_BOVEN_INDEX)]
    assert bijdrage.message.startswith("De bijdrage 2026 (€ 19.858.290) stijgt 5,8% ten opzichte van 2025")
    assert "de index voor 2026 is 3,5%" in bijdrage.message
    assert ("Veiligheidsregio Groningen", WarningRule.BEGROTINGSWIJZIGINGEN) in groningen
    assert ("Veiligheidsregio Groningen", WarningRule.MONITORING_DAALT) in groningen
    late = groningen[("Omgevingsdienst Groningen", WarningRule.DOCUMENT_TE_LAAT)]
    # A provincie takes part in the omgevingsdienst: the minister of BZK is its toezichthouder (Wgr art. 58).
    assert late.message == (
        "De jaarrekening 2025 is op 28 juli 2026 aan de toezichthouder (minister van BZK) verzonden, 14 dagen na de "
        "uiterste dag (14 juli 2026, Wgr art. 58 lid 4)."
    )
    missing = groningen[("Publieke Gezondheid & Zorg Groningen", WarningRule.DOCUMENT_TE_LAAT)]
    assert missing.severity == Severity.HOOG
    assert ("Publieke Gezondheid & Zorg Groningen", WarningRule.ZIENSWIJZE_ZONDER_REACTIE) in groningen
    assert not groningen[("BNG Bank N.V.", WarningRule.SOLVABILITEIT)].is_open

    oldambt = signals("GM1895")
    deficits = oldambt[("Afvalbeheer Oost-Groningen", WarningRule.NEGATIEF_RESULTAAT)]
    assert deficits.message == "2 jaar achter elkaar een negatief resultaat (2024: € -110.000, 2025: € -180.000)."
    assert ("Afvalbeheer Oost-Groningen", WarningRule.ACCOUNTANTSVERKLARING) in oldambt


def test_a_second_run_adds_nothing(demo):
    counts = (CycleDocument.objects.count(), WarningAcknowledgement.objects.count())
    assert sum(load_warnings_demo(today=TODAY).values()) == 0
    assert (CycleDocument.objects.count(), WarningAcknowledgement.objects.count()) == counts
