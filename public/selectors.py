"""What the public register shows, read through the scoping of a PublicReader (partners/scoping.py): the
gemeenten that switched their register on, their deelnames, and of each party the fields it publishes.

Nothing a gemeente keeps for itself reaches these pages: no risk, no sturing or risk profile, no monitoring,
no signal, no zienswijze still in preparation, and of people only the public office holders (burgemeester,
wethouder, raadslid) in the seats they hold on behalf of the gemeente, named with that office."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from governance.choices import OPINION_DONE, OPINION_NEEDS_DECISION, PersonFunction
from governance.models import CycleDocument, Opinion, Seat
from partners import scoping
from partners.models import Participant, Participation, Party, PartyFinancials
from reports.models import AdoptedReport

from .models import PublicRegister

OFFICE_HOLDERS = (PersonFunction.BURGEMEESTER, PersonFunction.WETHOUDER, PersonFunction.RAADSLID)
# A zienswijze is public once the raad decided on it (or decided to give none).
PUBLISHED_OPINIONS = OPINION_DONE | OPINION_NEEDS_DECISION
FINANCIAL_YEARS = 4  # the latest years of a party's figures on its page
DOCUMENT_YEARS = 3


def public_reader() -> scoping.PublicReader:
    """The reader without login: every gemeente whose public register is on (one query)."""
    ids = PublicRegister.objects.enabled().values_list("municipality_id", flat=True)
    return scoping.PublicReader(frozenset(ids))


def reader_of(municipality: Participant) -> scoping.PublicReader:
    return scoping.PublicReader(frozenset([municipality.pk]))


def enabled_municipalities():
    return Participant.objects.municipalities().filter(public_register__enabled=True).order_by("name")


def get_municipality_or_404(code: str) -> Participant:
    """A gemeente whose public register is on; any other code (or a register switched off) is the Dutch 404."""
    municipality = enabled_municipalities().filter(code=code).first()
    scoping.require(municipality is not None)
    return municipality


def get_party_or_404(municipality: Participant, slug: str) -> Party:
    return scoping.get_party_or_404(reader_of(municipality), slug, Party.objects.select_related("policy_area"))


def deelnames(*, municipality: Participant, today: date) -> list[Participation]:
    """The gemeente's deelnames that run today, with their party: the rows of its public page and its open data."""
    return list(
        Participation.objects.filter(participant=municipality)
        .active_on(today)
        .select_related("party", "party__policy_area")
        .order_by("party__name", "pk")
    )


def adopted_reports(municipality: Participant) -> list[AdoptedReport]:
    """The vastgestelde paragrafen, newest first, without their bytes: the public version the raad adopted."""
    return list(
        AdoptedReport.objects.filter(municipality=municipality).defer("pdf").order_by("-year", "kind", "-version")
    )


def get_adopted_report_or_404(municipality: Participant, pk: int) -> AdoptedReport:
    report = AdoptedReport.objects.filter(municipality=municipality, pk=pk).first()
    scoping.require(report is not None)
    return report


@dataclass
class PublicParty:
    party: Party
    own: Participation | None  # the gemeente's deelname (None once it left)
    participations: list[Participation]
    financials: list[PartyFinancials]
    seats: list[Seat]
    documents: list[CycleDocument]  # each with `public_opinions`: the gemeente's decided zienswijze, if any


def party_page(*, municipality: Participant, party: Party, today: date) -> PublicParty:
    """Five queries, however many deelnemers, years and documents the party has."""
    participations = list(
        Participation.objects.filter(party=party)
        .active_on(today)
        .select_related("participant")
        .order_by("participant__kind", "participant__name", "pk")
    )
    financials = list(
        PartyFinancials.objects.filter(party=party)
        .select_related("supplied_by")
        .order_by("-year", "kind")[: FINANCIAL_YEARS * 2]
    )
    seats = list(
        Seat.objects.current(on=today)
        .filter(party=party, on_behalf_of=municipality, person__function__in=OFFICE_HOLDERS)
        .select_related("person")
        .order_by("body", "role", "person__name")
    )
    opinions = Opinion.objects.filter(municipality=municipality, status__in=PUBLISHED_OPINIONS)
    documents = list(
        CycleDocument.objects.filter(party=party, year__gte=today.year - DOCUMENT_YEARS + 1)
        .prefetch_related(Prefetch("opinions", queryset=opinions, to_attr="public_opinions"))
        .order_by("-year", "kind")
    )
    own = next((p for p in participations if p.participant_id == municipality.pk), None)
    return PublicParty(party, own, participations, financials, seats, documents)
