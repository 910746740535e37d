"""Signalen: early warnings that a verbonden partij is getting into trouble, one named rule each.

Each rule reads a few figures of the register, compares them with a threshold the beheerder sets
(governance.models.WarningThresholds) and, when it fires, says why in Dutch, naming the figures. A
signal holds for a gemeente: a party's own figures (eigen vermogen, resultaat, the cycle) warn every
gemeente that takes part; its bijdrage, its zienswijzen and its monitoring scans warn that gemeente
alone. A gemeente can acknowledge a signal with a note; the acknowledgement holds for the figures the
signal fired on (its fingerprint), so the signal comes back when one of them changes.

`warnings_for` loads everything for any number of gemeenten in a fixed number of queries (11), so
the gemeente page, the dashboard, the factsheet, the paragraaf and the regional overview cost the
same however many parties there are. Named "early warnings" in code so they are not confused with
Django's signals; the pages call them "Signalen".
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Case, DecimalField, ExpressionWrapper, F, Max, Q, Value, When

from core.formatting import euro, format_number
from partners import scoping
from partners.choices import FigureKind, ParticipantKind, PartyStatus
from partners.models import Participant, Participation, ParticipationFinancials, Party, PartyFinancials
from partners.roles import BELEIDSMEDEWERKER, CONTROLLER

from . import deadlines, law
from .attention_points import still_running
from .choices import AuditOpinion, OpinionStatus
from .models import (
    ContributionIndex,
    CycleDocument,
    Opinion,
    Score,
    WarningAcknowledgement,
    WarningRule,
    WarningThresholds,
)

Kind = deadlines.DocumentKind


class Severity(models.TextChoices):
    HOOG = "hoog", "Hoog"
    MIDDEN = "midden", "Midden"
    LAAG = "laag", "Laag"


RANK = {Severity.HOOG: 0, Severity.MIDDEN: 1, Severity.LAAG: 2}
RULE_ORDER = {rule: index for index, rule in enumerate(WarningRule)}
HUNDRED = Decimal(100)


def percent(value: Decimal) -> str:
    """6.2 -> '6,2%'."""
    return f"{format_number(value, 1)}%"


def _fingerprint(rule: str, party_id: int, figures) -> str:
    text = "|".join([rule, str(party_id), *(str(value) for value in figures)])
    return hashlib.sha256(text.encode()).hexdigest()


class EarlyWarning:
    """One signal for one gemeente about one party. The message is written when a page shows it and the
    fingerprint made when it is compared: the national overview computes tens of thousands of signals."""

    __slots__ = (
        "rule",
        "severity",
        "party",
        "municipality_id",
        "_message",
        "_figures",
        "_fingerprint",
        "acknowledgement",
    )

    def __init__(self, rule, severity, party, municipality_id, message, figures=(), fingerprint=None):
        self.rule, self.severity, self.party, self.municipality_id = rule, severity, party, municipality_id
        self._message, self._figures, self._fingerprint = message, figures, fingerprint
        self.acknowledgement: WarningAcknowledgement | None = None

    def __repr__(self):
        return f"<EarlyWarning {self.rule} {self.party}>"

    @property
    def message(self) -> str:
        if callable(self._message):
            self._message = self._message()
        return self._message

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = _fingerprint(self.rule, self.party.pk, self._figures)
        return self._fingerprint

    @property
    def identity(self):
        """What makes two gemeenten' signals one: a signal on the party's own figures carries the party's
        fingerprint; one on a gemeente's own bijdrage, zienswijze or scan is that gemeente's alone."""
        return self._fingerprint if self._fingerprint is not None else id(self)

    @property
    def rank(self) -> int:
        return RANK[self.severity]

    @property
    def is_open(self) -> bool:
        return self.acknowledgement is None


def _warning(rule, severity, party, municipality_id, message, *figures) -> EarlyWarning:
    """`message`: the text, or a function that writes it when it is shown."""
    return EarlyWarning(rule, severity, party, municipality_id, message, figures)


# --- The rules: plain functions over figures already loaded ---------------------------------------


def contribution_rule(*, party, municipality_id, contributions: dict, indexes: dict, thresholds) -> list:
    """The gemeente's bijdrage (begroting) grows more than the index of its year plus the margin above the
    year before; the latest year with a bijdrage for both it and the year before counts. Equal: no signal."""
    year = max((year for year in contributions if year - 1 in contributions), default=None)
    if year is None:
        return []
    previous, current = contributions[year - 1], contributions[year]
    if not previous:
        return []
    index = indexes.get(year, thresholds.default_index)
    # growth <= index + margin, without a division for the tens of thousands that do not fire
    if (current - previous) * HUNDRED <= (index + thresholds.contribution_margin) * previous:
        return []
    growth = (current - previous) / previous * HUNDRED
    margin_points = thresholds.contribution_margin

    def message():
        margin = f" plus de marge van {format_number(margin_points, 1)} procentpunt" if margin_points else ""
        return (
            f"De bijdrage {year} ({euro(current)}) stijgt {percent(growth)} ten opzichte van {year - 1} "
            f"({euro(previous)}); de index voor {year} is {percent(index)}{margin}: "
            f"{format_number(growth - index, 1)} procentpunt erboven."
        )

    return [
        _warning(
            WarningRule.BIJDRAGE_BOVEN_INDEX,
            Severity.MIDDEN,
            party,
            municipality_id,
            message,
            year,
            previous,
            current,
            index,
            thresholds.contribution_margin,
        )
    ]


@dataclass(frozen=True)
class Accounts:
    """A party's realised figures of one year (jaarrekening)."""

    year: int
    equity_start: Decimal | None
    equity_end: Decimal | None
    liabilities_end: Decimal | None
    result: Decimal | None

    @property
    def balance_total(self) -> Decimal | None:
        if self.equity_end is None or self.liabilities_end is None:
            return None
        return self.equity_end + self.liabilities_end


