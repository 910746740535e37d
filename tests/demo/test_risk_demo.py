"""The demo risks load on top of the demo region, twice without change, and give Groningen a class;
their reviews are recent except the two that are overdue on purpose."""

import datetime

import pytest
from django.forms.models import model_to_dict
from django.utils import timezone

from demo.register import load_demo
from demo.risks import load_risk_demo
from partners.models import Participant
from risks.exposure import resistance_overview
from risks.models import Risk

pytestmark = pytest.mark.django_db


def snapshot():
    return {risk.pk: model_to_dict(risk) for risk in Risk.objects.all()}


def test_demo_risks_load_idempotently_and_groningen_gets_a_weerstandsratio():
    load_demo()
    load_risk_demo()
    before = snapshot()
    stats = load_risk_demo()
    assert snapshot() == before and len(before) == 7
    assert not stats["risico's nieuw"] and not stats["herbeoordelingen bijgewerkt"]
    overview = resistance_overview(municipality=Participant.objects.get(code="GM0014"), year=2025)
    assert overview.resistance_class is not None
    assert overview.required < overview.maximum_sum


def test_demo_risks_have_a_description_and_only_two_are_overdue_for_review():
    load_demo()
    load_risk_demo()
    assert all(risk.description for risk in Risk.objects.all())
    overdue = Risk.objects.review_overdue(timezone.localdate()).order_by("title")
    assert [risk.title for risk in overdue] == [
        "Achterstand in vergunningverlening",
        "Stijgende kosten beschermd wonen na de doordecentralisatie",
    ]


def test_a_later_run_renews_a_review_that_has_run_out_but_leaves_a_recent_one():
    load_demo()
    load_risk_demo()
    stale = Risk.objects.get(title="Garantstelling lening WarmteStad")
    Risk.objects.filter(pk=stale.pk).update(reviewed_on=datetime.date(2024, 1, 15))
    recent = Risk.objects.get(title="Tekort op de jeugdgezondheidszorg door loonkosten")
    recent_on = timezone.localdate() - datetime.timedelta(days=300)
    Risk.objects.filter(pk=recent.pk).update(reviewed_on=recent_on)
    stats = load_risk_demo()
    assert stats["herbeoordelingen bijgewerkt"] == 1
    assert Risk.objects.get(pk=stale.pk).reviewed_on == timezone.localdate() - datetime.timedelta(days=20)
    assert Risk.objects.get(pk=recent.pk).reviewed_on == recent_on
