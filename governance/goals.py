"""Whether a verbonden partij achieves what the gemeenten entered it for: the status of an indicator
(latest realisatie against that year's streefwaarde) and of a doel (from its indicators), and the
check that a figure fits its indicator's unit.

The rule, as the pages show it in plain Dutch (STATUS_RULE):
- An indicator's status comes from its latest year with a realisatie, against the streefwaarde of
  that same year. Without a realisatie, or without a streefwaarde for that year: niet bekend.
- Behaald: the realisatie reaches the streefwaarde (at or above it when higher is better, at or
  below it when lower is better).
- Deels behaald: it misses the streefwaarde by no more than PARTLY_MARGIN (10%) of the streefwaarde.
- Niet behaald: it misses by more than that.
- A doel's status follows from its indicators that have a status: all behaald → behaald; none
  behaald or deels behaald → niet behaald; otherwise deels behaald. A doel without any indicator
  with a status is niet bekend.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import models

from core import formatting

# A realisatie that misses the streefwaarde by at most this fraction of it is "deels behaald".
PARTLY_MARGIN = Decimal("0.10")

STATUS_RULE = (
    "De status van een indicator volgt uit de laatste realisatie, vergeleken met de streefwaarde van "
    "hetzelfde jaar. Behaald: de streefwaarde is gehaald (bij ‘hoger is beter’ de realisatie is gelijk of "
    "hoger, bij ‘lager is beter’ gelijk of lager). Deels behaald: de streefwaarde is gemist, maar met "
    f"hooguit {int(PARTLY_MARGIN * 100)}% van de streefwaarde. Niet behaald: meer gemist. Niet bekend: er is "
    "geen realisatie, of geen streefwaarde voor dat jaar. Een doel is behaald als al zijn indicatoren met "
    "een status behaald zijn, niet behaald als geen enkele behaald of deels behaald is, en anders deels "
    "behaald; zonder indicator met een status is het niet bekend."
)


class Status(models.TextChoices):
    BEHAALD = "behaald", "Behaald"
    DEELS = "deels_behaald", "Deels behaald"
    NIET = "niet_behaald", "Niet behaald"
    ONBEKEND = "niet_bekend", "Niet bekend"


class Direction(models.TextChoices):
    HOGER = "hoger", "Hoger is beter"
    LAGER = "lager", "Lager is beter"


class Unit(models.TextChoices):
    PROCENT = "procent", "procent"
    AANTAL = "aantal", "aantal"
    EURO = "euro", "euro"
    MINUTEN = "minuten", "minuten"
    DAGEN = "dagen", "dagen"
    KILOGRAM = "kilogram", "kilogram"
    CIJFER = "cijfer", "rapportcijfer (1–10)"


# What a figure of each unit can be: (lowest, highest, whole numbers only). None: no bound.
UNIT_RULES = {
    Unit.PROCENT: (Decimal("0"), Decimal("100"), False),
    Unit.AANTAL: (Decimal("0"), None, True),
    Unit.EURO: (None, None, False),
    Unit.MINUTEN: (Decimal("0"), None, False),
    Unit.DAGEN: (Decimal("0"), None, False),
    Unit.KILOGRAM: (Decimal("0"), None, False),
    Unit.CIJFER: (Decimal("1"), Decimal("10"), False),
}


def unit_problem(*, unit: str, value: Decimal | None) -> str | None:
    """A Dutch message when `value` cannot be a figure in `unit` (a percentage of 120, a number of
    people of 3,5, a rapportcijfer of 0), else None."""
    if value is None or unit not in UNIT_RULES:
        return None
    low, high, whole = UNIT_RULES[Unit(unit)]
    label = Unit(unit).label
    shown = format_value(value)
    if whole and value != value.to_integral_value():
        return f"{shown} past niet bij de eenheid {label}: een aantal is een geheel getal."
    if low is not None and value < low or high is not None and value > high:
        if high is None:
            return f"{shown} past niet bij de eenheid {label}: de waarde kan niet lager zijn dan {format_value(low)}."
        return (
            f"{shown} past niet bij de eenheid {label}: de waarde ligt tussen "
            f"{format_value(low)} en {format_value(high)}."
        )
    return None


SUFFIXES = {Unit.MINUTEN: " minuten", Unit.DAGEN: " dagen", Unit.KILOGRAM: " kg"}


def format_value(value: Decimal | None, unit: str = "", *, short: bool = False) -> str:
    """12.50 -> '12,5'; with a unit: '12,5%', '€ 1.250', '38 minuten'; `short` leaves out the words
    (for the axis of a chart, whose title names the unit)."""
    if value is None:
        return formatting.UNKNOWN
    text = formatting.plain_number(value)
    if unit == Unit.PROCENT:
        return f"{text}%"
    if unit == Unit.EURO:
        return f"€ {text}"
    if short:
        return text
    return text + SUFFIXES.get(unit, "")


def status_for(*, direction: str, target: Decimal | None, actual: Decimal | None) -> Status:
    """The status of one realisatie against its streefwaarde (see the module docstring)."""
    if target is None or actual is None:
        return Status.ONBEKEND
    shortfall = target - actual if direction == Direction.HOGER else actual - target
    if shortfall <= 0:
        return Status.BEHAALD
    if shortfall <= abs(target) * PARTLY_MARGIN:
        return Status.DEELS
    return Status.NIET


@dataclass(frozen=True)
class Latest:
    """The latest year with a realisatie of an indicator, its streefwaarde and the status."""

    year: int | None
    target: Decimal | None
    actual: Decimal | None
    status: Status


def latest_status(*, direction: str, values: Iterable) -> Latest:
    """The status from the latest realisatie of an indicator; `values` have year, target and actual."""
    realised = [v for v in values if v.actual is not None]
    if not realised:
        return Latest(None, None, None, Status.ONBEKEND)
    last = max(realised, key=lambda v: v.year)
    return Latest(
        last.year, last.target, last.actual, status_for(direction=direction, target=last.target, actual=last.actual)
    )


def goal_status(statuses: Iterable[Status]) -> Status:
    """A doel's status from its indicators' statuses (see the module docstring)."""
    known = [status for status in statuses if status != Status.ONBEKEND]
    if not known:
        return Status.ONBEKEND
    if all(status == Status.BEHAALD for status in known):
        return Status.BEHAALD
    if all(status == Status.NIET for status in known):
        return Status.NIET
    return Status.DEELS
