"""Querysets of the register, built once per use with everything a page needs (constant queries)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Case, CharField, Count, DecimalField, F, OuterRef, Prefetch, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce

from core import peildatum, summing

from . import costs
from .choices import BBV_CATEGORY_BY_LEGAL_FORM, BbvCategory, FigureKind
from .interests import FinancialInterest, in_print_order
from .models import Participant, Participation, ParticipationFinancials, Party, PartyFinancials, Population

ZERO = Decimal("0")


def bbv_category_expression():
    """SQL expression for the BBV category of a party, so lists can sort and group on it."""
    return Case(
        *[When(legal_form=form, then=Value(cat.value)) for form, cat in BBV_CATEGORY_BY_LEGAL_FORM.items()],
        output_field=CharField(),
    )


def _municipality_count():
    # The gemeenten's ids as a literal list (one small query first): PostgreSQL answered a join or
    # an IN (SELECT ...) on the participants with a scan of all participants for each party, which
    # took half a second for the 3,000 parties of the national-scale benchmark.
    municipality_ids = list(Participant.objects.municipalities().values_list("pk", flat=True))
    return Coalesce(
        Subquery(
            Participation.objects.filter(party=OuterRef("pk"), participant_id__in=municipality_ids)
            .order_by()
            .values("party")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def _total_contribution(year: int):
    return Subquery(
        ParticipationFinancials.objects.filter(
            participation__party=OuterRef("pk"), year=year, kind=FigureKind.BEGROTING
        )
        .order_by()
        .values("participation__party")
        .annotate(total=Sum("contribution"))
        .values("total"),
        output_field=DecimalField(max_digits=18, decimal_places=2),
    )


def party_list(*, year: int):
    """All parties with what the register list and its exports show."""
    return (
        Party.objects.select_related("policy_area")
        .annotate(
            bbv=bbv_category_expression(),
            municipality_count=_municipality_count(),
            total_contribution=_total_contribution(year),
        )
        .order_by("name")
    )


def party_detail_queryset(*, year: int):
    """Parties with what the factsheet shows besides the deelnemers: all the party's own figures."""
    parties = Party.objects.select_related("policy_area", "central_municipality").prefetch_related(
        Prefetch(
            "financials", queryset=PartyFinancials.objects.select_related("supplied_by").order_by("-year", "kind")
        ),
    )
    return with_participant_totals(parties, year=year)


# A factsheet is read at a glance; a party with all 342 gemeenten lists them on its own page.
FACTSHEET_PARTICIPANTS = 50


def participations_of_party(*, party: Party, year: int):
    """A party's participations with their participant, their figures and financial interests of `year`."""
    return (
        Participation.objects.filter(party=party)
        .select_related("participant", "party")
        .prefetch_related(
            Prefetch("financials", queryset=ParticipationFinancials.objects.filter(year=year).order_by("kind")),
            Prefetch(
                "interests",
                queryset=FinancialInterest.objects.filter(year=year).order_by("form", "pk"),
                to_attr="year_interests",
            ),
        )
        .order_by("participant__kind", "participant__name", "pk")
    )


def participant_rows(participations) -> list["ParticipationRow"]:
    rows = []
    for participation in participations:
        by_kind = figures_by_kind(participation.financials.all())
        rows.append(
            ParticipationRow(participation, by_kind.get(FigureKind.BEGROTING), by_kind.get(FigureKind.REALISATIE))
        )
    return rows


def _participations_total(field: str, aggregate):
    return Subquery(
        Participation.objects.filter(party=OuterRef("pk"))
        .order_by()
        .values("party")
        .annotate(total=aggregate(field))
        .values("total")
    )


def with_participant_totals(queryset, *, year: int):
    """Annotate parties with totals over all their participations (also those a page does not list)."""
    return queryset.annotate(
        participants_count=Coalesce(_participations_total("pk", Count), 0),
        participants_share=_participations_total("share_percentage", Sum),
        participants_contribution=_total_contribution(year),
        participants_contribution_known=Coalesce(_known_contributions(year), 0),
    )


