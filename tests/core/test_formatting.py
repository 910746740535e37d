"""Dutch formatting of amounts, percentages and numbers in the templates: € 1.234.567, 12,5%."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from core.formatting import clause, euro, number, pct


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1234567"), "€ 1.234.567"),
        (Decimal("1234567.49"), "€ 1.234.567"),
        (Decimal("1234567.50"), "€ 1.234.568"),
        (Decimal("0.5"), "€ 1"),
        (Decimal("0.49"), "€ 0"),
        (0, "€ 0"),
        (999, "€ 999"),
        (1000, "€ 1.000"),
        (Decimal("4887000000"), "€ 4.887.000.000"),
        (Decimal("-154000"), "€ -154.000"),
        (Decimal("-1234567.5"), "€ -1.234.568"),
        (1234567.89, "€ 1.234.568"),
        ("1234", "€ 1.234"),
        (None, "niet bekend"),
        ("", "niet bekend"),
        ("geen bedrag", "niet bekend"),
    ],
)
def test_euro_writes_whole_euros_with_dots_between_thousands(value, expected):
    assert euro(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("2.5"), 2, "€ 2,50"),
        (Decimal("310000"), 2, "€ 310.000,00"),
        (Decimal("1234.565"), 2, "€ 1.234,57"),
        (Decimal("-0.004"), 2, "€ 0,00"),
    ],
)
def test_euro_with_decimals_uses_a_decimal_comma(value, decimals, expected):
    assert euro(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("12.5000"), "12,5%"),
        (Decimal("100.0000"), "100%"),
        (Decimal("0.1100"), "0,11%"),
        (Decimal("0"), "0%"),
        (Decimal("33.3333"), "33,3333%"),
        (Decimal("1250"), "1.250%"),
        (12.5, "12,5%"),
        (None, "niet bekend"),
    ],
)
def test_pct_drops_trailing_zeros_and_uses_a_decimal_comma(value, expected):
    assert pct(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (55690720, 0, "55.690.720"),
        (123162, 0, "123.162"),
        (Decimal("1.5"), 0, "2"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("-1234.5"), 1, "-1.234,5"),
        (None, 0, "niet bekend"),
    ],
)
def test_number_groups_thousands_and_rounds_half_up(value, decimals, expected):
    assert number(value, decimals) == expected


def test_the_filters_are_available_in_every_template_without_load():
    template = Template("{{ amount|euro }} · {{ share|pct }} · {{ count|number }} · {{ missing|euro }}")
    context = Context({"amount": Decimal("18800000"), "share": Decimal("8.33"), "count": 12000, "missing": None})
    assert template.render(context) == "€ 18.800.000 · 8,33% · 12.000 · niet bekend"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("naar rato van het inwonertal verdeeld.", "naar rato van het inwonertal verdeeld"),
        ("aandelen in Enexis Holding N.V.", "aandelen in Enexis Holding N.V"),
        ("nog te bepalen...", "nog te bepalen..."),
        ("zonder punt  ", "zonder punt"),
        (None, ""),
    ],
)
def test_clause_drops_the_closing_full_stop_of_a_note_set_inside_our_sentence(value, expected):
    assert clause(value) == expected


def test_one_short_form_for_amounts_on_axes_labels_and_in_sentences():
    from core.formatting import short_euro

    assert short_euro(Decimal("46500000")) == "€ 46,5 mln"
    assert short_euro(Decimal("1750000")) == "€ 1,8 mln"
    assert short_euro(Decimal("870000")) == "€ 870.000"
    assert short_euro(Decimal("-2500000")) == "€ -2,5 mln"


def test_plain_numbers_keep_their_decimals_without_trailing_zeros_and_group_thousands():
    from core.formatting import plain_number

    assert plain_number(Decimal("1234.50")) == "1.234,5"
    assert plain_number(Decimal("-123")) == "-123"
    assert plain_number(Decimal("100")) == "100"
    assert pct(Decimal("-1234.5")) == "-1.234,5%"


def test_an_indicator_value_and_a_share_are_written_by_the_same_rule():
    from governance.goals import Unit, format_value

    assert format_value(Decimal("1250.00"), Unit.EURO) == "€ 1.250"
    assert format_value(Decimal("87.50"), Unit.PROCENT) == pct(Decimal("87.50")) == "87,5%"
    assert format_value(None, Unit.PROCENT) == "niet bekend"
