"""Tags that let the register's pages (factsheet, gemeente page) show their governance sections."""

from django import template

from core import peildatum
from core.periods import report_year
from partners import scoping

from .. import risk_profile, selectors
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
    return selectors.party_representation(
        party=party, today=peildatum.today(), show_past=show_past, year=year, user=context["request"].user
    )


@register.simple_tag
def municipality_governance(municipality):
    """Attention points and "wie zit waar" of a gemeente."""
    today = peildatum.today()
    return {
        "points": attention_points_for_municipality(municipality=municipality, today=today),
        "people": selectors.municipality_seats_by_person(municipality=municipality, today=today),
    }


@register.simple_tag(takes_context=True)
def municipality_risk_profiles(context, municipality, year):
    """The risk profile of each verbonden deelname of a gemeente next to the register's proposal."""
    return selectors.municipality_risk_profiles(municipality=municipality, year=year, user=context["request"].user)


@register.simple_tag(takes_context=True)
def proposal_note(context):
    """What a reader of a risk-profile proposal needs to know: without confidential risks, if he may not see them."""
    return "" if scoping.can_see_confidential(context["request"].user) else risk_profile.WITHOUT_CONFIDENTIAL


@register.simple_tag
def party_cycle(party):
    """The planning-and-control cycle of a party: deadlines, documents with zienswijzen, events."""
    return selectors.party_cycle(party=party, today=peildatum.today())


@register.simple_tag(takes_context=True)
def party_monitoring(context, party):
    """The monitoring scans of a party by the user's gemeenten, with a trend chart per criterion."""
    return selectors.party_monitoring(party=party, user=context["request"].user)


@register.simple_tag
def municipal_policy(municipality, year):
    """The gemeente's visie en beleidsvoornemens on verbonden partijen for `year`, or None."""
    return MunicipalPolicy.objects.filter(municipality=municipality, year=year).first()


@register.filter
def indicator_value(indicator, value):
    """A figure of an indicator in its unit: 87,5%, € 1.250, 38 minuten; 'niet bekend' when missing."""
    return indicator.format(value)


@register.simple_tag(takes_context=True)
def party_goals(context, party):
    """The doelen of a party with their status and charts, and the gemeenten's belangen."""
    user = context["request"].user
    return selectors.party_goals(party=party, municipality_ids=scoping.municipality_ids(user))
