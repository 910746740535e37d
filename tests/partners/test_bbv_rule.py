"""The BBV rules: a verbonden partij needs both belangen (art. 1); a legal form sets the category (art. 15)."""

import pytest

from partners.choices import BBV_CATEGORY_BY_LEGAL_FORM, BbvCategory, LegalForm, bbv_category_for, legal_forms_in
from partners.models import Participation

from .factories import ParticipationFactory, PartyFactory

EXPECTED_CATEGORY = {
    "openbaar_lichaam": "Gemeenschappelijke regelingen",
    "gemeenschappelijk_orgaan": "Gemeenschappelijke regelingen",
    "bedrijfsvoeringsorganisatie": "Gemeenschappelijke regelingen",
    "centrumgemeenteregeling": "Gemeenschappelijke regelingen",
    "regeling_zonder_meer": "Gemeenschappelijke regelingen",
    "nv": "Vennootschappen en coöperaties",
    "bv": "Vennootschappen en coöperaties",
    "cooperatie": "Vennootschappen en coöperaties",
    "stichting": "Stichtingen en verenigingen",
    "vereniging": "Stichtingen en verenigingen",
    "overig": "Overige verbonden partijen",
}


@pytest.mark.parametrize(
    ("governance", "financial", "verbonden"),
    [(True, True, True), (True, False, False), (False, True, False), (False, False, False)],
)
def test_a_participation_is_a_verbonden_partij_only_with_both_belangen(governance, financial, verbonden):
    participation = Participation(governance_interest=governance, financial_interest=financial)
    assert participation.is_verbonden_partij is verbonden


@pytest.mark.django_db
def test_the_database_selection_of_verbonden_participations_follows_the_same_rule():
    party = PartyFactory()
    both = ParticipationFactory(party=party)
    only_governance = ParticipationFactory(party=party, financial_interest=False)
    only_financial = ParticipationFactory(party=party, governance_interest=False)
    assert list(Participation.objects.verbonden()) == [both]
    assert set(Participation.objects.not_verbonden()) == {only_governance, only_financial}


def test_every_one_of_the_11_legal_forms_has_a_bbv_category():
    assert len(LegalForm) == 11
    assert set(BBV_CATEGORY_BY_LEGAL_FORM) == set(LegalForm)


@pytest.mark.parametrize(("legal_form", "label"), EXPECTED_CATEGORY.items())
def test_a_legal_form_falls_in_its_bbv_category(legal_form, label):
    assert bbv_category_for(legal_form).label == label
    assert PartyFactory.build(legal_form=legal_form).bbv_category.label == label


def test_the_four_bbv_categories_come_in_their_legal_order():
    assert [category.label for category in sorted(BbvCategory, key=lambda c: c.value)] == [
        "Gemeenschappelijke regelingen",
        "Vennootschappen en coöperaties",
        "Stichtingen en verenigingen",
        "Overige verbonden partijen",
    ]


def test_legal_forms_in_a_category_are_the_inverse_of_the_mapping():
    assert legal_forms_in(BbvCategory.VENNOOTSCHAPPEN_COOPERATIES) == ["nv", "bv", "cooperatie"]
    assert sorted(form for category in BbvCategory for form in legal_forms_in(category)) == sorted(EXPECTED_CATEGORY)


def test_an_unknown_legal_form_has_no_category():
    with pytest.raises(ValueError):
        bbv_category_for("eenmanszaak")
