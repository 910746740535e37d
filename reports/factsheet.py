"""The printable factsheet of one verbonden partij, optionally seen from one gemeente (its share,
representatives and exposure). Public: confidential risks are never on it. Constant queries."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core import summing
from governance.goals import STATUS_RULE
from governance.models import ParticipationGovernance, Seat
from governance.selectors import PartyGoals, party_goals
from partners.choices import FigureKind
from partners.costs import PartyCosts
from partners.interests import FinancialInterest, in_print_order
from partners.models import Participant, Participation, Party
from partners.selectors import (
    FACTSHEET_PARTICIPANTS,
    ZERO,
    ParticipationRow,
    figures_by_kind,
    participations_of_party,
    party_costs,
    party_detail_queryset,
)
from risks import exposure
from risks import selectors as risk_selectors
from risks.models import Risk


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


@dataclass
class Factsheet:
    party: Party
    year: int
    rows: list[ParticipationRow]
    budget: object
    actual: object
    risks: list[Risk]
    total_contribution: summing.Total
    municipality: MunicipalityView | None
    goals: PartyGoals
    costs: PartyCosts
    status_rule: str = STATUS_RULE

    @property
    def listed_rows(self) -> list[ParticipationRow]:
        """The deelnemers named on the sheet: a party with all 342 gemeenten would fill pages."""
        return self.rows[:FACTSHEET_PARTICIPANTS]

    @property
    def unlisted_count(self) -> int:
        return max(0, len(self.rows) - FACTSHEET_PARTICIPANTS)


def party_factsheet(*, party: Party, municipality: Participant | None, year: int, today: date) -> Factsheet:
    party = party_detail_queryset(year=year).get(pk=party.pk)
    rows = []
    for participation in participations_of_party(party=party, year=year):
        by_kind = figures_by_kind(participation.financials.all())
        rows.append(
            ParticipationRow(participation, by_kind.get(FigureKind.BEGROTING), by_kind.get(FigureKind.REALISATIE))
        )
    figures = {f.kind: f for f in party.financials.all() if f.year == year}
    risks = list(
        Risk.objects.open().public().filter(party=party, participation__isnull=True).order_by("-likelihood", "-impact")
    )
    risk_selectors.attach_levels(risks, risk_selectors.levels())
    view = None
    if municipality is not None:
        own = next((row for row in rows if row.participation.participant_id == municipality.pk), None)
        seats = list(
            Seat.objects.current(on=today).filter(party=party, on_behalf_of=municipality).select_related("person")
        )
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
        view = MunicipalityView(municipality, own, seats, governance, exposed, interests)
    return Factsheet(
        party=party,
        year=year,
        rows=rows,
        budget=figures.get(FigureKind.BEGROTING),
        actual=figures.get(FigureKind.REALISATIE),
        risks=risks,
        total_contribution=summing.total(row.contribution for row in rows if row.contribution_applies),
        municipality=view,
        # A printed sheet is not per user: the own doelen and belang only of the gemeente asked for.
        goals=party_goals(party=party, municipality_ids=frozenset([municipality.pk] if municipality else [])),
        costs=party_costs(party=party, year=year),
    )


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