def equity_rules(*, party, accounts: list[Accounts], thresholds) -> list:
    """On the latest jaarrekening: eigen vermogen negative (hoog), or below its share of the balance total
    and fallen since 1-1 (midden); else a solvabiliteit below its threshold (midden). One figure warns once:
    the eigen vermogen rule says it when it fires, so the solvabiliteit rule then stays silent."""
    latest = max((a for a in accounts if a.equity_end is not None), key=lambda a: a.year, default=None)
    if latest is None:
        return []
    source = f"jaarrekening {latest.year}"
    equity, total = latest.equity_end, latest.balance_total
    if equity < 0:
        message = f"Het eigen vermogen op 31-12-{latest.year} is negatief: {euro(equity)} ({source})."
        return [(WarningRule.EIGEN_VERMOGEN, Severity.HOOG, message, (latest.year, equity))]
    if not total or total <= 0:
        return []
    share = equity / total * HUNDRED
    fell = latest.equity_start is not None and equity < latest.equity_start
    if share < thresholds.equity_share_min and fell:
        message = (
            f"Het eigen vermogen daalt van {euro(latest.equity_start)} op 1-1 naar {euro(equity)} op "
            f"31-12-{latest.year}: {percent(share)} van het balanstotaal ({euro(total)}), onder de grens van "
            f"{percent(thresholds.equity_share_min)} ({source})."
        )
        figures = (latest.year, latest.equity_start, equity, total, thresholds.equity_share_min)
        return [(WarningRule.EIGEN_VERMOGEN, Severity.MIDDEN, message, figures)]
    if share < thresholds.solvency_min:
        message = (
            f"De solvabiliteit op 31-12-{latest.year} is {percent(share)}: eigen vermogen {euro(equity)} van een "
            f"balanstotaal van {euro(total)}, onder de grens van {percent(thresholds.solvency_min)} ({source})."
        )
        return [
            (WarningRule.SOLVABILITEIT, Severity.MIDDEN, message, (latest.year, equity, total, thresholds.solvency_min))
        ]
    return []


def result_rule(*, party, accounts: list[Accounts], thresholds) -> list:
    """The latest `negative_result_years` jaarrekeningen, in consecutive years, all show a tekort (below zero)."""
    by_year = {a.year: a.result for a in accounts if a.result is not None}
    if not by_year:
        return []
    latest = max(by_year)
    years = list(range(latest - thresholds.negative_result_years + 1, latest + 1))
    if not all(year in by_year and by_year[year] < 0 for year in years):
        return []
    listed = ", ".join(f"{year}: {euro(by_year[year])}" for year in years)
    message = f"{len(years)} jaar achter elkaar een negatief resultaat ({listed})."
    return [(WarningRule.NEGATIEF_RESULTAAT, Severity.HOOG, message, tuple((y, by_year[y]) for y in years))]


