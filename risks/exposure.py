"""A gemeente's exposure to the risks of its verbonden partijen: which risks count, for what share.

The rule (BBV art. 11 with art. 15): a risk of the whole party weighs with the gemeente's share in
that party (Participation.share_percentage of its verbonden participation); a risk recorded on the
gemeente's own participation (a guarantee, a loan) weighs in full; a risk recorded on another
participant's participation does not weigh at all. When the share is not known the risk is left out
and reported, rather than guessed.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Q

from partners.models import Participant, Participation

from .choices import RiskStatus
from .models import DEFAULT_ITERATIONS, DEFAULT_PERCENTILE, LikelihoodClass, ResistanceCapacity, Risk
from .resistance import resistance_class, resistance_ratio
from .simulation import SimulationResult, simulate

# Fixed so that the same risks give the same benodigde capaciteit on every page load and report.
SEED = 2025

ONE = Decimal("1")
ZERO = Decimal("0")
HUNDRED = Decimal("100")


def exposure_share(risk: Risk, participation: Participation) -> Decimal | None:
    """The fraction (0–1) of `risk` that the holder of `participation` carries; None when unknown."""
    if risk.participation_id is not None:
        return ONE if risk.participation_id == participation.pk else ZERO
    if participation.share_percentage is None:
        return None
    return participation.share_percentage / HUNDRED


@dataclass(frozen=True)
class ExposedRisk:
    risk: Risk
    share: Decimal  # fraction 0–1
    probability: Decimal  # fraction 0–1

    @property
    def in_full(self) -> bool:
        return self.risk.participation_id is not None

    @property
    def share_percentage(self) -> Decimal:
        return self.share * HUNDRED

    @property
    def probability_percentage(self) -> Decimal:
        return self.probability * HUNDRED

    @property
    def amount_min(self) -> Decimal:
        return self.risk.low_amount * self.share

    @property
    def amount_max(self) -> Decimal:
        return self.risk.amount_max * self.share


@dataclass
class Exposure:
    """The risks that count for one gemeente, and those left out with the reason why."""

    municipality: Participant
    year: int
    counted: list[ExposedRisk] = field(default_factory=list)
    unknown_share: list[Risk] = field(default_factory=list)
    without_amount: list[Risk] = field(default_factory=list)

    @property
    def maximum_sum(self) -> Decimal:
        return sum((item.amount_max for item in self.counted), ZERO)

    def simulation_input(self) -> tuple[list[float], list[float], list[float]]:
        """Probabilities (fractions) and the gemeente's part of the minimum and maximum amounts."""
        return (
            [float(item.probability) for item in self.counted],
            [float(item.amount_min) for item in self.counted],
            [float(item.amount_max) for item in self.counted],
        )


@dataclass
class ListedExposure:
    """What a page names of an exposure: the risks the reader may see. Risks left out (confidential,
    for a beleidsmedewerker) still count in the simulation, as in the raad's paragraaf; the page
    gives their number and the gemeente's part of their maximum, never their titles."""

    counted: list[ExposedRisk]
    unknown_share: list[Risk]
    without_amount: list[Risk]
    hidden_count: int
    hidden_maximum: Decimal

    @property
    def maximum_sum(self) -> Decimal:
        return sum((item.amount_max for item in self.counted), self.hidden_maximum)

    @property
    def quantified_count(self) -> int:
        """Risks with an amount (counted, or left out only for an unknown share)."""
        return len(self.counted) + self.hidden_count + len(self.unknown_share)

    @property
    def risk_count(self) -> int:
        return self.quantified_count + len(self.without_amount)

    @property
    def quantified_percentage(self) -> Decimal | None:
        """The share of the risks that has an amount, in percent (whole); None without risks."""
        return quantified_percentage(self.quantified_count, self.risk_count)


def quantified_percentage(quantified: int, total: int) -> Decimal | None:
    if not total:
        return None
    return (Decimal(quantified) * HUNDRED / Decimal(total)).quantize(ONE)


