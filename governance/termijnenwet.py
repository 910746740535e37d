"""The Algemene termijnenwet (Atw): a statutory period counted forward that ends on a Saturday,
Sunday or generally recognised holiday runs on to the next day that is none of these.

Plain Python (no Django). Sources, as verified in the domain notes:
- Atw art. 1 lid 1: "Een in een wet gestelde termijn die op een zaterdag, zondag of algemeen
  erkende feestdag eindigt, wordt verlengd tot en met de eerstvolgende dag die niet een zaterdag,
  zondag of algemeen erkende feestdag is."
- Atw art. 3 lid 1: Nieuwjaarsdag, tweede Paasdag, tweede Pinksterdag, beide Kerstdagen,
  Hemelvaartsdag, the day the King's birthday is celebrated, and 5 mei.
- Atw art. 3 lid 2: Goede Vrijdag is equated with them.
- Atw art. 3 lid 3: further days are equated by royal decree (Staatscourant); those are data a
  beheerder keeps (governance.models.EquatedDay), passed in here as ``extra_days``.
Periods counted backward ("12 weeks before the AB meeting") are not extended.
"""

from collections.abc import Container
from dataclasses import dataclass
from datetime import date, timedelta

SOURCE_EXTENSION = "Algemene termijnenwet art. 1 lid 1"
SOURCE_HOLIDAYS = "Algemene termijnenwet art. 3"
SATURDAY, SUNDAY = 5, 6


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def kings_day(year: int) -> date:
    """The day the King's (before 2014: the Queen's) birthday is celebrated; moved to the Saturday
    before when it falls on a Sunday (Koningsdag 26 april, as in 2025)."""
    day = date(year, 4, 27) if year >= 2014 else date(year, 4, 30)
    return day - timedelta(days=1) if day.weekday() == SUNDAY else day


def holidays(year: int) -> dict[date, str]:
    """The Atw holidays of one year (art. 3 lid 1 and 2), by date, with their Dutch names."""
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter - timedelta(days=2): "Goede Vrijdag",
        easter + timedelta(days=1): "Tweede Paasdag",
        kings_day(year): "Koningsdag",
        date(year, 5, 5): "5 mei",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }
    return dict(sorted(days.items()))


def why_not_a_working_day(day: date, extra_days: Container[date] = ()) -> str | None:
    """'zaterdag', 'zondag', a holiday's name, 'gelijkgestelde dag', or None on a working day."""
    if day.weekday() == SATURDAY:
        return "zaterdag"
    if day.weekday() == SUNDAY:
        return "zondag"
    name = holidays(day.year).get(day)
    if name:
        return name
    if day in extra_days:
        return "bij koninklijk besluit gelijkgestelde dag"
    return None


@dataclass(frozen=True)
class Term:
    """The end of a forward-counted statutory period: as counted, and as the Atw extends it."""

    nominal: date  # the last day as counted from the law's words
    last_day: date  # the day the period really ends (later than nominal when extended)
    reason: str = ""  # why the nominal day does not count: "zaterdag", "Tweede Kerstdag", ...

    @property
    def extended(self) -> bool:
        return self.last_day != self.nominal


def extend(nominal: date, extra_days: Container[date] = ()) -> Term:
    """The period's end under Atw art. 1 lid 1: ``nominal``, or the next day that is not a Saturday,
    Sunday, holiday (art. 3 lid 1 and 2) or a day equated by royal decree (art. 3 lid 3)."""
    reason = why_not_a_working_day(nominal, extra_days)
    day = nominal
    while why_not_a_working_day(day, extra_days):
        day += timedelta(days=1)
    return Term(nominal, day, reason or "")
