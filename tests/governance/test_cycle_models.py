"""The cycle's data refuses impossible rules and records with a Dutch message; nothing is stored half."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governance.choices import OpinionStatus
from governance.deadlines import DocumentKind
from governance.models import CycleRules, Opinion
from partners.choices import LegalForm
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory

from .factories import CycleDocumentFactory, OpinionFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def validation_text(instance) -> str:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return " ".join(error.value.messages)


def test_a_deadline_rule_on_a_day_that_does_not_exist_is_refused_with_a_dutch_message():
    rules = CycleRules(party=PartyFactory(), framework_letter_day=31, framework_letter_month=4)
    assert "31 april bestaat niet." in validation_text(rules)


def test_29_february_is_refused_because_it_is_not_in_every_year():
    rules = CycleRules(party=PartyFactory(), provisional_accounts_day=29, provisional_accounts_month=2)
    assert "29 februari bestaat niet in elk jaar" in validation_text(rules)


@pytest.mark.parametrize(("day", "month"), [(31, 4), (29, 2), (31, 11), (0, 5), (1, 13)])
def test_the_database_refuses_an_impossible_rule_date(day, month):
    with pytest.raises(IntegrityError), transaction.atomic():
        CycleRules.objects.create(party=PartyFactory(), framework_letter_day=day, framework_letter_month=month)
    assert not CycleRules.objects.exists()


@pytest.mark.parametrize("weeks", [0, 53])
def test_a_term_outside_1_to_52_weeks_is_refused(weeks):
    assert "weken" in validation_text(CycleRules(party=PartyFactory(), opinion_weeks=weeks))
    with pytest.raises(IntegrityError), transaction.atomic():
        CycleRules.objects.create(party=PartyFactory(), opinion_weeks=weeks)


def test_a_private_law_party_gets_no_wgr_rules():
    party = PartyFactory(legal_form=LegalForm.BV)
    assert "privaatrechtelijke partij en volgt geen Wgr-termijnen" in validation_text(CycleRules(party=party))


def test_one_ontwerpbegroting_per_year_but_several_begrotingswijzigingen():
    document = CycleDocumentFactory()
    CycleDocumentFactory(party=document.party, kind=DocumentKind.BEGROTINGSWIJZIGING, title="1e wijziging")
    CycleDocumentFactory(party=document.party, kind=DocumentKind.BEGROTINGSWIJZIGING, title="2e wijziging")
    duplicate = CycleDocumentFactory.build(party=document.party)
    assert "Deze partij heeft voor dit jaar al een document van deze soort." in validation_text(duplicate)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_document_cannot_go_to_the_toezichthouder_before_its_adoption():
    document = CycleDocumentFactory.build(
        party=PartyFactory(),
        kind=DocumentKind.JAARREKENING,
        adopted_on=D(2026, 7, 1),
        sent_to_supervisor_on=D(2026, 6, 1),
    )
    assert "vóór de vaststelling aan de toezichthouder" in validation_text(document)


def test_a_zienswijze_that_is_adopted_needs_the_date_of_the_raadsbesluit():
    participation = ParticipationFactory()
    document = CycleDocumentFactory(party=participation.party)
    opinion = Opinion(document=document, municipality=participation.participant, status=OpinionStatus.VASTGESTELD)
    assert "Bij de status “Vastgesteld” hoort de datum van het raadsbesluit." in validation_text(opinion)


def test_a_zienswijze_of_a_gemeente_that_does_not_take_part_is_refused():
    document = CycleDocumentFactory()
    opinion = Opinion(document=document, municipality=MunicipalityFactory())
    assert f"neemt niet deel in {document.party}" in validation_text(opinion)


def test_a_zienswijze_cannot_be_sent_before_the_raad_decided():
    with pytest.raises(IntegrityError), transaction.atomic():
        OpinionFactory(council_decision_on=D(2026, 7, 2), sent_on=D(2026, 7, 1))


def test_one_zienswijze_per_gemeente_per_document():
    opinion = OpinionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        OpinionFactory(document=opinion.document, municipality=opinion.municipality)


# A regeling may ask more than the Wgr, never less (governance/law.py)


def test_a_zienswijzetermijn_under_12_weeks_is_refused_citing_wgr_art_35_lid_3():
    rules = CycleRules(party=PartyFactory(), opinion_weeks=8)
    assert "ten minste 12 weken voor hun zienswijze (Wgr art. 35 lid 3)" in validation_text(rules)
    with pytest.raises(IntegrityError), transaction.atomic():
        CycleRules.objects.create(party=PartyFactory(), opinion_weeks=11)


def test_a_kaderbrief_later_than_30_april_is_refused_citing_wgr_art_34b():
    rules = CycleRules(party=PartyFactory(), framework_letter_day=15, framework_letter_month=5)
    assert "vóór 30 april naar de raden (Wgr art. 34b)" in validation_text(rules)
    with pytest.raises(IntegrityError), transaction.atomic():
        CycleRules.objects.create(
            party=PartyFactory(), framework_letter_day=30, framework_letter_month=4, framework_letter_before=False
        )


def test_stricter_rules_than_the_law_are_stored():
    rules = CycleRules(
        party=PartyFactory(), opinion_weeks=14, draft_budget_weeks=16, framework_letter_day=1, framework_letter_month=2
    )
    rules.full_clean()
    rules.save()


@pytest.mark.parametrize("legal_form", [LegalForm.CENTRUMGEMEENTEREGELING, LegalForm.GEMEENSCHAPPELIJK_ORGAAN])
def test_a_regeling_without_cycle_gets_no_wgr_rules(legal_form):
    party = (
        PartyFactory(centrum=True)
        if legal_form == LegalForm.CENTRUMGEMEENTEREGELING
        else PartyFactory(legal_form=legal_form)
    )
    assert "geen" in validation_text(CycleRules(party=party))


def test_a_gemeenschappelijk_orgaan_whose_regeling_applies_the_cycle_gets_wgr_rules():
    CycleRules(party=PartyFactory(legal_form=LegalForm.GEMEENSCHAPPELIJK_ORGAAN, cycle_by_regeling=True)).full_clean()


def test_only_a_gemeenschappelijk_orgaan_can_be_set_to_follow_the_cycle_by_its_regeling():
    with pytest.raises(IntegrityError), transaction.atomic():
        PartyFactory(centrum=True, cycle_by_regeling=True)


def test_a_centrumgemeenteregeling_gets_no_cycle_documents():
    document = CycleDocumentFactory.build(party=PartyFactory(centrum=True))
    assert "volgt geen begrotingscyclus van de Wgr" in validation_text(document)


def test_the_admin_refuses_a_looser_rule_with_the_article(rf, django_user_model):
    from django.contrib import admin

    from partners.models import Party

    party = PartyFactory()
    request = rf.get("/")
    request.user = django_user_model.objects.create_superuser("beheer", "b@example.org", "x")
    model_admin = admin.site.get_model_admin(Party)
    inline = next(i for i in model_admin.get_inline_instances(request, party) if i.model is CycleRules)
    formset_class = inline.get_formset(request, party)
    prefix = formset_class.get_default_prefix()
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-0-opinion_weeks": "6",
        f"{prefix}-0-draft_budget_weeks": "12",
        f"{prefix}-0-framework_letter_day": "30",
        f"{prefix}-0-framework_letter_month": "4",
        f"{prefix}-0-framework_letter_before": "on",
        f"{prefix}-0-provisional_accounts_day": "30",
        f"{prefix}-0-provisional_accounts_month": "4",
        f"{prefix}-0-provisional_accounts_before": "on",
    }
    formset = formset_class(data, instance=party, prefix=prefix)
    assert not formset.is_valid()
    assert "Wgr art. 35 lid 3" in str(formset.errors)
    assert not CycleRules.objects.exists()
