"""The paragraaf verbonden partijen of one gemeente for one year (BBV art. 15), as data for a report.

`paragraph_report` gathers everything the begroting or jaarstukken paragraph shows in a constant
number of queries, whatever the number of parties; the templates in templates/reports/ only lay it
out. Confidential risks are left out of the public version; the report says how many only to a
reader who may see them.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property

from django.db.models import Prefetch, Q
from django.utils import timezone

from core import summing
from governance import early_warnings
from governance.agenda import AgendaItem, municipality_agenda
from governance.goals import STATUS_RULE
from governance.models import Goal, MunicipalPolicy, ParticipationGovernance, Seat
from governance.selectors import GoalOutcome, goal_outcome, goals_with_figures
from partners.choices import BbvCategory, FigureKind, PartyStatus
from partners.interests import DeclaredUnknown, FinancialInterest, in_print_order
from partners.models import NO_SOURCE, Participant, Party, PartyFinancials, party_figures_for
from partners.selectors import ParticipationRow, central_tasks, municipality_overview
from risks import exposure, matrix
from risks import selectors as risk_selectors
from risks.models import Measure, Risk, RiskLevel, public_ids
from risks.svg import heatmap_layout

from . import completeness

BEGROTING = "begroting"
JAARSTUKKEN = "jaarstukken"
VARIANTS = {BEGROTING: "Begroting", JAARSTUKKEN: "Jaarstukken"}


@dataclass
class PartySection:
    """Everything the paragraph says about one verbonden partij (BBV art. 15 lid 2)."""

    row: ParticipationRow
    category: BbvCategory
    party_budget: PartyFinancials | None
    party_actual: PartyFinancials | None
    seats: list[Seat]
    governance: ParticipationGovernance | None
    risks: list[Risk]
    figures_kind: str
    goals: list = field(default_factory=list)  # GoalOutcome: shared doelen and the gemeente's own
    received: Decimal | None = None  # as centrumgemeente: the bijdragen of the other deelnemers
    # The party figures this report prints (for a vennootschap maybe an earlier jaarrekening).
    printed_figures: PartyFinancials | None = None
    interests: list[FinancialInterest] = field(default_factory=list)
    declared_unknown: dict[str, str] = field(default_factory=dict)  # Art15Field -> reason

    @property
    def party(self) -> Party:
        return self.row.participation.party

    @property
    def participation(self):
        return self.row.participation

    @property
    def anchor(self) -> str:
        return f"partij-{self.party.slug}"

    @property
    def own(self):
        """The gemeente's figures of the report's kind: begroot for the begroting, realised for the jaarstukken."""
        return self.row.actual if self.figures_kind == FigureKind.REALISATIE else self.row.budget

    @property
    def party_figures(self) -> PartyFinancials | None:
        return self.printed_figures

    @property
    def figures_source(self) -> str:
        """ "jaarrekening 2024 (31-12-2024)", "begroting 2026" or "geen opgave"; with who supplied them
        when the party did ("begroting 2026; aangeleverd door Veiligheidsregio Groningen op 14-11-2026")."""
        figures = self.printed_figures
        if figures is None:
            return NO_SOURCE
        return f"{figures.source_label}; {figures.supplied_text}" if figures.supplied_text else figures.source_label

    @property
    def contribution_applies(self) -> bool:
        """A vennootschap gets no bijdrage: the gemeente holds shares and receives dividend. Its
        bijdrage reads "n.v.t." (and stays out of the totals) unless one was actually paid."""
        return not self.row.is_central and self.party.contribution_applies(self.contribution)

    @property
    def dividend_applies(self) -> bool:
        """A vennootschap pays dividend: its dividend is printed, "niet bekend" when missing; for
        other forms only a dividend that was recorded."""
        return self.party.has_shares or self.dividend is not None

    @property
    def interest_applies(self) -> bool:
        """The value of the belang (1-1, 31-12) exists only in a party with its own equity."""
        return self.party.has_own_balance_sheet

    @property
    def contribution(self) -> Decimal | None:
        return self.own.contribution if self.own else None

    @property
    def dividend(self) -> Decimal | None:
        return self.own.dividend if self.own else None

    def interests_of(self, *forms) -> list[FinancialInterest]:
        return [i for i in self.interests if i.form in forms]

    @property
    def shares(self) -> list[FinancialInterest]:
        return [i for i in self.interests if i.is_shares]

    @property
    def loans(self) -> list[FinancialInterest]:
        return [i for i in self.interests if i.is_loan]

    @property
    def guarantees(self) -> list[FinancialInterest]:
        return [i for i in self.interests if i.is_guarantee]

    @property
    def liabilities(self) -> list[FinancialInterest]:
        return [i for i in self.interests if i.is_liability]

    @property
    def book_value_start(self) -> summing.Total | None:
        """Boekwaarde 1-1 of the kapitaalverstrekkingen and leningen (BBV art. 36); None without any."""
        assets = self.shares + self.loans
        return summing.total(i.book_value_start for i in assets) if assets else None

    @property
    def book_value_end(self) -> summing.Total | None:
        assets = self.shares + self.loans
        return summing.total(i.book_value_end for i in assets) if assets else None

    def interest_total(self, attribute: str, items: list) -> Decimal | None:
        """One amount of a kind of interest for an export cell; empty when unknown or absent."""
        return summing.total(getattr(i, attribute) for i in items).amount if items else None

    @property
    def budgeted_contribution(self) -> Decimal | None:
        return self.row.budget.contribution if self.row.budget else None

    @property
    def contribution_difference(self) -> Decimal | None:
        """Realised minus budgeted bijdrage; None when either is not known."""
        if self.contribution is None or self.budgeted_contribution is None:
            return None
        return self.contribution - self.budgeted_contribution

    @property
    def result_difference(self) -> Decimal | None:
        actual = self.party_actual.result if self.party_actual else None
        budget = self.party_budget.result if self.party_budget else None
        return None if actual is None or budget is None else actual - budget


@dataclass
class CategorySection:
    category: BbvCategory
    parties: list[PartySection] = field(default_factory=list)

    @property
    def total_contribution(self) -> summing.Total:
        return summing.total(p.contribution for p in self.parties if p.contribution_applies)

    @property
    def total_budgeted_contribution(self) -> summing.Total:
        return summing.total(p.budgeted_contribution for p in self.parties if p.contribution_applies)

    @property
    def total_dividend(self) -> summing.Total:
        return summing.total(p.dividend for p in self.parties if p.dividend_applies)

    @property
    def total_interest_start(self) -> summing.Total:
        return summing.total(p.own.interest_start if p.own else None for p in self.parties if p.interest_applies)

    @property
    def total_interest_end(self) -> summing.Total:
        return summing.total(p.own.interest_end if p.own else None for p in self.parties if p.interest_applies)


@dataclass
class Changes:
    """Jaarstukken: the parties that were new, changed or ended in the year (BBV art. 15)."""

    new: list[PartySection]
    changed: list[PartySection]
    ended: list[PartySection]


@dataclass
class ParagraphReport:
    municipality: Participant
    year: int
    variant: str
    internal: bool
    generated_at: datetime
    policy: MunicipalPolicy | None
    categories: list[CategorySection]
    not_verbonden: list[ParticipationRow]
    levels: list[RiskLevel]
    heatmap: object
    resistance: exposure.ResistanceOverview
    confidential_left_out: int | None  # None: not told to this reader, who may not see confidential risks
    unknown_share: list[Risk]  # left out of the weerstandsvermogen for an unknown share, as this version names them
    without_amount: list[Risk]  # left out of the weerstandsvermogen for lack of an amount, as this version names them
    calendar_year: int
    calendar: list[AgendaItem]
    changes: Changes | None
    warnings: early_warnings.WarningOverview | None = None  # the internal version's annex only

    @property
    def variant_label(self) -> str:
        return VARIANTS[self.variant]

    @property
    def is_annual_accounts(self) -> bool:
        return self.variant == JAARSTUKKEN

    @property
    def parties(self) -> list[PartySection]:
        return [party for category in self.categories for party in category.parties]

    @property
    def total_contribution(self) -> summing.Total:
        return summing.total(c.total_contribution for c in self.categories)

    @property
    def total_budgeted_contribution(self) -> summing.Total:
        return summing.total(c.total_budgeted_contribution for c in self.categories)

    @property
    def total_dividend(self) -> summing.Total:
        return summing.total(c.total_dividend for c in self.categories)

    @property
    def risk_count(self) -> int:
        return sum(len(p.risks) for p in self.parties)

    @cached_property
    def gaps(self) -> list[completeness.Gap]:
        """The BBV art. 15 fields missing per party: open gaps and those declared "niet bekend"."""
        return completeness.report_gaps(self.parties)

    @property
    def open_gaps(self) -> list[completeness.Gap]:
        return [gap for gap in self.gaps if gap.is_open]

    @property
    def declared_gaps(self) -> list[completeness.Gap]:
        return [gap for gap in self.gaps if not gap.is_open]

    @property
    def is_concept(self) -> bool:
        """A report with open gaps is a concept: it says so on every page and cannot be vastgesteld."""
        return bool(self.open_gaps)

    @property
    def quantified_percentage(self):
        """The share of the open risks of the weerstandsvermogen that has an amount (percent)."""
        e = self.resistance.exposure
        quantified = len(e.counted) + len(e.unknown_share)
        return exposure.quantified_percentage(quantified, quantified + len(e.without_amount))

    @property
    def has_goals(self) -> bool:
        return any(p.goals for p in self.parties)

    @property
    def status_rule(self) -> str:
        return STATUS_RULE

    @property
    def programmes(self) -> list[tuple[object, list[GoalOutcome]]]:
        """The doelen of all parties per begrotingsprogramma (BBV art. 8 lid 3b), in programma order."""
        by_area = {}
        for outcome in (o for p in self.parties for o in p.goals):
            by_area.setdefault(outcome.goal.policy_area, []).append(outcome)
        return sorted(by_area.items(), key=lambda item: item[0].code)


def figures_kind_for(variant: str) -> str:
    """The begroting shows expected figures, the jaarstukken realised ones (BBV art. 15 lid 2)."""
    return FigureKind.REALISATIE if variant == JAARSTUKKEN else FigureKind.BEGROTING


def calendar_year_for(*, year: int, variant: str) -> int:
    """The 'coming year' of the P&C calendar: the begroting is adopted in the year before `year`,
    so its coming year is `year`; the jaarstukken are adopted in the year after."""
    return year + 1 if variant == JAARSTUKKEN else year


def paragraph_report(
    *,
    municipality: Participant,
    year: int,
    variant: str,
    internal: bool,
    today: date | None = None,
    reader_sees_confidential: bool = False,
) -> ParagraphReport:
    """All data of the paragraaf verbonden partijen, in at most 23 queries whatever the number of parties.

    The public version leaves out confidential risks (risks/models.py RiskQuerySet.public) and counts
    them only for a reader who may see them (`reader_sees_confidential`): no number derived from a
    confidential risk reaches anyone else, apart from the weerstandsvermogen, which counts them."""
    today = today or timezone.localdate()
    kind = figures_kind_for(variant)
    overview = municipality_overview(municipality=municipality, year=year)  # 2 queries
    rows = [(group.category, row) for group in overview.groups for row in group.rows]
    party_ids = [row.participation.party_id for _, row in rows]
    participation_ids = [row.participation.pk for _, row in rows]

    # All figures up to the year: a vennootschap's latest jaarrekening may be of an earlier year.
    party_figures, figures_by_party = {}, {}
    for figures in PartyFinancials.objects.filter(party_id__in=party_ids, year__lte=year).select_related("supplied_by"):
        figures_by_party.setdefault(figures.party_id, []).append(figures)
        if figures.year == year:
            party_figures[(figures.party_id, figures.kind)] = figures
    interests_by_participation = {}
    for interest in FinancialInterest.objects.filter(participation_id__in=participation_ids, year=year).order_by(
        "form", "pk"
    ):
        interests_by_participation.setdefault(interest.participation_id, []).append(interest)
    declared = {}
    for item in DeclaredUnknown.objects.filter(participation_id__in=participation_ids, year=year):
        declared.setdefault(item.participation_id, {})[item.field] = item.reason
    start, end = date(year, 1, 1), date(year, 12, 31)
    seats_by_party = {}
    seats = (
        Seat.objects.filter(party_id__in=party_ids, on_behalf_of=municipality, started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        .select_related("person")
        .order_by("body", "role", "person__name", "pk")
    )
    for seat in seats:
        seats_by_party.setdefault(seat.party_id, []).append(seat)
    governance = {
        g.participation_id: g
        for g in ParticipationGovernance.objects.filter(participation_id__in=participation_ids).select_related(
            "owner_portfolio_holder", "client_portfolio_holder", "account_holder"
        )
    }
    risks = (
        Risk.objects.open()
        .filter(party_id__in=party_ids)
        .weighing_for(municipality)
        .prefetch_related(Prefetch("measures", queryset=Measure.objects.order_by("due_on", "pk")))
        .order_by("-likelihood", "-impact", "title", "pk")
    )
    risks = list(risks)
    levels = risk_selectors.levels()
    risk_selectors.attach_levels(risks, levels)
    resistance = exposure.resistance_overview(municipality=municipality, year=year)  # 4 queries
    left_out = [*resistance.exposure.unknown_share, *resistance.exposure.without_amount]
    public = None if internal else public_ids([*risks, *left_out])  # 1 at a peildatum
    risks_by_party, confidential_left_out = {}, 0
    for risk in risks:
        if public is not None and risk.pk not in public:
            confidential_left_out += 1
            continue
        risk.measure_list = list(risk.measures.all())
        risks_by_party.setdefault(risk.party_id, []).append(risk)

    goals_by_party = {}
    goals = goals_with_figures(  # 3 queries
        Goal.objects.filter(party_id__in=party_ids).filter(Q(municipality__isnull=True) | Q(municipality=municipality))
    ).order_by("municipality_id", "order", "title", "pk")
    for goal in goals:
        goals_by_party.setdefault(goal.party_id, []).append(goal_outcome(goal))

    received = {}
    if any(row.is_central for _, row in rows):  # 2 queries, only for a centrumgemeente
        for task in central_tasks(municipality=municipality, year=year):
            received[task.party.pk] = task.received_actual if kind == FigureKind.REALISATIE else task.received_budget
    categories = {category: CategorySection(category) for category in BbvCategory}
    for category, row in rows:
        party_id = row.participation.party_id
        categories[category].parties.append(
            PartySection(
                row=row,
                category=category,
                party_budget=party_figures.get((party_id, FigureKind.BEGROTING)),
                party_actual=party_figures.get((party_id, FigureKind.REALISATIE)),
                seats=seats_by_party.get(party_id, []),
                governance=governance.get(row.participation.pk),
                risks=risks_by_party.get(party_id, []),
                figures_kind=kind,
                goals=goals_by_party.get(party_id, []),
                received=received.get(party_id),
                printed_figures=party_figures_for(
                    figures_by_party.get(party_id, []), party=row.participation.party, year=year, kind=kind
                ),
                interests=in_print_order(interests_by_participation.get(row.participation.pk, [])),
                declared_unknown=declared.get(row.participation.pk, {}),
            )
        )
    listed = [risk for party_risks in risks_by_party.values() for risk in party_risks]
    counts = {}
    for risk in listed:
        counts[(risk.likelihood, risk.impact)] = counts.get((risk.likelihood, risk.impact), 0) + 1
    calendar_year = calendar_year_for(year=year, variant=variant)
    sections = list(categories.values())
    return ParagraphReport(
        municipality=municipality,
        year=year,
        variant=variant,
        internal=internal,
        generated_at=timezone.localtime(),
        policy=MunicipalPolicy.objects.filter(municipality=municipality, year=year).first(),
        categories=sections,
        not_verbonden=overview.others,
        levels=levels,
        heatmap=heatmap_layout(matrix.heatmap(counts, levels), lambda cell: ""),
        resistance=resistance,
        confidential_left_out=confidential_left_out if internal or reader_sees_confidential else None,
        unknown_share=[r for r in resistance.exposure.unknown_share if public is None or r.pk in public],
        without_amount=[r for r in resistance.exposure.without_amount if public is None or r.pk in public],
        calendar_year=calendar_year,
        calendar=municipality_agenda(
            municipality=municipality, today=today, start=date(calendar_year, 1, 1), end=date(calendar_year, 12, 31)
        ),
        changes=year_changes(sections, year=year) if variant == JAARSTUKKEN else None,
        warnings=early_warnings.municipality_overview(municipality=municipality, today=today) if internal else None,
    )


def year_changes(categories: list[CategorySection], *, year: int) -> Changes:
    """New: joined (or founded) in the year. Ended: left, or the party ended, in the year.
    Changed: the gemeente's belang at the end differs from the start, or the party is being wound up."""
    new, changed, ended = [], [], []
    for section in (party for category in categories for party in category.parties):
        participation, party = section.participation, section.party
        if _in_year(participation.joined_on, year) or _in_year(party.founded_on, year):
            new.append(section)
        if _in_year(participation.left_on, year) or _in_year(party.ended_on, year):
            ended.append(section)
        elif party.status == PartyStatus.IN_LIQUIDATIE or (
            section.own
            and section.own.interest_start is not None
            and section.own.interest_end is not None
            and section.own.interest_start != section.own.interest_end
        ):
            changed.append(section)
    return Changes(new, changed, ended)


def _in_year(day: date | None, year: int) -> bool:
    return day is not None and day.year == year
