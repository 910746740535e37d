"""The overview tab of a party's page and of a gemeente's page: the first questions answered in a screen
or two (what it is, who takes part, what it costs us, who represents us, open risks and deadlines, what
needs attention), each with a link to the tab that has the rest. One dataclass per page, built with a
constant number of queries; the templates only lay it out."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from governance import early_warnings
from governance.agenda import AgendaItem, municipality_dashboard
from governance.attention_points import AttentionOverview, attention_points_for_municipality, group_by_party
from governance.choices import REPRESENTATIVE_BODIES
from governance.deadlines import Deadline
from governance.models import Seat
from governance.selectors import PersonSeats, municipality_seats_by_person, party_cycle
from partners import scoping
from partners import selectors as partner_selectors
from partners.models import Participant, Party
from partners.selectors import MunicipalityOverview, ParticipationRow
from risks import selectors as risk_selectors
from risks.matrix import Heatmap

# How many of a list the overview names before it links to the tab with all of them.
SHOWN = 6


@dataclass(frozen=True)
class LevelCount:
    name: str
    code: str
    count: int


def level_counts(heatmap: Heatmap) -> list[LevelCount]:
    """The open risks in a matrix counted per level, the highest level first; levels without risks left out."""
    counts = Counter()
    for row in heatmap.rows:
        for cell in row:
            if cell.count and cell.level is not None:
                counts[cell.level.code] += cell.count
    levels = sorted(heatmap.levels, key=lambda level: level.min_score, reverse=True)
    return [LevelCount(level.name, level.code, counts[level.code]) for level in levels if counts[level.code]]


@dataclass
class PartyOverview:
    """The overview of a party as one reader sees it: `own_rows`, `seats`, `attention` are those of his
    gemeenten; a reader who sees every gemeente gets the seats of all and no gemeente's attention points."""

    party: Party
    year: int
    sees_everything: bool
    own_rows: list[ParticipationRow]
    seats: list[Seat]
    seat_count: int
    risk_total: int
    risk_levels: list[LevelCount]
    deadlines: list[Deadline]
    no_cycle_reason: str
    warnings: list[early_warnings.RegionalParty]
    attention: AttentionOverview | None = None

    @property
    def more_seats(self) -> int:
        return self.seat_count - len(self.seats)


def party_overview(*, party: Party, user, year: int, today: date) -> PartyOverview:
    """About 12 queries, however many deelnemers, seats and risks the party has."""
    ids = scoping.municipality_ids(user)
    # The party's own bronhouder reads it as the party: all deelnemers and seats, no gemeente's own view.
    whole_party = ids is None or party.pk in scoping.own_party_ids(user)
    own_rows, attention = [], None
    seats = Seat.objects.current(on=today).filter(party=party, body__in=REPRESENTATIVE_BODIES)
    if not whole_party:
        participations = list(
            partner_selectors.participations_of_party(party=party, year=year)
            .filter(participant_id__in=ids)
            .select_related(
                "governance__owner_portfolio_holder",
                "governance__client_portfolio_holder",
                "governance__account_holder",
            )
        )
        own_rows = partner_selectors.participant_rows(participations)
        points = []
        for participation in participations:
            points += attention_points_for_municipality(
                municipality=participation.participant, today=today, participations=[participation]
            )
        attention = None if scoping.reads_public_version(user) else group_by_party(points)
        seats = seats.filter(on_behalf_of_id__in=ids)
    seats = seats.select_related("person", "on_behalf_of").order_by(
        "body", "role", "on_behalf_of__name", "person__name"
    )
    seat_count = seats.count()
    heatmap = risk_selectors.party_heatmap(party=party, user=user)
    cycle = party_cycle(party=party, today=today)
    return PartyOverview(
        party=party,
        year=year,
        sees_everything=whole_party,
        own_rows=own_rows,
        seats=list(seats[:SHOWN]),
        seat_count=seat_count,
        risk_total=heatmap.total,
        risk_levels=level_counts(heatmap),
        deadlines=[deadline for deadline in cycle.deadlines if deadline.date >= today][:3],
        no_cycle_reason=cycle.no_cycle_reason,
        warnings=early_warnings.regional_overview(user=user, today=today, party_ids=[party.pk]),
        attention=attention,
    )


@dataclass
class MunicipalityOverviewPage:
    """The overview of a gemeente: its deelnames counted per BBV category and its largest bijdragen,
    who sits where on its behalf, the open risks of its parties, the coming deadlines and its
    attention points."""

    overview: MunicipalityOverview
    largest: list[ParticipationRow]
    people: list[PersonSeats]
    person_count: int
    seat_count: int
    risk_total: int
    risk_levels: list[LevelCount]
    upcoming: list[AgendaItem]
    overdue_count: int
    warnings: early_warnings.WarningOverview
    attention: AttentionOverview


def municipality_overview_page(
    *, municipality: Participant, user, year: int, today: date, participations
) -> MunicipalityOverviewPage:
    """`participations`: reports.pages.municipality_participations, loaded once by the page."""
    overview = partner_selectors.municipality_overview(
        municipality=municipality, year=year, participations=participations
    )
    rows = [row for group in overview.groups for row in group.rows if row.contribution_applies and row.contribution]
    largest = sorted(rows, key=lambda row: row.contribution, reverse=True)[:5]
    people = municipality_seats_by_person(municipality=municipality, today=today)
    dashboard = municipality_dashboard(municipality=municipality, today=today)
    heatmap = risk_selectors.municipality_heatmap(municipality=municipality, user=user)
    return MunicipalityOverviewPage(
        overview=overview,
        largest=largest,
        people=people[:SHOWN],
        person_count=len(people),
        seat_count=sum(len(entry.seats) for entry in people),
        risk_total=heatmap.total,
        risk_levels=level_counts(heatmap),
        upcoming=dashboard.upcoming[:3],
        overdue_count=len(dashboard.overdue),
        warnings=early_warnings.municipality_overview(
            municipality=municipality, today=today, user=user, participations=participations
        ),
        attention=group_by_party(
            []
            if scoping.reads_public_version(user)
            else attention_points_for_municipality(
                municipality=municipality, today=today, participations=participations
            )
        ),
    )
