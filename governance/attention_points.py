"""Signalen: the points a gemeente needs to act on in its governance of verbonden partijen.

Plain functions with keyword arguments over a few querysets, so they are tested directly and
shown the same way on the gemeente page and the dashboard. Named "attention points" so they do
not get confused with Django signals.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import Q

from partners.choices import PartyStatus
from partners.models import Participant, Participation, Party

from .choices import REPRESENTATIVE_BODIES
from .dates import add_months
from .models import Seat

# A seat that ends within this many months needs a successor (or a renewed term).
SEAT_ENDING_MONTHS = 3
# A seat that ended longer ago than this is history; a lasting gap shows as "no representative".
SEAT_ENDED_LOOKBACK_MONTHS = 12


class AttentionKind(models.TextChoices):
    GEEN_VERTEGENWOORDIGER = "geen_vertegenwoordiger", "Geen vertegenwoordiger"
    ZETEL_AFGELOPEN = "zetel_afgelopen", "Zetel afgelopen"
    ZETEL_LOOPT_AF = "zetel_loopt_af", "Zetel loopt af"
    ROL_ONTBREEKT = "rol_ontbreekt", "Rol niet belegd"
    BEOORDELING_VERLOPEN = "beoordeling_verlopen", "Beoordeling verlopen"


# The kinds in AttentionKind are listed most urgent first.
URGENCY = {kind: index for index, kind in enumerate(AttentionKind)}


@dataclass(frozen=True)
class AttentionPoint:
    kind: AttentionKind
    party: Party
    message: str
    due: date | None = None

    @property
    def url(self) -> str:
        return self.party.get_absolute_url()


@dataclass(frozen=True)
class PartyAttention:
    """The attention points of one party, most urgent kind first."""

    party: Party
    points: tuple[AttentionPoint, ...]

    @property
    def counts(self) -> list[tuple[AttentionKind, int]]:
        """How many points of each kind, most urgent kind first."""
        counted = Counter(point.kind for point in self.points)
        return [(kind, counted[kind]) for kind in AttentionKind if counted[kind]]

    @property
    def urgency(self) -> int:
        return min(URGENCY[point.kind] for point in self.points)


@dataclass(frozen=True)
class AttentionOverview:
    """A gemeente's attention points grouped per party: the most urgent party first (its most urgent
    kind, then the most points), with the counts per kind over all parties."""

    parties: list[PartyAttention]

    @property
    def total(self) -> int:
        return sum(len(group.points) for group in self.parties)

    @property
    def counts(self) -> list[tuple[AttentionKind, int]]:
        counted = Counter(point.kind for group in self.parties for point in group.points)
        return [(kind, counted[kind]) for kind in AttentionKind if counted[kind]]


def group_by_party(points: list[AttentionPoint]) -> AttentionOverview:
    by_party: dict[int, list[AttentionPoint]] = {}
    for point in points:
        by_party.setdefault(point.party.pk, []).append(point)
    groups = [
        PartyAttention(party_points[0].party, tuple(sorted(party_points, key=lambda p: URGENCY[p.kind])))
        for party_points in by_party.values()
    ]
    return AttentionOverview(sorted(groups, key=lambda g: (g.urgency, -len(g.points), g.party.name)))


def still_running(participation: Participation, *, today: date) -> bool:
    """A deelname in a verbonden partij that still runs on `today`: the party has not ended (status)
    and the gemeente has not left before today."""
    return (
        participation.is_verbonden_partij
        and participation.party.status != PartyStatus.BEEINDIGD
        and (participation.left_on is None or participation.left_on >= today)
    )


def active_participations(*, municipality: Participant, today: date):
    """The gemeente's deelnames in verbonden partijen that still run on `today` (still_running)."""
    return (
        Participation.objects.verbonden()
        .filter(participant=municipality)
        .exclude(party__status=PartyStatus.BEEINDIGD)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=today))
        .select_related(
            "party",
            "governance__owner_portfolio_holder",
            "governance__account_holder",
        )
        .order_by("party__name")
    )


