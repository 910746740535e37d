"""factory_boy factories of the register; codes start at GM9000 so they never meet the real gemeenten."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from partners.choices import FigureKind, LegalForm, ParticipantKind, PartyStatus
from partners.models import (
    Participant,
    Participation,
    ParticipationFinancials,
    Party,
    PartyFinancials,
    PolicyArea,
)

YEAR = 2025


class PolicyAreaFactory(DjangoModelFactory):
    class Meta:
        model = PolicyArea
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"T{n}")
    name = factory.Sequence(lambda n: f"Testbeleidsveld {n}")


class ProvinceFactory(DjangoModelFactory):
    class Meta:
        model = Participant

    kind = ParticipantKind.PROVINCIE
    code = factory.Sequence(lambda n: f"PV9{n:03d}")
    name = factory.Sequence(lambda n: f"Testprovincie {n}")


class MunicipalityFactory(DjangoModelFactory):
    """A gemeente with a CBS code in the unused range GM9000-GM9999."""

    class Meta:
        model = Participant

    kind = ParticipantKind.GEMEENTE
    code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")
    name = factory.Sequence(lambda n: f"Testgemeente {n:04d}")


class ParticipantFactory(DjangoModelFactory):
    """Another kind of deelnemer, such as a waterschap."""

    class Meta:
        model = Participant

    kind = ParticipantKind.WATERSCHAP
    code = factory.Sequence(lambda n: f"WS9{n:03d}")
    name = factory.Sequence(lambda n: f"Testwaterschap {n}")


class PartyFactory(DjangoModelFactory):
    class Meta:
        model = Party

    name = factory.Sequence(lambda n: f"Testpartij {n:04d}")
    legal_form = LegalForm.OPENBAAR_LICHAAM
    seat = "Utrecht"
    status = PartyStatus.ACTIEF

    class Params:
        centrum = factory.Trait(
            legal_form=LegalForm.CENTRUMGEMEENTEREGELING,
            central_municipality=factory.SubFactory(MunicipalityFactory),
        )
        ended = factory.Trait(status=PartyStatus.BEEINDIGD, ended_on=datetime.date(2024, 12, 31))


class ParticipationFactory(DjangoModelFactory):
    class Meta:
        model = Participation

    party = factory.SubFactory(PartyFactory)
    participant = factory.SubFactory(MunicipalityFactory)
    governance_interest = True
    financial_interest = True


class PartyFinancialsFactory(DjangoModelFactory):
    class Meta:
        model = PartyFinancials

    party = factory.SubFactory(PartyFactory)
    year = YEAR
    kind = FigureKind.BEGROTING
    equity_start = Decimal("1000000.00")
    equity_end = Decimal("1100000.00")
    liabilities_start = Decimal("2000000.00")
    liabilities_end = Decimal("1900000.00")
    result = Decimal("100000.00")


class ParticipationFinancialsFactory(DjangoModelFactory):
    class Meta:
        model = ParticipationFinancials

    participation = factory.SubFactory(ParticipationFactory)
    year = YEAR
    kind = FigureKind.BEGROTING
    contribution = Decimal("100000.00")