def _due_year(today: date, fixed: deadlines.FixedDate, grace: int, *, offset: int) -> int:
    """The latest year whose document should be at the toezichthouder by today (grace days included):
    the begroting of year Y is due in Y-1 (offset -1), the jaarrekening over Y in Y+1 (offset +1)."""
    if today > fixed.last_day_in(today.year) + timedelta(days=grace):
        return today.year - offset
    return today.year - offset - 1


def document_rules(*, party, documents: list, today: date, thresholds, province_takes_part: bool = False) -> list:
    """The begroting and the jaarrekening due last: sent to the toezichthouder after the Wgr date (plus the
    grace days, midden) or not recorded as sent (hoog). Sent on the last day, or within the grace: no signal.
    The article cited is that of the toezichthouder: Wgr art. 34 for Gedeputeerde Staten, art. 58 for the
    minister of BZK when a provincie takes part (governance/law.py); the dates are the same."""
    grace = thresholds.document_grace_days
    supervisor = law.supervisor(province_takes_part=province_takes_part)
    sources = {Kind.BEGROTING: supervisor.budget_source, Kind.JAARREKENING: supervisor.accounts_source}
    found = []
    for kind, fixed, offset, due in (
        (Kind.BEGROTING, deadlines.BUDGET_TO_SUPERVISOR, -1, deadlines.budget_to_gs_deadline),
        (Kind.JAARREKENING, deadlines.ACCOUNTS_TO_SUPERVISOR, 1, deadlines.annual_accounts_to_gs_deadline),
    ):
        year = _due_year(today, fixed, grace, offset=offset)
        if party.founded_on and party.founded_on > fixed.last_day_in(year + offset):
            continue
        label = f"{kind.label.lower()} {year}"
        source = sources[kind]
        document = next((d for d in documents if d.kind == kind and d.year == year), None)
        sent = document.sent_to_supervisor_on if document else None
        if sent is None:
            last = fixed.last_day_in(year + offset)
            message = (
                f"De {label} is niet als verzonden aan de toezichthouder ({supervisor.short}) vastgelegd; de uiterste "
                "dag was "
                f"{deadlines.format_date_nl(last)} ({source})."
            )
            found.append((WarningRule.DOCUMENT_TE_LAAT, Severity.HOOG, message, (kind, year, None)))
            continue
        if document.adopted_on:
            kwargs = {"budget_year": year} if kind == Kind.BEGROTING else {"accounts_year": year}
            last = due(adopted_on=document.adopted_on, **kwargs)
        else:
            last = fixed.last_day_in(year + offset)
        if sent > last + timedelta(days=grace):
            days = (sent - last).days
            message = (
                f"De {label} is op {deadlines.format_date_nl(sent)} aan de toezichthouder ({supervisor.short}) "
                f"verzonden, {days} dag"
                f"{'en' if days != 1 else ''} na de uiterste dag ({deadlines.format_date_nl(last)}, {source})."
            )
            found.append((WarningRule.DOCUMENT_TE_LAAT, Severity.MIDDEN, message, (kind, year, sent, last)))
    return found


def budget_change_rule(*, party, documents: list, today: date, thresholds) -> list:
    """A begrotingsjaar (last year, this year or next) with `budget_changes_max` begrotingswijzigingen or
    more: at the threshold the signal fires. The latest such year counts."""
    counted = defaultdict(int)
    for document in documents:
        if document.kind == Kind.BEGROTINGSWIJZIGING and today.year - 1 <= document.year <= today.year + 1:
            counted[document.year] += 1
    years = [year for year, count in counted.items() if count >= thresholds.budget_changes_max]
    if not years:
        return []
    year = max(years)
    message = (
        f"{counted[year]} begrotingswijzigingen voor {year}; vanaf {thresholds.budget_changes_max} in één jaar is "
        "dat een signaal dat de begroting niet houdt."
    )
    return [(WarningRule.BEGROTINGSWIJZIGINGEN, Severity.LAAG, message, (year, counted[year]))]


