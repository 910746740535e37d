"""The governance and risk sections of the factsheet page (part of reports/factsheet.py's assembly) and
of the gemeente page, as one dataclass each, built once per request next to the register's part
(partners/selectors.py). The templates only lay them out; no template tag runs a query."""

from dataclasses import dataclass
from datetime import date

from governance import risk_profile
from governance import selectors as governance_selectors
from governance.models import MunicipalPolicy
from partners import scoping
from partners import selectors as partner_selectors
from partners.models import Participant, Party
from risks import selectors as risk_selectors
from risks.svg import heatmap_section

# `?zetels=alle` on a factsheet adds the seats that have ended.
SHOW_PAST_SEATS = "alle"


def proposal_note(user) -> str:
    """What a reader of a risk-profile proposal needs to know: without confidential risks, if he may not see them."""
    return "" if scoping.can_see_confidential(user) else risk_profile.WITHOUT_CONFIDENTIAL


@dataclass
class PartySections:
    """What the factsheet page shows besides the register's own facts and the doelen: representation,
    cycle and monitoring ("sturing"), and the risk matrix ("risicos"), as far as the user may see them.
    A part that was not asked for is None."""

    representation: governance_selectors.PartyRepresentation | None
    cycle: governance_selectors.PartyCycle | None
    monitoring: list[governance_selectors.MunicipalityMonitoring] | None
    risks: dict | None
    proposal_note: str


# The parts of the factsheet (reports/factsheet.py) that these sections make.
GOVERNANCE_PART = "sturing"
RISKS_PART = "risicos"


def party_sections(
    *,
    party: Party,
    year: int,
    user,
    today: date,
    show_past_seats: bool,
    parts: frozenset[str] = frozenset({GOVERNANCE_PART, RISKS_PART}),
) -> PartySections:
    governance = GOVERNANCE_PART in parts
    return PartySections(
        representation=governance_selectors.party_representation(
            party=party, today=today, show_past=show_past_seats, year=year, user=user
        )
        if governance
        else None,
        cycle=governance_selectors.party_cycle(party=party, today=today) if governance else None,
        monitoring=governance_selectors.party_monitoring(party=party, user=user) if governance else None,
        risks=heatmap_section(
            risk_selectors.party_heatmap(party=party, user=user), {"partij": party.slug}, "Risico's", party.name
        )
        if RISKS_PART in parts
        else None,
        proposal_note=proposal_note(user),
    )


@dataclass
class MunicipalitySections:
    """What the gemeente page shows besides its deelnames and costs: who sits where, its visie and the
    risk profile per deelname ("sturing"), and the risk matrix of its parties ("risicos"). A part that
    was not asked for is None."""

    people: list[governance_selectors.PersonSeats] | None
    policy: MunicipalPolicy | None
    risk_profiles: list[governance_selectors.ParticipationProfile] | None
    risks: dict | None
    proposal_note: str


def municipality_participations(*, municipality: Participant, year: int) -> list:
    """All of the gemeente's deelnames, loaded once for every section of the gemeente page (the overview,
    the costs, the risk profiles and the attention points each pick theirs): 2 queries."""
    return list(
        partner_selectors.municipality_participations(municipality=municipality, year=year).select_related(
            "governance__owner_portfolio_holder", "governance__account_holder"
        )
    )


def municipality_sections(
    *,
    municipality: Participant,
    year: int,
    user,
    today: date,
    participations=None,
    parts: frozenset[str] = frozenset({GOVERNANCE_PART, RISKS_PART}),
) -> MunicipalitySections:
    """`participations`: those of municipality_participations, when the page loaded them already."""
    governance = GOVERNANCE_PART in parts
    if governance and participations is None:
        participations = municipality_participations(municipality=municipality, year=year)
    return MunicipalitySections(
        people=governance_selectors.municipality_seats_by_person(municipality=municipality, today=today)
        if governance
        else None,
        policy=MunicipalPolicy.objects.filter(municipality=municipality, year=year).first() if governance else None,
        risk_profiles=governance_selectors.municipality_risk_profiles(
            municipality=municipality, year=year, user=user, participations=participations
        )
        if governance
        else None,
        risks=heatmap_section(
            risk_selectors.municipality_heatmap(municipality=municipality, user=user),
            {"gemeente": municipality.code},
            "Risico's van de partijen",
            f"de partijen waarin {municipality.name} deelneemt",
        )
        if RISKS_PART in parts
        else None,
        proposal_note=proposal_note(user),
    )
