"""Editing in the admin: a risk with its measures inline; bad input gets a clear Dutch message and
nothing is stored half. The database constraints hold even when the forms are bypassed."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from risks.models import Measure, ResistanceCapacity, Risk, RiskLevel
from tests.partners.factories import MunicipalityFactory, ParticipantFactory, ParticipationFactory, PartyFactory
from tests.partners.pages import text
from tests.risks.factories import ResistanceCapacityFactory, RiskFactory

pytestmark = pytest.mark.django_db
ADD_RISK = "/admin/risks/risk/add/"


def _risk_form(party, **changes):
    data = {
        "party": party.pk,
        "participation": "",
        "category": "financieel",
        "title": "Tekort op de exploitatie",
        "description": "",
        "likelihood": "3",
        "impact": "4",
        "amount_min": "100000",
        "amount_max": "250000",
        "status": "open",
        "owner": "Controller",
        "identified_on": "15-01-2025",
        "reviewed_on": "",
        "measures-TOTAL_FORMS": "1",
        "measures-INITIAL_FORMS": "0",
        "measures-MIN_NUM_FORMS": "0",
        "measures-MAX_NUM_FORMS": "1000",
        "measures-0-description": "Kwartaalrapportage opvragen",
        "measures-0-owner": "Accounthouder",
        "measures-0-due_on": "31-12-2025",
        "measures-0-status": "gepland",
    }
    data.update(changes)
    return data


def test_a_risk_is_added_with_its_measure_in_one_go(superuser_client):
    party = PartyFactory()
    response = superuser_client.post(ADD_RISK, _risk_form(party))
    assert response.status_code == 302, text(response)
    risk = Risk.objects.get()
    assert [m.description for m in risk.measures.all()] == ["Kwartaalrapportage opvragen"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"likelihood": "7"}, "Kies een kansklasse van 1 tot en met 5; 7 bestaat niet."),
        ({"impact": "0"}, "Kies een impactklasse van 1 tot en met 5; 0 bestaat niet."),
        ({"amount_min": "300000"}, "Het minimum ligt boven het maximum van het financiële gevolg."),
        ({"amount_max": "-5"}, "Een financieel gevolg kan niet negatief zijn."),
        ({"amount_max": ""}, "Vul bij een minimum ook het maximum in"),
        ({"measures-0-due_on": "31-31-2025"}, "Voer een geldige datum in."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_nothing_is_stored(superuser_client, changes, message):
    party = PartyFactory()
    response = superuser_client.post(ADD_RISK, _risk_form(party, **changes))
    assert response.status_code == 200
    assert message in text(response)
    assert not Risk.objects.exists()
    assert not Measure.objects.exists()


def test_a_participation_of_another_party_is_refused(superuser_client):
    party = PartyFactory()
    elsewhere = ParticipationFactory()
    response = superuser_client.post(ADD_RISK, _risk_form(party, participation=elsewhere.pk))
    assert f"Deze deelname hoort bij {elsewhere.party}, niet bij de partij van dit risico." in text(response)
    assert not Risk.objects.exists()


@pytest.mark.parametrize(
    ("percentile", "message"),
    [
        ("49.9", "De zekerheid (percentiel) moet tussen 50 en 99,9 liggen."),
        ("100", "De zekerheid (percentiel) moet tussen 50 en 99,9 liggen."),
        ("99.95", "Geef de zekerheid met hoogstens één decimaal, bijvoorbeeld 99,9."),
    ],
)
def test_a_percentile_outside_50_to_99_9_is_refused(superuser_client, percentile, message):
    gemeente = MunicipalityFactory()
    response = superuser_client.post(
        "/admin/risks/resistancecapacity/add/",
        {
            "municipality": gemeente.pk,
            "year": "2025",
            "available": "1000000",
            "percentile": percentile,
            "iterations": "10000",
            "note": "",
        },
    )
    assert response.status_code == 200
    page = text(response)
    assert message in page
    assert not ResistanceCapacity.objects.exists()


def test_capacity_is_entered_once_per_gemeente_per_year_and_only_for_a_gemeente():
    capacity = ResistanceCapacityFactory()
    duplicate = ResistanceCapacity(municipality=capacity.municipality, year=2025, available=Decimal("1"))
    with pytest.raises(ValidationError, match="al ingevuld"):
        duplicate.full_clean()
    waterschap = ResistanceCapacity(municipality=ParticipantFactory(), year=2025, available=Decimal("1"))
    with pytest.raises(ValidationError, match="per gemeente"):
        waterschap.full_clean()


def test_a_level_colour_pair_below_4_5_to_1_contrast_is_refused():
    level = RiskLevel(code="grijs", name="Grijs", min_score=20, background="#777777", text_color="#999999")
    with pytest.raises(ValidationError, match="minstens 4,5:1"):
        level.full_clean()


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"likelihood": 6}, "risk_likelihood_1_5"),
        ({"impact": 0}, "risk_impact_1_5"),
        ({"amount_max": Decimal("-1")}, "risk_amounts_not_negative"),
        ({"amount_min": Decimal("10"), "amount_max": Decimal("5")}, "risk_amount_min_not_above_max"),
    ],
)
def test_the_database_refuses_what_the_form_refuses(fields, constraint):
    party = PartyFactory()
    values = {"category": "financieel", "title": "x", "likelihood": 3, "impact": 3, "amount_max": Decimal("100")}
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Risk.objects.create(party=party, **{**values, **fields})
    assert not Risk.objects.exists()


def test_the_database_refuses_a_percentile_outside_50_to_99_9_and_too_few_iterations():
    gemeente = MunicipalityFactory()
    for fields in ({"percentile": Decimal("100.0")}, {"percentile": Decimal("49.0")}, {"iterations": 999}):
        with pytest.raises(IntegrityError), transaction.atomic():
            ResistanceCapacity.objects.create(municipality=gemeente, year=2025, available=Decimal("1"), **fields)


def test_public_leaves_out_confidential_risks():
    open_risk = RiskFactory(confidential=False)
    RiskFactory(confidential=True)
    assert list(Risk.objects.public()) == [open_risk]


def test_the_admin_risk_list_and_levels_pages_open(superuser_client):
    RiskFactory()
    for url in (
        "/admin/risks/risk/",
        "/admin/risks/risklevel/",
        "/admin/risks/likelihoodclass/",
        "/admin/risks/resistancecapacity/",
        f"/admin/risks/risk/{Risk.objects.get().pk}/change/",
    ):
        assert superuser_client.get(url).status_code == 200, url
