"""Server-made SVG charts of figures over time and side by side: columns per year, horizontal bars
per deelnemer, a line of realisaties against a line of streefwaarden, and the trend of a monitoring
score (1–5) over time.

No JavaScript, so the page and the PDF (WeasyPrint) show the same chart; the font is set on every
text element. Each chart has a title and a description for screen readers, and every page that
shows one also has the figures as a table.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = "DejaVu Sans, Arial, sans-serif"
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#535353"
GRID_COLOUR = "#d0d7de"
PRIMARY = "#154273"
SECONDARY = "#8fb8de"  # a begroting, not yet realised
HIGHLIGHT = "#b35900"
TARGET_COLOUR = "#2f6d1f"


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None
    light: bool = False  # drawn lighter: a begroting (columns) or the other deelnemers (bars)
    note: str = ""


def _text(x, y, content, *, anchor="middle", size=11, colour=TEXT_COLOUR, weight="normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-family="{FONT}" font-size="{size}" '
        f'font-weight="{weight}" fill="{colour}">{escape(content)}</text>'
    )


def _open(*, width, height, title, description, chart_id, css_class) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def _close(parts: list[str]) -> SafeString:
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text in it is escaped


def _scale_max(values) -> Decimal:
    top = max((v for v in values if v is not None), default=Decimal("0"))
    return top if top > 0 else Decimal("1")


def column_chart(
    *, bars: list[Bar], title: str, description: str, chart_id: str, fmt: Callable[[Decimal], str]
) -> SafeString:
    """Vertical columns, one per year; a light column is a begroting, a dark one a realisatie."""
    width, height = max(240, 70 * len(bars) + 40), 200
    left, top, bottom = 20, 24, 34
    plot_height = height - top - bottom
    top_value = _scale_max(bar.value for bar in bars)
    slot = (width - 2 * left) / max(1, len(bars))
    parts = _open(
        width=width, height=height, title=title, description=description, chart_id=chart_id, css_class="chart-svg"
    )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_height}" x2="{width - left}" y2="{top + plot_height}" '
        f'stroke="{MUTED_COLOUR}" stroke-width="1"/>'
    )
    for index, bar in enumerate(bars):
        x = left + slot * index + slot * 0.15
        bar_width = slot * 0.7
        parts.append(_text(x + bar_width / 2, height - 14, bar.label, size=11))
        if bar.value is None:
            parts.append(_text(x + bar_width / 2, top + plot_height - 6, "—", colour=MUTED_COLOUR))
            continue
        bar_height = float(max(bar.value, Decimal("0")) / top_value) * plot_height
        y = top + plot_height - bar_height
        fill = SECONDARY if bar.light else PRIMARY
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{bar_height:.1f}" fill="{fill}"'
            f' stroke="{PRIMARY}" stroke-width="1"/>'
        )
        parts.append(_text(x + bar_width / 2, y - 6, fmt(bar.value), size=10))
    return _close(parts)


def bar_chart(
    *,
    bars: list[Bar],
    title: str,
    description: str,
    chart_id: str,
    fmt: Callable[[Decimal], str],
    reference: Decimal | None = None,
    reference_label: str = "",
) -> SafeString:
    """Horizontal bars, one per row (a deelnemer); a dashed line marks `reference` (the average)."""
    label_width, value_width, row_height = 150, 76, 24
    width = 480
    top = 28 if reference is not None else 8
    height = top + row_height * len(bars) + 8
    plot_width = width - label_width - value_width
    top_value = _scale_max([bar.value for bar in bars] + [reference])
    parts = _open(
        width=width, height=height, title=title, description=description, chart_id=chart_id, css_class="chart-svg"
    )
    for index, bar in enumerate(bars):
        y = top + row_height * index
        label = bar.label if len(bar.label) <= 20 else bar.label[:19] + "…"
        parts.append(_text(label_width - 8, y + 16, label, anchor="end", size=12))
        if bar.value is None:
            parts.append(_text(label_width + 4, y + 15, "niet bekend", anchor="start", size=10, colour=MUTED_COLOUR))
            continue
        length = float(max(bar.value, Decimal("0")) / top_value) * plot_width
        fill = SECONDARY if bar.light else HIGHLIGHT
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row_height - 6}" fill="{fill}"/>'
        )
        parts.append(_text(label_width + length + 4, y + 16, fmt(bar.value), anchor="start", size=11))
    if reference is not None:
        x = label_width + float(reference / top_value) * plot_width
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 4}" stroke="{TEXT_COLOUR}" '
            f'stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
        parts.append(_text(x, 14, f"{reference_label} {fmt(reference)}", size=10))
    return _close(parts)


def _axis(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal, list[Decimal]]:
    """A y-axis around [low, high] with round ticks (steps of 1, 2 or 5 times a power of ten),
    three to six of them; it does not go below 0 for figures that are not negative."""
    span = high - low or max(abs(high) / 10, Decimal("1"))
    raw = span / 3
    magnitude = Decimal(10) ** raw.adjusted()
    step = next(m * magnitude for m in (Decimal(1), Decimal(2), Decimal(5), Decimal(10)) if m * magnitude >= raw)
    bottom = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    top = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    if bottom == low and low > 0:
        bottom -= step
    if top == high:
        top += step
    if low >= 0:
        bottom = max(bottom, Decimal("0"))
    ticks, tick = [], bottom
    while tick <= top:
        ticks.append(tick)
        tick += step
    return bottom, top, ticks


@dataclass(frozen=True)
class Point:
    year: int
    value: Decimal


def line_chart(
    *,
    actual: list[Point],
    target: list[Point],
    title: str,
    description: str,
    chart_id: str,
    fmt: Callable[[Decimal], str],
) -> SafeString:
    """Realisaties per year as a solid line with dots, streefwaarden as a dashed line, with a legend."""
    width, height = 320, 190
    left, right, top, bottom = 58, 16, 34, 30
    years = sorted({p.year for p in actual} | {p.year for p in target})
    values = [p.value for p in actual] + [p.value for p in target]
    parts = _open(
        width=width, height=height, title=title, description=description, chart_id=chart_id, css_class="chart-svg"
    )
    parts.append(
        f'<line x1="{left}" y1="10" x2="{left + 18}" y2="10" stroke="{PRIMARY}" stroke-width="2.5"/>'
        + _text(left + 22, 14, "realisatie", anchor="start", size=10)
        + f'<line x1="{left + 110}" y1="10" x2="{left + 128}" y2="10" stroke="{TARGET_COLOUR}" stroke-width="2"'
        ' stroke-dasharray="5 3"/>' + _text(left + 132, 14, "streefwaarde", anchor="start", size=10)
    )
    if not years:
        parts.append(_text(width / 2, height / 2, "nog geen cijfers", colour=MUTED_COLOUR))
        return _close(parts)
    low, high, ticks = _axis(min(values), max(values))
    plot_width, plot_height = width - left - right, height - top - bottom

    def x_of(year):
        if len(years) == 1:
            return left + plot_width / 2
        return left + plot_width * (year - years[0]) / (years[-1] - years[0])

    def y_of(value):
        return top + plot_height * float((high - value) / (high - low))

    for value in ticks:
        y = y_of(value)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y + 4, fmt(value), anchor="end", size=9, colour=MUTED_COLOUR))
    for year in years:
        parts.append(_text(x_of(year), height - 10, str(year), size=10))
    if target:
        path = " ".join(f"{x_of(p.year):.1f},{y_of(p.value):.1f}" for p in target)
        if len(target) > 1:
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{TARGET_COLOUR}" stroke-width="2" '
                'stroke-dasharray="5 3"/>'
            )
        for p in target:
            parts.append(
                f'<rect x="{x_of(p.year) - 3:.1f}" y="{y_of(p.value) - 3:.1f}" width="6" height="6" '
                f'fill="#fff" stroke="{TARGET_COLOUR}" stroke-width="1.5"/>'
            )
    if len(actual) > 1:
        path = " ".join(f"{x_of(p.year):.1f},{y_of(p.value):.1f}" for p in actual)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{PRIMARY}" stroke-width="2.5"/>')
    for p in actual:
        x, y = x_of(p.year), y_of(p.value)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{PRIMARY}"/>')
        parts.append(_text(x, y - 8, fmt(p.value), size=9))
    return _close(parts)


# --- The trend of a monitoring score (1–5) over time ----------------------------------------------

TREND_WIDTH, TREND_HEIGHT = 280, 150
TREND_LEFT, TREND_RIGHT, TREND_TOP, TREND_BOTTOM = 30, 16, 12, 30
SCORES = range(1, 6)


@dataclass(frozen=True)
class ScorePoint:
    day: date
    score: int


def _trend_x(day: date, first: date, last: date) -> float:
    width = TREND_WIDTH - TREND_LEFT - TREND_RIGHT
    if first == last:
        return TREND_LEFT + width / 2
    return TREND_LEFT + width * (day - first).days / (last - first).days


def _trend_y(score: float) -> float:
    return TREND_TOP + (TREND_HEIGHT - TREND_TOP - TREND_BOTTOM) * (5 - score) / 4


def trend_chart(*, title: str, points: list[ScorePoint], first: date, last: date, chart_id: str) -> SafeString:
    """A line chart of one criterion's scores (1–5) from `first` to `last`, with title and description."""
    described = "; ".join(f"{p.day:%d-%m-%Y}: {p.score}" for p in points) or "geen scores"
    parts = _open(
        width=TREND_WIDTH,
        height=TREND_HEIGHT,
        title=title,
        description=f"Score (1 tot en met 5) per beoordeling: {described}.",
        chart_id=chart_id,
        css_class="trend-chart",
    )
    for score in SCORES:
        y = _trend_y(score)
        parts.append(
            f'<line x1="{TREND_LEFT}" y1="{y:.1f}" x2="{TREND_WIDTH - TREND_RIGHT}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(_text(TREND_LEFT - 8, y + 4, str(score), anchor="end"))
    parts.append(_text(TREND_LEFT, TREND_HEIGHT - 8, f"{first:%m-%Y}", anchor="start"))
    if last != first:
        parts.append(_text(TREND_WIDTH - TREND_RIGHT, TREND_HEIGHT - 8, f"{last:%m-%Y}", anchor="end"))
    coordinates = [(_trend_x(p.day, first, last), _trend_y(p.score)) for p in points]
    if len(coordinates) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{PRIMARY}" stroke-width="2.5"/>')
    for (x, y), point in zip(coordinates, points, strict=True):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{PRIMARY}"/>')
        parts.append(_text(x, y - 8, str(point.score), size=10))
    return _close(parts)
