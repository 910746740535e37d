"""Monte Carlo simulation of a risk portfolio: the benodigde weerstandscapaciteit (BBV art. 11).

Plain numpy, no Django: callers pass probabilities and amounts and get totals per iteration back.
Summing the maximum amounts overstates what a gemeente needs; the amount that the simulated total
does not exceed with a chosen certainty (usually 90%) is what the resistance ratio divides by.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property

import numpy as np

# Any fixed value will do; it is fixed so that the same portfolio gives the same figures in every
# report, on every run, and a figure in last year's PDF can be reproduced.
DEFAULT_SEED = 11
DEFAULT_ITERATIONS = 10_000

# Cells (iterations x risks) per chunk when no chunk size is given: two float64 buffers of 256 KB,
# small enough to stay in the CPU cache, large enough that Python's per-chunk overhead is noise.
CELLS_PER_CHUNK = 32_768

# Certainty levels shown in reports; 90% is the usual one, 80% and 99% are seen in practice.
STANDARD_PERCENTILES = (50, 80, 90, 95, 99)
MINIMUM_CERTAINTY = Decimal("50")
MAXIMUM_CERTAINTY = Decimal("99.9")

Numbers = Sequence[float] | Sequence[Decimal] | np.ndarray


@dataclass(frozen=True)
class Histogram:
    """Bins for a bar chart: ``edges`` has one more element than ``counts``."""

    edges: list[float]
    counts: list[int]


@dataclass(frozen=True)
class SimulationResult:
    """The simulated total per iteration, with the figures a report needs.

    Amounts are floats in euros; round them (to a ``Decimal``) where they are stored or shown.
    """

    totals: np.ndarray = field(repr=False)  # one total per iteration, in iteration order
    maximum_sum: float  # the sum of the maximum amounts: the total if every risk occurs at its worst
    seed: int | None = None

    @property
    def iterations(self) -> int:
        return len(self.totals)

    @cached_property
    def sorted_totals(self) -> np.ndarray:
        return np.sort(self.totals)

    @property
    def mean(self) -> float:
        return float(self.totals.mean())

    def percentile(self, certainty) -> float:
        """The total that is not exceeded in at least ``certainty`` % of the iterations.

        ``certainty`` is the zekerheidspercentage, between 50 and 99.9 inclusive. The definition is
        the lower (``inverted_cdf``) one: the smallest simulated total t such that at least
        ``certainty`` % of the iterations have a total <= t. It is always one of the simulated totals,
        never an interpolation between two.
        """
        certainty = _as_decimal(certainty)
        if certainty is None or not (MINIMUM_CERTAINTY <= certainty <= MAXIMUM_CERTAINTY):
            raise ValueError("Het zekerheidspercentage moet tussen 50 en 99,9 liggen.")
        return lower_percentile(self.sorted_totals, certainty)

    @property
    def percentiles(self) -> dict[int, float]:
        return {p: self.percentile(p) for p in STANDARD_PERCENTILES}

    def histogram(self, bins: int = 20) -> Histogram:
        """Counts of totals in ``bins`` equal-width bins from the lowest to the highest total."""
        if bins < 1:
            raise ValueError("Het aantal staven moet minimaal 1 zijn.")
        low, high = float(self.sorted_totals[0]), float(self.sorted_totals[-1])
        if low == high:
            # Every iteration gave the same total (e.g. no risks): one bin, no invented spread.
            return Histogram(edges=[low, high], counts=[self.iterations])
        counts, edges = np.histogram(self.totals, bins=bins, range=(low, high))
        return Histogram(edges=[float(e) for e in edges], counts=[int(c) for c in counts])


def lower_percentile(sorted_totals: np.ndarray, p) -> float:
    """The smallest value t in ``sorted_totals`` with at least ``p`` % of the values <= t (0 < p <= 100).

    Same as ``numpy.percentile(..., method="inverted_cdf")``, but the rank is computed with Decimal so
    that e.g. 90% of 10,000 iterations is exactly rank 9,000 and not 9,000.000000001.
    """
    p = _as_decimal(p)
    if p is None or not (0 < p <= 100):
        raise ValueError("Het percentiel moet groter dan 0 en hoogstens 100 zijn.")
    n = len(sorted_totals)
    rank = max(1, math.ceil(p * n / 100))
    return float(sorted_totals[rank - 1])


def simulate(
    probabilities: Numbers,
    minimums: Numbers,
    maximums: Numbers,
    *,
    iterations: int = DEFAULT_ITERATIONS,
    seed: int = DEFAULT_SEED,
    chunk_size: int | None = None,
) -> SimulationResult:
    """Simulate ``iterations`` years of the portfolio and return the total per iteration.

    Risk i occurs independently with ``probabilities[i]`` (a fraction 0..1, not a percentage); when it
    occurs its amount is uniform between ``minimums[i]`` and ``maximums[i]`` (equal for one amount).

    ``chunk_size`` (iterations per chunk) only bounds memory: the figures do not depend on it. Each
    iteration takes one uniform number per risk, in order, from one generator, and a generator gives
    the same stream however it is sliced.
    """
    p, low, high = _validated(probabilities, minimums, maximums)
    iterations = _positive_int(iterations, "Het aantal iteraties moet minimaal 1 zijn.")
    n_risks = len(p)
    maximum_sum = float(high.sum())
    if n_risks == 0:
        return SimulationResult(totals=np.zeros(iterations), maximum_sum=0.0, seed=seed)
    if chunk_size is None:
        chunk_size = max(1, CELLS_PER_CHUNK // n_risks)
    chunk_size = min(_positive_int(chunk_size, "De blokgrootte moet minimaal 1 zijn."), iterations)

    # One uniform number u per risk and iteration decides both whether the risk occurs (u < p) and
    # its amount: given u < p, u / p is uniform on [0, 1), so low + (u / p) * (high - low) is uniform
    # on [low, high). That halves the random numbers needed compared to drawing the amount apart.
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(p > 0, (high - low) / p, 0.0)

    rng = np.random.default_rng(seed)
    totals = np.empty(iterations)
    draws = np.empty((chunk_size, n_risks))
    amounts = np.empty((chunk_size, n_risks))
    for start in range(0, iterations, chunk_size):
        rows = min(chunk_size, iterations - start)
        u, a = draws[:rows], amounts[:rows]
        rng.random(out=u)
        np.multiply(u, scale, out=a)
        np.add(a, low, out=a)
        np.less(u, p, out=u)  # u now holds 1.0 where the risk occurs and 0.0 where it does not
        np.multiply(a, u, out=a)
        # Summing along a contiguous row does not depend on how many rows there are, unlike a BLAS
        # matrix-vector product, so the totals are identical for every chunk size.
        a.sum(axis=1, out=totals[start : start + rows])
    # Rounding in u / p could push a total a cent-fraction past the worst case; keep it honest.
    np.minimum(totals, maximum_sum, out=totals)
    return SimulationResult(totals=totals, maximum_sum=maximum_sum, seed=seed)


def _validated(probabilities, minimums, maximums) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    try:
        arrays = [np.asarray(values, dtype=np.float64) for values in (probabilities, minimums, maximums)]
    except (TypeError, ValueError, InvalidOperation):
        raise ValueError("Kansen en bedragen moeten getallen zijn.") from None
    if any(a.ndim != 1 for a in arrays):
        raise ValueError("Kansen en bedragen moeten als lijst van getallen worden opgegeven.")
    p, low, high = arrays
    if not len(p) == len(low) == len(high):
        raise ValueError("De lijsten met kansen, minimumbedragen en maximumbedragen moeten even lang zijn.")
    if not all(np.isfinite(a).all() for a in arrays):
        raise ValueError("Kansen en bedragen moeten eindige getallen zijn.")
    _check(p < 0, p > 1, message="Een kans moet tussen 0 en 1 liggen")
    _check(low < 0, high < 0, message="Een bedrag mag niet negatief zijn")
    _check(low > high, message="Het minimumbedrag mag niet hoger zijn dan het maximumbedrag")
    return p, low, high


def _check(*failures: np.ndarray, message: str) -> None:
    wrong = np.flatnonzero(np.logical_or.reduce(failures))
    if len(wrong):
        # Numbered from 1, as a user counts the rows of a risk table.
        raise ValueError(f"{message} (risico {wrong[0] + 1}).")


def _positive_int(value, message: str) -> int:
    if isinstance(value, bool):
        raise ValueError(message)
    try:
        value = operator.index(value)
    except TypeError:
        raise ValueError(message) from None
    if value < 1:
        raise ValueError(message)
    return value


def _as_decimal(value) -> Decimal | None:
    """A number as an exact Decimal (floats via their shortest repr: 99.9 becomes 99.9), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | float | np.integer | np.floating):
        result = Decimal(str(value)) if isinstance(value, float | np.floating) else Decimal(int(value))
    else:
        return None
    return result if result.is_finite() else None
