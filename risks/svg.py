"""Geometry of the server-made SVG charts: the risk heatmap and the distribution of the simulation.

These functions only compute positions and labels; the templates in templates/risks/includes/
write the SVG (escaped like any template). No JavaScript, so the charts also print via WeasyPrint.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from core.formatting import format_number, short_euro

from .matrix import IMPACT_CLASSES, IMPACT_LABELS, LIKELIHOOD_LABELS, Cell, Heatmap, score_range

FONT_FAMILY = "DejaVu Sans, Noto Sans, Arial, sans-serif"
HEATMAP_LEFT, HEATMAP_TOP, HEATMAP_BOTTOM = 150, 12, 64
HEATMAP_CELL_W, HEATMAP_CELL_H = 92, 58


@dataclass(frozen=True)
class PlacedCell:
    cell: Cell
    x: int
    y: int
    href: str

    @property
    def center_x(self) -> int:
        return self.x + HEATMAP_CELL_W // 2

    @property
    def center_y(self) -> int:
        return self.y + HEATMAP_CELL_H // 2

    @property
    def label(self) -> str:
        level = self.cell.level.name.lower() if self.cell.level else "geen niveau"
        count = "1 risico" if self.cell.count == 1 else f"{self.cell.count} risico's"
        return f"Kans {self.cell.likelihood} ({self.cell.likelihood_label}), impact {self.cell.impact} " + (
            f"({self.cell.impact_label}): {count}, niveau {level}"
        )


@dataclass(frozen=True)
class AxisLabel:
    x: int
    y: int
    number: int
    text: str


@dataclass(frozen=True)
class HeatmapLayout:
    width: int
    height: int
    rows: Sequence[Sequence[PlacedCell]]
    row_labels: Sequence[AxisLabel]
    column_labels: Sequence[AxisLabel]
    grid_x: int
    grid_y: int
    grid_w: int
    grid_h: int
    cell_w: int = HEATMAP_CELL_W
    cell_h: int = HEATMAP_CELL_H
    font_family: str = FONT_FAMILY

    @property
    def cells(self) -> list[PlacedCell]:
        return [cell for row in self.rows for cell in row]


def heatmap_layout(heatmap: Heatmap, href: Callable[[Cell], str]) -> HeatmapLayout:
    rows, row_labels = [], []
    for r, row in enumerate(heatmap.rows):
        y = HEATMAP_TOP + r * HEATMAP_CELL_H
        row_labels.append(
            AxisLabel(
                HEATMAP_LEFT - 10, y + HEATMAP_CELL_H // 2, row[0].likelihood, LIKELIHOOD_LABELS[row[0].likelihood]
            )
        )
        rows.append([PlacedCell(cell, HEATMAP_LEFT + c * HEATMAP_CELL_W, y, href(cell)) for c, cell in enumerate(row)])
    grid_h = len(heatmap.rows) * HEATMAP_CELL_H
    column_labels = [
        AxisLabel(
            HEATMAP_LEFT + c * HEATMAP_CELL_W + HEATMAP_CELL_W // 2, HEATMAP_TOP + grid_h + 18, i, IMPACT_LABELS[i]
        )
        for c, i in enumerate(IMPACT_CLASSES)
    ]
    grid_w = len(IMPACT_CLASSES) * HEATMAP_CELL_W
    return HeatmapLayout(
        width=HEATMAP_LEFT + grid_w + 8,
        height=HEATMAP_TOP + grid_h + HEATMAP_BOTTOM,
        rows=rows,
        row_labels=row_labels,
        column_labels=column_labels,
        grid_x=HEATMAP_LEFT,
        grid_y=HEATMAP_TOP,
        grid_w=grid_w,
        grid_h=grid_h,
    )


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    low: Decimal
    high: Decimal
    count: int


@dataclass(frozen=True)
class Tick:
    position: float
    text: str
    text_anchor: str = "middle"


@dataclass(frozen=True)
class Marker:
    x: float
    label_y: float
    text: str
    css_class: str
    text_anchor: str


@dataclass(frozen=True)
class HistogramLayout:
    width: int
    height: int
    left: int
    top: int
    plot_w: int
    plot_h: int
    bars: Sequence[Bar]
    x_ticks: Sequence[Tick]
    y_ticks: Sequence[Tick]
    markers: Sequence[Marker]
    font_family: str = FONT_FAMILY

    @property
    def bottom(self) -> int:
        return self.top + self.plot_h

    @property
    def right(self) -> int:
        return self.left + self.plot_w


HIST_W, HIST_H, HIST_LEFT, HIST_TOP, HIST_RIGHT, HIST_BOTTOM = 760, 336, 78, 56, 24, 56


def _nice_step(maximum: float, steps: int = 4) -> float:
    raw = maximum / steps
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def histogram_layout(edges: Sequence[float], counts: Sequence[int], markers: Sequence[tuple[float, str, str]]):
    """Bars of the simulated totals, with vertical markers (amount, label, css class).

    A marker far right of the totals (a large available capacity) is left out of the chart rather
    than squeezing the bars; the table beside the chart gives every amount."""
    plot_w, plot_h = HIST_W - HIST_LEFT - HIST_RIGHT, HIST_H - HIST_TOP - HIST_BOTTOM
    low, high = edges[0], edges[-1]
    reach = high + (high - low) * 0.25 if high > low else high * 1.25
    markers = [m for m in markers if low <= m[0] <= reach]
    for amount, _, _ in markers:
        high = max(high, amount)
    span = (high - low) or 1.0
    top_count = max(counts) or 1
    step = _nice_step(top_count)
    y_max = step * (int(top_count // step) + (0 if top_count % step == 0 else 1))

    def x_of(amount: float) -> float:
        return HIST_LEFT + (amount - low) / span * plot_w

    bars = []
    for i, count in enumerate(counts):
        x0, x1 = x_of(edges[i]), x_of(edges[i + 1])
        if len(counts) == 1:
            x0, x1 = HIST_LEFT + plot_w * 0.45, HIST_LEFT + plot_w * 0.55
        h = count / y_max * plot_h
        bars.append(
            Bar(
                round(x0 + 1, 1),
                round(HIST_TOP + plot_h - h, 1),
                round(max(x1 - x0 - 2, 1), 1),
                round(h, 1),
                Decimal(round(edges[i])),
                Decimal(round(edges[i + 1])),
                count,
            )
        )
    anchors = ["start", "middle", "middle", "middle", "end"]
    x_ticks = [
        Tick(round(x_of(low + span * k / 4), 1), short_euro(round(low + span * k / 4)), anchors[k]) for k in range(5)
    ]
    y_ticks = []
    value = 0.0
    while value <= y_max:
        y_ticks.append(Tick(round(HIST_TOP + plot_h - value / y_max * plot_h, 1), format_number(value)))
        value += step
    placed = []
    for row, (amount, text, css_class) in enumerate(markers):
        x = round(x_of(amount), 1)
        anchor = "end" if x > HIST_LEFT + plot_w * 0.6 else "start"
        # Each marker's label on its own line above the plot, so close amounts never overlap.
        placed.append(Marker(x, HIST_TOP - 30 + 14 * row, f"{text} {short_euro(round(amount))}", css_class, anchor))
    return HistogramLayout(HIST_W, HIST_H, HIST_LEFT, HIST_TOP, plot_w, plot_h, bars, x_ticks, y_ticks, placed)


def heatmap_section(heatmap: Heatmap, filter_query: dict, title: str, subject: str) -> dict:
    """The risk-matrix section of a factsheet or gemeente page: the drawn matrix with a link per cell to
    the risk list filtered on it, and the legend of levels (templates/risks/includes/heatmap.html)."""
    base = reverse("risks:risk_list")

    def href(cell):
        return f"{base}?{urlencode({**filter_query, 'status': 'open', 'kans': cell.likelihood, 'impact': cell.impact})}"

    return {
        "heatmap": heatmap,
        "layout": heatmap_layout(heatmap, href),
        "list_url": f"{base}?{urlencode({**filter_query, 'status': 'open'})}",
        "title": title,
        "subject": subject,
        "slug": "risicomatrix",
        "legend": [
            {"level": level, "low": low, "high": high}
            for level in heatmap.levels
            for low, high in [score_range(level, heatmap.levels)]
        ],
    }