def _known_contributions(year: int):
    """How many deelnemers have a known begrote bijdrage: a total over fewer says so (core/summing.py)."""
    return Subquery(
        ParticipationFinancials.objects.filter(
            participation__party=OuterRef("pk"), year=year, kind=FigureKind.BEGROTING, contribution__isnull=False
        )
        .order_by()
        .values("participation__party")
        .annotate(n=Count("pk"))
        .values("n")
    )


def participants_total(party) -> summing.Total:
    """The bijdragen of all deelnemers of a party annotated by with_participant_totals, as a Total."""
    count = party.participants_count
    return summing.Total(party.participants_contribution, count, count - party.participants_contribution_known)


def figures_by_kind(figures) -> dict[str, object]:
    """Index a participation's prefetched figures of one year by kind."""
    return {figure.kind: figure for figure in figures}


@dataclass
class ParticipationRow:
    participation: Participation
    budget: ParticipationFinancials | None
    actual: ParticipationFinancials | None

    @property
    def party(self):
        return self.participation.party

    @property
    def contribution(self):
        return self.budget.contribution if self.budget else None

    @property
    def is_central(self) -> bool:
        """The centrumgemeente's own deelname: it pays no bijdrage, it receives them (Wgr art. 8 lid 4)."""
        return self.participation.is_central_municipality

    @property
    def contribution_applies(self) -> bool:
        """Whether the deelname pays a bijdrage: not the centrumgemeente (it receives them) and not a
        vennootschap's shareholder unless one was paid (partners.models.Party.contribution_applies)."""
        return not self.is_central and self.participation.party.contribution_applies(self.contribution)

    @property
    def interests(self) -> list:
        """The financial interests of the year, when the selector prefetched them (year_interests)."""
        return in_print_order(getattr(self.participation, "year_interests", []))

    @property
    def dividend(self):
        return self.budget.dividend if self.budget else None


@dataclass
class CentralTask:
    """A centrumgemeenteregeling as the centrumgemeente sees it: a task it carries out for the other
    deelnemers, with the bijdragen it receives from them in the year (Wgr art. 8 lid 4)."""

    party: Party
    payers: int
    received_budget: Decimal | None
    received_actual: Decimal | None


def central_tasks(*, municipality: Participant, year: int) -> list[CentralTask]:
    """The regelingen of which ``municipality`` is the centrumgemeente, with the bijdragen of the
    others in ``year`` (None when not one is known): two queries, whatever the number, also none."""
    parties = list(
        Party.objects.filter(central_municipality=municipality)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=date(year, 1, 1)))
        .order_by("name")
    )
    sums = (
        ParticipationFinancials.objects.filter(participation__party__central_municipality=municipality, year=year)
        .exclude(participation__participant=municipality)
        .values("participation__party_id", "kind")
        .annotate(total=Sum("contribution"), payers=Count("participation_id", filter=Q(contribution__gt=0)))
        .order_by()
    )
    found = {(row["participation__party_id"], row["kind"]): row for row in sums}

    def total(party, kind):
        row = found.get((party.pk, kind))
        return row["total"] if row else None

    return [
        CentralTask(
            party,
            max((found.get((party.pk, kind)) or {}).get("payers", 0) for kind in FigureKind.values),
            total(party, FigureKind.BEGROTING),
            total(party, FigureKind.REALISATIE),
        )
        for party in parties
    ]


@dataclass
class CategoryGroup:
    category: BbvCategory
    rows: list[ParticipationRow] = field(default_factory=list)

    @property
    def total_contribution(self) -> summing.Total:
        return summing.total(row.contribution for row in self.rows if row.contribution_applies)


