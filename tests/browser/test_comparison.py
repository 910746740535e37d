"""The peer comparison pages in Chromium at 1280 and 360 px, as a beleidsmedewerker and a controller:
WCAG 2.1 AA by axe-core at both widths, chart labels of 12 px or more that never overlap (the charts keep
their own size on a phone), the other parties of the kind counted but not named."""

import pytest

from .test_charts import LABELS
from .test_pages import axe_problems, overflow_problems


@pytest.mark.parametrize("username", ["beleid", "controller"])
@pytest.mark.parametrize("width", (1280, 360))
@pytest.mark.parametrize("name", ["vergelijking", "gemeente-vergelijking"])
def test_the_comparison_pages_are_accessible_and_legible_at_both_widths(visit, name, width, username):
    page = visit(name, width=width, username=username)

    labels = page.evaluate(LABELS)

    assert labels["count"] > 0
    assert labels["problems"] == []
    assert axe_problems(page) == []
    assert overflow_problems(page, width) == []


def test_the_party_comparison_names_only_the_parties_the_user_may_see(visit):
    page = visit("vergelijking", width=1280)

    body = page.locator("main").inner_text()

    assert "Veiligheidsregio Groningen" in body
    assert "Veiligheidsregio Drenthe" not in body  # a demo peer outside the user's gemeenten
    assert "3 andere partijen" in body
