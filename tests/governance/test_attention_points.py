"""The attention points (signalen) of a gemeente, tested on the rules directly."""

import datetime

import pytest

from governance.attention_points import AttentionKind, attention_points_for_municipality
from governance.choices import Body, SeatRole
from partners.choices import PartyStatus
from tests.partners.factories import MunicipalityFactory, ParticipationFactory

from .factories import ParticipationGovernanceFactory, SeatFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


def points(municipality, kind=None):
    found = attention_points_for_municipality(municipality=municipality, today=TODAY)
    return [p for p in found if kind is None or p.kind == kind]


def well_governed():
    """A participation with a current AB seat and all roles filled: no attention points."""
    governance = ParticipationGovernanceFactory()
    SeatFactory(participation=governance.participation)
    return governance.participation


def test_a_well_governed_participation_has_no_attention_points():
    participation = well_governed()
    assert points(participation.participant) == []


def test_a_verbonden_partij_without_a_current_representative_is_a_point():
    governance = ParticipationGovernanceFactory()
    found = points(governance.participation.participant, AttentionKind.GEEN_VERTEGENWOORDIGER)
    assert [p.party for p in found] == [governance.participation.party]
    assert "geen huidige vertegenwoordiger" in found[0].message


def test_a_seat_in_an_advisory_body_does_not_count_as_representation():
    governance = ParticipationGovernanceFactory()
    SeatFactory(participation=governance.participation, body=Body.AMBTELIJK_OVERLEG)
    assert points(governance.participation.participant, AttentionKind.GEEN_VERTEGENWOORDIGER)


def test_participations_that_are_not_verbonden_or_have_ended_are_not_checked():
    municipality = MunicipalityFactory()
    ParticipationFactory(participant=municipality, financial_interest=False)
    ParticipationFactory(participant=municipality, left_on=datetime.date(2025, 12, 31))
    ParticipationFactory(
        participant=municipality, party__status=PartyStatus.BEEINDIGD, party__ended_on=datetime.date(2025, 1, 1)
    )
    assert points(municipality) == []


def test_a_seat_that_ends_within_three_months_without_successor_is_a_point():
    participation = well_governed()
    SeatFactory(participation=participation, body=Body.DAGELIJKS_BESTUUR, ended_on=datetime.date(2026, 9, 15))
    found = points(participation.participant, AttentionKind.ZETEL_LOOPT_AF)
    assert len(found) == 1
    assert "loopt af op 15-09-2026" in found[0].message


def test_a_seat_that_ends_after_three_months_is_not_yet_a_point():
    participation = well_governed()
    SeatFactory(participation=participation, body=Body.DAGELIJKS_BESTUUR, ended_on=datetime.date(2026, 9, 16))
    assert points(participation.participant) == []


def test_an_ended_seat_without_successor_is_a_point_until_a_successor_is_registered():
    participation = well_governed()
    ended = SeatFactory(
        participation=participation, role=SeatRole.PLAATSVERVANGEND_LID, ended_on=datetime.date(2026, 3, 31)
    )
    found = points(participation.participant, AttentionKind.ZETEL_AFGELOPEN)
    assert len(found) == 1 and "is op 31-03-2026 afgelopen en er is geen opvolger" in found[0].message
    SeatFactory(participation=participation, role=SeatRole.PLAATSVERVANGEND_LID, started_on=datetime.date(2026, 4, 1))
    assert points(participation.participant) == []
    assert ended.pk


def test_a_seat_that_ended_more_than_a_year_ago_is_history():
    participation = well_governed()
    SeatFactory(participation=participation, role=SeatRole.VOORZITTER, ended_on=datetime.date(2025, 6, 14))
    assert points(participation.participant) == []


def test_a_participation_without_eigenaar_or_accounthouder_is_a_point_per_missing_role():
    participation = ParticipationFactory()
    SeatFactory(participation=participation)
    messages = [p.message for p in points(participation.participant, AttentionKind.ROL_ONTBREEKT)]
    assert messages == [
        "Er is geen ambtelijk accounthouder.",
        "Er is geen portefeuillehouder eigenaarsrol.",
    ]
    ParticipationGovernanceFactory(participation=participation, account_holder=None)
    messages = [p.message for p in points(participation.participant, AttentionKind.ROL_ONTBREEKT)]
    assert messages == ["Er is geen ambtelijk accounthouder."]


def test_points_of_another_gemeente_are_not_shown(django_assert_max_num_queries):
    participation = well_governed()
    ParticipationFactory(party=participation.party)
    with django_assert_max_num_queries(2):
        assert points(participation.participant) == []


def test_the_gemeente_page_picks_the_same_running_deelnames_as_the_query_does():
    """The gemeente page loads all deelnames once and picks the running ones with still_running;
    the agenda and the dashboard filter them in the database: both must agree."""
    from governance.attention_points import active_participations, still_running
    from partners.models import Participation
    from tests.partners.factories import PartyFactory

    municipality = MunicipalityFactory()
    cases = [
        ParticipationFactory(participant=municipality),
        ParticipationFactory(participant=municipality, left_on=TODAY),
        ParticipationFactory(participant=municipality, left_on=TODAY - datetime.timedelta(days=1)),
        ParticipationFactory(participant=municipality, financial_interest=False),
        ParticipationFactory(
            participant=municipality,
            party=PartyFactory(status=PartyStatus.BEEINDIGD, ended_on=TODAY - datetime.timedelta(days=10)),
        ),
    ]
    all_loaded = Participation.objects.filter(participant=municipality).select_related("party")

    picked = {p.pk for p in all_loaded if still_running(p, today=TODAY)}

    assert picked == {p.pk for p in active_participations(municipality=municipality, today=TODAY)}
    assert picked == {cases[0].pk, cases[1].pk}


def test_points_are_grouped_per_party_most_urgent_party_first_with_counts_per_kind():
    from governance.attention_points import AttentionKind, AttentionPoint, group_by_party
    from partners.models import Party

    roles, seatless = Party(pk=1, name="Afvalschap"), Party(pk=2, name="Zwembad")
    points = [
        AttentionPoint(AttentionKind.ROL_ONTBREEKT, roles, "Er is geen portefeuillehouder eigenaarsrol."),
        AttentionPoint(AttentionKind.ROL_ONTBREEKT, roles, "Er is geen ambtelijk accounthouder."),
        AttentionPoint(AttentionKind.ROL_ONTBREEKT, seatless, "Er is geen ambtelijk accounthouder."),
        AttentionPoint(AttentionKind.GEEN_VERTEGENWOORDIGER, seatless, "Geen vertegenwoordiger."),
    ]

    overview = group_by_party(points)

    assert [group.party.name for group in overview.parties] == ["Zwembad", "Afvalschap"]
    assert overview.parties[0].counts == [(AttentionKind.GEEN_VERTEGENWOORDIGER, 1), (AttentionKind.ROL_ONTBREEKT, 1)]
    assert [p.kind for p in overview.parties[0].points] == [
        AttentionKind.GEEN_VERTEGENWOORDIGER,
        AttentionKind.ROL_ONTBREEKT,
    ]
    assert overview.parties[1].counts == [(AttentionKind.ROL_ONTBREEKT, 2)]
    assert overview.total == 4
    assert overview.counts == [(AttentionKind.GEEN_VERTEGENWOORDIGER, 1), (AttentionKind.ROL_ONTBREEKT, 3)]
