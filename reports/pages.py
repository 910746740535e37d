"""The governance and risk sections of the factsheet page (part of reports/factsheet.py's assembly) and
of the gemeente page, as one dataclass each, built once per request next to the register's part
(partners/selectors.py). The templates only lay them out; no template tag runs a query."""

from dataclasses import dataclass
from datetime import date

from governance import risk_profile
from governance import selectors as governance_selectors
from governance.agenda import Dashboard, municipality_dashboard
from governance.attention_points import AttentionOverview, attention_points_for_municipality, group_by_party
from governance.models import MunicipalPolicy
from partners import scoping
from partners import selectors as partner_selectors
from partners.models import Participant, Party
from risks import selectors as risk_selectors
from risks.matrix import Heatmap
from risks.svg import heatmap_section

# `?zetels=alle` on a factsheet adds the seats that have ended.
SHOW_PAST_SEATS = "alle"


def proposal_note(user) -> str:
    """What a reader of a risk-profile proposal needs to know: without confidential risks, if he may not see them."""
    return "" if scoping.can_see_confidential(user) else risk_profile.WITHOUT_CONFIDENTIAL


@dataclass
class PartySections:
    """What the factsheet page shows besides the register's own facts and the doelen: representation,
    cycle, monitoring and the risk matrix, as far as the user may see them."""

    representation: governance_selectors.PartyRepresentation | None
    cycle: governance_selectors.PartyCycle | None
    monitoring: list[governance_selectors.MunicipalityMonitoring]
    risks: dict | None
    proposal_note: str


def party_sections(
    *, party: Party, year: int, user, today: date, show_past_seats: bool, parts=("sturing", "risicos")
) -> PartySections:
    """`parts`: what the page shows: "vertegenwoordiging" and "cyclus" (the overview), "sturing" (both and
    the monitoring), "risicos" (the risk matrix); the rest stays empty."""
    governing = "sturing" in parts
    return PartySections(
        representation=governance_selectors.party_representation(
            party=party, today=today, show_past=show_past_seats, year=year, user=user
        )
        if governing or "vertegenwoordiging" in parts
        else None,
        cycle=governance_selectors.party_cycle(party=party, today=today) if governing or "cyclus" in parts else None,
        monitoring=governance_selectors.party_monitoring(party=party, user=user) if governing else [],
        risks=heatmap_section(
            risk_selectors.party_heatmap(party=party, user=user), {"partij": party.slug}, "Risico's", party.name
        )
        if "risicos" in parts
        else None,
        proposal_note=proposal_note(user),
    )


def levels_of(heatmap: Heatmap) -> list[tuple]:
    """The open risks of a matrix counted per level, the highest level first."""
    counted: dict = {}
    for row in heatmap.rows:
        for cell in row:
            if cell.count and cell.level is not None:
                counted[cell.level] = counted.get(cell.level, 0) + cell.count
    return sorted(counted.items(), key=lambda item: -item[0].min_score)


@dataclass
class PartySummary:
    """The first questions about a party, on the factsheet's overview: what it costs the reader's
    gemeenten, who represents, its open risks per level and the next deadlines of its cycle."""

    sections: PartySections
    comparison_rows: list
    own_ids: frozenset[int] | None
    seat_count: int = 6
    deadline_count: int = 3

    @property
    def own_costs(self) -> list:
        if self.own_ids is None:
            return []
        return [row for row in self.comparison_rows if row.participant.pk in self.own_ids]

    @property
    def seats(self) -> list:
        return self.sections.representation.seats[: self.seat_count]

    @property
    def more_seats(self) -> int:
        return max(0, len(self.sections.representation.seats) - self.seat_count)

    @property
    def risks_per_level(self) -> list[tuple]:
        return levels_of(self.sections.risks["heatmap"])

    @property
    def next_deadlines(self) -> list:
        today = self.sections.representation.today
        return [d for d in self.sections.cycle.deadlines if d.date >= today][: self.deadline_count]


def party_summary(*, sections: PartySections, costs, user) -> PartySummary:
    return PartySummary(sections, costs.comparison.rows if costs else [], scoping.municipality_ids(user))


@dataclass
class MunicipalitySections:
    """What the gemeente page's tab Sturing en planning (its visie, who sits where, the risk profile per
    deelname) and its tab Risico's (the risk matrix of its parties) show; a part not asked for is empty."""

    people: list[governance_selectors.PersonSeats]
    policy: MunicipalPolicy | None
    risk_profiles: list[governance_selectors.ParticipationProfile]
    risks: dict | None
    proposal_note: str


@dataclass
class MunicipalitySummary:
    """The first questions about a gemeente, on its overview: what needs attention, its open risks per
    level and the deadlines that passed or come next."""

    attention: AttentionOverview
    risks: Heatmap
    dashboard: Dashboard
    next_count: int = 3

    @property
    def risks_per_level(self) -> list[tuple]:
        return levels_of(self.risks)

    @property
    def next_deadlines(self) -> list:
        return self.dashboard.upcoming[: self.next_count]


def municipality_participations(*, municipality: Participant, year: int) -> list:
    """All of the gemeente's deelnames, loaded once for every section of the gemeente page (the overview,
    the costs, the risk profiles and the attention points each pick theirs): 2 queries."""
    return list(
        partner_selectors.municipality_participations(municipality=municipality, year=year).select_related(
            "governance__owner_portfolio_holder", "governance__account_holder"
        )
    )


def municipality_summary(
    *, municipality: Participant, year: int, user, today: date, participations=None
) -> MunicipalitySummary:
    """The overview's answers; `participations` as in municipality_sections."""
    if participations is None:
        participations = municipality_participations(municipality=municipality, year=year)
    points = attention_points_for_municipality(municipality=municipality, today=today, participations=participations)
    return MunicipalitySummary(
        attention=group_by_party(points),
        risks=risk_selectors.municipality_heatmap(municipality=municipality, user=user),
        dashboard=municipality_dashboard(municipality=municipality, today=today),
    )


def municipality_sections(
    *, municipality: Participant, year: int, user, today: date, participations=None, parts=("sturing", "risicos")
) -> MunicipalitySections:
    """`participations`: those of municipality_participations, when the page loaded them already; `parts`:
    the tabs to fill ("sturing", "risicos")."""
    if participations is None and "sturing" in parts:
        participations = municipality_participations(municipality=municipality, year=year)
    governing = "sturing" in parts
    return MunicipalitySections(
        people=governance_selectors.municipality_seats_by_person(municipality=municipality, today=today)
        if governing
        else [],
        policy=MunicipalPolicy.objects.filter(municipality=municipality, year=year).first() if governing else None,
        risk_profiles=governance_selectors.municipality_risk_profiles(
            municipality=municipality, year=year, user=user, participations=participations
        )
        if governing
        else [],
        risks=heatmap_section(
            risk_selectors.municipality_heatmap(municipality=municipality, user=user),
            {"gemeente": municipality.code},
            "Risico's van de partijen",
            f"de partijen waarin {municipality.name} deelneemt",
        )
        if "risicos" in parts
        else None,
        proposal_note=proposal_note(user),
    )
