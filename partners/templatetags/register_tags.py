"""Template filters and tags of the register: Dutch money and numbers, and list URLs."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.html import format_html, format_html_join

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
def clause(value):
    """A free-text note set inside a sentence of ours: without its own closing full stop, so the
    sentence does not end in "..", while an abbreviation's or ellipsis' dots stay."""
    text = str(value or "").rstrip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text


@register.filter
def signed_euro(value, decimals=0):
    """+ € 1.234 or − € 1.234 for a change; 'niet bekend' when it cannot be computed."""
    if value is None or value == "":
        return UNKNOWN
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign} € {format_number(abs(value), int(decimals))}"


@register.filter
def signed_pct(value):
    """+3,4% or −1,0% for a change in percent; empty when unknown (the amount says 'niet bekend')."""
    if value is None or value == "":
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{format_number(abs(value), 1)}%"


@register.filter
def name_in(participant, year):
    """The name a deelnemer had in ``year``: a renamed gemeente keeps its code (Hengelo → Hengelo (O.))."""
    try:
        return participant.name_in(int(year))
    except (AttributeError, TypeError, ValueError):
        return str(participant)


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


@register.simple_tag(takes_context=True)
def hidden_query_fields(context, *leave_out, form=None):
    """Hidden inputs that carry the current query parameters (but `leave_out`, the page and what
    `form` refused) through a form."""
    query = context["request"].GET
    refused = form.errors if getattr(form, "is_bound", False) else ()
    skip = {"page", *leave_out, *refused}
    return format_html_join(
        "",
        '<input type="hidden" name="{}" value="{}">',
        ((k, v) for k in query if k not in skip for v in query.getlist(k)),
    )


@register.simple_tag(takes_context=True)
def peildatum_query(context, first=True):
    """`?peildatum=2025-12-31` (or `&…` with first=False) when the page shows a past state; else nothing."""
    day = getattr(context.get("request"), "peildatum", None)
    if not day:
        return ""
    return f"{'?' if first else '&'}peildatum={day:%Y-%m-%d}"
