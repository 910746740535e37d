"""Querysets and groupings of the governance pages, each built once with what its page shows."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from django.db.models import Count, Prefetch, Q

from partners.choices import FigureKind
from partners.models import Participant, Participation, ParticipationFinancials, Party
from risks import matrix
from risks import selectors as risk_selectors
from risks.exposure import exposure_share
from risks.models import Risk

from . import deadlines, svg
from .models import (
    Assessment,
    Criterion,
    CycleDocument,
    CycleRules,
    Opinion,
    ParticipationGovernance,
    PartyEvent,
    Person,
    Score,
    Seat,
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


def risk_profile_proposals(*, participations: list[Participation], year: int) -> dict[int, Proposal]:
    """The proposed risk profile per participation (by pk), from the open risks of its party that
    weigh for the participant and its figures of `year` (3 queries, however many participations)."""
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


def municipality_risk_profiles(*, municipality: Participant, year: int) -> list[ParticipationProfile]:
    """The risk profile of each of the gemeente's verbonden deelnames in `year`, next to the
    proposal; a deelname without a sturing record follows the proposal (4 queries)."""
    participations = list(
        Participation.objects.verbonden()
        .filter(participant=municipality)
        .active_in_year(year)
        .select_related("party", "governance")
        .order_by("party__name", "pk")
    )
    proposals = risk_profile_proposals(participations=participations, year=year)
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


def party_representation(*, party: Party, today: date, show_past: bool, year: int) -> PartyRepresentation:
    """The seats in a party (current ones, or all with `show_past`) and the gemeenten's roles, each
    with its risk profile next to the proposal (`role.profile`, see governance/risk_profile.py)."""
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
    roles = list(roles)
    proposals = risk_profile_proposals(participations=[role.participation for role in roles], year=year)
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


def person_list(*, today: date):
    """People with the number of seats they hold on `today`."""
    current = Q(seats__started_on__lte=today) & (Q(seats__ended_on__isnull=True) | Q(seats__ended_on__gte=today))
    return (
        Person.objects.select_related("municipality")
        .annotate(current_seat_count=Count("seats", filter=current))
        .order_by("name", "pk")
    )


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


@dataclass
class DocumentRow:
    document: CycleDocument
    opinion_deadline: date | None
    opinions: list[Opinion]


@dataclass
class PartyCycle:
    """What the factsheet shows of a party's planning-and-control cycle."""

    wgr: bool
    rules: CycleRules | None
    budget_year: int
    deadlines: list[deadlines.Deadline]
    documents: list[DocumentRow]
    events: list[PartyEvent]


def party_cycle(*, party: Party, today: date) -> PartyCycle:
    """The party's deadlines for next year's begroting, its documents with the zienswijzen, and its events."""
    agreed = CycleRules.objects.filter(party=party).first()
    rules = agreed.to_rules() if agreed else deadlines.WGR_DEFAULTS
    # The begroting whose cycle is under way: next year's until it is due at GS (15 September).
    budget_year = today.year + 1 if today < date(today.year, 9, 15) else today.year + 2
    documents = (
        CycleDocument.objects.filter(party=party)
        .prefetch_related(Prefetch("opinions", queryset=Opinion.objects.select_related("municipality")))
        .order_by("-year", "sent_on", "kind", "pk")
    )
    rows = [DocumentRow(doc, doc.opinion_deadline(rules), list(doc.opinions.all())) for doc in documents]
    events = PartyEvent.objects.filter(party=party, date__gte=today - timedelta(days=365)).order_by("date")
    return PartyCycle(
        wgr=deadlines.wgr_applies(party.legal_form),
        rules=agreed,
        budget_year=budget_year,
        deadlines=deadlines.cycle_for_party(legal_form=party.legal_form, budget_year=budget_year, rules=rules),
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


def party_monitoring(*, party: Party) -> list[MunicipalityMonitoring]:
    """The monitoring scans of a party, per gemeente, oldest first (two queries)."""
    assessments = (
        Assessment.objects.filter(party=party)
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
