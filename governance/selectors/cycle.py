"""The planning-and-control cycle of a party: deadlines, documents with their zienswijzen, events."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch

from partners.choices import ParticipantKind
from partners.models import Party

from .. import deadlines, law, termijnenwet
from ..models import (
    CycleDocument,
    CycleRules,
    Opinion,
    PartyEvent,
    equated_days,
)


@dataclass
class DocumentRow:
    document: CycleDocument
    opinion_term: termijnenwet.Term | None  # as counted and as the Algemene termijnenwet extends it
    opinions: list[Opinion]

    @property
    def opinion_deadline(self) -> date | None:
        return self.opinion_term.last_day if self.opinion_term else None


@dataclass
class PartyCycle:
    """What the factsheet shows of a party's planning-and-control cycle."""

    wgr: bool  # the Wgr cycle applies (governance/law.py)
    no_cycle_reason: str
    supervisor: law.Supervisor
    rules: CycleRules | None
    budget_year: int
    deadlines: list[deadlines.Deadline]
    documents: list[DocumentRow]
    events: list[PartyEvent]


def party_cycle(*, party: Party, today: date) -> PartyCycle:
    """The party's deadlines for next year's begroting, its documents with the zienswijzen, and its events."""
    has_cycle = law.has_cycle(party.legal_form, by_regeling=party.cycle_by_regeling)
    supervisor = law.supervisor(
        province_takes_part=has_cycle
        and party.participations.filter(participant__kind=ParticipantKind.PROVINCIE).exists()
    )
    agreed = CycleRules.objects.filter(party=party).first()
    rules = agreed.to_rules() if agreed else deadlines.WGR_DEFAULTS
    # The begroting whose cycle is under way: next year's until it is due at GS (15 September).
    budget_year = today.year + 1 if today < date(today.year, 9, 15) else today.year + 2
    documents = (
        CycleDocument.objects.filter(party=party)
        .select_related("supplied_by")
        .prefetch_related(Prefetch("opinions", queryset=Opinion.objects.select_related("municipality", "supplied_by")))
        .order_by("-year", "sent_on", "kind", "pk")
    )
    documents = list(documents)
    sent = [doc.sent_on for doc in documents if doc.sent_on]
    extra_days = equated_days(min(sent), max(sent) + timedelta(weeks=deadlines.MAX_WEEKS)) if sent else frozenset()
    rows = [DocumentRow(doc, doc.opinion_term(rules, extra_days), list(doc.opinions.all())) for doc in documents]
    events = PartyEvent.objects.filter(party=party, date__gte=today - timedelta(days=365)).order_by("date")
    return PartyCycle(
        wgr=has_cycle,
        no_cycle_reason=""
        if has_cycle
        else law.no_cycle_reason(party.legal_form, form_label=party.get_legal_form_display()),
        supervisor=supervisor,
        rules=agreed,
        budget_year=budget_year,
        deadlines=deadlines.cycle_for_party(
            legal_form=party.legal_form,
            budget_year=budget_year,
            rules=rules,
            by_regeling=party.cycle_by_regeling,
            supervisor=supervisor,
            extra_days=extra_days,
        ),
        documents=rows,
        events=list(events),
    )
