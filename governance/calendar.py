"""The iCalendar (RFC 5545) feed of a gemeente's deadlines, and the token that lets a calendar
program subscribe to it without logging in."""

import re
from datetime import UTC, datetime, timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import constant_time_compare
from icalendar import Calendar, Event

from accounts import feed_keys
from partners.models import Participant

from .agenda import AgendaItem

PRODID = "-//Register verbonden partijen//Termijnen//NL"
UID_DOMAIN = "verbonden-partijen.register"
_SIGNER = signing.Signer(salt="governance.deadlines-ics")


_USER_PK = re.compile(r"[0-9]{1,18}")


def _signature(user_pk, code: str, key: str) -> str:
    # Without a key (never renewed) the signature is the one of the addresses made before keys existed.
    return _SIGNER.signature(f"{user_pk}:{code}:{key}" if key else f"{user_pk}:{code}")


def feed_token(municipality: Participant, *, user) -> str:
    """A secret that reads this gemeente's feed as `user` (signed with SECRET_KEY and the user's
    agenda key): the feed stops when the user renews his key or changes his password
    (accounts/feed_keys.py), is deactivated or no longer sees the gemeente (partners/scoping.py)."""
    return f"{user.pk}-{_signature(user.pk, municipality.code, feed_keys.current_key(user))}"


def token_user(code: str, token: str | None):
    """The active user a feed token was made for, or None for a missing, forged, foreign or withdrawn token."""
    user_pk, _, signature = (token or "").partition("-")
    if not _USER_PK.fullmatch(user_pk):
        return None
    user = get_user_model().objects.filter(pk=int(user_pk), is_active=True).select_related("feed_key").first()
    if user is None or not constant_time_compare(signature, _signature(user.pk, code, feed_keys.current_key(user))):
        return None
    return user


def _event(item: AgendaItem, *, stamp: datetime, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"{item.uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    # All-day events: the deadline is a last day, not a moment (DTEND is exclusive in RFC 5545).
    event.add("dtstart", item.date)
    event.add("dtend", item.date + timedelta(days=1))
    event.add("summary", f"{item.party.name}: {item.title}")
    status = "afgehandeld" if item.done else "open"
    extended = (
        f"\nBerekend op {item.nominal:%d-%m-%Y}; verlengd tot en met {item.date:%d-%m-%Y} "
        "(Algemene termijnenwet art. 1 lid 1)"
        if item.nominal
        else ""
    )
    event.add("description", f"{item.title}\nBron: {item.legal_source}{extended}\nStatus: {status}")
    event.add("url", base_url + item.url)
    event.add("categories", [item.source])
    event.add("transp", "TRANSPARENT")
    return event


def deadlines_calendar(*, municipality: Participant, items: list[AgendaItem], base_url: str, now: datetime) -> bytes:
    """The feed as bytes; `base_url` makes the links absolute (scheme and host)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Termijnen verbonden partijen {municipality.name}")
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    stamp = now.astimezone(UTC)
    for item in items:
        calendar.add_component(_event(item, stamp=stamp, base_url=base_url))
    return calendar.to_ical()