@dataclass
class MunicipalityOverview:
    municipality: Participant
    year: int
    groups: list[CategoryGroup]
    others: list[ParticipationRow]

    @property
    def total_contribution(self) -> summing.Total:
        return summing.total(group.total_contribution for group in self.groups)

    @property
    def party_count(self) -> int:
        return sum(len(group.rows) for group in self.groups)


def municipality_participations(*, municipality: Participant, year: int):
    """All of one gemeente's participations with their party and figures of `year`, each flagged
    `active_in_year`: the gemeente page loads them once for all its sections (2 queries)."""
    return (
        Participation.objects.filter(participant=municipality)
        .flag_active_in_year(year)
        .select_related("party", "party__policy_area")
        .prefetch_related(
            Prefetch("financials", queryset=ParticipationFinancials.objects.filter(year=year), to_attr="year_figures"),
            Prefetch(
                "interests",
                queryset=FinancialInterest.objects.filter(year=year).order_by("form", "pk"),
                to_attr="year_interests",
            ),
        )
        .order_by("party__name", "pk")
    )


def municipality_overview(*, municipality: Participant, year: int, participations=None) -> MunicipalityOverview:
    """One gemeente's participations that ran in `year`: the verbonden partijen in the four BBV
    categories (BBV art. 15) and, apart, the participations that lack one of the two belangen.
    `participations`: those of municipality_participations, already loaded (no query here then)."""
    if participations is None:
        participations = municipality_participations(municipality=municipality, year=year)
    participations = [participation for participation in participations if participation.active_in_year]
    groups = {category: CategoryGroup(category) for category in BbvCategory}
    others = []
    for participation in participations:
        by_kind = figures_by_kind(participation.year_figures)
        row = ParticipationRow(participation, by_kind.get(FigureKind.BEGROTING), by_kind.get(FigureKind.REALISATIE))
        if participation.is_verbonden_partij:
            groups[participation.party.bbv_category].rows.append(row)
        else:
            others.append(row)
    return MunicipalityOverview(municipality, year, list(groups.values()), others)


