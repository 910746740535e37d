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
# Text sizes in px at 100%: at least 12 px on screen; in the PDF (charts at their own size, 0.75 pt a
# px) at least 9 pt. The charts keep to widths that fit the A4 text column (MAX_WIDTH), so the PDF
# never shrinks them.
TEXT_SIZE = 12
MAX_WIDTH = 640
# Average advance of a character of DejaVu Sans, in em: how wide a label is, for the layouts below.
CHAR_EM = 0.62


def text_width(content: str, size: float = TEXT_SIZE) -> float:
    """The width a label takes, estimated for DejaVu Sans (its digits are 0.64 em wide)."""
    return len(content) * size * CHAR_EM


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None
    light: bool = False  # drawn lighter: a begroting (columns) or the other deelnemers (bars)
    # The change shown beside the bar as a number ("+1,1%"): the axis starts at zero, so a small
    # change between two long bars is not seen otherwise.
    change: str = ""


def _text(x, y, content, *, anchor="middle", size=TEXT_SIZE, colour=TEXT_COLOUR, weight="normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-family="{FONT}" font-size="{size}" '
        f'font-weight="{weight}" fill="{colour}">{escape(content)}</text>'
    )


def _label(x, y, content, *, anchor="middle", colour=TEXT_COLOUR) -> str:
    """A value on a white ground, so a line or bar it crosses does not strike through it."""
    width = text_width(content) + 4
    left = {"start": x - 2, "middle": x - width / 2, "end": x - width + 2}[anchor]
    return (
        f'<rect x="{left:.1f}" y="{y - TEXT_SIZE * 0.9:.1f}" width="{width:.1f}" height="{TEXT_SIZE * 1.2:.1f}" '
        f'fill="#fff" fill-opacity="0.85"/>' + _text(x, y, content, anchor=anchor, colour=colour)
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


COLUMN_SLOT = 88  # room for a value such as "€ 12,3 mln" at 12 px
MAX_COLUMNS = (MAX_WIDTH - 40) // COLUMN_SLOT


def column_chart(
    *, bars: list[Bar], title: str, description: str, chart_id: str, fmt: Callable[[Decimal], str]
) -> SafeString:
    """Vertical columns, one per year; a light column is a begroting, a dark one a realisatie. Above
    each column its value and, when given, its change ("+1,1%"). At most MAX_COLUMNS columns (the last
    years), so the chart fits the PDF's text column at full size; the table beside it has them all."""
    bars = bars[-MAX_COLUMNS:]
    left, top, bottom = 20, 48, 34
    width, height = max(260, COLUMN_SLOT * len(bars) + 2 * left), 240
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
        parts.append(_text(x + bar_width / 2, height - 12, bar.label))
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
        parts.append(_text(x + bar_width / 2, y - 6, fmt(bar.value)))
        if bar.change:
            parts.append(_text(x + bar_width / 2, y - 22, bar.change, colour=MUTED_COLOUR))
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
    """Horizontal bars, one per row (a deelnemer); a dashed line marks `reference` (the average).
    Beside each bar its value and, when given, its change or difference ("+1,2%")."""
    label_width, row_height, width = 160, 26, 600
    longest = max((text_width(f"{fmt(bar.value)}  {bar.change}") for bar in bars if bar.value is not None), default=0)
    value_width = max(80, longest + 12)
    top = 30 if reference is not None else 8
    height = top + row_height * len(bars) + 8
    plot_width = width - label_width - value_width
    top_value = _scale_max([bar.value for bar in bars] + [reference])
    parts = _open(
        width=width, height=height, title=title, description=description, chart_id=chart_id, css_class="chart-svg"
    )
    if reference is not None:
        x = label_width + float(reference / top_value) * plot_width
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 4}" stroke="{TEXT_COLOUR}" '
            f'stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
        caption = f"{reference_label} {fmt(reference)}"
        half = text_width(caption) / 2
        parts.append(_text(min(max(x, half + 2), width - half - 2), 16, caption))
    max_chars = int((label_width - 14) / (TEXT_SIZE * CHAR_EM))
    for index, bar in enumerate(bars):
        y = top + row_height * index
        label = bar.label if len(bar.label) <= max_chars else bar.label[: max_chars - 1] + "…"
        parts.append(_text(label_width - 8, y + 17, label, anchor="end"))
        if bar.value is None:
            parts.append(_text(label_width + 4, y + 17, "niet bekend", anchor="start", colour=MUTED_COLOUR))
            continue
        length = float(max(bar.value, Decimal("0")) / top_value) * plot_width
        fill = SECONDARY if bar.light else HIGHLIGHT
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row_height - 6}" fill="{fill}"/>'
        )
        value = fmt(bar.value)
        parts.append(_label(label_width + length + 4, y + 17, value, anchor="start"))
        if bar.change:
            change_x = label_width + length + 4 + text_width(value + "  ")
            parts.append(_label(change_x, y + 17, bar.change, anchor="start", colour=MUTED_COLOUR))
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
    """Realisaties per year as a solid line with dots, streefwaarden as a dashed line, with a legend.
    Each realisatie has its value above its dot; the years stand far enough apart for those values, and
    the first and last dot keep clear of the axis labels."""
    years = sorted({p.year for p in actual} | {p.year for p in target})
    values = [p.value for p in actual] + [p.value for p in target]
    low, high, ticks = _axis(min(values), max(values)) if values else (Decimal(0), Decimal(1), [])
    widest_value = max((text_width(fmt(p.value)) for p in actual), default=0)
    left = max(40, int(max((text_width(fmt(t)) for t in ticks), default=0)) + 12)
    right, top, bottom = 8, 36, 30
    inset = max(12, widest_value / 2 + 6)  # from the axis to the first dot, and from the last dot to the edge
    spacing = max(40, widest_value + 8)  # between two years
    width = min(MAX_WIDTH, max(320, int(left + right + 2 * inset + spacing * max(0, len(years) - 1))))
    height = 200
    parts = _open(
        width=width, height=height, title=title, description=description, chart_id=chart_id, css_class="chart-svg"
    )
    parts.append(
        f'<line x1="{left}" y1="12" x2="{left + 18}" y2="12" stroke="{PRIMARY}" stroke-width="2.5"/>'
        + _text(left + 22, 16, "realisatie", anchor="start")
        + f'<line x1="{left + 112}" y1="12" x2="{left + 130}" y2="12" stroke="{TARGET_COLOUR}" stroke-width="2"'
        ' stroke-dasharray="5 3"/>' + _text(left + 134, 16, "streefwaarde", anchor="start")
    )
    if not years:
        parts.append(_text(width / 2, height / 2, "nog geen cijfers", colour=MUTED_COLOUR))
        return _close(parts)
    plot_width, plot_height = width - left - right - 2 * inset, height - top - bottom

    def x_of(year):
        if len(years) == 1:
            return left + inset + plot_width / 2
        return left + inset + plot_width * (year - years[0]) / (years[-1] - years[0])

    def y_of(value):
        return top + plot_height * float((high - value) / (high - low))

    for value in ticks:
        y = y_of(value)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y + 4, fmt(value), anchor="end", colour=MUTED_COLOUR))
    for year in years:
        parts.append(_text(x_of(year), height - 10, str(year)))
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
        parts.append(_label(x, y - 8, fmt(p.value)))
    return _close(parts)


