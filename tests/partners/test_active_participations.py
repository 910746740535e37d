"""Which participations count for a year: joined by its end, not left before its start, party not ended."""

import datetime

import pytest

from partners.models import Participation
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    return MunicipalityFactory(name="Toetsdorp")


def _names_on_page(client, town, year):
    response = client.get(f"/gemeenten/{town.code}/deelnames/?jaar={year}")
    return [row.party.name for group in response.context["overview"].groups for row in group.rows]


def test_gemeente_page_leaves_out_a_party_that_ended_before_the_year(logged_in_client, town):
    ParticipationFactory(participant=town, party=PartyFactory(name="Oude regeling", ended=True))  # ended 31-12-2024
    ParticipationFactory(participant=town, party=PartyFactory(name="Lopende regeling"))

    assert _names_on_page(logged_in_client, town, 2024) == ["Lopende regeling", "Oude regeling"]
    assert _names_on_page(logged_in_client, town, 2025) == ["Lopende regeling"]


def test_gemeente_page_follows_joining_and_leaving_dates(logged_in_client, town):
    ParticipationFactory(
        participant=town, party=PartyFactory(name="Nieuw in 2026"), joined_on=datetime.date(2026, 7, 1)
    )
    ParticipationFactory(participant=town, party=PartyFactory(name="Uit in 2025"), left_on=datetime.date(2025, 1, 1))

    assert _names_on_page(logged_in_client, town, 2024) == ["Uit in 2025"]
    assert _names_on_page(logged_in_client, town, 2025) == ["Uit in 2025"]
    assert _names_on_page(logged_in_client, town, 2026) == ["Nieuw in 2026"]


def test_active_on_a_day_counts_the_last_day_before_leaving():
    left = ParticipationFactory(left_on=datetime.date(2025, 6, 30))

    assert left in Participation.objects.active_on(datetime.date(2025, 6, 30))
    assert left not in Participation.objects.active_on(datetime.date(2025, 7, 1))


def test_gemeente_list_counts_only_current_participations(logged_in_client, town):
    ParticipationFactory(participant=town, party=PartyFactory(ended=True))
    ParticipationFactory(participant=town)
    ParticipationFactory(participant=town, governance_interest=False)

    response = logged_in_client.get("/gemeenten/", {"q": town.code})

    (row,) = response.context["object_list"]
    assert (row.party_count, row.verbonden_count) == (2, 1)
