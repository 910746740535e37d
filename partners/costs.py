"""What a verbonden partij costs over time: the bijdrage per year, per inwoner, its change against
the year before and against the first year recorded, and who pays what per inwoner in a region.

The rule for the bijdrage of a year: the realisatie (jaarrekening) when the register has one, else
the begroting; a year that rests on a begroting is marked as such. The bijdrage per inwoner divides
a gemeente's bijdrage by its inwonertal on 1 January of the same year (partners.Population); without
an inwonertal for that year it is "niet bekend", never a guess. The figures are gathered by
partners/selectors.py (`party_costs`, `municipality_costs`) in a fixed number of queries.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.utils.safestring import SafeString

from core import charts
from core.formatting import euro, short_euro, signed_pct

from .choices import FigureKind
from .models import Participant, Party

CENT = Decimal("0.01")
HUNDRED = Decimal("100")


def contribution_of_year() -> dict:
    """Annotations for a deelname's figures grouped by deelname and year: `amount`, its bijdrage of
    that year (the realisatie when known, else the begroting), and `realised`, the number of
    realisaties among them (0: the amount rests on a begroting). The database chooses, so a national
    party's thousands of figures arrive as one amount per deelname per year."""
    known = Q(contribution__isnull=False)
    realisatie = Max("contribution", filter=known & Q(kind=FigureKind.REALISATIE))
    begroting = Max("contribution", filter=known & Q(kind=FigureKind.BEGROTING))
    return {
        "amount": Coalesce(realisatie, begroting),
        "realised": Count("pk", filter=known & Q(kind=FigureKind.REALISATIE)),
    }


def per_inhabitant(amount: Decimal | None, inhabitants: int | None) -> Decimal | None:
    """Euros per inwoner, in cents; None without an amount or an inwonertal (never divide by 0)."""
    if amount is None or not inhabitants:
        return None
    return (amount / inhabitants).quantize(CENT, rounding=ROUND_HALF_UP)


def change(amount: Decimal | None, before: Decimal | None) -> Decimal | None:
    return None if amount is None or before is None else amount - before


def change_percentage(amount: Decimal | None, before: Decimal | None) -> Decimal | None:
    """The change in percent of `before`, one decimal; None when `before` is 0 or unknown."""
    if amount is None or not before:
        return None
    return ((amount - before) * HUNDRED / before).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def euro_per_inhabitant(value: Decimal) -> str:
    return euro(value, 2)


@dataclass
class YearCost:
    """One year of a series: the bijdrage, the inwoners it is divided by, and the change."""

    year: int
    amount: Decimal | None
    budgeted: bool
    inhabitants: int | None
    # The part of `amount` paid by the gemeenten counted in `inhabitants` (for a party with a
    # provincie or waterschap among its deelnemers, their bijdrage is not divided by inwoners).
    basis: Decimal | None
    previous: Decimal | None = None
    first: Decimal | None = None
    first_year: int | None = None

    @property
    def per_inhabitant(self) -> Decimal | None:
        return per_inhabitant(self.basis, self.inhabitants)

    @property
    def change_previous(self) -> Decimal | None:
        return change(self.amount, self.previous)

    @property
    def change_previous_pct(self) -> Decimal | None:
        return change_percentage(self.amount, self.previous)

    @property
    def change_first(self) -> Decimal | None:
        return None if self.year == self.first_year else change(self.amount, self.first)

    @property
    def change_first_pct(self) -> Decimal | None:
        return None if self.year == self.first_year else change_percentage(self.amount, self.first)


@dataclass
class Yearly:
    """Accumulates bijdragen per year: the total, whether a begroting is in it, and the part paid by
    gemeenten with an inwonertal together with their inwoners."""

    amount: Decimal | None = None
    budgeted: bool = False
    basis: Decimal | None = None
    inhabitants: int | None = None

    def add(self, amount: Decimal | None, budgeted: bool, inhabitants: int | None) -> None:
        if amount is None:
            return
        self.amount = (self.amount or Decimal("0")) + amount
        self.budgeted = self.budgeted or budgeted
        if inhabitants:
            self.basis = (self.basis or Decimal("0")) + amount
            self.inhabitants = (self.inhabitants or 0) + inhabitants


def cost_series(yearly: dict[int, Yearly]) -> list[YearCost]:
    """The years in order, each with the change against the year before and the first year recorded."""
    known = sorted(year for year, y in yearly.items() if y.amount is not None)
    if not known:
        return []
    first_year = known[0]
    first = yearly[first_year].amount
    rows = []
    for year in known:
        y = yearly[year]
        before = yearly.get(year - 1)
        rows.append(
            YearCost(
                year=year,
                amount=y.amount,
                budgeted=y.budgeted,
                inhabitants=y.inhabitants,
                basis=y.basis,
                previous=before.amount if before else None,
                first=first,
                first_year=first_year,
            )
        )
    return rows


