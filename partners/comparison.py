"""How a party compares with the parties of the same kind (partners.choices.PartyKind) across the whole
register, and what a gemeente pays per inwoner against its co-deelnemers and against the same kind
elsewhere.

Four figures per party and year: the kosten per inwoner of its deelnemende gemeenten (their bijdragen
together divided by their inwoners together, inwoners on 1 January of the year: partners.Population),
the growth of all bijdragen over five years, eigen vermogen as a share of the balance total (eigen plus
vreemd vermogen on 31 December) and the financieel resultaat. A bijdrage is the realisatie when known,
else the begroting (partners/costs.py); the party's own figures likewise, and a vennootschap's its latest
jaarrekening. A missing figure is "niet bekend" and stays out of the spread (never counted as zero); a
figure that cannot exist (vermogen of a regeling without legal personality) is "n.v.t.".

Every party of the kind counts in the median and the spread; only the parties the user may see
(partners/scoping.py) are named, the others are "andere partijen". A page costs the same few queries
however many parties the kind has.
"""

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils.safestring import SafeString

from core import charts
from core.formatting import NOT_APPLICABLE, UNKNOWN, euro, pct, short_euro, signed_pct

from . import costs, scoping
from .choices import FigureKind, PartyKind
from .models import Participant, Participation, ParticipationFinancials, Party, PartyFinancials, Population

GROWTH_YEARS = 5
# Kinds that form a group of like parties; "overig" is alike only in being none of these.
COMPARABLE_KINDS = [kind for kind in PartyKind if kind != PartyKind.OVERIG]


class _NotApplicable:
    """A figure that cannot exist for this party (not a missing one)."""

    def __repr__(self):
        return "n.v.t."


NVT = _NotApplicable()


# --- Statistics -----------------------------------------------------------------------------------


def percentile(ordered: list[Decimal], fraction: Decimal) -> Decimal:
    """The percentile of sorted values with linear interpolation between the nearest ranks (Excel's
    PERCENTIEL.INC, numpy's default): P50 of 1, 2, 3, 10 is 2,5."""
    position = (len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


@dataclass(frozen=True)
class Spread:
    """The median and the spread of the known values of a group."""

    count: int
    minimum: Decimal
    p25: Decimal
    median: Decimal
    p75: Decimal
    maximum: Decimal

    @property
    def values(self) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal]:
        return self.minimum, self.p25, self.median, self.p75, self.maximum


def spread(values) -> Spread | None:
    """The spread of the known values (None and n.v.t. left out); None when not one is known."""
    return spread_of_sorted(sorted(v for v in values if isinstance(v, Decimal)))


def spread_of_sorted(known: list[Decimal]) -> Spread | None:
    """spread() of values that are all known and already sorted (a national kind has thousands)."""
    if not known:
        return None
    quarter, half, three = Decimal("0.25"), Decimal("0.5"), Decimal("0.75")
    return Spread(
        len(known),
        known[0],
        percentile(known, quarter),
        percentile(known, half),
        percentile(known, three),
        known[-1],
    )


def position(value, values) -> int | None:
    """The place of `value` among the known `values` (it among them), counted from the lowest: 1 is
    the lowest; equal values share the lowest place. None when the value is not known."""
    if not isinstance(value, Decimal):
        return None
    return 1 + sum(1 for v in values if isinstance(v, Decimal) and v < value)


# --- The figures of one party ---------------------------------------------------------------------


