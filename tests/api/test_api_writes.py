"""Writing through the API: only a party's key, only that party's rows, every rule checked before anything
is saved, Dutch problem details for whatever is refused, and the history names on whose behalf."""

import json
from decimal import Decimal

import pytest
from django.utils import timezone

from api.models import ApiToken
from governance.models import CycleDocument
from partners.models import PartyFinancials
from partners.roles import BRONHOUDER
from risks.models import Risk
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory, PartyFinancialsFactory
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user):
    gemeente = MunicipalityFactory(code="GM8201", name="Schrijfstad")
    own = ParticipationFactory(participant=gemeente, party=PartyFactory(name="Eigen regeling")).party
    other = ParticipationFactory(participant=gemeente, party=PartyFactory(name="Andere regeling")).party
    bronhouder = make_user("schrijver", role=BRONHOUDER, parties=[own], first_name="Marieke", last_name="Dijkstra")
    _, key = ApiToken.issue(name="Financieel systeem", party=own, created_by=bronhouder)
    return {
        "own": own,
        "other": other,
        "bronhouder": bronhouder,
        "key": key,
        "own_figures": PartyFinancialsFactory(party=own, year=2025, result=Decimal("100")),
        "other_figures": PartyFinancialsFactory(party=other, year=2025, result=Decimal("200")),
    }


def send(client, method, url, body, key=None, **headers):
    if key:
        headers["HTTP_AUTHORIZATION"] = f"Token {key}"
    response = getattr(client, method)(url, json.dumps(body), content_type="application/json", **headers)
    return response, json.loads(response.content)


def test_a_partys_key_supplies_figures_that_say_who_supplied_them_and_the_history_names_the_party(client, world):
    response, body = send(
        client, "post", "/api/v1/financiele-gegevens", {"jaar": 2026, "soort": "begroting", "resultaat": "-2500.5"},
        world["key"],
    )  # fmt: skip
    assert response.status_code == 201, body
    figures = PartyFinancials.objects.get(pk=body["id"])
    assert figures.party == world["own"] and figures.result == Decimal("-2500.50")
    assert figures.supplied_by == world["own"] and figures.supplied_at is not None
    assert body["aangeleverdDoor"] == world["own"].slug
    record = figures.history.latest()
    assert record.history_user == world["bronhouder"]
    assert record.history_change_reason == "namens Eigen regeling via API-sleutel “Financieel systeem”"
    assert ApiToken.objects.get().last_used_at is not None


def test_bearer_works_as_well_as_token(client, world):
    response, body = send(
        client, "patch", f"/api/v1/financiele-gegevens/{world['own_figures'].pk}", {"resultaat": "5"},
        HTTP_AUTHORIZATION=f"Bearer {world['key']}",
    )  # fmt: skip
    assert response.status_code == 200 and body["resultaat"] == "5.00"


def test_a_key_cannot_touch_another_partys_rows_and_reads_only_its_own_party(client, world):
    response, body = send(
        client, "patch", f"/api/v1/financiele-gegevens/{world['other_figures'].pk}", {"resultaat": "1"}, world["key"]
    )
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert body["title"] == "Niet gevonden"
    world["other_figures"].refresh_from_db()
    assert world["other_figures"].result == Decimal("200")
    listed = client.get("/api/v1/partijen", HTTP_AUTHORIZATION=f"Token {world['key']}").json()["resultaten"]
    assert [p["naam"] for p in listed] == ["Eigen regeling"]


def test_a_key_made_by_a_superuser_is_still_scoped_to_its_party(client, world, django_user_model):
    boss = django_user_model.objects.create_superuser(username="baas", password="x" * 16)
    _, key = ApiToken.issue(name="Beheer", party=world["own"], created_by=boss)
    listed = client.get("/api/v1/partijen", HTTP_AUTHORIZATION=f"Token {key}").json()["resultaten"]
    assert [p["naam"] for p in listed] == ["Eigen regeling"]
    response, _ = send(
        client, "patch", f"/api/v1/financiele-gegevens/{world['other_figures'].pk}", {"resultaat": "1"}, key
    )
    assert response.status_code == 404