AUDIT_SEVERITY = {
    AuditOpinion.MET_BEPERKING: Severity.MIDDEN,
    AuditOpinion.AFKEUREND: Severity.HOOG,
    AuditOpinion.OORDEELONTHOUDING: Severity.HOOG,
}


def audit_rule(*, party, documents: list, thresholds) -> list:
    """The latest jaarrekening with a known accountantsverklaring has one other than goedkeurend."""
    audited = [d for d in documents if d.kind == Kind.JAARREKENING and d.audit_opinion]
    if not audited:
        return []
    latest = max(audited, key=lambda d: d.year)
    if latest.audit_opinion == AuditOpinion.GOEDKEUREND:
        return []
    label = AuditOpinion(latest.audit_opinion).label.lower()
    message = f"De accountantsverklaring bij de jaarrekening {latest.year} is {label}, niet goedkeurend."
    return [(WarningRule.ACCOUNTANTSVERKLARING, AUDIT_SEVERITY[latest.audit_opinion], message, (latest.year, label))]


def opinion_rule(*, party, municipality_id, opinions: list, today: date, thresholds) -> list:
    """A zienswijze the raad sent more than `opinion_answer_weeks` weeks ago without a written answer of the
    bestuur. On the last day of the term: no signal yet."""
    found = []
    for opinion in opinions:
        last = opinion.sent_on + timedelta(weeks=thresholds.opinion_answer_weeks)
        if today <= last:
            continue
        message = (
            f"De zienswijze op {opinion.document_label} is op {deadlines.format_date_nl(opinion.sent_on)} verzonden; "
            f"na {thresholds.opinion_answer_weeks} weken is er geen schriftelijke reactie van het bestuur vastgelegd."
        )
        found.append(
            _warning(
                WarningRule.ZIENSWIJZE_ZONDER_REACTIE,
                Severity.MIDDEN,
                party,
                municipality_id,
                message,
                opinion.pk,
                opinion.sent_on,
            )
        )
    return found


def monitoring_rule(*, party, municipality_id, scans: dict, thresholds) -> list:
    """A criterion scores `monitoring_drop` steps or more lower in the gemeente's latest scan than in the one
    before: at the threshold the signal fires."""
    days = sorted(scans, reverse=True)
    if len(days) < 2:
        return []
    latest, before = scans[days[0]], scans[days[1]]
    drops = [
        (name, before[name], score)
        for name, score in sorted(latest.items())
        if name in before and before[name] - score >= thresholds.monitoring_drop
    ]
    if not drops:
        return []
    listed = "; ".join(f"{name} daalt van {old} naar {new}" for name, old, new in drops)
    message = (
        f"Monitoringscan van {days[0]:%d-%m-%Y} tegenover die van {days[1]:%d-%m-%Y}: {listed} "
        f"(signaal vanaf {thresholds.monitoring_drop} stappen)."
    )
    return [
        _warning(
            WarningRule.MONITORING_DAALT, Severity.MIDDEN, party, municipality_id, message, days[0], days[1], *drops
        )
    ]


# --- Loading and grouping -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Document:
    kind: str
    year: int
    adopted_on: date | None
    sent_to_supervisor_on: date | None
    audit_opinion: str


@dataclass(frozen=True)
class _Opinion:
    pk: int
    sent_on: date
    document_label: str


# The database picks the bijdragen that may grow too fast with this much room (procentpunt); the rule
# itself then decides exactly, in Decimal, also where SQLite computes in floating point.
SQL_SLACK = Decimal("0.1")


def _contribution_candidates(figures, *, today: date, indexes: dict, thresholds) -> dict[int, dict]:
    """The bijdragen (begroting) of last year, this year and next per deelname, for the deelnames whose
    latest pair of years grows more than the index plus the margin, give or take SQL_SLACK: the database
    compares, so a national overview reads the few that may fire instead of every bijdrage."""
    years = (today.year - 1, today.year, today.year + 1)

    def amount(year):
        return Max(Case(When(year=year, then=F("contribution"))))

    def above(new: str, old: str, year: int) -> Q:
        limit = indexes.get(year, thresholds.default_index) + thresholds.contribution_margin - SQL_SLACK
        factor = Value((HUNDRED + limit) / HUNDRED, output_field=DecimalField(max_digits=12, decimal_places=6))
        bound = ExpressionWrapper(F(old) * factor, output_field=DecimalField(max_digits=24, decimal_places=6))
        return Q(**{f"{old}__gt": 0, f"{new}__gt": bound})

    rows = (
        figures.filter(kind=FigureKind.BEGROTING, year__in=years, contribution__isnull=False)
        .values("participation_id")
        .annotate(before=amount(years[0]), this=amount(years[1]), after=amount(years[2]))
        .filter(
            (Q(after__isnull=False) & above("after", "this", years[2]))
            | (Q(after__isnull=True) & above("this", "before", years[1]))
        )
        .values_list("participation_id", "before", "this", "after")
    )
    return {
        pk: {year: value for year, value in zip(years, values, strict=True) if value is not None}
        for pk, *values in rows
    }


