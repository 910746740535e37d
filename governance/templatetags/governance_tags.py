"""Template filters of governance: thin wrappers that format what the selectors loaded; none runs a query.
The governance sections of the factsheet and the gemeente page are assembled in reports/pages.py."""

import html

from django import template
from django.utils.formats import localize
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def indicator_value(indicator, value):
    """A figure of an indicator in its unit: 87,5%, € 1.250, 38 minuten; 'niet bekend' when missing."""
    return indicator.format(value)


# The signalen and attention points of a large gemeente are hundreds of list items in 170 collapsible
# blocks; written by the template engine they took a third of the gemeente overview's CPU time (every
# variable looked up through its fallbacks, every value escaped through the filter machinery). These
# two tags write the same HTML directly, escaped the same way.


def escape(value) -> str:
    """What the template engine writes for `{{ value }}` with autoescape: django.utils.html.conditional_escape,
    without its lazy-string wrapper (a thousand calls on the largest pages)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _label(choice) -> str:
    """`{{ choice.label }}` of a TextChoices member: '' for a value without a label, as the template did."""
    return str(getattr(choice, "label", ""))


def _counts(counts, badge) -> str:
    """The badges of a group's counts, one space apart: `badge(label)` gives the badge's modifier class."""
    return " ".join(
        f'<span class="badge badge--{escape(badge(label))}">{escape(localize(count))} × {escape(label.lower())}</span>'
        for label, count in counts
    )


def _group_link(party) -> str:
    return (
        f'<p class="attention-group__link"><a href="{escape(party.get_absolute_url())}">'
        f"Naar {escape(party.name)}</a></p>"
    )


@register.simple_tag
def attention_groups(attention):
    """The collapsible block of each party of a governance.attention_points.AttentionOverview."""
    parts = []
    for group in attention.parties:
        counts = _counts([(_label(kind), count) for kind, count in group.counts], lambda _label: "attention")
        items = "".join(
            f'\n      <li class="attention attention--{escape(point.kind)}">'
            f"<strong>{escape(_label(point.kind))}:</strong> {escape(point.message)}</li>\n    "
            for point in group.points
        )
        parts.append(
            f'\n  <details class="attention-group">\n    <summary><span class="attention-group__party">'
            f'{escape(group.party.name)}</span> <span class="attention-group__counts">{counts}</span></summary>\n'
            f'    <ul class="attention-list">\n    {items}\n    </ul>\n    {_group_link(group.party)}\n  </details>\n  '
        )
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def warning_groups(context, warnings, forms=False):
    """The collapsible block of each party of a governance.early_warnings.WarningOverview; with `forms`
    (the dashboard, not cached per kind of user) each signal has its acknowledge form
    (governance/includes/warning_ack_form.html, with the user's CSRF token)."""
    ack_errors = context.get("ack_errors")
    form = None
    if forms and warnings.may_acknowledge:
        form = context.template.engine.get_template("governance/includes/warning_ack_form.html")
    parts = []
    for index, group in enumerate(warnings.parties):
        counts = _counts(group.counts, lambda label: f"severity-{label.lower()}")
        items = []
        for w in group.warnings:
            ack = ""
            if form is not None:
                with context.push(w=w):
                    ack = form.render(context)
            items.append(
                f'\n      <li class="warning warning--{escape(w.severity)}">\n        <span class="badge '
                f'badge--severity-{escape(w.severity)}">{escape(_label(w.severity))}</span> <strong>'
                f"{escape(_label(w.rule))}:</strong> {escape(w.message)}\n        {ack}\n      </li>\n    "
            )
        opened = " open" if ack_errors and index == 0 else ""
        parts.append(
            f'\n  <details class="attention-group warning-group warning-group--{escape(group.warnings[0].severity)}"'
            f'{opened}>\n    <summary><span class="attention-group__party">{escape(group.party.name)}</span> '
            f'<span class="attention-group__counts">{counts}</span></summary>\n    <ul class="attention-list '
            f'warning-list">\n    {"".join(items)}\n    </ul>\n    {_group_link(group.party)}\n  </details>\n  '
        )
    return mark_safe("".join(parts))


def _regional_entry(e) -> str:
    acknowledged = ""
    if e.acknowledged:
        plural = "" if e.acknowledged == 1 else "n"
        acknowledged = f"; door {escape(localize(e.acknowledged))} gemeente{plural} bevestigd"
    return (
        f'\n    <li class="warning warning--{escape(e.severity)}">'
        f'<span class="badge badge--severity-{escape(e.severity)}">{escape(_label(e.severity))}</span> '
        f"<strong>{escape(_label(e.rule))}:</strong> {escape(e.message)}<br>"
        f'<span class="warning__who">Voor {escape(", ".join(str(name) for name in e.municipalities))}'
        f"{acknowledged}.</span></li>\n  "
    )


@register.simple_tag
def regional_entries(entries):
    """The list items of governance.early_warnings.RegionalEntry signals (regional_warnings.html)."""
    return mark_safe("".join(_regional_entry(e) for e in entries))


@register.simple_tag
def regional_groups(parties):
    """The collapsible block of each governance.early_warnings.RegionalParty (regional_warnings.html)."""
    parts = []
    for group in parties:
        counts = _counts(group.counts, lambda label: f"severity-{label.lower()}")
        items = "".join(_regional_entry(e) for e in group.entries)
        parts.append(
            f'\n  <details class="attention-group warning-group warning-group--{escape(group.entries[0].severity)}">\n'
            f'    <summary><span class="attention-group__party">{escape(group.party.name)}</span> '
            f'<span class="attention-group__counts">{counts}</span></summary>\n'
            f'    <ul class="attention-list warning-list">\n    {items}\n    </ul>\n    {_group_link(group.party)}\n'
            "  </details>\n  "
        )
    return mark_safe("".join(parts))
