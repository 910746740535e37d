"""The risk matrix: kans × impact gives a score, and the score a level (laag … zeer hoog).

All scoring lives here: the models, the list filter, the heatmap and the pages call these
functions, so a change of the rule is a change in one place. The matrix is 5 × 5; the levels
(their lowest score and colours) and the probability of each kans class are set in the admin.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.db.models import ExpressionWrapper, F, IntegerField

LIKELIHOOD_CLASSES = (1, 2, 3, 4, 5)
IMPACT_CLASSES = (1, 2, 3, 4, 5)
MAX_SCORE = LIKELIHOOD_CLASSES[-1] * IMPACT_CLASSES[-1]

LIKELIHOOD_LABELS = {1: "zeer klein", 2: "klein", 3: "gemiddeld", 4: "groot", 5: "zeer groot"}
IMPACT_LABELS = {1: "zeer gering", 2: "gering", 3: "matig", 4: "groot", 5: "zeer groot"}

# Probability (%) of each kans class until a beheerder changes it; seeded by a data migration.
DEFAULT_PROBABILITIES = {1: 10, 2: 30, 3: 50, 4: 70, 5: 90}

# code, name, lowest score, background, text colour (each pair has a contrast of at least 4.5:1).
DEFAULT_LEVELS = (
    ("laag", "Laag", 1, "#d8efd3", "#1b4a17"),
    ("midden", "Midden", 5, "#fff0b3", "#5a4300"),
    ("hoog", "Hoog", 10, "#ffd3ad", "#6b2600"),
    ("zeer_hoog", "Zeer hoog", 15, "#a3111b", "#ffffff"),
)

MIN_CONTRAST = 4.5  # WCAG 2.1 success criterion 1.4.3 for normal text

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CODE = re.compile(r"[a-z0-9_-]+")


class Level(Protocol):
    code: str
    name: str
    min_score: int
    background: str
    text_color: str


def score(likelihood: int, impact: int) -> int:
    """The score of a cell: kans class × impact class (1–25)."""
    if likelihood not in LIKELIHOOD_CLASSES:
        raise ValueError(f"Kans {likelihood} ligt buiten de klassen 1–5.")
    if impact not in IMPACT_CLASSES:
        raise ValueError(f"Impact {impact} ligt buiten de klassen 1–5.")
    return likelihood * impact


def score_expression():
    """The same score as a database expression, so lists can sort and filter on it."""
    return ExpressionWrapper(F("likelihood") * F("impact"), output_field=IntegerField())


def level_for(value: int, levels: Iterable[Level]) -> Level | None:
    """The level of a score: the level with the highest lowest-score that the score reaches."""
    found = None
    for level in sorted(levels, key=lambda lv: lv.min_score):
        if level.min_score <= value:
            found = level
    return found


def score_range(level: Level, levels: Iterable[Level]) -> tuple[int, int]:
    """The scores (inclusive) that fall in a level, for filtering in the database."""
    higher = [lv.min_score for lv in levels if lv.min_score > level.min_score]
    return level.min_score, (min(higher) - 1 if higher else MAX_SCORE)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Cell:
    likelihood: int
    impact: int
    score: int
    level: Level | None
    count: int

    @property
    def likelihood_label(self) -> str:
        return LIKELIHOOD_LABELS[self.likelihood]

    @property
    def impact_label(self) -> str:
        return IMPACT_LABELS[self.impact]


@dataclass(frozen=True)
class Heatmap:
    """The matrix with a count per cell; rows run from the highest kans (top) to the lowest."""

    rows: Sequence[Sequence[Cell]]
    levels: Sequence[Level]

    @property
    def total(self) -> int:
        return sum(cell.count for row in self.rows for cell in row)

    @property
    def impacts(self):
        return IMPACT_CLASSES


def heatmap(counts: Mapping[tuple[int, int], int], levels: Sequence[Level]) -> Heatmap:
    """Build the heatmap from counts per (kans, impact)."""
    levels = sorted(levels, key=lambda lv: lv.min_score)
    rows = []
    for likelihood in reversed(LIKELIHOOD_CLASSES):
        row = []
        for impact in IMPACT_CLASSES:
            value = score(likelihood, impact)
            row.append(Cell(likelihood, impact, value, level_for(value, levels), counts.get((likelihood, impact), 0)))
        rows.append(row)
    return Heatmap(rows, levels)


def level_stylesheet(levels: Iterable[Level]) -> str:
    """CSS with a class risk-level--<code> per level in its colours. Pages colour a level through
    this class because the Content-Security-Policy allows no inline style attributes; a level
    whose code or colours would not be plain CSS (saved around the form's validation) is left out."""
    rules = []
    for level in levels:
        colours = (level.background, level.text_color)
        if not _CODE.fullmatch(level.code) or not all(_COLOUR.fullmatch(c or "") for c in colours):
            continue
        rules.append(f".risk-level--{level.code} {{ background: {level.background}; color: {level.text_color}; }}")
        rules.append(f".risk-level--{level.code} a {{ color: {level.text_color}; }}")
    return "\n".join(rules) + "\n"