def series_chart(series: list[YearCost], *, title: str, chart_id: str) -> SafeString:
    bars = [
        charts.Bar(
            str(row.year),
            row.amount,
            light=row.budgeted,
            change=signed_pct(row.change_previous_pct) if row.previous is not None else "",
        )
        for row in series
    ]
    described = "; ".join(f"{row.year}: {euro(row.amount)}{' (begroting)' if row.budgeted else ''}" for row in series)
    return charts.column_chart(
        bars=bars,
        title=title,
        description=(
            f"Bijdrage per jaar: {described or 'geen cijfers'}. Lichte kolommen zijn begrotingen; boven een kolom "
            "staat de verandering ten opzichte van het jaar ervoor."
        ),
        chart_id=chart_id,
        fmt=short_euro,
    )


@dataclass
class PartyYear:
    """One party in a gemeente's cost table: its bijdrage per year (aligned with the table's years)."""

    party: Party
    cells: list[YearCost | None]

    @property
    def change_first_pct(self) -> Decimal | None:
        """The last known year against the first known year, in percent."""
        known = [cell for cell in self.cells if cell is not None and cell.amount is not None]
        if len(known) < 2:
            return None
        return change_percentage(known[-1].amount, known[0].amount)


@dataclass
class MunicipalityCosts:
    municipality: Participant
    years: list[int]
    series: list[YearCost]
    parties: list[PartyYear]

    @property
    def chart(self) -> SafeString:
        return series_chart(
            self.series,
            title=f"Bijdragen van {self.municipality.name} aan verbonden partijen per jaar",
            chart_id=f"kosten-{self.municipality.code}",
        )


@dataclass
class ComparisonRow:
    participant: Participant
    amount: Decimal | None
    budgeted: bool
    inhabitants: int | None
    average: Decimal | None = None

    @property
    def per_inhabitant(self) -> Decimal | None:
        return per_inhabitant(self.amount, self.inhabitants)

    @property
    def difference(self) -> Decimal | None:
        """Per inwoner minus the regional average per inwoner."""
        return change(self.per_inhabitant, self.average)


@dataclass
class RegionalComparison:
    """Who pays what per inwoner, for one party in one year, across its deelnemers.

    It keeps the rows a page lists (a chart or table of 342 gemeenten reads as nothing on a
    factsheet) and the figures over all deelnemers, so that it stays small in the cache."""

    party: Party
    year: int
    # The listed deelnemers: the highest per inwoner first, at most `chart_limit`.
    rows: list[ComparisonRow]
    # The listed gemeenten with a bijdrage per inwoner, at most `chart_limit`, for the chart.
    municipal_rows: list[ComparisonRow]
    count: int
    municipal_count: int
    total: Decimal | None
    average: Decimal | None
    chart_limit: int = 50

    @property
    def listed_rows(self) -> list[ComparisonRow]:
        return self.rows

    @property
    def is_chart_cut(self) -> bool:
        return self.municipal_count > self.chart_limit

    @property
    def is_table_cut(self) -> bool:
        return self.count > self.chart_limit

    @property
    def chart(self) -> SafeString:
        rows = self.municipal_rows
        described = "; ".join(f"{r.participant.name}: {euro(r.per_inhabitant, 2)}" for r in rows)
        return charts.bar_chart(
            bars=[
                charts.Bar(
                    r.participant.name,
                    r.per_inhabitant,
                    change=signed_pct(change_percentage(r.per_inhabitant, self.average)),
                )
                for r in rows
            ],
            title=f"Bijdrage per inwoner aan {self.party.name} in {self.year}, per gemeente",
            description=(
                f"{described}. Gemiddeld {euro(self.average, 2)} per inwoner; naast elke balk het verschil met het "
                "gemiddelde in procenten."
            ),
            chart_id=f"vergelijking-{self.party.pk}",
            fmt=euro_per_inhabitant,
            reference=self.average,
            reference_label="gemiddeld",
        )


def regional_comparison(
    *, party: Party, year: int, rows: list[ComparisonRow], chart_limit: int = 50
) -> RegionalComparison:
    """Order the deelnemers by bijdrage per inwoner, highest first; deelnemers without an inwonertal
    (provincie, waterschap, or a gemeente whose inwonertal is missing) follow by name. The total is
    over all deelnemers; the average is regional: the gemeenten's bijdragen together divided by their
    inwoners together (weighted, so a small gemeente does not count as much as a large one)."""
    municipal = sorted(
        (r for r in rows if r.per_inhabitant is not None), key=lambda r: (-r.per_inhabitant, r.participant.name)
    )
    without = sorted((r for r in rows if r.per_inhabitant is None), key=lambda r: r.participant.name)
    known = [r.amount for r in rows if r.amount is not None]
    average = per_inhabitant(sum((r.amount for r in municipal), Decimal("0")), sum(r.inhabitants for r in municipal))
    listed = (municipal + without)[:chart_limit]
    for row in listed:
        row.average = average
    return RegionalComparison(
        party=party,
        year=year,
        rows=listed,
        municipal_rows=municipal[:chart_limit],
        count=len(rows),
        municipal_count=len(municipal),
        total=sum(known, Decimal("0")) if known else None,
        average=average,
        chart_limit=chart_limit,
    )


@dataclass
class PartyCosts:
    party: Party
    series: list[YearCost]
    comparison: RegionalComparison

    @property
    def chart(self) -> SafeString:
        return series_chart(
            self.series, title=f"Bijdragen van alle deelnemers aan {self.party.name} per jaar", chart_id="kosten-partij"
        )
