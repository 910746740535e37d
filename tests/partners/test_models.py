"""Model behaviour of the register: names, addresses, slugs and the Dutch validation messages."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partners.choices import FigureKind, LegalForm, ParticipantKind, PartyStatus
from partners.models import Participant, Participation, Party, PolicyArea

from .factories import (
    MunicipalityFactory,
    ParticipantFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
)

pytestmark = pytest.mark.django_db


def messages(error: ValidationError) -> list[str]:
    return [message for field_messages in error.message_dict.values() for message in field_messages]


def test_reference_data_holds_608_gemeenten_since_2000_342_of_today_12_provincies_and_9_beleidsvelden():
    assert Participant.objects.municipalities().count() == 608
    assert Participant.objects.municipalities().filter(ended_on__isnull=True).count() == 342
    assert Participant.objects.filter(kind=ParticipantKind.PROVINCIE).count() == 12
    assert PolicyArea.objects.count() == 9


def test_a_party_gets_a_slug_from_its_name_and_a_numbered_one_when_taken():
    first = PartyFactory(name="Veiligheidsregio Groningen")
    second = PartyFactory(name="Veiligheidsregio Groningen")
    assert first.slug == "veiligheidsregio-groningen"
    assert second.slug == "veiligheidsregio-groningen-2"
    assert first.get_absolute_url() == "/partijen/veiligheidsregio-groningen/"


def test_a_party_keeps_its_slug_when_renamed():
    party = PartyFactory(name="GGD Oud")
    party.name = "GGD Nieuw"
    party.save()
    party.refresh_from_db()
    assert party.slug == "ggd-oud"


def test_a_gemeente_links_to_its_page_and_another_participant_to_the_filtered_list():
    assert Participant.objects.get(code="GM0014").get_absolute_url() == "/gemeenten/GM0014/"
    waterschap = ParticipantFactory(code="WS0999")
    assert waterschap.get_absolute_url() == "/partijen/?deelnemer=WS0999"


def test_names_of_the_register_objects_read_as_dutch():
    groningen = Participant.objects.get(code="GM0014")
    party = PartyFactory(name="Veiligheidsregio Groningen")
    participation = ParticipationFactory(party=party, participant=groningen)
    figures = PartyFinancialsFactory(party=party, year=2024, kind=FigureKind.REALISATIE)
    contribution = ParticipationFinancialsFactory(participation=participation, year=2025)
    assert str(groningen) == "Groningen"
    assert str(participation) == "Groningen in Veiligheidsregio Groningen"
    assert str(figures) == "Veiligheidsregio Groningen 2024 (realisatie (jaarrekening))"
    assert str(contribution) == "Groningen in Veiligheidsregio Groningen 2025 (begroting)"
    assert str(PolicyArea.objects.get(code="1")) == "1 Veiligheid"


def test_a_gemeente_code_must_be_a_cbs_code():
    municipality = Participant(kind=ParticipantKind.GEMEENTE, code="G14", name="Testgemeente")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "Een CBS-gemeentecode heeft de vorm GM gevolgd door vier cijfers." in messages(error.value)


def test_a_waterschap_may_have_a_free_code():
    ParticipantFactory.build(code="WS-HDSR").full_clean()


def test_a_kvk_number_has_eight_digits():
    party = PartyFactory.build(kvk_number="1234567")
    with pytest.raises(ValidationError) as error:
        party.full_clean()
    assert error.value.message_dict["kvk_number"] == ["Een KvK-nummer bestaat uit acht cijfers."]


def test_full_clean_names_the_total_when_shares_would_pass_100_percent():
    party = PartyFactory()
    ParticipationFactory(party=party, share_percentage=Decimal("60"))
    ParticipationFactory(party=party, share_percentage=Decimal("27.5"))
    participation = Participation(party=party, participant=MunicipalityFactory(), share_percentage=Decimal("12.6"))
    with pytest.raises(ValidationError) as error:
        participation.full_clean()
    assert error.value.message_dict["share_percentage"] == [
        "De aandelen in deze partij komen dan samen op 100,1%; dat mag niet meer dan 100% zijn. "
        "De andere deelnemers hebben samen 87,5%."
    ]


def test_full_clean_accepts_shares_that_add_up_to_exactly_100_percent():
    party = PartyFactory()
    ParticipationFactory(party=party, share_percentage=Decimal("84.18"))
    ParticipationFactory(party=party, share_percentage=Decimal("7.56"))
    Participation(party=party, participant=MunicipalityFactory(), share_percentage=Decimal("8.26")).full_clean()


def test_full_clean_does_not_count_the_participation_itself_twice_when_changed():
    participation = ParticipationFactory(share_percentage=Decimal("80"))
    participation.share_percentage = Decimal("100")
    participation.full_clean()


def test_full_clean_gives_the_dutch_messages_of_the_database_constraints():
    participation = ParticipationFactory.build(
        party=PartyFactory(),
        participant=MunicipalityFactory(),
        joined_on=datetime.date(2020, 1, 1),
        left_on=datetime.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        participation.full_clean()
    assert "De datum van uittreding ligt vóór de datum van toetreding." in messages(error.value)


def test_full_clean_refuses_a_share_above_100_with_a_dutch_message():
    participation = ParticipationFactory.build(
        party=PartyFactory(), participant=MunicipalityFactory(), share_percentage=Decimal("101")
    )
    with pytest.raises(ValidationError) as error:
        participation.full_clean()
    assert "Zorg ervoor dat deze waarde hoogstens 100 is." in error.value.message_dict["share_percentage"]


def test_full_clean_explains_the_centrumgemeente_rules():
    without = PartyFactory.build(legal_form=LegalForm.CENTRUMGEMEENTEREGELING, central_municipality=None)
    with pytest.raises(ValidationError) as error:
        without.full_clean()
    assert "Een centrumgemeenteregeling noemt haar centrumgemeente." in messages(error.value)

    wrong_form = PartyFactory.build(legal_form=LegalForm.STICHTING, central_municipality=MunicipalityFactory())
    with pytest.raises(ValidationError) as error:
        wrong_form.full_clean()
    assert "Alleen een centrumgemeenteregeling heeft een centrumgemeente." in messages(error.value)


def test_full_clean_asks_an_end_date_of_an_ended_party():
    party = PartyFactory.build(status=PartyStatus.BEEINDIGD, ended_on=None)
    with pytest.raises(ValidationError) as error:
        party.full_clean()
    assert "Een beëindigde partij heeft een einddatum." in messages(error.value)


def test_full_clean_refuses_a_second_budget_of_the_same_year():
    figures = PartyFinancialsFactory()
    duplicate = PartyFinancialsFactory.build(party=figures.party, year=figures.year, kind=figures.kind)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Voor deze partij bestaan al cijfers van deze soort voor dit jaar." in messages(error.value)


def test_parties_in_a_bbv_category_are_selected_in_the_database():
    regeling = PartyFactory(legal_form=LegalForm.BEDRIJFSVOERINGSORGANISATIE)
    bank = PartyFactory(legal_form=LegalForm.NV)
    PartyFactory(legal_form=LegalForm.STICHTING)
    assert list(Party.objects.in_bbv_category("1")) == [regeling]
    assert list(Party.objects.in_bbv_category("2")) == [bank]
