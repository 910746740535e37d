"""Seats refuse impossible periods and overlapping duplicates with a clear Dutch message."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from governance.choices import Body, SeatRole
from governance.models import Seat
from tests.partners.factories import MunicipalityFactory, ParticipationFactory

from .factories import PersonFactory, SeatFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_database_refuses_a_seat_that_ends_before_it_starts():
    seat = SeatFactory()
    seat.ended_on = D(2022, 3, 31)
    with pytest.raises(IntegrityError), transaction.atomic():
        seat.save()


def test_validation_explains_a_seat_that_ends_before_it_starts():
    seat = SeatFactory.build(participation=ParticipationFactory(), ended_on=D(2020, 1, 1))
    seat.person.save()
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert "De einddatum van de zetel ligt vóór de begindatum." in messages(error.value)


def test_an_overlapping_seat_in_the_same_body_and_role_is_refused():
    first = SeatFactory(started_on=D(2022, 4, 1), ended_on=D(2026, 3, 31))
    second = Seat(
        person=first.person,
        party=first.party,
        on_behalf_of=first.on_behalf_of,
        body=first.body,
        role=first.role,
        started_on=D(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    text = messages(error.value)
    assert f"{first.person.name} is in deze periode al lid van het algemeen bestuur van {first.party}" in text
    assert "01-04-2022 tot en met 31-03-2026" in text


def test_an_open_ended_seat_overlaps_every_later_seat():
    first = SeatFactory(started_on=D(2022, 4, 1))
    later = Seat(
        person=first.person,
        party=first.party,
        on_behalf_of=first.on_behalf_of,
        body=first.body,
        role=first.role,
        started_on=D(2030, 1, 1),
        ended_on=D(2030, 12, 31),
    )
    with pytest.raises(ValidationError):
        later.full_clean()


def test_a_following_term_and_another_role_are_accepted():
    first = SeatFactory(started_on=D(2018, 4, 1), ended_on=D(2022, 3, 31))
    common = {"person": first.person, "party": first.party, "on_behalf_of": first.on_behalf_of}
    Seat(**common, body=first.body, role=first.role, started_on=D(2022, 4, 1)).full_clean()
    Seat(**common, body=Body.DAGELIJKS_BESTUUR, role=first.role, started_on=D(2020, 1, 1)).full_clean()
    Seat(**common, body=first.body, role=SeatRole.VOORZITTER, started_on=D(2020, 1, 1)).full_clean()


def test_a_seat_on_behalf_of_a_non_participant_is_refused():
    seat = SeatFactory()
    seat.on_behalf_of = MunicipalityFactory()
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert f"{seat.on_behalf_of} neemt niet deel in {seat.party}" in messages(error.value)


def test_a_person_without_seats_can_be_deleted_but_not_one_with_seats():
    seat = SeatFactory()
    PersonFactory().delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        seat.person.delete()
