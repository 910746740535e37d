"""factory_boy factories of the register; codes start at GM9000 so they never meet the real gemeenten."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from partners.choices import FigureKind, LegalForm, ParticipantKind, PartyKind, PartyStatus
from partners.models import (
    Participant,
    Participation,
    ParticipationFinancials,
    Party,
    PartyFinancials,
    PolicyArea,
    Population,
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


class PopulationFactory(DjangoModelFactory):
    class Meta:
        model = Population

    participant = factory.SubFactory(MunicipalityFactory)
    year = YEAR
    inhabitants = 10_000
    source = "Testbron"


def sample_register():
    """Five parties, one per kind of filter value, with two test gemeenten; returns them by short name."""
    area = {area.code: area for area in PolicyArea.objects.all()}
    dorp = MunicipalityFactory(name="Testdorp")
    stad = MunicipalityFactory(name="Teststad")
    parties = {
        "vr": PartyFactory(
            name="Veiligheidsregio Testland",
            abbreviation="VRT",
            legal_form=LegalForm.OPENBAAR_LICHAAM,
            kind=PartyKind.VEILIGHEIDSREGIO,
            seat="Groningen",
            policy_area=area["1"],
        ),
        "bank": PartyFactory(
            name="Bank Nederlandse Testgemeenten",
            abbreviation="BNT",
            legal_form=LegalForm.NV,
            seat="Den Haag",
            policy_area=area["0"],
            kvk_number="27008387",
        ),
        "archief": PartyFactory(
            name="Stichting Streekarchief",
            legal_form=LegalForm.STICHTING,
            seat="Zwolle",
            policy_area=area["5"],
            status=PartyStatus.IN_LIQUIDATIE,
        ),
        "afval": PartyFactory(
            name="Afvalcoöperatie Twente",
            abbreviation="ACT",
            legal_form=LegalForm.COOPERATIE,
            seat="Hengelo",
            policy_area=area["7"],
            ended=True,
        ),
        "egts": PartyFactory(
            name="EGTS Grensregio Maas",
            legal_form=LegalForm.OVERIG,
            seat="Venlo",
            status=PartyStatus.IN_OPRICHTING,
            founded_on=datetime.date(2024, 3, 1),
        ),
    }
    vr_dorp = ParticipationFactory(party=parties["vr"], participant=dorp, share_percentage=Decimal("12.5"))
    vr_stad = ParticipationFactory(party=parties["vr"], participant=stad, share_percentage=Decimal("87.5"))
    bank_dorp = ParticipationFactory(party=parties["bank"], participant=dorp, share_percentage=Decimal("0.11"))
    ParticipationFactory(party=parties["archief"], participant=stad)
    ParticipationFinancialsFactory(participation=vr_dorp, contribution=Decimal("1234567.00"))
    ParticipationFinancialsFactory(participation=vr_stad, contribution=Decimal("500000.50"))
    ParticipationFinancialsFactory(participation=bank_dorp, contribution=None, dividend=Decimal("222923"))
    return {"dorp": dorp, "stad": stad, **parties}
