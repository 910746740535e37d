"""The governance demo: complete, valid by the models' own rules, and idempotent."""

import pytest

from demo.governance import load_governance_demo
from demo.register import load_demo
from governance import models
from partners.models import Participant
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

MODELS = [
    models.Person,
    models.Seat,
    models.ParticipationGovernance,
    models.CycleRules,
    models.CycleDocument,
    models.Opinion,
    models.PartyEvent,
    models.Assessment,
    models.Score,
    models.MunicipalPolicy,
]


@pytest.fixture
def demo():
    load_demo()
    return load_governance_demo()


def test_the_demo_fills_every_governance_table_and_a_second_run_adds_nothing(demo):
    assert all(model.objects.exists() for model in MODELS)
    counts = {model: model.objects.count() for model in MODELS}
    again = load_governance_demo()
    assert sum(again.values()) == 0
    assert {model: model.objects.count() for model in MODELS} == counts


def test_every_demo_row_passes_the_models_validation(demo):
    for model in MODELS:
        for obj in model.objects.all():
            obj.full_clean()


def test_the_demo_dashboard_and_factsheet_of_groningen_show_governance(logged_in_client, demo):
    groningen = Participant.objects.get(code="GM0014")
    page = text(logged_in_client.get(f"/gemeenten/{groningen.code}/dashboard/"))
    assert "Dashboard Groningen" in page and "Aandachtspunten" in page
    page = text(logged_in_client.get("/partijen/veiligheidsregio-groningen/sturing/"))
    assert "Karin de Vries (burgemeester) Algemeen bestuur Voorzitter Groningen" in page
    assert "Laatste beoordeling: 13 maart 2026" in page
    assert "Begroting 2027 — geen zienswijze — vastgesteld 9-7-2026 naar GS 16-7-2026" in page
