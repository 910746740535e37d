"""The deadlines and events of a gemeente's verbonden partijen, for its dashboard and its .ics feed.

Three sources: the Wgr cycle of each public-law party (governance/deadlines.py, with the party's
agreed rules), the zienswijze deadline of every document the raden were asked about, and the
events that parties register themselves (AvA, jaarrekening, dividend of private-law parties).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, Q

from partners.choices import ParticipantKind
from partners.models import Participant, Participation, Party

from . import deadlines, law
from .attention_points import active_participations
from .choices import OPINION_DONE
from .models import CycleDocument, Opinion, PartyEvent, equated_days, rules_for

DocumentKind = deadlines.DocumentKind

DASHBOARD_WEEKS = 16
# Overdue deadlines older than this are left out: the dashboard is a to-do list, not an archive.
OVERDUE_LOOKBACK = timedelta(days=365)
# The .ics feed covers this window around today.
FEED_PAST = timedelta(days=365)
FEED_FUTURE = timedelta(days=2 * 365)

# Which registered date settles a Wgr deadline: the document kinds and the field that must be filled.
SETTLED_BY = {
    DocumentKind.KADERBRIEF: ({DocumentKind.KADERBRIEF}, "sent_on"),
    DocumentKind.ONTWERPBEGROTING: ({DocumentKind.ONTWERPBEGROTING}, "sent_on"),
    DocumentKind.BEGROTING: ({DocumentKind.BEGROTING, DocumentKind.ONTWERPBEGROTING}, "sent_to_supervisor_on"),
    DocumentKind.VOORLOPIGE_JAARREKENING: ({DocumentKind.VOORLOPIGE_JAARREKENING}, "sent_on"),
    DocumentKind.JAARREKENING: ({DocumentKind.JAARREKENING}, "sent_to_supervisor_on"),
}


class Source:
    WGR = "wgr"
    ZIENSWIJZE = "zienswijze"
    AFSPRAAK = "afspraak"


@dataclass(frozen=True)
class AgendaItem:
    date: date
    party: Party
    title: str
    source: str
    legal_source: str
    done: bool
    uid: str
    nominal: date | None = None  # the day as counted, when the Algemene termijnenwet moved it

    @property
    def url(self) -> str:
        return self.party.get_tab_url("sturing") + "#cyclus"


def _wgr_items(party, rules, documents, start, end, supervisor, extra_days) -> list[AgendaItem]:
    items = []
    # A budget year's events run from the kaderbrief (the year before) to the jaarrekening (the year after).
    for budget_year in range(start.year - 1, end.year + 2):
        for index, deadline in enumerate(
            deadlines.cycle_for_year(budget_year=budget_year, rules=rules, supervisor=supervisor, extra_days=extra_days)
        ):
            if not start <= deadline.date <= end:
                continue
            kinds, field = SETTLED_BY.get(deadline.kind, (set(), ""))
            done = any(
                doc.kind in kinds and doc.year == budget_year and getattr(doc, field) is not None for doc in documents
            )
            items.append(
                AgendaItem(
                    deadline.date,
                    party,
                    deadline.description,
                    Source.WGR,
                    deadline.legal_source,
                    done,
                    f"wgr-{party.pk}-{budget_year}-{deadline.kind.value}-{index}",
                    deadline.nominal,
                )
            )
    return items


def _opinion_items(party, rules, documents, municipality, start, end, extra_days) -> list[AgendaItem]:
    items = []
    for document in documents:
        term = document.opinion_term(rules, extra_days)
        if term is None or not start <= term.last_day <= end:
            continue
        opinion = next((o for o in document.municipality_opinions), None)
        done = opinion is not None and opinion.status in OPINION_DONE
        sent = document.sent_on.strftime("%d-%m-%Y")
        items.append(
            AgendaItem(
                term.last_day,
                party,
                f"Zienswijze van de raad van {municipality.name} op {document} (verzonden {sent}), "
                f"binnen {rules.opinion_weeks} weken",
                Source.ZIENSWIJZE,
                deadlines.opinion_source(term, overridden=rules.opinion_weeks != deadlines.WGR_DEFAULTS.opinion_weeks),
                done,
                f"zienswijze-{document.pk}-{municipality.pk}",
                term.nominal if term.extended else None,
            )
        )
    return items


def municipality_agenda(*, municipality: Participant, today: date, start: date, end: date) -> list[AgendaItem]:
    """All deadlines and events from `start` to `end` of the parties the gemeente takes part in."""
    participations = [
        p
        for p in active_participations(municipality=municipality, today=today).select_related("party__cycle_rules")
        if p.joined_on is None or p.joined_on <= end
    ]
    parties = {p.party_id: p for p in participations}
    # Who supervises each regeling: the minister of BZK where a provincie takes part (governance/law.py).
    with_province = set(
        Participation.objects.filter(party_id__in=parties, participant__kind=ParticipantKind.PROVINCIE).values_list(
            "party_id", flat=True
        )
    )
    documents = (
        CycleDocument.objects.filter(party_id__in=parties)
        .filter(
            Q(year__gte=start.year - 1, year__lte=end.year + 1)
            | Q(sent_on__gte=start - timedelta(weeks=deadlines.MAX_WEEKS), sent_on__lte=end)
        )
        .prefetch_related(
            Prefetch(
                "opinions", queryset=Opinion.objects.filter(municipality=municipality), to_attr="municipality_opinions"
            )
        )
        .order_by("sent_on", "pk")
    )
    by_party = {}
    for document in documents:
        by_party.setdefault(document.party_id, []).append(document)
    extra_days = equated_days(start, end)
    items = []
    for participation in participations:
        party = participation.party
        if not law.has_cycle(party.legal_form, by_regeling=party.cycle_by_regeling):
            continue  # no Wgr cycle: no deadlines of the law (a centrumgemeenteregeling, a private-law party)
        own_start = max(start, participation.joined_on) if participation.joined_on else start
        rules = rules_for(party)
        party_documents = by_party.get(party.pk, [])
        supervisor = law.supervisor(province_takes_part=party.pk in with_province)
        items += _wgr_items(party, rules, party_documents, own_start, end, supervisor, extra_days)
        items += _opinion_items(party, rules, party_documents, municipality, own_start, end, extra_days)
    events = PartyEvent.objects.filter(party_id__in=parties, date__gte=start, date__lte=end).select_related("party")
    for event in events:
        items.append(
            AgendaItem(
                event.date,
                event.party,
                f"{event.title or event.get_kind_display()} ({event.party})",
                Source.AFSPRAAK,
                "Afspraak van de partij",
                event.date < today,
                f"afspraak-{event.pk}",
            )
        )
    return sorted(items, key=lambda item: (item.date, item.party.name, item.title))


@dataclass
class Dashboard:
    upcoming: list[AgendaItem]
    overdue: list[AgendaItem]
    until: date


def municipality_dashboard(*, municipality: Participant, today: date) -> Dashboard:
    """The deadlines of the coming 16 weeks, and the ones that passed without being settled."""
    until = today + timedelta(weeks=DASHBOARD_WEEKS)
    items = municipality_agenda(municipality=municipality, today=today, start=today - OVERDUE_LOOKBACK, end=until)
    upcoming = [item for item in items if item.date >= today]
    overdue = [item for item in items if item.date < today and not item.done and item.source != Source.AFSPRAAK]
    return Dashboard(upcoming, overdue, until)


def feed_window(*, today: date) -> tuple[date, date]:
    return today - FEED_PAST, today + FEED_FUTURE
