"""A user sees only their own gemeenten: the header names them, another gemeente's report is the Dutch 404."""

import pytest

from .conftest import SCREENSHOTS
from .pages import GEMEENTE, REPORT_YEAR
from .test_pages import axe_problems, overflow_problems

OLDAMBT = "GM1895"


def report(code):
    return f"/gemeenten/{code}/rapportage/{REPORT_YEAR}/begroting"


@pytest.mark.parametrize(
    ("username", "gemeente"), [("beleid", "Groningen"), ("beleid-oldambt", "Oldambt"), ("beheer", "Groningen")]
)
def test_the_header_names_the_application_the_role_and_the_users_gemeente(open_as, username, gemeente):
    for width in (1280, 360):
        page = open_as(username, width=width)
        page.goto("/partijen/")
        header = page.locator("header.site-header")
        assert "Register verbonden partijen" in header.inner_text()
        assert gemeente in header.locator(".site-header__gemeente").inner_text()
        assert not overflow_problems(page, width)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        header.screenshot(path=SCREENSHOTS / f"kop-{username}-{width}.png")


@pytest.mark.parametrize(
    ("username", "own", "other", "other_name"),
    [("beleid", GEMEENTE, OLDAMBT, "Oldambt"), ("beleid-oldambt", OLDAMBT, GEMEENTE, "Groningen")],
)
def test_a_beleidsmedewerker_cannot_open_another_gemeentes_report(open_as, username, own, other, other_name):
    page = open_as(username)
    assert page.goto(report(own)).status == 200
    response = page.goto(report(other))
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Pagina niet gevonden"
    assert other_name not in page.locator("main").inner_text()  # nothing tells that the report exists
    assert not axe_problems(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"rapportage-andere-gemeente-{username}-1280.png", full_page=True)
    page.get_by_role("link", name="Naar het overzicht van verbonden partijen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/partijen/")


def test_the_gemeenten_menu_lists_only_the_users_own_gemeente(open_as):
    page = open_as("beleid-oldambt")
    page.goto("/gemeenten/")
    names = page.locator("main table tbody th").all_inner_texts()
    assert names == ["Oldambt"]
