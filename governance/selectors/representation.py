"""Representation: seats and roles of a party and a gemeente, people, and the risk profile per deelname."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from django.db.models import Count, Prefetch, Q

from partners import scoping
from partners.choices import FigureKind
from partners.models import Participant, Participation, ParticipationFinancials, Party
from risks import matrix
from risks import selectors as risk_selectors
from risks.exposure import exposure_share
from risks.models import Risk

from ..models import (
    ParticipationGovernance,
    Person,
    Seat,
)
from ..risk_profile import ZERO, ProfileComparison, Proposal, compare, propose_profile


@dataclass
class PartyRepresentation:
    """What the factsheet shows of a party's governance."""

    seats: list[Seat]
    show_past: bool
    past_count: int
    roles: list[ParticipationGovernance]
    today: date


def risk_profile_proposals(*, participations: list[Participation], year: int, user) -> dict[int, Proposal]:
    """The proposed risk profile per participation (by pk), from the open risks of its party that
    weigh for the participant and that `user` may see (partners/scoping.py: so no confidential risk
    counts for a beleidsmedewerker), and its figures of `year` (3 queries, however many participations).
    `user` None: every risk, for the admin, which only beheerders open."""
    if not participations:
        return {}
    levels = risk_selectors.levels()
    ids = [p.pk for p in participations]
    party_wide, own = defaultdict(list), defaultdict(list)
    risks = (
        Risk.objects.open()
        .filter(party_id__in={p.party_id for p in participations})
        .filter(scoping.party_wide_or_on(ids))
        .only("party_id", "participation_id", "likelihood", "impact", "amount_max")
    )
    if user is not None:
        risks = risks.visible_to(user)
    for risk in risks:
        if risk.participation_id is None:
            party_wide[risk.party_id].append(risk)
        else:
            own[risk.participation_id].append(risk)
    figures = {}  # the begroting of the year, else its jaarrekening
    for figure in ParticipationFinancials.objects.filter(participation_id__in=ids, year=year):
        if figure.kind == FigureKind.BEGROTING or figure.participation_id not in figures:
            figures[figure.participation_id] = figure
    proposals = {}
    for participation in participations:
        weighing = party_wide[participation.party_id] + own[participation.pk]
        exposure = ZERO
        for risk in weighing:
            share = exposure_share(risk, participation)
            if risk.amount_max is not None and share is not None:
                exposure += risk.amount_max * share
        figure = figures.get(participation.pk)
        belang = None
        if figure is not None:
            belang = figure.interest_end if figure.interest_end is not None else figure.interest_start
        proposals[participation.pk] = propose_profile(
            risk_levels=[level.code for risk in weighing if (level := matrix.level_for(risk.score, levels))],
            exposure=exposure,
            contribution=figure.contribution if figure is not None else None,
            interest=belang,
        )
    return proposals


@dataclass
class ParticipationProfile:
    participation: Participation
    profile: ProfileComparison


def municipality_risk_profiles(*, municipality: Participant, year: int, user) -> list[ParticipationProfile]:
    """The risk profile of each of the gemeente's verbonden deelnames in `year`, next to the
    proposal from the risks `user` may see; a deelname without a sturing record follows the proposal
    (4 queries)."""
    participations = list(
        Participation.objects.verbonden()
        .filter(participant=municipality)
        .active_in_year(year)
        .select_related("party", "governance")
        .order_by("party__name", "pk")
    )
    proposals = risk_profile_proposals(participations=participations, year=year, user=user)
    rows = []
    for participation in participations:
        proposal = proposals[participation.pk]
        governance = getattr(participation, "governance", None)
        if governance is None:
            profile = ProfileComparison(set_profile="", reason="", proposal=proposal, since=None)
        else:
            profile = compare(governance=governance, proposal=proposal)
        rows.append(ParticipationProfile(participation, profile))
    return rows


def party_representation(*, party: Party, today: date, show_past: bool, year: int, user) -> PartyRepresentation:
    """The seats in a party (current ones, or all with `show_past`) and the roles of the user's own
    gemeenten, each with its risk profile next to the proposal (`role.profile`, see governance/risk_profile.py)."""
    seats = Seat.objects.filter(party=party).select_related("person", "on_behalf_of")
    past_count = seats.past(on=today).count()
    if not show_past:
        seats = seats.current(on=today)
    seats = seats.order_by("body", "role", "on_behalf_of__name", "person__name", "-started_on")
    roles = (
        scoping.visible_participations(user, ParticipationGovernance.objects.all(), prefix="participation__")
        .filter(participation__party=party)
        .select_related(
            "participation__participant", "owner_portfolio_holder", "client_portfolio_holder", "account_holder"
        )
        .order_by("participation__participant__name")
    )
    roles = list(roles)
    proposals = risk_profile_proposals(participations=[role.participation for role in roles], year=year, user=user)
    for role in roles:
        role.profile = compare(governance=role, proposal=proposals[role.participation_id])
    return PartyRepresentation(list(seats), show_past, past_count, roles, today)


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


def person_list(*, today: date, user):
    """The people `user` may see, with the number of seats in visible parties they hold on `today`."""
    current = Q(seats__started_on__lte=today) & (Q(seats__ended_on__isnull=True) | Q(seats__ended_on__gte=today))
    visible = scoping.party_q(user, "seats__party_id")
    return (
        Person.objects.select_related("municipality")
        .visible_to(user)
        .annotate(current_seat_count=Count("seats", filter=current & visible))
        .order_by("name", "pk")
    )


def person_detail_queryset(*, today: date, user):
    """The people `user` may see, with their current seats in visible parties and the roles they hold
    for the deelnames of the user's own gemeenten."""

    def roles():
        return scoping.visible_participations(user, ParticipationGovernance.objects.all(), prefix="participation__")

    roles_related = ("participation__party", "participation__participant")
    return (
        Person.objects.select_related("municipality")
        .visible_to(user)
        .prefetch_related(
            Prefetch(
                "seats",
                queryset=Seat.objects.current(on=today)
                .visible_to(user)
                .select_related("party", "on_behalf_of")
                .order_by("party__name", "body", "role"),
                to_attr="current_seats",
            ),
            Prefetch("owner_roles", queryset=roles().select_related(*roles_related)),
            Prefetch("client_roles", queryset=roles().select_related(*roles_related)),
            Prefetch("account_roles", queryset=roles().select_related(*roles_related)),
        )
    )