def municipalities_with_counts(*, on: date | None = None, year: int | None = None):
    """Gemeenten with the number of parties they take part in on a given day (default today), only the
    gemeenten that existed on that day; with ``year``: the gemeenten and deelnames of that year."""
    on = on or peildatum.today()
    if year is not None:
        municipalities = Participant.objects.municipalities().filter(
            Q(started_on__isnull=True) | Q(started_on__lte=date(year, 12, 31)),
            Q(ended_on__isnull=True) | Q(ended_on__gt=date(year, 1, 1)),
        )
        current = Participation.objects.active_in_year(year).filter(participant=OuterRef("pk")).order_by()
        return (
            municipalities.select_related("province")
            .order_by("name", "code")
            .annotate(party_count=_count(current), verbonden_count=_count(current.verbonden()))
        )
    current = Participation.objects.active_on(on).filter(participant=OuterRef("pk")).order_by()
    # Meta.ordering does not apply to a query with GROUP BY, so order explicitly.
    return (
        Participant.objects.municipalities()
        .filter(Q(started_on__isnull=True) | Q(started_on__lte=on), Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        .select_related("province")
        .order_by("name", "code")
        .annotate(
            party_count=_count(current),
            verbonden_count=_count(current.verbonden()),
        )
    )


def _count(queryset):
    return Coalesce(Subquery(queryset.values("participant").annotate(n=Count("pk")).values("n")), 0)


class _Contribution(NamedTuple):
    amount: Decimal
    budgeted: bool


def _contributions(participations) -> dict[int, dict[int, _Contribution]]:
    """participation id -> year -> its bijdrage of that year (partners/costs.py chooses it) for
    `participations` (deelnames or their ids), in one query. Plain tuples, not model
    instances: a national party has thousands of figures and the cost series reads one per year."""
    rows = (
        ParticipationFinancials.objects.filter(participation__in=participations)
        .values("participation_id", "year")
        .annotate(**costs.contribution_of_year())
        .filter(amount__isnull=False)
        .order_by()
        .values_list("participation_id", "year", "amount", "realised")
    )
    found: dict[int, dict[int, _Contribution]] = {}
    for participation_id, year, amount, realised in rows:
        found.setdefault(participation_id, {})[year] = _Contribution(amount, not realised)
    return found


def populations(*, participant_ids) -> dict[tuple[int, int], int]:
    """(participant id, year) -> inwoners, for the given gemeenten (one query)."""
    # No ordering: the model's order by gemeente name would join and sort for a dict.
    rows = (
        Population.objects.filter(participant_id__in=list(participant_ids))
        .order_by()
        .values_list("participant_id", "year", "inhabitants")
    )
    return {(participant_id, year): inhabitants for participant_id, year, inhabitants in rows}


def party_costs(*, party: Party, year: int) -> costs.PartyCosts:
    """A party's bijdragen per year over all deelnemers, and the regional comparison per inwoner of
    `year` (3 queries, however many deelnemers and years)."""
    # The deelnemers themselves, not their deelnames with the deelnemer joined: a national party has
    # 342 of them, and one object per row costs half as much as two.
    participants = list(
        Participant.objects.filter(participations__party=party)
        .annotate(participation_id=F("participations__id"))
        .order_by("name", "pk")
    )
    # The ids themselves, not a subquery: PostgreSQL then reads the figures by index, not all of them.
    contributions = _contributions([participant.participation_id for participant in participants])
    inhabitants = populations(participant_ids=[p.pk for p in participants if p.is_municipality])
    yearly, rows = {}, []
    for participant in participants:
        by_year = contributions.get(participant.participation_id, {})
        for figure_year, (amount, budgeted) in by_year.items():
            yearly.setdefault(figure_year, costs.Yearly()).add(
                amount, budgeted, inhabitants.get((participant.pk, figure_year))
            )
        amount, budgeted = by_year.get(year, (None, False))
        rows.append(
            costs.ComparisonRow(
                participant=participant,
                amount=amount,
                budgeted=budgeted,
                inhabitants=inhabitants.get((participant.pk, year)),
            )
        )
    return costs.PartyCosts(
        party=party,
        series=costs.cost_series(yearly),
        comparison=costs.regional_comparison(party=party, year=year, rows=rows, chart_limit=FACTSHEET_PARTICIPANTS),
    )


def municipality_costs(*, municipality: Participant, participations=None) -> costs.MunicipalityCosts:
    """A gemeente's bijdragen to its verbonden partijen per year, in total and per party, with the
    bijdrage per inwoner (3 queries, however many parties and years; 2 with `participations`, all of the
    gemeente's as municipality_participations loads them)."""
    if participations is None:
        participations = (
            Participation.objects.filter(participant=municipality).select_related("party").order_by("party__name", "pk")
        )
    participations = [participation for participation in participations if participation.is_verbonden_partij]
    contributions = _contributions(participations)
    inhabitants = populations(participant_ids=[municipality.pk])
    per_party = []
    yearly = {}
    for participation in participations:
        cells = {}
        for figure_year, (amount, budgeted) in contributions.get(participation.pk, {}).items():
            population = inhabitants.get((municipality.pk, figure_year))
            yearly.setdefault(figure_year, costs.Yearly()).add(amount, budgeted, None)
            cells[figure_year] = costs.YearCost(figure_year, amount, budgeted, population, amount)
        per_party.append((participation.party, cells))
    for figure_year, total in yearly.items():
        # One gemeente: its inwoners once, whatever the number of parties it pays.
        total.inhabitants = inhabitants.get((municipality.pk, figure_year))
        total.basis = total.amount if total.inhabitants else None
    series = costs.cost_series(yearly)
    years = [row.year for row in series]
    return costs.MunicipalityCosts(
        municipality=municipality,
        years=years,
        series=series,
        parties=[costs.PartyYear(party, [cells.get(y) for y in years]) for party, cells in per_party if cells],
    )
