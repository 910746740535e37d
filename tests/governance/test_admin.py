"""Admin editing of governance: seats inline on the party and the person, roles on the deelname."""

import re

import pytest
from django.urls import reverse

from governance.models import Assessment, Criterion, Person, Score, Seat
from tests.partners.factories import ParticipationFactory
from tests.partners.pages import text

pytestmark = pytest.mark.django_db


def seat_rows(participation, *periods):
    data = {
        "seats-TOTAL_FORMS": str(len(periods)),
        "seats-INITIAL_FORMS": "0",
        "seats-MIN_NUM_FORMS": "0",
        "seats-MAX_NUM_FORMS": "1000",
    }
    for i, (start, end) in enumerate(periods):
        data |= {
            f"seats-{i}-party": participation.party.pk,
            f"seats-{i}-body": "algemeen_bestuur",
            f"seats-{i}-role": "lid",
            f"seats-{i}-on_behalf_of": participation.participant.pk,
            f"seats-{i}-started_on": start,
            f"seats-{i}-ended_on": end,
        }
    return data


def person_form(participation, *periods):
    return {"name": "Wethouder Test", "function": "wethouder", "municipality": participation.participant.pk} | (
        seat_rows(participation, *periods)
    )


def test_two_overlapping_seats_in_one_submission_are_refused_and_nothing_is_stored(superuser_client):
    participation = ParticipationFactory()
    response = superuser_client.post(
        reverse("admin:governance_person_add"),
        person_form(participation, ("2022-04-01", "2026-03-31"), ("2026-01-01", "")),
    )
    assert response.status_code == 200
    assert "Wethouder Test heeft twee overlappende zetels als lid van het algemeen bestuur" in text(response)
    assert not Person.objects.exists() and not Seat.objects.exists()


def test_consecutive_seats_in_one_submission_are_stored(superuser_client):
    participation = ParticipationFactory()
    response = superuser_client.post(
        reverse("admin:governance_person_add"),
        person_form(participation, ("2018-04-01", "2022-03-31"), ("2022-04-01", "")),
    )
    assert response.status_code == 302
    assert Seat.objects.count() == 2


def test_a_seat_ending_before_it_starts_gets_a_dutch_message(superuser_client):
    participation = ParticipationFactory()
    response = superuser_client.post(
        reverse("admin:governance_person_add"), person_form(participation, ("2022-04-01", "2022-03-31"))
    )
    assert "De einddatum van de zetel ligt vóór de begindatum." in text(response)
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("url_name", "inline_title"),
    [("admin:partners_party_change", "Zetels"), ("admin:partners_participation_change", "Sturing van een deelname")],
)
def test_the_register_admin_pages_carry_the_governance_inlines(superuser_client, url_name, inline_title):
    participation = ParticipationFactory()
    pk = participation.party.pk if "party" in url_name else participation.pk
    response = superuser_client.get(reverse(url_name, args=[pk]))
    assert response.status_code == 200
    assert inline_title in text(response)


def test_a_new_assessment_starts_with_a_row_for_every_common_criterion(superuser_client):
    response = superuser_client.get(reverse("admin:governance_assessment_add"))
    assert 'name="scores-TOTAL_FORMS" value="9"' in response.content.decode()


def test_an_assessment_with_a_score_of_6_is_refused_and_nothing_is_stored(superuser_client):
    participation = ParticipationFactory()
    criteria = list(Criterion.objects.filter(municipality=None)[:2])
    data = {
        "party": participation.party.pk,
        "municipality": participation.participant.pk,
        "assessed_on": "2025-03-01",
        "signal": "groen",
        "scores-TOTAL_FORMS": "2",
        "scores-INITIAL_FORMS": "0",
        "scores-MIN_NUM_FORMS": "0",
        "scores-MAX_NUM_FORMS": "1000",
        "scores-0-criterion": criteria[0].pk,
        "scores-0-score": "4",
        "scores-1-criterion": criteria[1].pk,
        "scores-1-score": "6",
    }
    response = superuser_client.post(reverse("admin:governance_assessment_add"), data)
    assert response.status_code == 200
    assert "Een score ligt tussen 1 en 5." in text(response)
    assert not Assessment.objects.exists() and not Score.objects.exists()
    data["scores-1-score"] = "5"
    assert superuser_client.post(reverse("admin:governance_assessment_add"), data).status_code == 302
    assert Score.objects.count() == 2


@pytest.mark.parametrize(
    "model",
    [
        "person",
        "seat",
        "participationgovernance",
        "cycledocument",
        "opinion",
        "partyevent",
        "equatedday",
        "criterion",
        "assessment",
        "municipalpolicy",
    ],
)
def test_every_governance_admin_list_and_add_page_opens(superuser_client, model):
    assert superuser_client.get(reverse(f"admin:governance_{model}_changelist")).status_code == 200
    assert superuser_client.get(reverse(f"admin:governance_{model}_add")).status_code == 200


def test_the_party_admin_carries_the_cycle_inlines(superuser_client):
    party = ParticipationFactory().party
    page = text(superuser_client.get(reverse("admin:partners_party_change", args=[party.pk])))
    for title in ["Zetels", "Afwijkende termijnen", "Documenten van de P&C-cyclus", "Afspraken van partijen"]:
        assert title in page


def test_the_beheerder_sets_the_thresholds_of_the_signalen_in_one_row_with_dutch_labels(superuser_client):
    from governance.models import WarningThresholds

    add = reverse("admin:governance_warningthresholds_add")
    page = text(superuser_client.get(add))
    assert "Ondergrens solvabiliteit (%)" in page and "BBV art. 11 lid 4" in page
    assert "Wgr art. 34 lid 2 en 3" in page
    form = {
        "contribution_margin": "1.5",
        "default_index": "3.0",
        "equity_share_min": "10",
        "solvency_min": "15",
        "negative_result_years": "2",
        "document_grace_days": "0",
        "opinion_answer_weeks": "8",
        "budget_changes_max": "3",
        "monitoring_drop": "2",
    }
    response = superuser_client.post(add, form)
    assert response.status_code == 302, re.findall(r"errorlist[^<]*<li>([^<]*)", response.content.decode())
    assert WarningThresholds.current().solvency_min == 15
    # One row for the register: no second one, and it cannot be deleted.
    assert superuser_client.get(add).status_code == 403
    change = reverse("admin:governance_warningthresholds_delete", args=[1])
    assert superuser_client.post(change, {"post": "yes"}).status_code == 403
    form["solvency_min"] = "120"
    response = superuser_client.post(reverse("admin:governance_warningthresholds_change", args=[1]), form)
    errors = re.findall(r"errorlist[^<]*<li>([^<]*)", response.content.decode())
    assert response.status_code == 200 and len(errors) == 1 and "100" in errors[0]