def listed_for(exposure: Exposure, *, shown) -> ListedExposure:
    """The exposure as one reader sees it; `shown(risk)` says whether a risk may be named."""
    counted = [item for item in exposure.counted if shown(item.risk)]
    hidden = [item for item in exposure.counted if not shown(item.risk)]
    return ListedExposure(
        counted=counted,
        unknown_share=[risk for risk in exposure.unknown_share if shown(risk)],
        without_amount=[risk for risk in exposure.without_amount if shown(risk)],
        hidden_count=len(hidden),
        hidden_maximum=sum((item.amount_max for item in hidden), ZERO),
    )


def verbonden_participations(*, municipality: Participant, year: int):
    """The gemeente's participations that make a party a verbonden partij during `year`."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        Participation.objects.verbonden()
        .filter(participant=municipality)
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lte=end))
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=start))
    )


def municipality_exposure(*, municipality: Participant, year: int) -> Exposure:
    """All open risks of the gemeente's verbonden partijen in `year`, weighed by its share (3 queries)."""
    participations = {p.party_id: p for p in verbonden_participations(municipality=municipality, year=year)}
    probabilities = {c.value: c.probability / HUNDRED for c in LikelihoodClass.objects.all()}
    risks = (
        Risk.objects.filter(status=RiskStatus.OPEN, party_id__in=participations.keys())
        .weighing_for(municipality)
        .select_related("party", "participation")
        .order_by("party__name", "title", "pk")
    )
    result = Exposure(municipality, year)
    for risk in risks:
        if risk.amount_max is None:
            result.without_amount.append(risk)
            continue
        share = exposure_share(risk, participations[risk.party_id])
        if share is None:
            result.unknown_share.append(risk)
            continue
        result.counted.append(ExposedRisk(risk, share, probabilities.get(risk.likelihood, ZERO)))
    return result


@dataclass
class ResistanceOverview:
    """The weerstandsvermogen of one gemeente in one year: the simulated need against what is
    available. The simulation runs once, with a fixed seed, so the same data gives the same figures."""

    exposure: Exposure
    capacity: ResistanceCapacity | None
    result: SimulationResult
    percentile: Decimal
    iterations: int

    @property
    def available(self) -> Decimal | None:
        return self.capacity.available if self.capacity else None

    @cached_property
    def required(self) -> Decimal:
        return euros(self.result.percentile(self.percentile))

    @cached_property
    def ratio(self) -> Decimal | None:
        if self.available is None:
            return None
        return resistance_ratio(self.available, self.required)

    @property
    def resistance_class(self):
        return resistance_class(self.ratio)

    @property
    def maximum_sum(self) -> Decimal:
        return euros(self.result.maximum_sum)

    @cached_property
    def percentiles(self) -> list[tuple[int, Decimal]]:
        return [(p, euros(value)) for p, value in self.result.percentiles.items()]

    @cached_property
    def histogram(self):
        return self.result.histogram(bins=HISTOGRAM_BINS)


HISTOGRAM_BINS = 20


def euros(value: float) -> Decimal:
    """A simulated amount rounded to whole euros, as reports show it."""
    return Decimal(round(value))


def resistance_overview(*, municipality: Participant, year: int) -> ResistanceOverview:
    """Exposure, capacity and one simulation run for a gemeente and year (4 queries)."""
    capacity = ResistanceCapacity.objects.filter(municipality=municipality, year=year).first()
    percentile = capacity.percentile if capacity else DEFAULT_PERCENTILE
    iterations = capacity.iterations if capacity else DEFAULT_ITERATIONS
    exposure = municipality_exposure(municipality=municipality, year=year)
    probabilities, minimums, maximums = exposure.simulation_input()
    result = simulate(probabilities, minimums, maximums, iterations=iterations, seed=SEED)
    return ResistanceOverview(exposure, capacity, result, percentile, iterations)
