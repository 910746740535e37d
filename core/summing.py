"""The one summing rule of the register: unknown is not zero.

A sum over amounts of which some are unknown is the sum of the known ones *and* says how many are
unknown ("€ 18.800.000; 9 van 10 bijdragen niet bekend"); when none is known it is "niet bekend",
never € 0. Exports write an unknown sum as an empty cell (core/exports.py writes None as empty).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from . import formatting

ZERO = Decimal("0")

# The nouns a total names its parts with: singular and plural.
NOUNS = {
    "bijdrage": "bijdragen",
    "bedrag": "bedragen",
    "belang": "belangen",
    "boekwaarde": "boekwaarden",
    "dividend": "dividenden",
    "risico": "risico's",
    "verbonden partij": "verbonden partijen",
    "deelnemer": "deelnemers",
}


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 risico', '2 risico's': the count with the right form of the noun."""
    return f"{count} {singular if count == 1 else (plural_form or NOUNS.get(singular, singular + 's'))}"


@dataclass(frozen=True)
class Total:
    """A sum that knows how many of its parts were unknown."""

    known_amount: Decimal | None  # the sum of the known parts; None when not one is known
    count: int
    unknown: int

    @property
    def amount(self) -> Decimal | None:
        """The figure for an export cell or a chart: None (empty) unless every part is known or
        at least one is; a partial sum is still written, its text says what it lacks."""
        return self.known_amount

    @property
    def is_complete(self) -> bool:
        return self.unknown == 0

    @property
    def known(self) -> int:
        return self.count - self.unknown

    def text(self, noun: str = "bijdrage") -> str:
        """'€ 18.800.000', '€ 18.800.000; 9 van 10 bijdragen niet bekend', 'niet bekend', or 'n.v.t.'
        when there is nothing to add up (no party that gets a bijdrage)."""
        if self.count == 0:
            return formatting.NOT_APPLICABLE
        if self.known_amount is None:
            return formatting.UNKNOWN
        amount = formatting.euro(self.known_amount)
        if self.is_complete:
            return amount
        nouns = NOUNS.get(noun, noun)
        if self.count == 1:
            nouns = noun
        return f"{amount}; {self.unknown} van {self.count} {nouns} niet bekend"

    def __str__(self):
        return self.text()


def total(values: Iterable[Decimal | None]) -> Total:
    """Sum amounts where None means unknown (never zero). Totals can be summed again: a Total in
    `values` adds its known amount, its parts and its unknown parts."""
    amount, count, unknown, any_known = ZERO, 0, 0, False
    for value in values:
        if isinstance(value, Total):
            count += value.count
            unknown += value.unknown
            if value.known_amount is not None:
                amount += value.known_amount
                any_known = True
            continue
        count += 1
        if value is None:
            unknown += 1
        else:
            amount += value
            any_known = True
    return Total(amount if any_known else None, count, unknown)
