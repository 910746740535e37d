"""Template tags of the risk register: the heatmap section for a party factsheet and a gemeente page."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from risks import matrix, selectors, svg

register = template.Library()


def _section(heatmap, filter_query: dict, title: str, subject: str):
    base = reverse("risks:risk_list")

    def href(cell):
        return f"{base}?{urlencode({**filter_query, 'status': 'open', 'kans': cell.likelihood, 'impact': cell.impact})}"

    return {
        "heatmap": heatmap,
        "layout": svg.heatmap_layout(heatmap, href),
        "list_url": f"{base}?{urlencode({**filter_query, 'status': 'open'})}",
        "title": title,
        "subject": subject,
        "slug": "risicomatrix",
        "legend": [
            {"level": level, "low": low, "high": high}
            for level in heatmap.levels
            for low, high in [matrix.score_range(level, heatmap.levels)]
        ],
    }


@register.inclusion_tag("risks/includes/heatmap.html", takes_context=True)
def party_risk_heatmap(context, party):
    """The open risks of a party that the user may see, in the matrix (2 queries)."""
    heatmap = selectors.party_heatmap(party=party, user=context["request"].user)
    return _section(heatmap, {"partij": party.slug}, "Risico's", party.name)


@register.inclusion_tag("risks/includes/heatmap.html", takes_context=True)
def municipality_risk_heatmap(context, municipality):
    """The open risks of the parties a gemeente takes part in that the user may see (2 queries)."""
    return _section(
        selectors.municipality_heatmap(municipality=municipality, user=context["request"].user),
        {"gemeente": municipality.code},
        "Risico's van de partijen",
        f"de partijen waarin {municipality.name} deelneemt",
    )