def _has_successor(seat: Seat, seats: list[Seat]) -> bool:
    """Whether a later seat in the same body and role, for the same deelnemer, takes over."""
    return any(
        other.pk != seat.pk
        and other.party_id == seat.party_id
        and other.body == seat.body
        and other.role == seat.role
        and other.started_on > seat.started_on
        and (other.ended_on is None or other.ended_on > seat.ended_on)
        for other in seats
    )


def seat_points(*, seats: list[Seat], today: date) -> list[AttentionPoint]:
    """Seats that ended recently or end within three months, without a successor."""
    horizon = add_months(today, SEAT_ENDING_MONTHS)
    lookback = add_months(today, -SEAT_ENDED_LOOKBACK_MONTHS)
    points = []
    for seat in seats:
        if seat.ended_on is None or not lookback <= seat.ended_on <= horizon or _has_successor(seat, seats):
            continue
        what = f"{seat.get_role_display().lower()} van het {seat.get_body_display().lower()}"
        end = seat.ended_on.strftime("%d-%m-%Y")
        if seat.ended_on < today:
            kind, message = (
                AttentionKind.ZETEL_AFGELOPEN,
                f"De zetel van {seat.person.name} als {what} is op {end} afgelopen en er is geen opvolger.",
            )
        else:
            kind, message = (
                AttentionKind.ZETEL_LOOPT_AF,
                f"De zetel van {seat.person.name} als {what} loopt af op {end}; regel een opvolger of verlenging.",
            )
        points.append(AttentionPoint(kind, seat.party, message, seat.ended_on))
    return points


def attention_points_for_municipality(
    *, municipality: Participant, today: date, participations=None
) -> list[AttentionPoint]:
    """All attention points of one gemeente, most urgent kind first, then by party name.
    `participations`: all of the gemeente's, with `governance` and its portfolio holders, as the
    gemeente page loads them once; the ones that still run are picked here."""
    if participations is None:
        participations = active_participations(municipality=municipality, today=today)
    participations = [p for p in participations if still_running(p, today=today)]
    party_ids = [p.party_id for p in participations]
    seats = list(
        Seat.objects.filter(on_behalf_of=municipality, party_id__in=party_ids).select_related("person", "party")
    )
    represented = {seat.party_id for seat in seats if seat.body in REPRESENTATIVE_BODIES and seat.is_current(on=today)}
    points = []
    for participation in participations:
        party = participation.party
        if party.pk not in represented:
            points.append(
                AttentionPoint(
                    AttentionKind.GEEN_VERTEGENWOORDIGER,
                    party,
                    f"{municipality} heeft hier geen huidige vertegenwoordiger in een bestuursorgaan.",
                )
            )
        governance = getattr(participation, "governance", None)
        if governance is None or governance.owner_portfolio_holder_id is None:
            points.append(
                AttentionPoint(AttentionKind.ROL_ONTBREEKT, party, "Er is geen portefeuillehouder eigenaarsrol.")
            )
        if governance is None or governance.account_holder_id is None:
            points.append(AttentionPoint(AttentionKind.ROL_ONTBREEKT, party, "Er is geen ambtelijk accounthouder."))
        next_review = governance.next_review_on if governance is not None else None
        if next_review is not None and next_review < today:
            points.append(
                AttentionPoint(
                    AttentionKind.BEOORDELING_VERLOPEN,
                    party,
                    f"De beoordeling (risicoprofiel {governance.get_risk_profile_display().lower()}) "
                    f"was uiterlijk {next_review:%d-%m-%Y} aan de beurt.",
                    next_review,
                )
            )
    points += seat_points(seats=seats, today=today)
    return sorted(points, key=lambda p: (URGENCY[p.kind], p.party.name, p.message))