# --- The trend of a monitoring score (1–5) over time ----------------------------------------------

TREND_WIDTH, TREND_HEIGHT = 300, 160
TREND_LEFT, TREND_RIGHT, TREND_TOP, TREND_BOTTOM = 30, 30, 22, 30
SCORES = range(1, 6)


@dataclass(frozen=True)
class ScorePoint:
    day: date
    score: int


TREND_INSET = 12  # the first and last score keep clear of the axis labels


def _trend_x(day: date, first: date, last: date) -> float:
    width = TREND_WIDTH - TREND_LEFT - TREND_RIGHT - 2 * TREND_INSET
    if first == last:
        return TREND_LEFT + TREND_INSET + width / 2
    return TREND_LEFT + TREND_INSET + width * (day - first).days / (last - first).days


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
        parts.append(_label(x, y - 8, str(point.score)))
    return _close(parts)


@dataclass(frozen=True)
class Strip:
    """One row of a spread chart: the spread of a group (minimum, P25, median, P75, maximum) and the
    value of the one compared with it (the marker). `values` None: the group has no figures."""

    label: str
    values: tuple[Decimal, Decimal, Decimal, Decimal, Decimal] | None
    marker: Decimal | None
    marker_label: str
    # The row's own formatting, when the rows of one chart are in different units.
    fmt: Callable[[Decimal], str] | None = None


