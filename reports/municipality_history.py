"""The history of a gemeente in the register, for the Historie tab of its page: when it joined and left
its verbonden partijen, the herindelingen it came from or went into, and the paragrafen its raad
vaststelde. Newest first; 3 queries, however long the history."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from partners.models import Participant, Participation

from . import adoption


@dataclass(frozen=True)
class Event:
    day: date
    kind: str  # the label in the first column: "Toetreding", "Uittreding", "Herindeling", "Vastgesteld"
    text: str
    url: str = ""


def municipality_history(*, municipality: Participant) -> list[Event]:
    events = []
    participations = (
        Participation.objects.filter(participant=municipality)
        .filter(Q(joined_on__isnull=False) | Q(left_on__isnull=False))
        .select_related("party")
    )
    for participation in participations:
        party = participation.party
        if participation.joined_on:
            events.append(
                Event(participation.joined_on, "Toetreding", f"Toegetreden tot {party.name}", party.get_absolute_url())
            )
        if participation.left_on:
            events.append(
                Event(participation.left_on, "Uittreding", f"Uitgetreden uit {party.name}", party.get_absolute_url())
            )
    for predecessor in Participant.objects.filter(successor=municipality, ended_on__isnull=False):
        events.append(
            Event(predecessor.ended_on, "Herindeling", f"{predecessor.name} is opgegaan in {municipality.name}")
        )
    if municipality.ended_on:
        into = f" in {municipality.successor.name}" if municipality.successor_id else ""
        events.append(Event(municipality.ended_on, "Herindeling", f"{municipality.name} is opgegaan{into}"))
    for stored in adoption.versions_of(municipality):
        events.append(
            Event(
                stored.adopted_on,
                "Vastgesteld",
                f"Paragraaf verbonden partijen {stored.get_kind_display().lower()} {stored.year}"
                f", versie {stored.version}",
            )
        )
    return sorted(events, key=lambda event: (event.day, event.kind, event.text), reverse=True)
