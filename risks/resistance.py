"""Weerstandsratio and its NAR / Universiteit Twente class (BBV art. 11 paragraaf weerstandsvermogen).

Weerstandsratio = beschikbare weerstandscapaciteit / benodigde weerstandscapaciteit. Plain Python
with Decimal, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class ResistanceClass:
    """One row of the NAR table: ``lower`` <= ratio < ``upper``, except that A excludes 2,0 (see below)."""

    letter: str
    label: str
    lower: Decimal | None  # None: no lower bound
    upper: Decimal | None  # None: no upper bound

    def __str__(self) -> str:
        return f"{self.letter} ({self.label})"


# The table reads "A > 2,0; B 1,4 - 2,0; C 1,0 - 1,4; ...". The lower bound belongs to the class
# (1,0 <= ratio < 1,4 is C), except at 2,0: A is stated as strictly above 2,0, so exactly 2,0 is B.
# B is therefore the one class that includes both of its bounds.
A = ResistanceClass("A", "uitstekend", Decimal("2.0"), None)
B = ResistanceClass("B", "ruim voldoende", Decimal("1.4"), Decimal("2.0"))
C = ResistanceClass("C", "voldoende", Decimal("1.0"), Decimal("1.4"))
D = ResistanceClass("D", "matig", Decimal("0.8"), Decimal("1.0"))
E = ResistanceClass("E", "onvoldoende", Decimal("0.6"), Decimal("0.8"))
F = ResistanceClass("F", "ruim onvoldoende", None, Decimal("0.6"))
CLASSES = (A, B, C, D, E, F)


def resistance_ratio(available, required) -> Decimal | None:
    """Beschikbare / benodigde weerstandscapaciteit, unrounded; None when nothing is required.

    With no quantified risk (required == 0) a ratio has no meaning, so there is none. Available
    capacity may be negative (e.g. a negative algemene reserve); required capacity may not.
    """
    available, required = _decimal(available), _decimal(required)
    if required < 0:
        raise ValueError("De benodigde weerstandscapaciteit mag niet negatief zijn.")
    if required == 0:
        return None
    return available / required


def resistance_class(ratio) -> ResistanceClass | None:
    """The class of a ratio, on the unrounded value; None for no ratio.

    A ratio shown rounded as "1,4" may still be C (e.g. 1,396): round for display only.
    """
    if ratio is None:
        return None
    ratio = _decimal(ratio)
    if ratio > A.lower:
        return A
    for resistance in (B, C, D, E):
        if ratio >= resistance.lower:
            return resistance
    return F


def _decimal(value) -> Decimal:
    """Exact Decimal; floats go through their shortest repr so that 1.4 stays 1.4."""
    try:
        if isinstance(value, bool):
            raise TypeError
        result = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (TypeError, ValueError, InvalidOperation):
        raise ValueError("Een bedrag of ratio moet een getal zijn.") from None
    if not result.is_finite():
        raise ValueError("Een bedrag of ratio moet een eindig getal zijn.")
    return result
