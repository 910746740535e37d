"""Querysets and groupings of the governance pages, each built once with what its page shows."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import groupby

from django.db.models import Count, Prefetch, Q

from partners import charts, scoping
from partners.choices import FigureKind, ParticipantKind
from partners.models import Participant, Participation, ParticipationFinancials, Party, PolicyArea
from risks import matrix
from risks import selectors as risk_selectors
from risks.exposure import exposure_share
from risks.models import Risk

from . import deadlines, goals, law, svg, termijnenwet
from .models import (
    Assessment,
    Criterion,
    CycleDocument,
    CycleRules,
    Goal,
    Indicator,
    IndicatorValue,
    Opinion,
    ParticipationGovernance,
    PartyEvent,
    Person,
    Score,
    Seat,
    equated_days,
)
from .risk_profile import ZERO, ProfileComparison, Proposal, compare, propose_profile


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
        .filter(Q(participation__isnull=True) | Q(participation_id__in=ids))
        .only("party_id", "participation_id", "likelihood", "impact", "amount_max")
    )
    if user is not None:
        risks = scoping.visible_risks(user, risks)
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
        scoping.visible_people(user, Person.objects.select_related("municipality"))
        .annotate(current_seat_count=Count("seats", filter=current & visible))
        .order_by("name", "pk")
    )


def person_detail_queryset(*, today: date, user):
    """The people `user` may see, with their current seats in visible parties and the roles they hold
    for the deelnames of the user's own gemeenten."""

    def roles():
        return scoping.visible_participations(user, ParticipationGovernance.objects.all(), prefix="participation__")

    roles_related = ("participation__party", "participation__participant")
    return scoping.visible_people(user, Person.objects.select_related("municipality")).prefetch_related(
        Prefetch(
            "seats",
            queryset=scoping.visible_seats(user, Seat.objects.current(on=today))
            .select_related("party", "on_behalf_of")
            .order_by("party__name", "body", "role"),
            to_attr="current_seats",
        ),
        Prefetch("owner_roles", queryset=roles().select_related(*roles_related)),
        Prefetch("client_roles", queryset=roles().select_related(*roles_related)),
        Prefetch("account_roles", queryset=roles().select_related(*roles_related)),
    )


@dataclass
class DocumentRow:
    document: CycleDocument
    opinion_term: termijnenwet.Term | None  # as counted and as the Algemene termijnenwet extends it
    opinions: list[Opinion]

    @property
    def opinion_deadline(self) -> date | None:
        return self.opinion_term.last_day if self.opinion_term else None


@dataclass
class PartyCycle:
    """What the factsheet shows of a party's planning-and-control cycle."""

    wgr: bool  # the Wgr cycle applies (governance/law.py)
    no_cycle_reason: str
    supervisor: law.Supervisor
    rules: CycleRules | None
    budget_year: int
    deadlines: list[deadlines.Deadline]
    documents: list[DocumentRow]
    events: list[PartyEvent]


def party_cycle(*, party: Party, today: date) -> PartyCycle:
    """The party's deadlines for next year's begroting, its documents with the zienswijzen, and its events."""
    has_cycle = law.has_cycle(party.legal_form, by_regeling=party.cycle_by_regeling)
    supervisor = law.supervisor(
        province_takes_part=has_cycle
        and party.participations.filter(participant__kind=ParticipantKind.PROVINCIE).exists()
    )
    agreed = CycleRules.objects.filter(party=party).first()
    rules = agreed.to_rules() if agreed else deadlines.WGR_DEFAULTS
    # The begroting whose cycle is under way: next year's until it is due at GS (15 September).
    budget_year = today.year + 1 if today < date(today.year, 9, 15) else today.year + 2
    documents = (
        CycleDocument.objects.filter(party=party)
        .prefetch_related(Prefetch("opinions", queryset=Opinion.objects.select_related("municipality")))
        .order_by("-year", "sent_on", "kind", "pk")
    )
    documents = list(documents)
    sent = [doc.sent_on for doc in documents if doc.sent_on]
    extra_days = equated_days(min(sent), max(sent) + timedelta(weeks=deadlines.MAX_WEEKS)) if sent else frozenset()
    rows = [DocumentRow(doc, doc.opinion_term(rules, extra_days), list(doc.opinions.all())) for doc in documents]
    events = PartyEvent.objects.filter(party=party, date__gte=today - timedelta(days=365)).order_by("date")
    return PartyCycle(
        wgr=has_cycle,
        no_cycle_reason=""
        if has_cycle
        else law.no_cycle_reason(party.legal_form, form_label=party.get_legal_form_display()),
        supervisor=supervisor,
        rules=agreed,
        budget_year=budget_year,
        deadlines=deadlines.cycle_for_party(
            legal_form=party.legal_form,
            budget_year=budget_year,
            rules=rules,
            by_regeling=party.cycle_by_regeling,
            supervisor=supervisor,
            extra_days=extra_days,
        ),
        documents=rows,
        events=list(events),
    )


@dataclass
class CriterionTrend:
    criterion: Criterion
    chart: str
    scores: list[int | None]


@dataclass
class MunicipalityMonitoring:
    """One gemeente's assessments of a party: the latest, and each criterion over time."""

    municipality: Participant
    assessments: list[Assessment]
    trends: list[CriterionTrend]

    @property
    def latest(self) -> Assessment:
        return self.assessments[-1]


def party_monitoring(*, party: Party, user) -> list[MunicipalityMonitoring]:
    """The monitoring scans of a party by the user's own gemeenten, per gemeente, oldest first (two queries)."""
    assessments = (
        scoping.visible_assessments(user, Assessment.objects.filter(party=party))
        .select_related("municipality")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("municipality__name", "municipality__pk", "assessed_on")
    )
    result = []
    for municipality, group in groupby(assessments, key=lambda a: a.municipality):
        group = list(group)
        criteria = sorted(
            {score.criterion for a in group for score in a.scores.all()},
            key=lambda c: (c.group, c.order, c.name),
        )
        by_assessment = [{score.criterion_id: score.score for score in a.scores.all()} for a in group]
        trends = []
        for criterion in criteria:
            scores = [scores.get(criterion.pk) for scores in by_assessment]
            points = [svg.Point(a.assessed_on, s) for a, s in zip(group, scores, strict=True) if s is not None]
            chart = svg.trend_chart(
                title=f"{criterion.name}: score per beoordeling door {municipality.name}",
                points=points,
                first=group[0].assessed_on,
                last=group[-1].assessed_on,
                chart_id=f"trend-{municipality.pk}-{criterion.pk}",
            )
            trends.append(CriterionTrend(criterion, chart, scores))
        result.append(MunicipalityMonitoring(municipality, group, trends))
    return result


# --- Doelen en indicatoren -------------------------------------------------------------------


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
