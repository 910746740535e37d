"""The risk matrix: every cell's score and level, level ranges, colour contrast and the heatmap."""

import pytest

from risks import matrix
from risks.models import RiskLevel

# The default 5 × 5 matrix as a beheerder sees it, kans 5 on top: L laag, M midden, H hoog, Z zeer hoog.
EXPECTED_LEVELS = """
kans 5: M H Z Z Z
kans 4: L M H Z Z
kans 3: L M M H Z
kans 2: L L M M H
kans 1: L L L L M
"""
LETTER = {"laag": "L", "midden": "M", "hoog": "H", "zeer_hoog": "Z"}


def _expected():
    cells = {}
    for line in EXPECTED_LEVELS.strip().splitlines():
        head, letters = line.split(":")
        likelihood = int(head.split()[1])
        for impact, letter in enumerate(letters.split(), start=1):
            cells[(likelihood, impact)] = letter
    return cells


@pytest.fixture
def levels(db):
    return list(RiskLevel.objects.order_by("min_score"))


@pytest.mark.parametrize(("likelihood", "impact"), [(k, i) for k in range(1, 6) for i in range(1, 6)])
def test_every_cell_scores_kans_times_impact_and_falls_in_its_level(levels, likelihood, impact):
    score = matrix.score(likelihood, impact)
    assert score == likelihood * impact
    assert LETTER[matrix.level_for(score, levels).code] == _expected()[(likelihood, impact)]


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (6, 3), (3, 0), (3, 6)])
def test_a_class_outside_one_to_five_is_refused(likelihood, impact):
    with pytest.raises(ValueError, match="buiten de klassen 1–5"):
        matrix.score(likelihood, impact)


def test_level_boundaries_are_the_lowest_score_of_each_level(levels):
    assert [(lv.code, matrix.score_range(lv, levels)) for lv in levels] == [
        ("laag", (1, 4)),
        ("midden", (5, 9)),
        ("hoog", (10, 14)),
        ("zeer_hoog", (15, 25)),
    ]
    assert matrix.level_for(4, levels).code == "laag"
    assert matrix.level_for(5, levels).code == "midden"
    assert matrix.level_for(14, levels).code == "hoog"
    assert matrix.level_for(15, levels).code == "zeer_hoog"


def test_a_changed_level_threshold_moves_the_cells(levels):
    hoog = next(lv for lv in levels if lv.code == "hoog")
    hoog.min_score = 8
    assert matrix.level_for(8, levels).code == "hoog"
    assert matrix.level_for(7, levels).code == "midden"


def test_seeded_level_colours_have_at_least_4_5_to_1_contrast(levels):
    assert len(levels) == 4
    for level in levels:
        assert matrix.contrast_ratio(level.text_color, level.background) >= 4.5, level.name


def test_contrast_ratio_of_black_on_white_is_21():
    assert matrix.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)


def test_heatmap_puts_the_highest_kans_on_top_and_counts_per_cell(levels):
    heatmap = matrix.heatmap({(5, 1): 2, (1, 5): 1}, levels)
    assert [row[0].likelihood for row in heatmap.rows] == [5, 4, 3, 2, 1]
    assert [cell.impact for cell in heatmap.rows[0]] == [1, 2, 3, 4, 5]
    assert heatmap.rows[0][0].count == 2
    assert heatmap.rows[4][4].count == 1
    assert heatmap.total == 3
