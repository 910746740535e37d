"""Dutch spreadsheet habits in one cell: amounts, percentages, dates, ja/nee and rechtsvormen."""

import datetime
from decimal import Decimal

import pytest

from importer import values as v
from partners.choices import LegalForm


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.234.567,89", "1234567.89"),
        ("€ 1.234,50", "1234.50"),
        ("€1.234,50", "1234.50"),
        ("1234,5", "1234.50"),
        ("-250.000", "-250000"),
        ("1.234", "1234"),
        ("1234.56", "1234.56"),
        (1234567.89, "1234567.89"),
        (1500, "1500"),
        ("", None),
    ],
)
def test_amounts_are_read_the_dutch_way(raw, expected):
    assert v.amount(raw) == (None if expected is None else Decimal(expected))


def test_text_in_an_amount_column_says_what_is_expected():
    with pytest.raises(v.CellError, match="“veel” is geen bedrag; verwacht een bedrag in euro's, zoals 1.234.567,89"):
        v.amount("veel")


def test_an_amount_with_more_than_cents_is_refused():
    with pytest.raises(v.CellError, match="meer dan twee cijfers achter de komma"):
        v.amount("12,345")


@pytest.mark.parametrize(
    ("raw", "percent_format", "expected"),
    [("12,5%", False, "12.5"), ("1/8", False, "12.5"), ("12,5 %", False, "12.5"), (0.125, True, "12.5"),
     (0.0011, True, "0.11"), ("100%", False, "100"), (1, True, "100")],
)  # fmt: skip
def test_percentages_are_read_with_sign_as_a_fraction_or_from_a_percentage_cell(raw, percent_format, expected):
    assert v.percentage(raw, percent_format=percent_format) == Decimal(expected)


def test_a_percentage_above_100_is_refused():
    with pytest.raises(v.CellError, match="ligt niet tussen 0% en 100%"):
        v.percentage("120%")


@pytest.mark.parametrize(
    "raw", ["31-12-2025", "31/12/2025", "31.12.2025", "2025-12-31", datetime.datetime(2025, 12, 31)]
)
def test_dates_are_read_in_dutch_and_iso_order(raw):
    assert v.day(raw) == datetime.date(2025, 12, 31)


def test_a_date_that_does_not_exist_is_named():
    with pytest.raises(v.CellError, match="De datum 31-02-2025 bestaat niet: februari 2025 heeft geen 31 dagen."):
        v.day("31-02-2025")


def test_a_month_that_does_not_exist_is_named():
    with pytest.raises(v.CellError, match="er is geen maand 13"):
        v.day("01-13-2025")


@pytest.mark.parametrize("raw", ["Naamloze vennootschap (NV)", "naamloze vennootschap (nv)", "NV", "nv"])
def test_a_legal_form_is_found_by_its_dutch_label_or_abbreviation(raw):
    assert v.choice(raw, LegalForm, what="rechtsvorm") == LegalForm.NV


def test_an_unknown_legal_form_lists_the_allowed_labels():
    with pytest.raises(v.CellError, match="“GmbH” is geen bekende rechtsvorm; kies uit: Openbaar lichaam;"):
        v.choice("GmbH", LegalForm, what="rechtsvorm")


def test_names_compare_without_case_accents_or_extra_spaces():
    assert v.normalize("  Súdwest-Fryslân ") == v.normalize("sudwest-fryslan")


@pytest.mark.parametrize("raw", ["1E24", "-1E24", 1e30, "1.000.000.000.000.000,00", "123456789012345678901234567890"])
def test_an_amount_too_large_for_the_register_is_a_cell_error_not_a_crash(raw):
    """Rounding 1E+24 to cents overflowed the decimal context and failed the whole import."""
    with pytest.raises(v.CellError, match="te groot voor een bedrag"):
        v.amount(raw)


@pytest.mark.parametrize("raw", ["1E24", "1E24%", 1e30, "-1E30"])
def test_a_huge_percentage_is_out_of_range_not_a_crash(raw):
    with pytest.raises(v.CellError, match="ligt niet tussen 0% en 100%"):
        v.percentage(raw)
