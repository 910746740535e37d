"""factory_boy factories of governance, built on the register's factories."""

import datetime

import factory
from factory.django import DjangoModelFactory

from governance.choices import Body, PersonFunction, SeatRole, Signal
from governance.deadlines import DocumentKind
from governance.goals import Direction, Unit
from governance.models import (
    Assessment,
    CycleDocument,
    Goal,
    Indicator,
    IndicatorValue,
    Opinion,
    ParticipationGovernance,
    Person,
    Seat,
)
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory, PolicyAreaFactory


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Testpersoon {n:04d}")
    function = PersonFunction.WETHOUDER
    municipality = factory.SubFactory(MunicipalityFactory)


class SeatFactory(DjangoModelFactory):
    """A current AB seat on behalf of a participating gemeente (the participation is made too)."""

    class Meta:
        model = Seat

    class Params:
        participation = factory.SubFactory(ParticipationFactory)

    person = factory.SubFactory(PersonFactory, municipality=factory.SelfAttribute("..participation.participant"))
    party = factory.SelfAttribute("participation.party")
    on_behalf_of = factory.SelfAttribute("participation.participant")
    body = Body.ALGEMEEN_BESTUUR
    role = SeatRole.LID
    started_on = datetime.date(2022, 4, 1)
    ended_on = None


class ParticipationGovernanceFactory(DjangoModelFactory):
    class Meta:
        model = ParticipationGovernance

    participation = factory.SubFactory(ParticipationFactory)
    owner_portfolio_holder = factory.SubFactory(
        PersonFactory, municipality=factory.SelfAttribute("..participation.participant")
    )
    account_holder = factory.SubFactory(
        PersonFactory,
        function=PersonFunction.AMBTENAAR,
        municipality=factory.SelfAttribute("..participation.participant"),
    )


class CycleDocumentFactory(DjangoModelFactory):
    class Meta:
        model = CycleDocument

    party = factory.SubFactory(PartyFactory)
    kind = DocumentKind.ONTWERPBEGROTING
    year = 2027
    sent_on = datetime.date(2026, 5, 1)


class OpinionFactory(DjangoModelFactory):
    class Meta:
        model = Opinion

    document = factory.SubFactory(CycleDocumentFactory)
    municipality = factory.SubFactory(MunicipalityFactory)


class AssessmentFactory(DjangoModelFactory):
    """A monitoring scan by a participating gemeente (the participation is made too)."""

    class Meta:
        model = Assessment

    class Params:
        participation = factory.SubFactory(ParticipationFactory)

    party = factory.SelfAttribute("participation.party")
    municipality = factory.SelfAttribute("participation.participant")
    assessed_on = datetime.date(2025, 3, 1)
    signal = Signal.GROEN


class GoalFactory(DjangoModelFactory):
    """A shared doel of a party, serving a test programma."""

    class Meta:
        model = Goal

    party = factory.SubFactory(PartyFactory)
    title = factory.Sequence(lambda n: f"Testdoel {n:04d}")
    policy_area = factory.SubFactory(PolicyAreaFactory)


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    goal = factory.SubFactory(GoalFactory)
    name = factory.Sequence(lambda n: f"Testindicator {n:04d}")
    unit = Unit.PROCENT
    direction = Direction.HOGER


class IndicatorValueFactory(DjangoModelFactory):
    """A year with a streefwaarde and a realisatie, measured at the end of the year."""

    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2025
    target = 80
    actual = 85
    source = "Testjaarverslag"
    measured_on = factory.LazyAttribute(lambda v: datetime.date(v.year, 12, 31) if v.actual is not None else None)
