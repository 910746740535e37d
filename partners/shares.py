"""Shares in a party as they were entered: a percentage ("12,5%"), a fraction ("1/342") or a number of
shares of the party's total, kept exact (``fractions.Fraction``) so that 342 × 1/342 adds up to 100%.

Plain Python. The stored ``share_percentage`` is the exact share truncated to four decimals, so that a
sum of stored shares never exceeds the exact sum (the database checks the stored ones).
"""

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from fractions import Fraction

HUNDRED = Fraction(100)
PLACES = Decimal("0.0001")
EXPECTED = "schrijf het aandeel met %-teken (zoals 12,5%) of als breuk (zoals 1/342)"


def _decimal(text: str) -> Decimal:
    """'12,5' and '12.5' and '1.234,5' as Dutch spreadsheets write them."""
    cleaned = text.strip().replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"“{text}” is geen aandeel; {EXPECTED}.") from None
    if not number.is_finite():
        raise ValueError(f"“{text}” is geen aandeel; {EXPECTED}.")
    return number


def dutch(number: Fraction | Decimal, places: int = 4) -> str:
    """35.08771929… -> '35,0877' (at most ``places`` decimals, trailing zeros dropped)."""
    value = Decimal(number.numerator) / Decimal(number.denominator) if isinstance(number, Fraction) else number
    text = f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN).normalize():f}"
    return text.replace(".", ",")


@dataclass(frozen=True)
class Share:
    """One participant's share: exact, in percent, and the text it was entered as."""

    exact: Fraction  # in percent: 1/342 is Fraction(100, 342)
    entered: str

    @property
    def percentage(self) -> Decimal:
        """The share in percent, truncated to four decimals (what the database stores)."""
        return (Decimal(self.exact.numerator) / Decimal(self.exact.denominator)).quantize(PLACES, rounding=ROUND_DOWN)


def _in_range(exact: Fraction, shown: str) -> Fraction:
    if exact < 0 or exact > HUNDRED:
        raise ValueError(f"“{shown}” ligt niet tussen 0% en 100%.")
    return exact


def parse(value, *, percent_format: bool = False) -> Share:
    """A share as typed: '12,5%', '1/342', or a spreadsheet number in a cell formatted as percentage.

    A number without a %-sign is refused: '0,11' may mean 0,11% or 11% ("bedoelt u 0,11% of 11%?")."""
    if isinstance(value, bool):
        raise ValueError(f"“{value}” is geen aandeel; {EXPECTED}.")
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
        if percent_format:  # the cell holds the fraction and shows it as a percentage
            exact = Fraction(number) * HUNDRED
            if abs(number) > 10:
                raise ValueError(f"“{dutch(number * 100)}%” ligt niet tussen 0% en 100%.")
            return Share(_in_range(exact, f"{dutch(exact)}%"), f"{dutch(exact)}%")
        return _ambiguous(number, dutch(number) if abs(number) <= 1000 else str(value))
    text = str(value).strip()
    if "/" in text:
        numerator, _, denominator = text.partition("/")
        try:
            top, bottom = int(numerator.strip()), int(denominator.strip())
        except ValueError:
            raise ValueError(f"“{text}” is geen breuk; {EXPECTED}.") from None
        if bottom <= 0:
            raise ValueError(f"“{text}”: de noemer van een breuk is groter dan 0.")
        exact = Fraction(top, bottom) * HUNDRED
        return Share(_in_range(exact, text), f"{top}/{bottom}")
    if text.endswith("%"):
        number = _decimal(text[:-1])
        if abs(number) > 1000:
            raise ValueError(f"“{text}” ligt niet tussen 0% en 100%.")
        return Share(_in_range(Fraction(number), text), f"{dutch(number)}%")
    return _ambiguous(_decimal(text), text)


def _ambiguous(number: Decimal, shown: str) -> Share:
    if number < 0 or number > 100:
        raise ValueError(f"“{shown}” ligt niet tussen 0% en 100%.")
    if number <= 1:
        readings = f"bedoelt u {shown}% of {dutch(number * 100)}%?"
    else:
        readings = f"bedoelt u {shown}%?"
    raise ValueError(
        f"“{shown}” zonder %-teken is niet eenduidig: {readings} "
        "Schrijf het aandeel met %-teken, of als breuk (zoals 1/342)."
    )


def from_counts(held: int, total: int) -> Share:
    """The share of ``held`` shares out of the party's ``total`` (BNG Bank: 55.690.720 shares)."""
    if total <= 0:
        raise ValueError("Het totaal aantal aandelen is groter dan 0.")
    if held > total:
        raise ValueError(f"{held} aandelen is meer dan het totaal van {total} aandelen van de partij.")
    return Share(Fraction(held, total) * HUNDRED, f"{held} van {total} aandelen")


def exact_of(share_percentage: Decimal | None, share_entered: str = "") -> Fraction | None:
    """The exact share of a stored participation: what was entered, else the stored percentage."""
    if share_entered:
        try:
            return parse(share_entered).exact
        except ValueError:
            pass
        if " van " in share_entered:
            held, _, rest = share_entered.partition(" van ")
            total = rest.split(" ")[0]
            if held.isdigit() and total.isdigit() and int(total) > 0:
                return Fraction(int(held), int(total)) * HUNDRED
    return None if share_percentage is None else Fraction(share_percentage)


def differs(typed: Decimal, computed: Share) -> bool:
    """Whether a typed percentage differs from the computed one by more than the stored precision."""
    return abs(Fraction(typed) - computed.exact) >= Fraction(PLACES)
