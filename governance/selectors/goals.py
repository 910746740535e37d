"""Doelen and indicatoren: realisaties against streefwaarden, per party and per gemeente."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Q

from core import charts
from partners.models import Participant, Participation, Party, PolicyArea

from .. import goals
from ..models import (
    Criterion,
    Goal,
    Indicator,
    IndicatorValue,
    ParticipationGovernance,
)


@dataclass
class IndicatorOutcome:
    """One indicator with its years, the latest realisatie against its streefwaarde, and a chart."""

    indicator: Indicator
    values: list[IndicatorValue]
    latest: goals.Latest

    @property
    def status(self) -> goals.Status:
        return self.latest.status

    @property
    def latest_value(self) -> IndicatorValue | None:
        return next((v for v in self.values if v.year == self.latest.year), None)

    @property
    def chart(self):
        indicator = self.indicator
        actual = [charts.Point(v.year, v.actual) for v in self.values if v.actual is not None]
        target = [charts.Point(v.year, v.target) for v in self.values if v.target is not None]
        described = "; ".join(
            f"{v.year}: streefwaarde {indicator.format(v.target)}, realisatie {indicator.format(v.actual)}"
            for v in self.values
        )
        return charts.line_chart(
            actual=actual,
            target=target,
            title=f"{indicator.name}: realisatie en streefwaarde per jaar "
            f"({indicator.get_direction_display().lower()})",
            description=described or "Nog geen cijfers.",
            chart_id=f"indicator-{indicator.pk}",
            fmt=lambda value: goals.format_value(value.quantize(Decimal("0.1")), indicator.unit, short=True),
        )


@dataclass
class GoalOutcome:
    goal: Goal
    indicators: list[IndicatorOutcome]

    @property
    def status(self) -> goals.Status:
        return goals.goal_status(i.status for i in self.indicators)

    @property
    def known_count(self) -> int:
        return sum(1 for i in self.indicators if i.status != goals.Status.ONBEKEND)


def goals_with_figures(queryset):
    """Doelen with their programma, gemeente, indicatoren and all their years (3 queries)."""
    return queryset.select_related("party", "policy_area", "municipality").prefetch_related(
        Prefetch(
            "indicators",
            queryset=Indicator.objects.order_by("order", "name", "pk").prefetch_related(
                Prefetch("values", queryset=IndicatorValue.objects.order_by("year"))
            ),
        )
    )


def goal_outcome(goal: Goal) -> GoalOutcome:
    """The status of a doel and its indicatoren, from prefetched figures (no queries)."""
    outcomes = []
    for indicator in goal.indicators.all():
        values = list(indicator.values.all())
        outcomes.append(IndicatorOutcome(indicator, values, indicator.latest(values)))
    return GoalOutcome(goal, outcomes)


@dataclass
class PartyGoals:
    """The doelen of one party on its factsheet: the shared ones, each gemeente's own, and the belangen."""

    party: Party
    shared: list[GoalOutcome]
    own: list[GoalOutcome]
    interests: list[ParticipationGovernance]
    rule: str = goals.STATUS_RULE

    @property
    def all(self) -> list[GoalOutcome]:
        return self.shared + self.own


def party_goals(*, party: Party, municipality_ids: frozenset[int] | None) -> PartyGoals:
    """A party's doelen with status and charts, and each gemeente's eigen belang and motieven (5 queries).

    The shared doelen are the party's; a gemeente's own doelen and belang are its own decisions, so
    they show only for `municipality_ids` (None: every gemeente, for a beheerder; see partners/scoping.py)."""
    goals_in = Goal.objects.filter(party=party)
    interests = ParticipationGovernance.objects.filter(participation__party=party)
    if municipality_ids is not None:
        goals_in = goals_in.filter(Q(municipality__isnull=True) | Q(municipality_id__in=municipality_ids))
        interests = interests.filter(participation__participant_id__in=municipality_ids)
    outcomes = [
        goal_outcome(goal)
        for goal in goals_with_figures(goals_in).order_by("municipality__name", "order", "title", "pk")
    ]
    interests = (
        interests.select_related("participation__participant")
        .prefetch_related(Prefetch("motives", queryset=Criterion.objects.order_by("order", "name")))
        .order_by("participation__participant__name", "pk")
    )
    return PartyGoals(
        party=party,
        shared=[o for o in outcomes if o.goal.municipality_id is None],
        own=[o for o in outcomes if o.goal.municipality_id is not None],
        interests=[g for g in interests if g.own_interest or g.interest_divergence or g.motives.all()],
    )


@dataclass
class ProgrammeGoals:
    """The doelen of a gemeente's verbonden partijen that serve one begrotingsprogramma."""

    policy_area: PolicyArea
    goals: list[GoalOutcome]

    @property
    def parties(self) -> list[Party]:
        seen = {}
        for outcome in self.goals:
            seen.setdefault(outcome.goal.party_id, outcome.goal.party)
        return list(seen.values())


@dataclass
class MunicipalityGoals:
    municipality: Participant
    year: int
    programmes: list[ProgrammeGoals]
    parties_without_goals: list[Party]
    rule: str = goals.STATUS_RULE

    @property
    def goal_count(self) -> int:
        return sum(len(p.goals) for p in self.programmes)

    def count(self, status: str) -> int:
        return sum(1 for p in self.programmes for o in p.goals if o.status == status)

    @property
    def status_counts(self) -> list[tuple[goals.Status, int]]:
        return [(status, self.count(status)) for status in goals.Status]


def municipality_goals(*, municipality: Participant, year: int) -> MunicipalityGoals:
    """The doelen of the verbonden partijen a gemeente takes part in during `year` (shared doelen
    and the gemeente's own, not other gemeenten' own), grouped by begrotingsprogramma (4 queries)."""
    parties = list(
        Party.objects.filter(
            pk__in=Participation.objects.verbonden()
            .filter(participant=municipality)
            .active_in_year(year)
            .values("party_id")
        ).order_by("name", "pk")
    )
    goal_rows = goals_with_figures(
        Goal.objects.filter(party__in=parties).filter(Q(municipality__isnull=True) | Q(municipality=municipality))
    ).order_by("policy_area__code", "party__name", "municipality_id", "order", "title", "pk")
    programmes: dict[int, ProgrammeGoals] = {}
    with_goals = set()
    for goal in goal_rows:
        with_goals.add(goal.party_id)
        programme = programmes.setdefault(goal.policy_area_id, ProgrammeGoals(goal.policy_area, []))
        programme.goals.append(goal_outcome(goal))
    return MunicipalityGoals(
        municipality=municipality,
        year=year,
        programmes=list(programmes.values()),
        parties_without_goals=[party for party in parties if party.pk not in with_goals],
    )


def goal_ids_with_status(queryset, status: str) -> list[int]:
    """The ids of the doelen in `queryset` whose computed status is `status` (for the admin filter)."""
    goals_in = goals_with_figures(Goal.objects.filter(pk__in=queryset.values("pk")))
    return [goal.pk for goal in goals_in if goal_outcome(goal).status == status]
