"""The planning-and-control cycle of a party: deadlines, documents with their zienswijzen, events."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch

from partners.models import Party

from .. import deadlines
from ..models import (
    CycleDocument,
    CycleRules,
    Opinion,
    PartyEvent,
)


@dataclass
class DocumentRow:
    document: CycleDocument
    opinion_deadline: date | None
    opinions: list[Opinion]


@dataclass
class PartyCycle:
    """What the factsheet shows of a party's planning-and-control cycle."""

    wgr: bool
    rules: CycleRules | None
    budget_year: int
    deadlines: list[deadlines.Deadline]
    documents: list[DocumentRow]
    events: list[PartyEvent]


def party_cycle(*, party: Party, today: date) -> PartyCycle:
    """The party's deadlines for next year's begroting, its documents with the zienswijzen, and its events."""
    agreed = CycleRules.objects.filter(party=party).first()
    rules = agreed.to_rules() if agreed else deadlines.WGR_DEFAULTS
    # The begroting whose cycle is under way: next year's until it is due at GS (15 September).
    budget_year = today.year + 1 if today < date(today.year, 9, 15) else today.year + 2
    documents = (
        CycleDocument.objects.filter(party=party)
        .prefetch_related(Prefetch("opinions", queryset=Opinion.objects.select_related("municipality")))
        .order_by("-year", "sent_on", "kind", "pk")
    )
    rows = [DocumentRow(doc, doc.opinion_deadline(rules), list(doc.opinions.all())) for doc in documents]
    events = PartyEvent.objects.filter(party=party, date__gte=today - timedelta(days=365)).order_by("date")
    return PartyCycle(
        wgr=deadlines.wgr_applies(party.legal_form),
        rules=agreed,
        budget_year=budget_year,
        deadlines=deadlines.cycle_for_party(legal_form=party.legal_form, budget_year=budget_year, rules=rules),
        documents=rows,
        events=list(events),
    )
