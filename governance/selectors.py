"""Querysets and groupings of the governance pages, each built once with what its page shows."""

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from django.db.models import Prefetch

from partners.models import Participant, Party

from .models import ParticipationGovernance, Person, Seat


@dataclass
class PartyRepresentation:
    """What the factsheet shows of a party's governance."""

    seats: list[Seat]
    show_past: bool
    past_count: int
    roles: list[ParticipationGovernance]


def party_representation(*, party: Party, today: date, show_past: bool) -> PartyRepresentation:
    """The seats in a party (current ones, or all with `show_past`) and the gemeenten's roles."""
    seats = Seat.objects.filter(party=party).select_related("person", "on_behalf_of")
    past_count = seats.past(on=today).count()
    if not show_past:
        seats = seats.current(on=today)
    seats = seats.order_by("body", "role", "on_behalf_of__name", "person__name", "-started_on")
    roles = (
        ParticipationGovernance.objects.filter(participation__party=party)
        .select_related(
            "participation__participant", "owner_portfolio_holder", "client_portfolio_holder", "account_holder"
        )
        .order_by("participation__participant__name")
    )
    return PartyRepresentation(list(seats), show_past, past_count, list(roles))


@dataclass
class PersonSeats:
    person: Person
    seats: list[Seat]


def municipality_seats_by_person(*, municipality: Participant, today: date) -> list[PersonSeats]:
    """Wie zit waar: the current seats held on behalf of a gemeente, grouped by person."""
    seats = (
        Seat.objects.current(on=today)
        .filter(on_behalf_of=municipality)
        .select_related("person", "party")
        .order_by("person__name", "person__pk", "party__name", "body", "role")
    )
    return [PersonSeats(person, list(group)) for person, group in groupby(seats, key=lambda seat: seat.person)]


def person_detail_queryset(*, today: date):
    """People with their current seats and the roles they hold for deelnames."""
    return Person.objects.select_related("municipality").prefetch_related(
        Prefetch(
            "seats",
            queryset=Seat.objects.current(on=today)
            .select_related("party", "on_behalf_of")
            .order_by("party__name", "body", "role"),
            to_attr="current_seats",
        ),
        Prefetch(
            "owner_roles",
            queryset=ParticipationGovernance.objects.select_related(
                "participation__party", "participation__participant"
            ),
        ),
        Prefetch(
            "client_roles",
            queryset=ParticipationGovernance.objects.select_related(
                "participation__party", "participation__participant"
            ),
        ),
        Prefetch(
            "account_roles",
            queryset=ParticipationGovernance.objects.select_related(
                "participation__party", "participation__participant"
            ),
        ),
    )
