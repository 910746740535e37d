"""The charts' labels are legible: every text at least 12 px (9 pt in the PDF, where the charts keep their
size), inside the chart, and no two labels overlap. The boxes are computed from each label's position,
anchor and an estimate of its width in DejaVu Sans; tests/browser/test_charts.py measures the same in
Chromium."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from core import charts
from core.formatting import euro, format_number, short_euro, signed_pct

SVG = "{http://www.w3.org/2000/svg}"
# DejaVu Sans: capitals and digits reach 0.73 em above the baseline, descenders 0.24 em below.
ASCENT, DESCENT = 0.76, 0.24


@dataclass(frozen=True)
class Box:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        across = self.left < other.right and other.left < self.right
        return across and self.top < other.bottom and other.top < self.bottom


def label_boxes(svg: str) -> tuple[list[Box], tuple[float, float], list[float]]:
    """The box of every text in an SVG chart, the chart's size, and the font sizes."""
    root = ET.fromstring(str(svg))
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    boxes, sizes = [], []
    for text in root.iter(f"{SVG}text"):
        size = float(text.get("font-size"))
        sizes.append(size)
        x, y = float(text.get("x")), float(text.get("y"))
        content = "".join(text.itertext())
        text_width = charts.text_width(content, size)
        anchor = text.get("text-anchor", "start")
        left = {"start": x, "middle": x - text_width / 2, "end": x - text_width}[anchor]
        boxes.append(Box(content, left, y - ASCENT * size, left + text_width, y + DESCENT * size))
    return boxes, (width, height), sizes


def legibility_problems(svg) -> list[str]:
    boxes, (width, height), sizes = label_boxes(svg)
    problems = [f"tekst van {size} px" for size in sizes if size < 12]
    problems += [
        f"“{box.text}” valt buiten de grafiek"
        for box in boxes
        if box.left < -0.5 or box.top < -0.5 or box.right > width + 0.5 or box.bottom > height + 0.5
    ]
    problems += [
        f"“{a.text}” overlapt “{b.text}”" for index, a in enumerate(boxes) for b in boxes[index + 1 :] if a.overlaps(b)
    ]
    if width > charts.MAX_WIDTH:
        problems.append(f"{width} px breed: de PDF zou de grafiek verkleinen")
    return problems


def test_the_box_of_a_label_follows_its_anchor():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">'
        '<text x="50" y="20" text-anchor="middle" font-size="12">ab</text>'
        '<text x="50" y="20" text-anchor="end" font-size="12">cd</text></svg>'
    )
    (middle, end), _, _ = label_boxes(svg)
    assert middle.left == pytest.approx(50 - charts.text_width("ab") / 2)
    assert end.right == pytest.approx(50)
    assert middle.overlaps(end)


def amounts(*values):
    return [Decimal(v) for v in values]


@pytest.mark.parametrize(
    "values",
    [
        amounts("80.33", "81.20", "79.95", "85", "90.10", "91", "93.40"),
        amounts("12345678", "12999999", "15000000", "9000000", "3", "0", "14000000", "16000000", "17000000"),
        amounts("5"),
    ],
)
def test_columns_show_values_and_changes_without_overlap(values):
    bars = [
        charts.Bar(
            str(2019 + i),
            v,
            light=i == len(values) - 1,
            change=signed_pct((v - values[i - 1]) / values[i - 1] * 100) if i and values[i - 1] else "",
        )
        for i, v in enumerate(values)
    ]
    svg = charts.column_chart(bars=bars, title="t", description="d", chart_id="c", fmt=short_euro)
    assert legibility_problems(svg) == []


def test_a_small_change_between_two_long_columns_is_shown_as_a_number():
    bars = [charts.Bar("2024", Decimal("80.33")), charts.Bar("2025", Decimal("81.20"), change="+1,1%")]
    svg = str(charts.column_chart(bars=bars, title="t", description="d", chart_id="c", fmt=short_euro))
    assert ">+1,1%</text>" in svg


@pytest.mark.parametrize("count", [1, 3, 10, 25])
def test_bars_per_gemeente_with_differences_and_the_average_do_not_overlap(count):
    names = ["Groningen", "Het Hogeland", "Midden-Groningen", "Eemsdelta", "Westerkwartier", "Pekela"]
    bars = [
        charts.Bar(
            names[i % len(names)] + " en omstreken" * (i % 2), Decimal("80.33") + i, change=signed_pct(Decimal(i) - 2)
        )
        for i in range(count)
    ]
    for reference in (Decimal("80.5"), Decimal("0.5"), Decimal("200")):
        svg = charts.bar_chart(
            bars=bars,
            title="t",
            description="d",
            chart_id="b",
            fmt=lambda v: euro(v, 2),
            reference=reference,
            reference_label="gemiddeld",
        )
        assert legibility_problems(svg) == [], reference


@pytest.mark.parametrize(
    ("actual", "target", "fmt"),
    [
        # The value of the first year next to the axis labels (the "8,9" that hit its tick).
        ([(2021, "8.9"), (2022, "9.4"), (2023, "10.2")], [(2021, "9"), (2025, "12")], lambda v: format_number(v, 1)),
        ([(2018 + i, str(1000 + 37 * i)) for i in range(8)], [], lambda v: euro(v)),
        ([(2024, "73.5")], [(2024, "75")], lambda v: format_number(v, 1) + "%"),
        ([], [(2025, "100")], lambda v: format_number(v)),
        ([], [], lambda v: format_number(v)),
    ],
)
def test_line_charts_keep_values_clear_of_the_axis_and_of_each_other(actual, target, fmt):
    svg = charts.line_chart(
        actual=[charts.Point(y, Decimal(v)) for y, v in actual],
        target=[charts.Point(y, Decimal(v)) for y, v in target],
        title="t",
        description="d",
        chart_id="l",
        fmt=fmt,
    )
    assert legibility_problems(svg) == []


def test_a_monitoring_trend_is_legible():
    points = [
        charts.ScorePoint(date(2023, 1, 1), 5),
        charts.ScorePoint(date(2024, 6, 1), 1),
        charts.ScorePoint(date(2025, 12, 1), 3),
    ]
    svg = charts.trend_chart(title="t", points=points, first=date(2023, 1, 1), last=date(2025, 12, 1), chart_id="t")
    assert legibility_problems(svg) == []
