"""The object tabs of a party's page and of a gemeente's page: an overview of at most 2,500 px at 1280 px
on the demo data, and tabs that are plain links, so the URL changes, the tab's content shows and the
browser's back button returns to the overview."""

import pytest

from .conftest import SCREENSHOTS
from .pages import GEMEENTE, PARTY

OVERVIEWS = {
    "factsheet": f"/partijen/{PARTY}/",  # the veiligheidsregio, the biggest party of the demo
    "gemeente": f"/gemeenten/{GEMEENTE}/",
}
MAX_HEIGHT = 2500


@pytest.mark.parametrize("username", ["beleid", "controller"])
@pytest.mark.parametrize("name", OVERVIEWS)
def test_the_overview_fits_in_2500_px_at_1280_px(open_as, name, username):
    page = open_as(username, width=1280)
    assert page.goto(OVERVIEWS[name]).status == 200
    height = page.evaluate("document.documentElement.scrollHeight")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"overzicht-{name}-{username}-1280.png", full_page=True)
    print(f"{name} als {username}: {height} px hoog op 1280 px")
    assert height <= MAX_HEIGHT, f"het overzicht van {name} is {height} px hoog voor {username}"


def tab_bar(page):
    return page.get_by_role("navigation", name="Onderdelen van", exact=False)


@pytest.mark.parametrize(
    ("name", "tab", "path", "heading"),
    [
        ("factsheet", "Financiën", "financien/", "Kosten door de jaren"),
        ("factsheet", "Sturing en planning", "sturing/", "Vertegenwoordiging"),
        ("gemeente", "Deelnames", "deelnames/", "Verbonden partijen (BBV art. 15)"),
        ("gemeente", "Risico's", "risicos/", "Risico's van de partijen"),
    ],
)
def test_a_tab_is_a_link_to_its_own_url_and_back_returns_to_the_overview(open_as, name, tab, path, heading):
    page = open_as("beleid", width=1280)
    overview = OVERVIEWS[name]
    page.goto(overview)
    tabs = tab_bar(page)
    assert tabs.locator("[aria-current='page']").inner_text() == "Overzicht"
    assert page.get_by_role("heading", name=heading, exact=True).count() == 0  # the tab's content is not here

    tabs.get_by_role("link", name=tab, exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith(overview + path), page.url
    assert tab_bar(page).locator("[aria-current='page']").inner_text() == tab
    assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    assert page.title().startswith(f"{tab} — ")
    crumbs = page.get_by_role("navigation", name="Kruimelpad")
    assert crumbs.locator("[aria-current='page']").inner_text() == tab

    page.go_back()
    page.wait_for_load_state()
    assert page.url.endswith(overview), page.url
    assert tab_bar(page).locator("[aria-current='page']").inner_text() == "Overzicht"


def test_the_tabs_keep_the_year_chosen_on_the_gemeente_page(open_as):
    page = open_as("beleid", width=360)
    page.goto(f"{OVERVIEWS['gemeente']}?jaar=2025")
    tab_bar(page).get_by_role("link", name="Financiën", exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith("/financien/?jaar=2025"), page.url
    assert page.locator("#jaar").input_value() == "2025"