def _round(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def per_inhabitant_of(pairs) -> Decimal | None:
    """Bijdragen together divided by inwoners together, of the (bijdrage, inwoners) pairs that have
    both; None when none has both."""
    known = [(amount, people) for amount, people in pairs if amount is not None and people]
    if not known:
        return None
    return costs.per_inhabitant(sum((a for a, _ in known), Decimal("0")), sum(p for _, p in known))


def equity_share(equity: Decimal | None, liabilities: Decimal | None) -> Decimal | None:
    """Eigen vermogen as a percentage of the balance total (eigen plus vreemd vermogen), one decimal;
    None when either is missing or the total is not positive."""
    if equity is None or liabilities is None:
        return None
    total = equity + liabilities
    if total <= 0:
        return None
    return _round(equity * 100 / total, "0.1")


def _signed(value) -> str:
    return signed_pct(value) or UNKNOWN


def _share(value) -> str:
    # A percentile between two shares has more decimals than the shares themselves.
    return pct(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    unit: str
    fmt: Callable[[Decimal], str]


MEASURES = [
    Measure(
        "per_inhabitant",
        "Kosten per inwoner",
        "bijdragen van de deelnemende gemeenten samen gedeeld door hun inwoners samen",
        lambda v: euro(v, 2),
    ),
    Measure(
        "growth",
        f"Groei bijdrage in {GROWTH_YEARS} jaar",
        f"alle bijdragen van het jaar tegen die van {GROWTH_YEARS} jaar eerder",
        _signed,
    ),
    Measure(
        "equity_share",
        "Eigen vermogen / balans",
        "eigen vermogen op 31-12 als deel van eigen plus vreemd vermogen (solvabiliteit)",
        _share,
    ),
    Measure("result", "Resultaat", "financieel resultaat van het jaar", short_euro),
]


@dataclass
class PeerFigures:
    """The four figures of one party of the kind; `shown` when the user may see the party."""

    pk: int
    name: str
    slug: str
    shown: bool
    values: dict[str, object] = field(default_factory=dict)

    def display(self, measure: Measure) -> str:
        value = self.values.get(measure.key)
        if value is NVT:
            return NOT_APPLICABLE
        if value is None:
            return UNKNOWN
        return measure.fmt(value)

    @property
    def texts(self) -> list[str]:
        return [self.display(measure) for measure in MEASURES]


@dataclass
class MeasureSummary:
    measure: Measure
    spread: Spread | None
    value: object
    position: int | None
    missing: int  # parties of the kind without this figure (niet bekend)
    not_applicable: int

    @property
    def value_text(self) -> str:
        if self.value is NVT:
            return NOT_APPLICABLE
        return UNKNOWN if self.value is None else self.measure.fmt(self.value)

    def text(self, attr: str) -> str:
        return self.measure.fmt(getattr(self.spread, attr)) if self.spread else UNKNOWN

    @property
    def median_text(self) -> str:
        return self.text("median")

    @property
    def middle_text(self) -> str:
        return f"{self.text('p25')} – {self.text('p75')}" if self.spread else UNKNOWN

    @property
    def range_text(self) -> str:
        return f"{self.text('minimum')} – {self.text('maximum')}" if self.spread else UNKNOWN

    @property
    def position_text(self) -> str:
        if self.position is None or not self.spread:
            return UNKNOWN if self.value is not NVT else NOT_APPLICABLE
        return f"{self.position} van {self.spread.count}"


@dataclass
class PeerComparison:
    party: Party
    year: int
    peers: list[PeerFigures]  # every party of the kind, this party among them
    own: PeerFigures | None
    summaries: list[MeasureSummary]

    @property
    def kind_label(self) -> str:
        return PartyKind(self.party.kind).label if self.party.kind else ""

    @property
    def comparable(self) -> bool:
        return self.party.kind in COMPARABLE_KINDS

    @property
    def shown_peers(self) -> list[PeerFigures]:
        """The parties the page names: this one first, then the visible others by name."""
        others = sorted((p for p in self.peers if p.shown and p.pk != self.party.pk), key=lambda p: p.name)
        return ([self.own] if self.own else []) + others

    @property
    def hidden_count(self) -> int:
        return sum(1 for p in self.peers if not p.shown)

    @property
    def alone(self) -> bool:
        return len(self.peers) <= 1

    @property
    def chart(self) -> SafeString:
        strips = [
            charts.Strip(
                summary.measure.label,
                summary.spread.values if summary.spread else None,
                summary.value if isinstance(summary.value, Decimal) else None,
                "deze partij",
                summary.measure.fmt,
            )
            for summary in self.summaries
        ]
        described = "; ".join(
            f"{s.measure.label}: deze partij {s.value_text}, mediaan {s.median_text}, middelste helft "
            f"{s.middle_text}, van {s.range_text}"
            for s in self.summaries
        )
        return charts.spread_chart(
            strips=strips,
            title=f"{self.party.name} naast de andere partijen van de soort {self.party.kind_in_text} in {self.year}",
            description=f"{described}. Elke rij heeft haar eigen schaal.",
            chart_id=f"vergelijking-soort-{self.party.pk}",
            fmt=euro,
        )


# --- Loading --------------------------------------------------------------------------------------


def _alive_in(year: int) -> Q:
    return Q(ended_on__isnull=True) | Q(ended_on__gte=date(year, 1, 1))


def _bijdragen(*, parties: Q, years: list[int]):
    """(party id, participant id, year, bijdrage) of the deelnames of the parties, one query; the
    bijdrage of a year is the realisatie when known, else the begroting."""
    return (
        ParticipationFinancials.objects.filter(parties, year__in=years)
        .values("participation__party_id", "participation__participant_id", "year")
        .annotate(**costs.contribution_of_year())
        .filter(amount__isnull=False)
        .order_by()
        .values_list("participation__party_id", "participation__participant_id", "year", "amount")
    )


def _inhabitants(*, participants, year: int) -> dict[int, int]:
    return dict(
        Population.objects.filter(year=year, participant_id__in=participants)
        .order_by()
        .values_list("participant_id", "inhabitants")
    )


def _balance_figures(*, parties: list[Party], year: int) -> dict[int, tuple]:
    """Per party (equity_end, liabilities_end, result) of `year`: the jaarrekening when there is one, else
    the begroting; a vennootschap (no begroting) its latest jaarrekening up to the year."""
    shares = [p.pk for p in parties if p.has_shares]
    rows = (
        PartyFinancials.objects.filter(
            Q(year=year) | Q(party_id__in=shares, year__lt=year, kind=FigureKind.REALISATIE),
            party_id__in=[p.pk for p in parties],
        )
        .order_by()
        .values_list("party_id", "year", "kind", "equity_end", "liabilities_end", "result")
    )
    best: dict[int, tuple] = {}
    for party_id, figure_year, kind, equity, liabilities, result in rows:
        rank = (figure_year, 1 if kind == FigureKind.REALISATIE else 0)
        if party_id not in best or rank > best[party_id][0]:
            best[party_id] = (rank, (equity, liabilities, result))
    return {party_id: figures for party_id, (_, figures) in best.items()}


def party_values(*, party: Party, year: int, bijdragen, inhabitants, balance) -> dict[str, object]:
    """The four figures of one party from what was loaded for the whole kind."""
    now = bijdragen.get((party.pk, year), {})
    before = bijdragen.get((party.pk, year - GROWTH_YEARS), {})
    total_now = sum(now.values(), Decimal("0")) if now else None
    total_before = sum(before.values(), Decimal("0")) if before else None
    values: dict[str, object] = {
        "per_inhabitant": per_inhabitant_of((amount, inhabitants.get(pid)) for pid, amount in now.items()),
        "growth": costs.change_percentage(total_now, total_before),
    }
    equity, liabilities, result = balance.get(party.pk, (None, None, None))
    values["equity_share"] = equity_share(equity, liabilities) if party.has_own_balance_sheet else NVT
    values["result"] = result if party.has_own_result else NVT
    return values


def _summaries(own_values: dict | None, peers: list[PeerFigures]) -> list[MeasureSummary]:
    summaries = []
    for measure in MEASURES:
        values = [p.values.get(measure.key) for p in peers]
        value = own_values.get(measure.key) if own_values is not None else None
        summaries.append(
            MeasureSummary(
                measure=measure,
                spread=spread(values),
                value=value,
                position=position(value, values),
                missing=sum(1 for v in values if v is None),
                not_applicable=sum(1 for v in values if v is NVT),
            )
        )
    return summaries


def peer_comparison(*, party: Party, year: int, user) -> PeerComparison:
    """The party against every party of its kind in `year` (parties that had ended before the year are
    left out). Five queries, whatever the number of parties and deelnemers; none without a kind."""
    if party.kind not in COMPARABLE_KINDS:
        return PeerComparison(party, year, [], None, _summaries(None, []))
    of_kind = Party.objects.filter(_alive_in(year), kind=party.kind) | Party.objects.filter(pk=party.pk)
    parties = list(of_kind.only("pk", "name", "slug", "legal_form", "kind").order_by("name", "pk"))
    ids = [p.pk for p in parties]
    visible = set(scoping.visible_parties(user, Party.objects.filter(pk__in=ids)).values_list("pk", flat=True))
    years = [year, year - GROWTH_YEARS]
    bijdragen: dict[tuple[int, int], dict[int, Decimal]] = defaultdict(dict)
    for party_id, participant_id, figure_year, amount in _bijdragen(
        parties=Q(participation__party_id__in=ids), years=years
    ):
        bijdragen[(party_id, figure_year)][participant_id] = amount
    participants = {pid for (_, y), row in bijdragen.items() if y == year for pid in row}
    inhabitants = _inhabitants(participants=list(participants), year=year)
    balance = _balance_figures(parties=parties, year=year)
    peers, own = [], None
    for peer in parties:
        figures = PeerFigures(
            peer.pk,
            peer.name,
            peer.slug,
            peer.pk in visible or peer.pk == party.pk,
            party_values(party=peer, year=year, bijdragen=bijdragen, inhabitants=inhabitants, balance=balance),
        )
        peers.append(figures)
        if peer.pk == party.pk:
            own = figures
    return PeerComparison(party, year, peers, own, _summaries(own.values if own else None, peers))


# --- A gemeente's bijdrage per inwoner against others ---------------------------------------------


@dataclass
class MunicipalityPeerRow:
    """One party of a gemeente: its bijdrage per inwoner, against the other deelnemers of the party
    and against the gemeenten in the other parties of the same kind."""

    party: Party
    value: Decimal | None
    co_participants: Spread | None
    co_position: int | None
    co_count: int
    elsewhere: Spread | None
    elsewhere_position: int | None
    elsewhere_parties: int

    @property
    def kind_label(self) -> str:
        return PartyKind(self.party.kind).label

    @property
    def value_text(self) -> str:
        return costs.euro_per_inhabitant(self.value) if self.value is not None else UNKNOWN

    @staticmethod
    def _spread_text(found: Spread | None, attr: str) -> str:
        return costs.euro_per_inhabitant(getattr(found, attr)) if found else UNKNOWN

    def co_text(self, attr):
        return self._spread_text(self.co_participants, attr)

    def elsewhere_text(self, attr):
        return self._spread_text(self.elsewhere, attr)

    @property
    def co_median(self):
        return self.co_text("median")

    @property
    def co_middle(self):
        if not self.co_participants:
            return UNKNOWN
        return f"{self.co_text('p25')} – {self.co_text('p75')}"

    @property
    def elsewhere_median(self):
        return self.elsewhere_text("median")

    @property
    def elsewhere_middle(self):
        if not self.elsewhere:
            return UNKNOWN
        return f"{self.elsewhere_text('p25')} – {self.elsewhere_text('p75')}"

    @property
    def co_position_text(self) -> str:
        if self.co_position is None or not self.co_participants:
            return UNKNOWN
        return f"{self.co_position} van {self.co_participants.count + 1}"

    @property
    def elsewhere_position_text(self) -> str:
        if self.elsewhere_position is None or not self.elsewhere:
            return UNKNOWN
        return f"{self.elsewhere_position} van {self.elsewhere.count + 1}"

    def chart(self, municipality: Participant, year: int) -> SafeString:
        strips = [
            charts.Strip(
                "Andere deelnemers",
                self.co_participants.values if self.co_participants else None,
                self.value,
                municipality.name,
            ),
            charts.Strip(
                "Zelfde soort elders", self.elsewhere.values if self.elsewhere else None, self.value, municipality.name
            ),
        ]
        return charts.spread_chart(
            strips=strips,
            title=f"Bijdrage per inwoner van {municipality.name} aan {self.party.name} in {year}",
            description=(
                f"{municipality.name}: {self.value_text} per inwoner. Andere deelnemers van de partij: mediaan "
                f"{self.co_median}, middelste helft {self.co_middle}. Gemeenten in andere partijen van de soort "
                f"{self.party.kind_in_text}: mediaan {self.elsewhere_median}, middelste helft {self.elsewhere_middle}."
            ),
            chart_id=f"vergelijking-{municipality.code}-{self.party.pk}",
            fmt=costs.euro_per_inhabitant,
        )


@dataclass
class MunicipalityComparison:
    municipality: Participant
    year: int
    rows: list[MunicipalityPeerRow]
    without_kind: int  # the gemeente's parties without a comparable kind

    @property
    def charts(self) -> list[tuple[MunicipalityPeerRow, SafeString]]:
        return [(row, row.chart(self.municipality, self.year)) for row in self.rows]


def municipality_comparison(*, municipality: Participant, year: int) -> MunicipalityComparison:
    """The gemeente's bijdrage per inwoner in `year` to each of its parties with a kind, against the
    other deelnemers of that party and against the gemeenten in the other parties of the kind (these
    are never named, so no scoping is needed). Four queries, whatever the number of parties."""
    participations = list(
        Participation.objects.filter(participant=municipality)
        .flag_active_in_year(year)
        .select_related("party")
        .order_by("party__name", "pk")
    )
    parties = [
        p.party
        for p in participations
        if p.active_in_year and p.party.kind in COMPARABLE_KINDS and p.is_verbonden_partij
    ]
    without_kind = len({p.party_id for p in participations if p.active_in_year}) - len(parties)
    kinds = {party.kind for party in parties}
    if not kinds:
        return MunicipalityComparison(municipality, year, [], without_kind)
    per_party: dict[int, dict[int, Decimal]] = defaultdict(dict)
    kind_of: dict[int, str] = {}
    rows = (
        ParticipationFinancials.objects.filter(
            Q(participation__party__kind__in=kinds) & Q(participation__participant__kind=municipality.kind),
            year=year,
        )
        .values("participation__party_id", "participation__party__kind", "participation__participant_id")
        .annotate(**costs.contribution_of_year())
        .filter(amount__isnull=False)
        .order_by()
        .values_list("participation__party_id", "participation__party__kind", "participation__participant_id", "amount")
    )
    for party_id, kind, participant_id, amount in rows:
        per_party[party_id][participant_id] = amount
        kind_of[party_id] = kind
    people = _inhabitants(participants=list({pid for row in per_party.values() for pid in row}), year=year)
    per_inhabitant = {
        party_id: {pid: costs.per_inhabitant(amount, people.get(pid)) for pid, amount in row.items()}
        for party_id, row in per_party.items()
    }
    # Per kind, every known value sorted once; a party's "elsewhere" is that list without its own values.
    by_kind: dict[str, list[Decimal]] = defaultdict(list)
    parties_of_kind: Counter = Counter(kind_of.values())
    for party_id, row in per_inhabitant.items():
        by_kind[kind_of[party_id]].extend(v for v in row.values() if v is not None)
    for values in by_kind.values():
        values.sort()
    result = []
    for party in parties:
        own_row = per_inhabitant.get(party.pk, {})
        value = own_row.get(municipality.pk)
        co = [v for pid, v in own_row.items() if pid != municipality.pk]
        elsewhere = list(by_kind.get(party.kind, []))
        for own in own_row.values():
            if own is not None:
                del elsewhere[bisect_left(elsewhere, own)]
        result.append(
            MunicipalityPeerRow(
                party=party,
                value=value,
                co_participants=spread(co),
                co_position=position(value, [*co, value]),
                co_count=len(co),
                elsewhere=spread_of_sorted(elsewhere),
                elsewhere_position=None if value is None else 1 + bisect_left(elsewhere, value),
                elsewhere_parties=parties_of_kind[party.kind] - (1 if party.pk in kind_of else 0),
            )
        )
    return MunicipalityComparison(municipality, year, result, without_kind)
