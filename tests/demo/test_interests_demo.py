"""The demo has a vennootschap with shares, a loan, a guarantee and dividend, and figures that are
deliberately "niet bekend" with a reason; loading twice changes nothing."""

import pytest

from demo.governance import load_governance_demo
from demo.interests import load_interests_demo
from demo.register import load_demo
from demo.risks import load_risk_demo
from partners.choices import FinancialInterestForm
from partners.interests import DeclaredUnknown, FinancialInterest
from partners.models import Participant
from reports.paragraph import paragraph_report

pytestmark = pytest.mark.django_db


def test_the_demo_vennootschap_has_every_interest_and_a_party_declares_figures_niet_bekend():
    load_demo()
    load_risk_demo()
    load_governance_demo()
    load_interests_demo()
    assert not any(load_interests_demo().values())  # idempotent
    enexis = FinancialInterest.objects.filter(
        participation__party__name="Enexis Holding N.V.", participation__participant__code="GM0014", year=2026
    )
    assert set(enexis.values_list("form", flat=True)) == {
        FinancialInterestForm.KAPITAAL,
        FinancialInterestForm.LENING,
        FinancialInterestForm.GARANTIE,
    }
    assert DeclaredUnknown.objects.filter(participation__participant__code="GM0014", year=2026).exists()

    groningen = Participant.objects.get(code="GM0014")
    report = paragraph_report(municipality=groningen, year=2026, variant="begroting", internal=False)
    section = next(s for s in report.parties if s.party.name == "Enexis Holding N.V.")
    assert section.dividend and section.shares and section.loans and section.guarantees
    assert not section.contribution_applies
    assert report.declared_gaps and all(gap.reason for gap in report.declared_gaps)