def test_writing_without_a_partys_key_is_refused_in_dutch(client, world):
    client.force_login(world["bronhouder"])  # his session reads, but writes need the key
    response, body = send(client, "post", "/api/v1/financiele-gegevens", {"jaar": 2026, "soort": "begroting"})
    assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"
    assert "API-sleutel van een bronhouder" in body["detail"]
    client.logout()
    ApiToken.objects.update(revoked_at=timezone.now())
    response, body = send(
        client, "post", "/api/v1/financiele-gegevens", {"jaar": 2026, "soort": "begroting"}, world["key"]
    )
    assert response.status_code == 403 and body["detail"] == "Deze API-sleutel bestaat niet of is ingetrokken."
    assert PartyFinancials.objects.count() == 2


def test_bad_values_are_named_per_field_in_dutch_and_nothing_is_saved(client, world):
    url = f"/api/v1/financiele-gegevens/{world['own_figures'].pk}"
    response, body = send(client, "patch", url, {"resultaat": "12", "jaar": "twintig"}, world["key"])
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert body["detail"] == "De gegevens zijn niet opgeslagen: een of meer velden zijn ongeldig."
    assert body["invalidParams"] == [{"name": "jaar", "reason": "Een geldig getal is vereist."}]
    # A rule of the model (no negative vreemd vermogen) is named at the API's field.
    response, body = send(client, "patch", url, {"resultaat": "12", "vreemdVermogenEind": "-1"}, world["key"])
    assert response.status_code == 400
    assert {p["name"] for p in body["invalidParams"]} == {"algemeen"}
    assert "Vreemd vermogen kan niet negatief zijn." in body["invalidParams"][0]["reason"]
    world["own_figures"].refresh_from_db()
    assert world["own_figures"].result == Decimal("100") and world["own_figures"].supplied_by is None
    # The same year and kind twice: the unique rule, in Dutch, not a server error.
    response, body = send(
        client, "post", "/api/v1/financiele-gegevens", {"jaar": 2025, "soort": "begroting"}, world["key"]
    )
    assert response.status_code == 400
    assert "Voor deze partij bestaan al cijfers van deze soort voor dit jaar." in body["invalidParams"][0]["reason"]
    assert PartyFinancials.objects.count() == 2


def test_a_party_supplies_only_public_party_wide_risks_and_changes_only_its_own(client, world):
    body = {"categorie": "financieel", "titel": "Loonkosten", "kans": 3, "impact": 2, "vertrouwelijk": True}
    response, answer = send(client, "post", "/api/v1/risicos", body, world["key"])
    assert response.status_code == 201, answer
    risk = Risk.objects.get(pk=answer["id"])
    assert not risk.confidential and risk.participation is None and risk.supplied_by == world["own"]
    gemeente_risk = RiskFactory(party=world["own"], title="Risico dat de gemeente vastlegde")
    response, _ = send(client, "patch", f"/api/v1/risicos/{gemeente_risk.pk}", {"kans": 5}, world["key"])
    assert response.status_code == 404
    response, answer = send(client, "patch", f"/api/v1/risicos/{risk.pk}", {"kans": 9}, world["key"])
    assert response.status_code == 400 and answer["invalidParams"][0]["name"] == "kans"


def test_a_document_with_its_dates_is_supplied_and_checked(client, world):
    body = {"soort": "jaarrekening", "jaar": 2025, "vastgesteldOp": "2026-07-01", "naarToezichthouderOp": "2026-06-01"}
    response, answer = send(client, "post", "/api/v1/documenten", body, world["key"])
    assert response.status_code == 400 and answer["invalidParams"][0]["name"] == "algemeen"
    assert "vóór de vaststelling" in answer["invalidParams"][0]["reason"]
    body["naarToezichthouderOp"] = "2026-07-10"
    response, answer = send(client, "post", "/api/v1/documenten", body, world["key"])
    assert response.status_code == 201
    document = CycleDocument.objects.get(pk=answer["id"])
    assert document.party == world["own"] and document.supplied_text.startswith("aangeleverd door Eigen regeling op ")
