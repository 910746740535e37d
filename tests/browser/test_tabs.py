"""Object tabs in the browser: the overviews of the factsheet and the gemeente page fit in 2,500 px at
1280 px on the demo data (for each kind of user), every tab has its own URL that the back button returns
from, and each tab passes axe and fits a 360 px screen."""

import pytest

from .conftest import SCREENSHOTS
from .pages import GEMEENTE, PARTY
from .test_pages import axe_problems, overflow_problems

OVERVIEWS = {"factsheet": f"/partijen/{PARTY}/", "gemeente": f"/gemeenten/{GEMEENTE}/"}
TABS = {
    "factsheet": ["financien", "doelen", "sturing", "risicos"],
    "gemeente": ["deelnames", "financien", "sturing", "risicos"],
}
MAX_HEIGHT = 2500


@pytest.mark.parametrize("username", ["beleid", "controller", "beheer"])
@pytest.mark.parametrize("name", OVERVIEWS)
def test_the_overview_fits_in_2500_px_at_1280(open_as, name, username):
    page = open_as(username, width=1280)
    page.goto(OVERVIEWS[name])

    height = page.evaluate("document.documentElement.scrollHeight")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"overzicht-{name}-{username}-1280.png", full_page=True)
    assert height <= MAX_HEIGHT, f"{OVERVIEWS[name]} is {height} px hoog"


@pytest.mark.parametrize("name", OVERVIEWS)
def test_a_tab_has_its_own_url_and_the_back_button_returns_to_the_overview(open_as, name):
    page = open_as("controller")
    page.goto(OVERVIEWS[name])
    tabs = page.get_by_role("navigation", name="Onderdelen van", exact=False)

    tabs.get_by_role("link", name="Risico's").click()
    page.wait_for_load_state()

    assert page.url.endswith(OVERVIEWS[name] + "risicos/")
    assert tabs.locator("[aria-current='page']").inner_text() == "Risico's"
    page.go_back()
    page.wait_for_load_state()
    assert page.url.endswith(OVERVIEWS[name])
    assert tabs.locator("[aria-current='page']").inner_text() == "Overzicht"


@pytest.mark.parametrize("width", (1280, 360))
@pytest.mark.parametrize(("name", "tab"), [(name, tab) for name, tabs in TABS.items() for tab in tabs])
def test_each_tab_passes_axe_and_fits_the_screen(open_as, name, tab, width):
    page = open_as("controller", width=width)
    response = page.goto(f"{OVERVIEWS[name]}{tab}/")

    assert response.status == 200
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"tab-{name}-{tab}-{width}.png", full_page=True)
    problems = overflow_problems(page, width) + (axe_problems(page) if width == 1280 else [])
    assert problems == []
