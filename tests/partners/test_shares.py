"""Shares that add up (partners/shares.py): kept as entered, checked exactly, never guessed."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError

from importer import values as v
from importer.service import run_file
from partners import shares
from partners.choices import LegalForm
from partners.models import Participant, Participation
from tests.importer.importing import row, xlsx
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory


@pytest.mark.parametrize(
    ("raw", "percent_format", "exact", "stored"),
    [
        ("12,5%", False, Fraction(25, 2), Decimal("12.5")),
        ("1/342", False, Fraction(100, 342), Decimal("0.2923")),
        ("1/8", False, Fraction(25, 2), Decimal("12.5")),
        (0.125, True, Fraction(25, 2), Decimal("12.5")),
        (0.0011, True, Fraction(11, 100), Decimal("0.11")),
        ("100%", False, Fraction(100), Decimal("100")),
    ],
)
def test_a_share_is_read_as_percentage_or_fraction_and_kept_exact(raw, percent_format, exact, stored):
    share = shares.parse(raw, percent_format=percent_format)
    assert (share.exact, share.percentage) == (exact, stored)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("0,11", "“0,11” zonder %-teken is niet eenduidig: bedoelt u 0,11% of 11%?"),
        (0.11, "“0,11” zonder %-teken is niet eenduidig: bedoelt u 0,11% of 11%?"),
        ("12,5", "“12,5” zonder %-teken is niet eenduidig: bedoelt u 12,5%?"),
        ("1", "“1” zonder %-teken is niet eenduidig: bedoelt u 1% of 100%?"),
    ],
)
def test_a_number_without_percent_sign_is_refused_with_both_readings(raw, message):
    with pytest.raises(v.CellError) as error:
        v.percentage(raw)
    assert str(error.value).startswith(message)


@pytest.mark.parametrize("raw", ["120%", "3/2", "-1%"])
def test_a_share_outside_0_to_100_percent_is_refused(raw):
    with pytest.raises(ValueError, match="ligt niet tussen 0% en 100%"):
        shares.parse(raw)


def test_342_shares_of_1_342_add_up_to_exactly_100_percent():
    total = sum((shares.parse("1/342").exact for _ in range(342)), Fraction(0))
    assert total == 100
    assert sum(shares.parse("1/342").percentage for _ in range(342)) <= 100  # the stored, truncated values


@pytest.mark.django_db
def test_342_participations_of_1_342_are_stored_and_one_more_is_refused():
    party = PartyFactory(name="Landelijke Regeling")
    municipalities = Participant.objects.municipalities().filter(ended_on__isnull=True)[:342]
    for municipality in municipalities:
        participation = Participation(party=party, participant=municipality, share_entered="1/342")
        participation.full_clean()
        participation.save()
    assert Participation.objects.filter(party=party).count() == 342
    extra = Participation(party=party, participant=MunicipalityFactory(), share_entered="1/342")
    with pytest.raises(ValidationError) as error:
        extra.full_clean()
    assert "komen dan samen op 100,2923%" in str(error.value)


@pytest.mark.django_db
def test_the_import_stores_the_fraction_as_entered_and_passes_the_100_percent_rule():
    PartyFactory(name="Landelijke Regeling")
    codes = list(
        Participant.objects.municipalities().filter(ended_on__isnull=True).values_list("code", flat=True)[:342]
    )
    data = xlsx(
        {"Deelnames": [row("Deelnames", partij="Landelijke Regeling", deelnemer=c, aandeel="1/342") for c in codes]}
    )
    report = run_file(data=data, filename="r.xlsx", dry_run=False)
    assert report.ok, report.problems[:3]
    stored = Participation.objects.filter(party__name="Landelijke Regeling")
    assert stored.count() == 342
    assert set(stored.values_list("share_entered", "share_percentage")) == {("1/342", Decimal("0.2923"))}


@pytest.mark.django_db
def test_the_import_refuses_0_11_without_percent_sign_offering_both_readings():
    PartyFactory(name="Regio Test")
    data = xlsx({"Deelnames": [row("Deelnames", partij="Regio Test", deelnemer="GM0014", aandeel="0,11")]})
    report = run_file(data=data, filename="r.xlsx", dry_run=False)
    assert not report.ok
    assert "bedoelt u 0,11% of 11%?" in report.problems[0].message
    assert not Participation.objects.exists()


@pytest.mark.django_db
def test_with_shares_held_and_the_total_known_the_percentage_is_computed():
    party = PartyFactory(legal_form=LegalForm.NV, total_shares=55_690_720)
    participation = Participation(party=party, participant=MunicipalityFactory(), shares_count=1_000_000)
    participation.full_clean()
    assert participation.share_percentage == Decimal("1.7956")
    assert participation.exact_share == Fraction(1_000_000 * 100, 55_690_720)


@pytest.mark.django_db
def test_a_typed_percentage_that_differs_from_the_shares_held_is_flagged():
    party = PartyFactory(legal_form=LegalForm.NV, total_shares=342)
    participation = Participation(
        party=party, participant=MunicipalityFactory(), shares_count=120, share_percentage=Decimal("12")
    )
    with pytest.raises(ValidationError) as error:
        participation.full_clean()
    assert "Het aandeel 12% wijkt af van 120 van 342 aandelen = 35,0877%" in str(error.value)
    Participation(
        party=party, participant=MunicipalityFactory(), shares_count=120, share_percentage=Decimal("35.0877")
    ).full_clean()


@pytest.mark.django_db
def test_the_import_flags_a_typed_percentage_that_differs_from_the_shares_held():
    PartyFactory(name="Test NV", legal_form=LegalForm.NV, total_shares=342)
    data = xlsx(
        {"Deelnames": [row("Deelnames", partij="Test NV", deelnemer="GM0014", aandeel="12%", aantal_aandelen=120)]}
    )
    report = run_file(data=data, filename="r.xlsx", dry_run=False)
    assert not report.ok
    assert "wijkt af van 120 van 342 aandelen = 35,0877%" in report.problems[0].message
    assert not ParticipationFactory._meta.model.objects.exists()


@pytest.mark.django_db
def test_the_demo_shareholdings_agree_with_the_number_of_shares_held():
    from demo.register import load_demo

    load_demo()
    bng = Participation.objects.filter(party__name="BNG Bank N.V.").select_related("party", "participant")
    assert bng.exists() and bng.first().party.total_shares == 55_690_720
    for participation in bng:
        participation.full_clean()  # a typed percentage that differed would be refused