PARTY_FIELDS = ("pk", "name", "slug", "legal_form", "cycle_by_regeling", "founded_on", "status")


def _running(participations):
    return participations.verbonden().exclude(party__status=PartyStatus.BEEINDIGD)


def warnings_for(
    *, municipality_ids=None, today: date, party_ids=None, participations=None
) -> dict[int, list[EarlyWarning]]:
    """The signals per gemeente (pk), most severe first; for all gemeenten when `municipality_ids` is None,
    for the parties in `party_ids` only when given. `participations`: one gemeente's deelnames with their
    party, when a page loaded them already. At most 12 queries (the 12th when a begroting or jaarrekening
    is late), whatever the number of gemeenten and parties."""
    # For every gemeente the filters on party and deelname would select nearly all rows, at the cost of a
    # join: then read the rows of the year(s) and leave out in Python what belongs to no running deelname.
    national = participations is None and municipality_ids is None and party_ids is None
    thresholds = WarningThresholds.current()
    indexes = dict(ContributionIndex.objects.values_list("year", "percentage"))
    if participations is not None:
        loaded = [p for p in participations if still_running(p, today=today)]
        if party_ids is not None:
            loaded = [p for p in loaded if p.party_id in set(party_ids)]
        rows = [(p.pk, p.party_id, p.participant_id) for p in loaded]
        parties = {p.party_id: p.party for p in loaded}
        participation_ids = [p.pk for p in loaded]
        party_ids_query = list(parties)
        municipality_ids = sorted({p.participant_id for p in loaded})
    else:
        query = _running(Participation.objects).filter(
            Q(left_on__isnull=True) | Q(left_on__gte=today), participant__kind=ParticipantKind.GEMEENTE
        )
        if municipality_ids is not None:
            query = query.filter(participant_id__in=list(municipality_ids))
        if party_ids is not None:
            query = query.filter(party_id__in=list(party_ids))
        rows = list(query.values_list("pk", "party_id", "participant_id"))
        participation_ids = query.values("pk")
        party_ids_query = query.values("party_id")
        parties = None
    if not rows:
        return {}
    if parties is None:
        chosen = (
            Party.objects.exclude(status=PartyStatus.BEEINDIGD)
            if national
            else Party.objects.filter(pk__in=party_ids_query)
        )
        parties = {p.pk: p for p in chosen.only(*PARTY_FIELDS[1:])}
    party_filter = Q() if national else Q(party_id__in=party_ids_query)
    by_participation = {pk: (party, municipality) for pk, party, municipality in rows}

    figures = ParticipationFinancials.objects.all()
    if not national:
        figures = figures.filter(participation_id__in=participation_ids)
    contributions = _contribution_candidates(figures, today=today, indexes=indexes, thresholds=thresholds)

    accounts = defaultdict(list)
    realised = PartyFinancials.objects.filter(party_filter, kind=FigureKind.REALISATIE, year__gte=today.year - 12)
    for row in realised.values_list("party_id", "year", "equity_start", "equity_end", "liabilities_end", "result"):
        accounts[row[0]].append(Accounts(*row[1:]))

    documents = defaultdict(list)
    kinds = [Kind.BEGROTING.value, Kind.JAARREKENING.value, Kind.BEGROTINGSWIJZIGING.value]
    cycle = CycleDocument.objects.filter(party_filter, kind__in=kinds, year__gte=today.year - 12)
    for party_id, *values in cycle.values_list(
        "party_id", "kind", "year", "adopted_on", "sent_to_supervisor_on", "audit_opinion"
    ):
        documents[party_id].append(_Document(*values))

    opinions = defaultdict(list)
    open_opinions = Opinion.objects.filter(
        status=OpinionStatus.VERZONDEN,
        sent_on__isnull=False,
        answered_on__isnull=True,
        board_answer="",
    )
    if not national:
        open_opinions = open_opinions.filter(document__party_id__in=party_ids_query)
    if municipality_ids is not None:
        open_opinions = open_opinions.filter(municipality_id__in=list(municipality_ids))
    for pk, municipality_id, party_id, kind, year, title, sent_on in open_opinions.values_list(
        "pk", "municipality_id", "document__party_id", "document__kind", "document__year", "document__title", "sent_on"
    ):
        label = title or f"de {Kind(kind).label.lower()} {year}"
        opinions[(municipality_id, party_id)].append(_Opinion(pk, sent_on, label))

    scans = defaultdict(lambda: defaultdict(dict))
    scores = Score.objects.all() if national else Score.objects.filter(assessment__party_id__in=party_ids_query)
    if municipality_ids is not None:
        scores = scores.filter(assessment__municipality_id__in=list(municipality_ids))
    for municipality_id, party_id, day, name, score in scores.values_list(
        "assessment__municipality_id", "assessment__party_id", "assessment__assessed_on", "criterion__name", "score"
    ):
        scans[(municipality_id, party_id)][day][name] = score

    acknowledged = {}
    # Not joined to the users: at a peildatum the register is read from a snapshot without them.
    acks = WarningAcknowledgement.objects.all()
    if municipality_ids is not None:
        acks = acks.filter(municipality_id__in=list(municipality_ids))
    for ack in acks.filter(party_filter):
        acknowledged[(ack.municipality_id, ack.party_id, ack.rule, ack.fingerprint)] = ack
    acknowledged_rules = {key[:3] for key in acknowledged}
    if acknowledged:
        user_ids = {ack.acknowledged_by_id for ack in acknowledged.values()} - {None}
        names = {
            user.pk: user.get_full_name() or user.get_username()
            for user in get_user_model().objects.filter(pk__in=user_ids)
        }
        for ack in acknowledged.values():
            ack.by_name = names.get(ack.acknowledged_by_id, "")

    # The begroting and jaarrekening rules cite the toezichthouder's article: GS (Wgr art. 34) unless a
    # provincie takes part (the minister of BZK, art. 58; same dates). Asked only for parties with a signal.
    document_found = {
        party_id: document_rules(party=party, documents=documents[party_id], today=today, thresholds=thresholds)
        for party_id, party in parties.items()
        if law.has_cycle(party.legal_form, by_regeling=party.cycle_by_regeling)
    }
    flagged = [party_id for party_id, found in document_found.items() if found]
    if flagged:
        with_province = Participation.objects.filter(party_id__in=flagged, participant__kind=ParticipantKind.PROVINCIE)
        for party_id in set(with_province.values_list("party_id", flat=True)):
            document_found[party_id] = document_rules(
                party=parties[party_id],
                documents=documents[party_id],
                today=today,
                thresholds=thresholds,
                province_takes_part=True,
            )

    # A party's own rules once per party, then handed to each gemeente that takes part.
    party_found = {}
    for party_id, party in parties.items():
        found = [
            *equity_rules(party=party, accounts=accounts[party_id], thresholds=thresholds),
            *result_rule(party=party, accounts=accounts[party_id], thresholds=thresholds),
            *audit_rule(party=party, documents=documents[party_id], thresholds=thresholds),
            *budget_change_rule(party=party, documents=documents[party_id], today=today, thresholds=thresholds),
            *document_found.get(party_id, ()),
        ]
        party_found[party_id] = [
            (rule, severity, message, _fingerprint(rule, party_id, figs)) for rule, severity, message, figs in found
        ]
    no_party = []

    result = defaultdict(list)
    for participation_id, (party_id, municipality_id) in by_participation.items():
        party = parties[party_id]
        found = [
            EarlyWarning(rule, severity, party, municipality_id, message, fingerprint=print_)
            for rule, severity, message, print_ in party_found.get(party_id, no_party)
        ]
        found += contribution_rule(
            party=party,
            municipality_id=municipality_id,
            contributions=contributions.get(participation_id, {}),
            indexes=indexes,
            thresholds=thresholds,
        )
        key = (municipality_id, party_id)
        if key in opinions:
            found += opinion_rule(
                party=party, municipality_id=municipality_id, opinions=opinions[key], today=today, thresholds=thresholds
            )
        if key in scans:
            found += monitoring_rule(
                party=party, municipality_id=municipality_id, scans=scans[key], thresholds=thresholds
            )
        for warning in found:
            if (municipality_id, party_id, warning.rule) in acknowledged_rules:
                warning.acknowledgement = acknowledged.get(
                    (municipality_id, party_id, warning.rule, warning.fingerprint)
                )
        result[municipality_id] += found
    for found in result.values():
        found.sort(key=lambda w: (RANK[w.severity], w.party.name, RULE_ORDER[w.rule]))
    return dict(result)