STRIP_HEIGHT = 84
STRIP_WIDTH = 320  # fits a 360 px phone screen at its own size, so its text stays 12 px there too


def spread_chart(
    *, strips: list[Strip], title: str, description: str, chart_id: str, fmt: Callable[[Decimal], str]
) -> SafeString:
    """Per row, a group's spread as a line from minimum to maximum, a box for the middle half (P25–P75)
    and a stroke at the median, each row on its own scale; the compared value is a diamond with its
    value above it. Each label has a line of its own (title and median; the marker; minimum and maximum
    at the two ends), so no two labels can meet whatever the figures."""
    width, left, right, pad = STRIP_WIDTH, 2, STRIP_WIDTH - 2, 10
    height = STRIP_HEIGHT * len(strips)
    parts = _open(
        width=width, height=height, title=title, description=description, chart_id=chart_id, css_class="chart-svg"
    )
    default_fmt = fmt
    for index, strip in enumerate(strips):
        fmt = strip.fmt or default_fmt
        y = STRIP_HEIGHT * index
        median = f"mediaan {fmt(strip.values[2])}" if strip.values else "geen cijfers"
        room = right - left - text_width(median) - 12
        max_chars = max(4, int(room / (TEXT_SIZE * CHAR_EM)))
        label = strip.label if len(strip.label) <= max_chars else strip.label[: max_chars - 1] + "…"
        parts.append(_text(left, y + 14, label, anchor="start", weight="bold"))
        parts.append(_text(right, y + 14, median, anchor="end", colour=MUTED_COLOUR))
        if strip.values is None:
            if strip.marker is not None:
                parts.append(_text(left, y + 32, f"{strip.marker_label} {fmt(strip.marker)}", anchor="start"))
            parts.append(_text(left, y + 50, "niets om mee te vergelijken", anchor="start", colour=MUTED_COLOUR))
            continue
        low, p25, mid, p75, high = strip.values
        lowest = min(low, strip.marker) if strip.marker is not None else low
        highest = max(high, strip.marker) if strip.marker is not None else high
        span = highest - lowest

        def x_of(value, lowest=lowest, span=span):
            # A group of equal values (or of one) sits in the middle.
            share = float((value - lowest) / span) if span else 0.5
            return left + pad + share * (right - left - 2 * pad)

        line_y = y + 50
        parts.append(
            f'<line x1="{x_of(low):.1f}" y1="{line_y}" x2="{x_of(high):.1f}" y2="{line_y}" '
            f'stroke="{MUTED_COLOUR}" stroke-width="2"/>'
        )
        for end in (low, high):
            parts.append(
                f'<line x1="{x_of(end):.1f}" y1="{line_y - 6}" x2="{x_of(end):.1f}" y2="{line_y + 6}" '
                f'stroke="{MUTED_COLOUR}" stroke-width="2"/>'
            )
        box_left = x_of(p25)
        parts.append(
            f'<rect x="{box_left:.1f}" y="{line_y - 7}" width="{max(x_of(p75) - box_left, 2):.1f}" height="14" '
            f'fill="{SECONDARY}" stroke="{PRIMARY}" stroke-width="1"/>'
        )
        parts.append(
            f'<line x1="{x_of(mid):.1f}" y1="{line_y - 10}" x2="{x_of(mid):.1f}" y2="{line_y + 10}" '
            f'stroke="{PRIMARY}" stroke-width="3"/>'
        )
        parts.append(_text(left, y + 76, f"min. {fmt(low)}", anchor="start", colour=MUTED_COLOUR))
        parts.append(_text(right, y + 76, f"max. {fmt(high)}", anchor="end", colour=MUTED_COLOUR))
        if strip.marker is None:
            parts.append(_text(left, y + 32, f"{strip.marker_label}: niet bekend", anchor="start"))
            continue
        x = x_of(strip.marker)
        parts.append(
            f'<path d="M{x:.1f},{line_y - 9} l8,9 l-8,9 l-8,-9 z" fill="{HIGHLIGHT}" stroke="#fff" stroke-width="1"/>'
        )
        caption = f"{strip.marker_label} {fmt(strip.marker)}"
        half = text_width(caption) / 2
        parts.append(_text(min(max(x, left + half), right - half), y + 32, caption, colour=HIGHLIGHT, weight="bold"))
    return _close(parts)
