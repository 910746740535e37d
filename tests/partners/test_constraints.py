"""The database itself refuses impossible register data, on SQLite and PostgreSQL alike."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partners.choices import LegalForm, PartyStatus, RegelingKind
from partners.models import Participation, Party

from .factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
)

pytestmark = pytest.mark.django_db


def refused(create):
    """True when the database raises an IntegrityError for `create()`; the test transaction survives."""
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize("share", [Decimal("-0.0001"), Decimal("100.0001"), Decimal("250")])
def test_database_refuses_a_share_outside_0_to_100(share):
    assert refused(lambda: ParticipationFactory(share_percentage=share))
    assert not Participation.objects.filter(share_percentage=share).exists()


@pytest.mark.parametrize("share", [Decimal("0"), Decimal("100")])
def test_database_accepts_a_share_of_exactly_0_or_100(share):
    assert not refused(lambda: ParticipationFactory(share_percentage=share))


def test_database_refuses_leaving_before_joining():
    assert refused(
        lambda: ParticipationFactory(joined_on=datetime.date(2020, 1, 1), left_on=datetime.date(2019, 12, 31))
    )


def test_database_accepts_leaving_on_the_day_of_joining():
    day = datetime.date(2020, 1, 1)
    assert not refused(lambda: ParticipationFactory(joined_on=day, left_on=day))


def test_database_refuses_the_same_participant_twice_in_one_party():
    first = ParticipationFactory()
    assert refused(lambda: ParticipationFactory(party=first.party, participant=first.participant))
    assert Participation.objects.filter(party=first.party).count() == 1


def test_database_refuses_a_negative_nominal_value():
    assert refused(lambda: ParticipationFactory(nominal_value=Decimal("-2.50")))


@pytest.mark.parametrize("field", ["contribution", "interest_start", "interest_end", "dividend"])
def test_database_refuses_a_negative_contribution_interest_or_dividend(field):
    assert refused(lambda: ParticipationFinancialsFactory(**{field: Decimal("-1.00")}))


@pytest.mark.parametrize("field", ["liabilities_start", "liabilities_end"])
def test_database_refuses_negative_liabilities(field):
    assert refused(lambda: PartyFinancialsFactory(**{field: Decimal("-0.01")}))


def test_database_accepts_a_negative_result_and_negative_equity():
    assert not refused(lambda: PartyFinancialsFactory(result=Decimal("-154000"), equity_end=Decimal("-1")))


@pytest.mark.parametrize("year", [1899, 2101])
def test_database_refuses_party_figures_outside_1900_to_2100(year):
    assert refused(lambda: PartyFinancialsFactory(year=year))


@pytest.mark.parametrize("year", [1899, 2101])
def test_database_refuses_participation_figures_outside_1900_to_2100(year):
    assert refused(lambda: ParticipationFinancialsFactory(year=year))


def test_database_refuses_two_budgets_of_one_party_for_the_same_year():
    figures = PartyFinancialsFactory()
    assert refused(lambda: PartyFinancialsFactory(party=figures.party, year=figures.year, kind=figures.kind))


def test_database_refuses_a_centrumgemeenteregeling_without_centrumgemeente():
    assert refused(lambda: PartyFactory(legal_form=LegalForm.CENTRUMGEMEENTEREGELING, central_municipality=None))


@pytest.mark.parametrize("legal_form", [form for form in LegalForm if form != LegalForm.CENTRUMGEMEENTEREGELING])
def test_database_refuses_a_centrumgemeente_on_any_other_legal_form(legal_form):
    municipality = MunicipalityFactory()
    assert refused(lambda: PartyFactory(legal_form=legal_form, central_municipality=municipality))


def test_database_accepts_a_centrumgemeenteregeling_with_its_centrumgemeente():
    party = PartyFactory(centrum=True)
    assert Party.objects.get(pk=party.pk).central_municipality.is_municipality


def test_database_refuses_an_ended_party_without_end_date():
    assert refused(lambda: PartyFactory(status=PartyStatus.BEEINDIGD, ended_on=None))


def test_database_accepts_an_ended_party_with_end_date():
    assert not refused(lambda: PartyFactory(ended=True))


def test_database_refuses_a_party_that_ends_before_it_was_founded():
    assert refused(lambda: PartyFactory(founded_on=datetime.date(2010, 1, 1), ended_on=datetime.date(2009, 1, 1)))


def test_database_refuses_a_participant_that_ends_before_it_started():
    assert refused(
        lambda: MunicipalityFactory(started_on=datetime.date(2019, 1, 1), ended_on=datetime.date(2018, 1, 1))
    )


class TestShareSumTrigger:
    """The shares of the participants in one party add up to at most 100% (a trigger, not a check)."""

    def test_refuses_an_insert_that_brings_the_sum_over_100(self):
        party = PartyFactory()
        ParticipationFactory(party=party, share_percentage=Decimal("60"))
        assert refused(lambda: ParticipationFactory(party=party, share_percentage=Decimal("40.0001")))
        assert Participation.objects.filter(party=party).count() == 1

    def test_names_the_reason_in_dutch(self):
        party = PartyFactory()
        ParticipationFactory(party=party, share_percentage=Decimal("70"))
        with pytest.raises(IntegrityError, match="komen samen boven 100%"), transaction.atomic():
            ParticipationFactory(party=party, share_percentage=Decimal("31"))

    def test_refuses_an_update_that_brings_the_sum_over_100(self):
        party = PartyFactory()
        ParticipationFactory(party=party, share_percentage=Decimal("60"))
        second = ParticipationFactory(party=party, share_percentage=Decimal("40"))

        def raise_share():
            Participation.objects.filter(pk=second.pk).update(share_percentage=Decimal("41"))

        assert refused(raise_share)
        assert Participation.objects.get(pk=second.pk).share_percentage == Decimal("40")

    def test_refuses_moving_a_participation_to_a_party_whose_shares_are_full(self):
        full = PartyFactory()
        ParticipationFactory(party=full, share_percentage=Decimal("100"))
        moving = ParticipationFactory(share_percentage=Decimal("1"))
        assert refused(lambda: Participation.objects.filter(pk=moving.pk).update(party=full))

    def test_allows_shares_that_add_up_to_exactly_100(self):
        party = PartyFactory()
        for share in ("50", "25", "12.5", "12.5"):
            ParticipationFactory(party=party, share_percentage=Decimal(share))
        assert sum(p.share_percentage for p in Participation.objects.filter(party=party)) == 100

    @pytest.mark.parametrize(
        "shares",
        [
            ("84.18", "7.56", "8.26"),
            ("10.7193", "13.2682", "3.9393", "34.0602", "13.672", "8.4186", "10.444", "4.5973", "0.8811"),
        ],
    )
    def test_allows_decimal_shares_that_add_up_to_exactly_100(self, shares):
        # As binary floats these sum to 100.00000000000001; the register must not refuse them.
        party = PartyFactory()
        for share in shares:
            assert not refused(lambda share=share: ParticipationFactory(party=party, share_percentage=Decimal(share)))
        assert Participation.objects.filter(party=party).count() == len(shares)

    def test_counts_only_the_shares_of_the_same_party(self):
        ParticipationFactory(share_percentage=Decimal("100"))
        assert not refused(lambda: ParticipationFactory(share_percentage=Decimal("100")))

    def test_ignores_participations_without_a_share(self):
        party = PartyFactory()
        ParticipationFactory(party=party, share_percentage=Decimal("100"))
        assert not refused(lambda: ParticipationFactory(party=party, share_percentage=None))


# Who takes part (Wgr art. 8 lid 3): a bedrijfsvoeringsorganisatie only for colleges or burgemeesters


@pytest.mark.parametrize("kind", [RegelingKind.RAADSREGELING, RegelingKind.GEMENGDE_REGELING])
def test_a_bedrijfsvoeringsorganisatie_as_raads_or_gemengde_regeling_is_refused_citing_wgr_art_8_lid_3(kind):
    party = PartyFactory.build(legal_form=LegalForm.BEDRIJFSVOERINGSORGANISATIE, regeling_kind=kind)
    with pytest.raises(ValidationError) as error:
        party.full_clean()
    assert "alleen worden ingesteld door colleges of door burgemeesters" in str(error.value)
    assert "Wgr art. 8 lid 3" in str(error.value)
    assert refused(lambda: PartyFactory(legal_form=LegalForm.BEDRIJFSVOERINGSORGANISATIE, regeling_kind=kind))


@pytest.mark.parametrize("kind", [RegelingKind.COLLEGEREGELING, RegelingKind.BURGEMEESTERSREGELING])
def test_a_bedrijfsvoeringsorganisatie_as_college_or_burgemeestersregeling_is_stored(kind):
    PartyFactory.build(legal_form=LegalForm.BEDRIJFSVOERINGSORGANISATIE, regeling_kind=kind).full_clean()
    PartyFactory(legal_form=LegalForm.BEDRIJFSVOERINGSORGANISATIE, regeling_kind=kind)


def test_an_openbaar_lichaam_may_be_a_raadsregeling_but_an_nv_is_no_regeling():
    PartyFactory(legal_form=LegalForm.OPENBAAR_LICHAAM, regeling_kind=RegelingKind.RAADSREGELING)
    assert refused(lambda: PartyFactory(legal_form=LegalForm.NV, regeling_kind=RegelingKind.COLLEGEREGELING))


def test_the_admin_refuses_a_raadsregeling_for_a_bedrijfsvoeringsorganisatie(superuser_client):
    from django.urls import reverse

    party = PartyFactory(legal_form=LegalForm.BEDRIJFSVOERINGSORGANISATIE)
    response = superuser_client.get(reverse("admin:partners_party_change", args=[party.pk]))
    form = response.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list | dict)}
    data.update(regeling_kind=RegelingKind.RAADSREGELING)
    bound = form.__class__(data=data, instance=party)
    assert not bound.is_valid()
    assert "Wgr art. 8 lid 3" in str(bound.errors)
    party.refresh_from_db()
    assert party.regeling_kind == ""