@dataclass
class PartyWarnings:
    """The signals about one party, most severe first."""

    party: Party
    warnings: list[EarlyWarning]

    @property
    def rank(self) -> int:
        return min(w.rank for w in self.warnings)

    @property
    def counts(self) -> list[tuple[str, int]]:
        return [(s.label, n) for s in Severity if (n := sum(1 for w in self.warnings if w.severity == s))]


@dataclass
class WarningOverview:
    """A gemeente's signals grouped per party, the party with the most severe open signal first; the
    acknowledged ones apart, with their notes."""

    municipality_id: int | None
    parties: list[PartyWarnings]
    acknowledged: list[EarlyWarning] = field(default_factory=list)
    may_acknowledge: bool = False

    @property
    def total(self) -> int:
        return sum(len(group.warnings) for group in self.parties)

    @property
    def counts(self) -> list[tuple[str, int]]:
        every = [w for group in self.parties for w in group.warnings]
        return [(s.label, n) for s in Severity if (n := sum(1 for w in every if w.severity == s))]


def group(warnings: list[EarlyWarning], *, municipality_id=None, may_acknowledge=False) -> WarningOverview:
    by_party = defaultdict(list)
    for warning in warnings:
        if warning.is_open:
            by_party[warning.party.pk].append(warning)
    groups = [PartyWarnings(found[0].party, sorted(found, key=lambda w: w.rank)) for found in by_party.values()]
    groups.sort(key=lambda g: (g.rank, -len(g.warnings), g.party.name))
    acknowledged = sorted((w for w in warnings if not w.is_open), key=lambda w: (w.party.name, w.rank))
    return WarningOverview(municipality_id, groups, acknowledged, may_acknowledge)


