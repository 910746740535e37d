"""The factsheet of one verbonden partij, assembled once per request for both its forms: the page
(reports/views.py PartyDetailView, what the user may see) and the printed PDF (public, optionally seen
from one gemeente: its share, representatives and exposure; confidential risks are never on it).
The templates only lay the dataclass out. Constant queries, however many deelnemers.

The page shows one tab at a time and asks only for that tab's `parts`; the printed sheet has them all."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core import summing
from governance.goals import STATUS_RULE
from governance.models import ParticipationGovernance, Seat
from governance.selectors import PartyGoals, party_goals
from partners import scoping
from partners.choices import FigureKind
from partners.costs import PartyCosts
from partners.interests import FinancialInterest, in_print_order
from partners.models import Participant, Participation, Party, PartyFinancials
from partners.selectors import (
    FACTSHEET_PARTICIPANTS,
    ZERO,
    ParticipationRow,
    participant_rows,
    participations_of_party,
    party_costs,
)
from risks import exposure
from risks import selectors as risk_selectors
from risks.models import Risk

from .pages import PartySections, party_sections


@dataclass
class MunicipalityView:
    """What the factsheet adds for one gemeente."""

    municipality: Participant
    row: ParticipationRow | None
    seats: list[Seat]
    governance: ParticipationGovernance | None
    exposed: list[exposure.ExposedRisk]
    interests: list[FinancialInterest]

    @property
    def exposure_max(self) -> Decimal:
        return sum((item.amount_max for item in self.exposed), ZERO)


# The parts of a factsheet, named as the tabs of its page (reports/tabs.py) that show them.
PARTICIPANTS = "deelnemers"
FINANCES = "financien"
GOALS = "doelen"
GOVERNANCE = "sturing"
RISKS = "risicos"
ALL_PARTS = frozenset({PARTICIPANTS, FINANCES, GOALS, GOVERNANCE, RISKS})


@dataclass
class Factsheet:
    """One party's factsheet. `rows` are the deelnemers loaded for it: all of them, or the first
    `participant_limit`; `sections` (what a user may see) is on the page, `municipality` and the public
    `risks` on the printed sheet. A part that was not asked for stays empty (None or [])."""

    party: Party
    year: int
    rows: list[ParticipationRow] = field(default_factory=list)
    financials: list[PartyFinancials] = field(default_factory=list)
    costs: PartyCosts | None = None
    goals: PartyGoals | None = None
    risks: list[Risk] = field(default_factory=list)
    municipality: MunicipalityView | None = None
    sections: PartySections | None = None
    status_rule: str = STATUS_RULE

    def _figure(self, kind: str):
        return next((f for f in self.financials if f.year == self.year and f.kind == kind), None)

    @property
    def budget(self) -> PartyFinancials | None:
        return self._figure(FigureKind.BEGROTING)

    @property
    def actual(self) -> PartyFinancials | None:
        return self._figure(FigureKind.REALISATIE)

    @property
    def total_contribution(self) -> summing.Total:
        """The bijdragen of the loaded deelnemers (all of them on the printed sheet); one that is not
        known is not counted as zero but named ("9 van 10 bijdragen niet bekend")."""
        return summing.total(row.contribution for row in self.rows if row.contribution_applies)

    @property
    def listed_rows(self) -> list[ParticipationRow]:
        """The deelnemers named on the sheet: a party with all 342 gemeenten would fill pages."""
        return self.rows[:FACTSHEET_PARTICIPANTS]

    @property
    def unlisted_count(self) -> int:
        return max(0, len(self.rows) - FACTSHEET_PARTICIPANTS)


def _load(name: str, load):
    return load()


def assemble_factsheet(
    party: Party,
    *,
    user,
    year: int,
    today: date,
    gemeente: Participant | None = None,
    participant_limit: int | None = None,
    show_past_seats: bool = False,
    remember=_load,
    parts: frozenset[str] = ALL_PARTS,
) -> Factsheet:
    """The factsheet of `party`, loaded with partners.selectors.party_detail_queryset(year=year).

    `user` is the reader of the page, whose view of doelen, representation, monitoring and risks it
    shows; `user=None` makes the printed sheet, the same for every reader: public risks only, the own
    doelen and belang only of `gemeente`. `remember(name, load)` lets the page keep the slow parts
    (the costs) between requests; by default everything is loaded now. `parts` (ALL_PARTS by default)
    names what to load: a tab of the page loads its own part and nothing else.
    """
    unknown = parts - ALL_PARTS
    if unknown:
        raise ValueError(f"Unknown factsheet parts: {sorted(unknown)}")
    sheet = Factsheet(party=party, year=year)
    if PARTICIPANTS in parts or user is None:
        # The printed sheet also needs the rows for the gemeente's own share and exposure.
        participations = participations_of_party(party=party, year=year)
        if participant_limit is not None:
            participations = participations[:participant_limit]
        sheet.rows = participant_rows(participations)
    if FINANCES in parts:
        sheet.financials = list(party.financials.all())  # prefetched with who supplied them
        sheet.costs = remember("kosten", lambda: party_costs(party=party, year=year))
    if user is not None:
        if GOALS in parts:
            sheet.goals = party_goals(party=party, municipality_ids=scoping.municipality_ids(user))
        sheet.sections = party_sections(
            party=party, year=year, user=user, today=today, show_past_seats=show_past_seats, parts=parts
        )
        return sheet
    if GOALS in parts:
        # A printed sheet is not per user: the own doelen and belang only of the gemeente asked for.
        sheet.goals = party_goals(party=party, municipality_ids=frozenset([gemeente.pk] if gemeente else []))
    if RISKS in parts:
        risks = list(
            Risk.objects.open()
            .public()
            .filter(party=party, participation__isnull=True)
            .order_by("-likelihood", "-impact")
        )
        risk_selectors.attach_levels(risks, risk_selectors.levels())
        sheet.risks = risks
    sheet.municipality = _municipality_view(party=party, year=year, rows=sheet.rows, municipality=gemeente, today=today)
    return sheet


def _municipality_view(
    *, party: Party, year: int, rows: list[ParticipationRow], municipality: Participant | None, today: date
) -> MunicipalityView | None:
    if municipality is None:
        return None
    own = next((row for row in rows if row.participation.participant_id == municipality.pk), None)
    seats = list(Seat.objects.current(on=today).filter(party=party, on_behalf_of=municipality).select_related("person"))
    governance = (
        ParticipationGovernance.objects.filter(participation__party=party, participation__participant=municipality)
        .select_related("owner_portfolio_holder", "client_portfolio_holder", "account_holder")
        .prefetch_related("motives")
        .first()
    )
    exposed, interests = [], []
    if own is not None:
        exposed = _exposed(party=party, participation=own.participation, municipality=municipality)
        interests = in_print_order(own.participation.interests.filter(year=year))
    return MunicipalityView(municipality, own, seats, governance, exposed, interests)


def _exposed(*, party: Party, participation: Participation, municipality: Participant) -> list[exposure.ExposedRisk]:
    """The gemeente's part of the party's open, public risks (risks/exposure.py's rule)."""
    probabilities = {c.value: c.probability / exposure.HUNDRED for c in exposure.LikelihoodClass.objects.all()}
    risks = (
        Risk.objects.open()
        .public()
        .filter(party=party, amount_max__isnull=False)
        .weighing_for(municipality)
        .order_by("-likelihood", "-impact", "pk")
    )
    result = []
    for risk in risks:
        share = exposure.exposure_share(risk, participation)
        if share is not None:
            result.append(exposure.ExposedRisk(risk, share, probabilities.get(risk.likelihood, exposure.ZERO)))
    return result
