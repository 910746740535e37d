"""Server-made SVG charts of the monitoring scan: the trend of one criterion's score over time.

No JavaScript, so they print the same through WeasyPrint; the font is set on the text itself.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = "DejaVu Sans, Arial, sans-serif"
WIDTH, HEIGHT = 280, 150
LEFT, RIGHT, TOP, BOTTOM = 30, 16, 12, 30
SCORES = range(1, 6)
LINE_COLOUR = "#154273"
GRID_COLOUR = "#d0d7de"
TEXT_COLOUR = "#1a1a1a"


@dataclass(frozen=True)
class Point:
    day: date
    score: int


def _x(day: date, first: date, last: date) -> float:
    width = WIDTH - LEFT - RIGHT
    if first == last:
        return LEFT + width / 2
    return LEFT + width * (day - first).days / (last - first).days


def _y(score: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (5 - score) / 4


def _text(x, y, content, anchor="middle", size=11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-family="{FONT}" font-size="{size}" '
        f'fill="{TEXT_COLOUR}">{escape(content)}</text>'
    )


def trend_chart(*, title: str, points: list[Point], first: date, last: date, chart_id: str) -> SafeString:
    """A line chart of one criterion's scores (1–5) from `first` to `last`, with title and description."""
    described = "; ".join(f"{p.day:%d-%m-%Y}: {p.score}" for p in points) or "geen scores"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" role="img" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">Score (1 tot en met 5) per beoordeling: {escape(described)}.</desc>',
    ]
    for score in SCORES:
        y = _y(score)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(_text(LEFT - 8, y + 4, str(score), anchor="end"))
    parts.append(_text(LEFT, HEIGHT - 8, f"{first:%m-%Y}", anchor="start"))
    if last != first:
        parts.append(_text(WIDTH - RIGHT, HEIGHT - 8, f"{last:%m-%Y}", anchor="end"))
    coordinates = [(_x(p.day, first, last), _y(p.score)) for p in points]
    if len(coordinates) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2.5"/>')
    for (x, y), point in zip(coordinates, points, strict=True):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{LINE_COLOUR}"/>')
        parts.append(_text(x, y - 8, str(point.score), size=10))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text in it is escaped above
