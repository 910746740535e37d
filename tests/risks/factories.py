"""factory_boy factories of the risk register."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from risks.choices import MeasureStatus, RiskCategory, RiskStatus
from risks.models import Measure, ResistanceCapacity, Risk
from tests.partners.factories import MunicipalityFactory, PartyFactory


class RiskFactory(DjangoModelFactory):
    class Meta:
        model = Risk

    party = factory.SubFactory(PartyFactory)
    category = RiskCategory.FINANCIEEL
    title = factory.Sequence(lambda n: f"Testrisico {n:04d}")
    likelihood = 3
    impact = 3
    amount_max = Decimal("100000.00")
    status = RiskStatus.OPEN
    owner = "Concerncontroller"
    identified_on = datetime.date(2025, 1, 15)
    reviewed_on = datetime.date(2025, 6, 1)


class MeasureFactory(DjangoModelFactory):
    class Meta:
        model = Measure

    risk = factory.SubFactory(RiskFactory)
    description = factory.Sequence(lambda n: f"Maatregel {n}")
    owner = "Accounthouder"
    due_on = datetime.date(2025, 12, 31)
    status = MeasureStatus.GEPLAND


class ResistanceCapacityFactory(DjangoModelFactory):
    class Meta:
        model = ResistanceCapacity

    municipality = factory.SubFactory(MunicipalityFactory)
    year = 2025
    available = Decimal("1000000.00")
