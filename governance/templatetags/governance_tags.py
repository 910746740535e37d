"""Tags that let the register's pages (factsheet, gemeente page) show their governance sections."""

from django import template
from django.utils import timezone

from partners.periods import report_year

from .. import selectors
from ..attention_points import attention_points_for_municipality
from ..models import MunicipalPolicy

register = template.Library()

SHOW_PAST_SEATS = "alle"


@register.simple_tag(takes_context=True)
def party_representation(context, party):
    """Seats and roles of a party, with the risk profile proposed from the page's year; `?zetels=alle`
    adds the past seats."""
    show_past = context["request"].GET.get("zetels") == SHOW_PAST_SEATS
    year = context.get("year") or report_year()
    return selectors.party_representation(party=party, today=timezone.localdate(), show_past=show_past, year=year)


@register.simple_tag
def municipality_governance(municipality):
    """Attention points and "wie zit waar" of a gemeente."""
    today = timezone.localdate()
    return {
        "points": attention_points_for_municipality(municipality=municipality, today=today),
        "people": selectors.municipality_seats_by_person(municipality=municipality, today=today),
    }


@register.simple_tag
def municipality_risk_profiles(municipality, year):
    """The risk profile of each verbonden deelname of a gemeente next to the register's proposal."""
    return selectors.municipality_risk_profiles(municipality=municipality, year=year)


@register.simple_tag
def party_cycle(party):
    """The planning-and-control cycle of a party: deadlines, documents with zienswijzen, events."""
    return selectors.party_cycle(party=party, today=timezone.localdate())


@register.simple_tag
def party_monitoring(party):
    """The monitoring scans of a party per gemeente, with a trend chart per criterion."""
    return selectors.party_monitoring(party=party)


@register.simple_tag
def municipal_policy(municipality, year):
    """The gemeente's visie en beleidsvoornemens on verbonden partijen for `year`, or None."""
    return MunicipalPolicy.objects.filter(municipality=municipality, year=year).first()