def municipality_overview(*, municipality, today: date, user=None, participations=None) -> WarningOverview:
    """The signals of one gemeente, for its page, its dashboard and its paragraaf; `participations`: all of
    the gemeente's deelnames with their party, when the page loaded them already."""
    if user is not None and scoping.reads_public_version(user):
        return group([], municipality_id=municipality.pk)  # signals are the gemeente's own, not public
    found = warnings_for(municipality_ids=[municipality.pk], today=today, participations=participations).get(
        municipality.pk, []
    )
    return group(found, municipality_id=municipality.pk, may_acknowledge=may_acknowledge(user, municipality))


@dataclass
class RegionalEntry:
    """One signal as the regional overview shows it: the same message for every gemeente it concerns."""

    rule: WarningRule
    severity: Severity
    warning: EarlyWarning  # the first of them; they all say the same
    municipalities: list  # the names of the gemeenten for which it is open
    acknowledged: int  # how many gemeenten acknowledged it

    @property
    def message(self) -> str:
        return self.warning.message

    @property
    def rank(self) -> int:
        return RANK[self.severity]


@dataclass
class RegionalParty:
    party: Party
    entries: list[RegionalEntry]

    @property
    def rank(self) -> int:
        return min(e.rank for e in self.entries)

    @property
    def counts(self) -> list[tuple[str, int]]:
        return [(s.label, n) for s in Severity if (n := sum(1 for e in self.entries if e.severity == s))]


