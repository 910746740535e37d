"""Template filters and tags of every page: Dutch money and numbers (core/formatting.py), and list URLs."""

from django import template
from django.utils.html import format_html, format_html_join

from core import formatting, summing

register = template.Library()

# Thin wrappers: the rules are in core/formatting.py.
for _name in ("euro", "number", "pct", "clause", "signed_euro", "signed_pct", "short_euro", "yesno_nl"):
    register.filter(_name, getattr(formatting, _name))


@register.filter
def name_in(participant, year):
    """The name a deelnemer had in ``year``: a renamed gemeente keeps its code (Hengelo → Hengelo (O.))."""
    try:
        return participant.name_in(int(year))
    except (AttributeError, TypeError, ValueError):
        return str(participant)


@register.filter
def total_text(value, noun="bijdrage"):
    """A core.summing.Total as '€ 18.800.000; 9 van 10 bijdragen niet bekend'."""
    if isinstance(value, summing.Total):
        return value.text(noun)
    return formatting.euro(value)


@register.filter
def plural(count, nouns):
    """{{ n|plural:"risico,risico's" }} -> '1 risico' / '3 risico's'."""
    singular, _, plural_form = str(nouns).partition(",")
    return summing.plural(int(count or 0), singular, plural_form or None)


@register.simple_tag
def not_applicable():
    """ "n.v.t.": the value cannot exist for this row (as opposed to "niet bekend")."""
    return formatting.NOT_APPLICABLE


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
