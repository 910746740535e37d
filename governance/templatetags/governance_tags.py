"""Template filters of governance: thin wrappers that format what the selectors loaded; none runs a query.
The governance sections of the factsheet and the gemeente page are assembled in reports/pages.py."""

from django import template

register = template.Library()


@register.filter
def indicator_value(indicator, value):
    """A figure of an indicator in its unit: 87,5%, € 1.250, 38 minuten; 'niet bekend' when missing."""
    return indicator.format(value)
