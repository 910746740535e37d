"""The one way the register writes money, numbers and shares in Dutch: € 1.234.567, 12,5%, € 1,2 mln.

"niet bekend" is a value the register should have but lacks (a missing bijdrage); "n.v.t." is a value
that cannot exist for the row (inwoners of a provincie). Template filters (core/templatetags) and the
modules that write text or charts use these functions; nothing else formats amounts.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NOT_APPLICABLE = "n.v.t."
UNKNOWN = "niet bekend"


def _group(digits: str) -> str:
    parts = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    parts.insert(0, digits)
    return ".".join(parts)


def format_number(value, decimals: int = 0) -> str:
    """1234567.891 -> '1.234.567' (or with a decimal comma when decimals > 0)."""
    number = Decimal(str(value))
    quantum = Decimal(1).scaleb(-decimals)
    number = number.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    text = _group(whole)
    if decimals:
        text += "," + fraction
    return sign + text


def euro(value, decimals=0):
    """€ 1.234.567; a missing amount reads 'niet bekend'."""
    if value is None or value == "":
        return UNKNOWN
    try:
        text = format_number(value, int(decimals))
    except (InvalidOperation, ValueError, TypeError):
        return UNKNOWN
    return f"€ -{text[1:]}" if text.startswith("-") else f"€ {text}"


def number(value, decimals=0):
    if value is None or value == "":
        return UNKNOWN
    return format_number(value, int(decimals))


def plain_number(value) -> str:
    """1234.50 -> '1.234,5': the decimals the number has, trailing zeros dropped."""
    number = Decimal(str(value)).normalize()
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    return sign + _group(whole) + ("," + fraction if fraction else "")


def pct(value):
    """12,5%; trailing zeros dropped; a missing share reads 'niet bekend'."""
    if value is None or value == "":
        return UNKNOWN
    return plain_number(value) + "%"


def clause(value):
    """A free-text note set inside a sentence of ours: without its own closing full stop, so the
    sentence does not end in "..", while an abbreviation's or ellipsis' dots stay."""
    text = str(value or "").rstrip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text


def signed_euro(value, decimals=0):
    """+ € 1.234 or − € 1.234 for a change; 'niet bekend' when it cannot be computed."""
    if value is None or value == "":
        return UNKNOWN
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign} € {format_number(abs(value), int(decimals))}"


def signed_pct(value):
    """+3,4% or −1,0% for a change in percent; empty when unknown (the amount says 'niet bekend')."""
    if value is None or value == "":
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{format_number(abs(value), 1)}%"


def short_euro(value) -> str:
    """€ 1,2 mln for large amounts, € 12.345 below a million: short enough for an axis or a label
    above a column, and still exact in a sentence."""
    value = Decimal(str(value))
    if abs(value) >= 1_000_000:
        return f"€ {format_number(value / 1_000_000, 1)} mln"
    return euro(value)


def yesno_nl(value) -> str:
    return "ja" if value else "nee"


_EURO_SPACE = re.compile(r"€ (?=[-\d])")


def keep_amounts_together(text: str) -> str:
    """A printed page never breaks a line between € and its amount: the space becomes a no-break
    space (U+00A0). Applied to the HTML of a PDF, where a narrow table cell wraps."""
    return _EURO_SPACE.sub("€\u00a0", text)
