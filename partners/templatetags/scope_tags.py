"""Template filters that ask partners/scoping.py whether a link would open for the user, so a page
links a gemeente only when its page exists for the reader (otherwise it names it as plain text)."""

from django import template

from partners import scoping, selectors

register = template.Library()


@register.filter
def municipality_visible_to(participant, user) -> bool:
    """{% if participant|municipality_visible_to:request.user %}: a gemeente whose pages open for the user."""
    return participant is not None and participant.is_municipality and scoping.municipality_visible(user, participant)


@register.filter
def participants_total(party) -> str:
    """The bijdragen of all deelnemers, saying how many are not known (core/summing.py)."""
    return selectors.participants_total(party).text("bijdrage")
