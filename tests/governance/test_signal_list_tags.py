"""The template tags that write the lists of signalen and attention points (governance_tags): every text
escaped as the template engine escapes it, safe HTML kept, the counts and links of each party's block."""

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from governance.attention_points import AttentionKind, AttentionPoint, group_by_party
from governance.early_warnings import EarlyWarning, RegionalEntry, RegionalParty, Severity, group
from governance.models import WarningRule
from tests.partners.factories import PartyFactory

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(\"x\")</script> & 'co'"
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;co&#x27;"


def render(source: str, **context) -> str:
    return Template("{% load governance_tags %}" + source).render(Context(context))


def test_attention_points_are_escaped_and_counted_per_party():
    party = PartyFactory(name=HOSTILE)
    points = [
        AttentionPoint(AttentionKind.ROL_ONTBREEKT, party, "Geen eigenaar <b>belegd</b>"),
        AttentionPoint(AttentionKind.GEEN_VERTEGENWOORDIGER, party, "Niemand namens de gemeente"),
    ]
    html = render("{% attention_groups attention %}", attention=group_by_party(points))
    assert "<script>" not in html
    assert f'<span class="attention-group__party">{ESCAPED}</span>' in html
    assert "Geen eigenaar &lt;b&gt;belegd&lt;/b&gt;" in html
    # The most urgent kind first, in the counts and in the list.
    assert html.index("1 × geen vertegenwoordiger") < html.index("1 × rol niet belegd")
    assert html.index("attention--geen_vertegenwoordiger") < html.index("attention--rol_ontbreekt")
    assert f'<a href="{party.get_absolute_url()}">Naar {ESCAPED}</a>' in html


def test_signals_of_a_gemeente_are_escaped_and_safe_html_is_kept():
    party = PartyFactory(name=HOSTILE)
    warnings = [
        EarlyWarning(WarningRule.EIGEN_VERMOGEN, Severity.HOOG, party, None, "Eigen vermogen < 0"),
        EarlyWarning(WarningRule.EIGEN_VERMOGEN, Severity.LAAG, party, None, mark_safe("al <em>veilig</em>")),
    ]
    html = render("{% warning_groups warnings %}", warnings=group(warnings))
    assert "<script>" not in html
    assert "warning-group--hoog" in html
    assert '<span class="badge badge--severity-hoog">1 × hoog</span> <span class="badge badge--severity-laag">' in html
    assert "Eigen vermogen &lt; 0" in html
    assert "al <em>veilig</em>" in html
    assert "warning-ack" not in html  # no forms where they were not asked for


def test_regional_signals_name_the_gemeenten_escaped():
    party = PartyFactory(name="Regio")
    warning = EarlyWarning(WarningRule.EIGEN_VERMOGEN, Severity.MIDDEN, party, None, "Te laag")
    entry = RegionalEntry(WarningRule.EIGEN_VERMOGEN, Severity.MIDDEN, warning, ["Assen", HOSTILE], 2)
    html = render("{% regional_groups parties %}", parties=[RegionalParty(party, [entry])])
    assert f"Voor Assen, {ESCAPED}; door 2 gemeenten bevestigd." in html
    assert "<script>" not in html
    single = render("{% regional_entries entries %}", entries=[entry])
    assert 'class="warning warning--midden"' in single and "Te laag" in single
