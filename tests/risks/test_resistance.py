"""Weerstandsratio and its NAR / Universiteit Twente class, every boundary checked exactly."""

from decimal import Decimal

import pytest

from risks.resistance import CLASSES, resistance_class, resistance_ratio


def test_ratio_is_available_divided_by_required():
    assert resistance_ratio(Decimal("21700000"), Decimal("10850000")) == Decimal("2")
    assert resistance_ratio(15_000_000, 10_000_000) == Decimal("1.5")


def test_ratio_is_none_when_no_capacity_is_required():
    assert resistance_ratio(Decimal("5000000"), Decimal("0")) is None
    assert resistance_class(resistance_ratio(5_000_000, 0)) is None


def test_ratio_accepts_a_simulated_float_percentile():
    assert resistance_ratio(Decimal("14000000"), 10_000_000.0) == Decimal("1.4")


def test_negative_required_capacity_is_refused_in_dutch():
    with pytest.raises(ValueError, match="De benodigde weerstandscapaciteit mag niet negatief zijn."):
        resistance_ratio(1, -1)


def test_negative_available_capacity_gives_class_f():
    assert resistance_class(resistance_ratio(-1_000_000, 2_000_000)).letter == "F"


def test_non_numbers_are_refused_in_dutch():
    with pytest.raises(ValueError, match="moet een getal zijn"):
        resistance_ratio("veel", 1)
    with pytest.raises(ValueError, match="eindig getal"):
        resistance_class(float("inf"))


@pytest.mark.parametrize(
    ("ratio", "letter"),
    [
        # At each boundary the lower bound belongs to the class, except 2,0: A is "> 2,0", so 2,0 is B.
        ("2.0000000001", "A"),
        ("2.0", "B"),
        ("2", "B"),
        ("1.9999999999", "B"),
        ("1.4", "B"),
        ("1.3999999999", "C"),
        ("1.0", "C"),
        ("0.9999999999", "D"),
        ("0.8", "D"),
        ("0.7999999999", "E"),
        ("0.6", "E"),
        ("0.5999999999", "F"),
        ("0", "F"),
        ("-1", "F"),
        ("25", "A"),
    ],
)
def test_every_boundary_falls_in_the_documented_class(ratio, letter):
    assert resistance_class(Decimal(ratio)).letter == letter


def test_classes_carry_the_dutch_labels_of_the_nar_table():
    assert [(c.letter, c.label) for c in CLASSES] == [
        ("A", "uitstekend"),
        ("B", "ruim voldoende"),
        ("C", "voldoende"),
        ("D", "matig"),
        ("E", "onvoldoende"),
        ("F", "ruim onvoldoende"),
    ]
    assert str(resistance_class(Decimal("1.2"))) == "C (voldoende)"


def test_float_ratios_are_classified_by_their_written_value():
    # 1.4 as a float is 1.39999999999999991118...; read as written it is B, not C.
    assert resistance_class(1.4).letter == "B"
    assert resistance_class(0.6).letter == "E"


def test_domain_example_of_18_1_mln_maximum_and_10_8_mln_needed():
    # DOMAIN.md: € 10,8 mln needed at 90%; with € 12 mln available the ratio is 1,11: voldoende.
    ratio = resistance_ratio(Decimal("12000000"), Decimal("10800000"))

    assert ratio.quantize(Decimal("0.01")) == Decimal("1.11")
    assert resistance_class(ratio).letter == "C"
