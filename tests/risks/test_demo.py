"""The demo risks load on top of the demo region, twice without change, and give Groningen a class."""

import pytest

from partners.demo import load_demo
from partners.models import Participant
from risks.demo import load_risk_demo
from risks.exposure import resistance_overview
from risks.models import Risk

pytestmark = pytest.mark.django_db


def test_demo_risks_load_idempotently_and_groningen_gets_a_weerstandsratio():
    load_demo()
    load_risk_demo()
    count = Risk.objects.count()
    load_risk_demo()
    assert Risk.objects.count() == count == 7
    overview = resistance_overview(municipality=Participant.objects.get(code="GM0014"), year=2025)
    assert overview.resistance_class is not None
    assert overview.required < overview.maximum_sum