def regional_overview(*, user, today: date, party_ids=None, municipality=None) -> list[RegionalParty]:
    """The signals of every gemeente the user may see (or of one of them), per party: the party with the
    most severe signal first; a signal about the party's own figures once, naming the gemeenten it concerns."""
    if scoping.reads_public_version(user):
        return []  # signals are a gemeente's own, not in the public paragraaf
    ids = scoping.municipality_ids(user) if municipality is None else frozenset([municipality.pk])
    found = warnings_for(municipality_ids=ids, today=today, party_ids=party_ids)
    names = dict(
        (
            Participant.objects.filter(pk__in=list(found)) if ids is not None else Participant.objects.municipalities()
        ).values_list("pk", "name")
    )
    entries = {}
    for municipality_id, warnings in found.items():
        for warning in warnings:
            key = (warning.party.pk, warning.rule, warning.identity)
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = (
                    warning.party,
                    RegionalEntry(warning.rule, warning.severity, warning, [], 0),
                )
            if warning.is_open:
                entry[1].municipalities.append(names.get(municipality_id, ""))
            else:
                entry[1].acknowledged += 1
    by_party = defaultdict(list)
    for party, entry in entries.values():
        if entry.municipalities:
            entry.municipalities.sort()
            by_party[party].append(entry)
    groups = [
        RegionalParty(party, sorted(found, key=lambda e: (e.rank, RULE_ORDER[e.rule])))
        for party, found in by_party.items()
    ]
    groups.sort(key=lambda g: (g.rank, -len(g.entries), g.party.name))
    return groups


def may_acknowledge(user, municipality) -> bool:
    """A beleidsmedewerker or controller of this gemeente may acknowledge its signals."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not scoping.has_role(user, BELEIDSMEDEWERKER, CONTROLLER):
        return False
    return municipality.pk in scoping.linked_municipality_ids(user)


def acknowledge(*, user, municipality, party_id: int, rule: str, fingerprint: str, note: str, today: date):
    """Keep the gemeente's note on an open signal. Returns the acknowledgement, or None when no such
    signal is open (any more): its figures changed, or it was never there."""
    found = warnings_for(municipality_ids=[municipality.pk], today=today, party_ids=[party_id]).get(municipality.pk, [])
    warning = next((w for w in found if w.rule == rule and w.fingerprint == fingerprint), None)
    if warning is None:
        return None
    ack, _ = WarningAcknowledgement.objects.update_or_create(
        municipality=municipality,
        party_id=party_id,
        rule=rule,
        fingerprint=fingerprint,
        defaults={"note": note, "acknowledged_by": user},
    )
    return ack


def threshold_texts(thresholds: WarningThresholds | None = None) -> list[tuple[str, str]]:
    """Each rule with its threshold in words, for the overview page."""
    t = thresholds or WarningThresholds.current()
    margin = format_number(t.contribution_margin, 1)
    return [
        (
            WarningRule.BIJDRAGE_BOVEN_INDEX.label,
            f"stijging meer dan de index van het jaar plus {margin} procentpunt (zonder index: "
            f"{percent(t.default_index)}); precies gelijk geeft geen signaal",
        ),
        (
            WarningRule.EIGEN_VERMOGEN.label,
            f"negatief (hoog), of gedaald en onder {percent(t.equity_share_min)} van het balanstotaal (midden)",
        ),
        (WarningRule.NEGATIEF_RESULTAAT.label, f"{t.negative_result_years} jaarrekeningen achter elkaar een tekort"),
        (WarningRule.SOLVABILITEIT.label, f"onder {percent(t.solvency_min)}; precies gelijk geeft geen signaal"),
        (
            WarningRule.DOCUMENT_TE_LAAT.label,
            f"meer dan {t.document_grace_days} dagen na de uiterste dag van de Wgr (begroting vóór 15 september, "
            "jaarrekening vóór 15 juli), of niet vastgelegd",
        ),
        (WarningRule.ZIENSWIJZE_ZONDER_REACTIE.label, f"meer dan {t.opinion_answer_weeks} weken na verzending"),
        (WarningRule.BEGROTINGSWIJZIGINGEN.label, f"{t.budget_changes_max} of meer voor één begrotingsjaar"),
        (WarningRule.ACCOUNTANTSVERKLARING.label, "met beperking (midden), afkeurend of oordeelonthouding (hoog)"),
        (WarningRule.MONITORING_DAALT.label, f"een criterium daalt {t.monitoring_drop} stappen of meer"),
    ]
