"""Template filters and tags of the register: Dutch money and numbers, and list URLs."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.html import format_html

register = template.Library()

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


@register.filter
def euro(value, decimals=0):
    """€ 1.234.567; a missing amount reads 'niet bekend'."""
    if value is None or value == "":
        return UNKNOWN
    try:
        text = format_number(value, int(decimals))
    except (InvalidOperation, ValueError, TypeError):
        return UNKNOWN
    return f"€ -{text[1:]}" if text.startswith("-") else f"€ {text}"


@register.filter
def number(value, decimals=0):
    if value is None or value == "":
        return UNKNOWN
    return format_number(value, int(decimals))


@register.filter
def pct(value):
    """12,5%; trailing zeros dropped; a missing share reads 'niet bekend'."""
    if value is None or value == "":
        return UNKNOWN
    text = f"{Decimal(str(value)).normalize():f}"
    whole, _, fraction = text.partition(".")
    return _group(whole) + ("," + fraction if fraction else "") + "%"


@register.filter
def yesno_nl(value):
    return "ja" if value else "nee"


@register.simple_tag(takes_context=True)
def url_with(context, **changes):
    """The current URL with some query parameters replaced (None removes one); resets the page."""
    query = context["request"].GET.copy()
    if "page" not in changes:
        query.pop("page", None)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return "?" + encoded if encoded else "?"


@register.simple_tag(takes_context=True)
def sort_header(context, field, label):
    """A column header that sorts by `field`, ascending first, then descending."""
    current = context["request"].GET.get("o", "")
    if current == field:
        target, state, arrow = f"-{field}", "ascending", " ▲"
    elif current == f"-{field}":
        target, state, arrow = field, "descending", " ▼"
    else:
        target, state, arrow = field, "none", ""
    url = url_with(context, o=target)
    return format_html(
        '<th scope="col" aria-sort="{}"><a href="{}">{}<span aria-hidden="true">{}</span></a></th>',
        state,
        url,
        label,
        arrow,
    )
