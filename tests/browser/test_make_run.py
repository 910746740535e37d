"""The demo as `make run` serves it (gunicorn, DEBUG off, DEMO on): the Dutch error pages instead of
Django's technical ones, static files from WhiteNoise, the demo banner naming its relaxations, and the
Dutch 403 for a logged-in user without rights in the admin."""

import urllib.request

import pytest

from .conftest import SCREENSHOTS, USERS, log_in
from .test_pages import axe_problems

# Pages that answer with an error, opened as a beleidsmedewerker of Groningen.
ERROR_PAGES = {
    "niet-gevonden": ("/bestaat-niet/", 404, "Pagina niet gevonden"),
    "andere-gemeente": ("/gemeenten/GM1895/", 404, "Pagina niet gevonden"),
    "ongeldig-verzoek": ("/partijen/?q=%00", 400, "Ongeldig verzoek"),
    "beheer-zonder-rechten": ("/admin/", 403, "Geen toegang"),
}


@pytest.fixture
def open_demo(browser, make_run_url):
    contexts = []

    def _open(username, width=1280):
        context = browser.new_context(base_url=make_run_url, viewport={"width": width, "height": 900}, locale="nl-NL")
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        log_in(page, make_run_url, username, USERS[username][0])
        return page

    yield _open
    for context in contexts:
        context.close()


def test_static_files_are_served_by_whitenoise_with_debug_off(make_run_url):
    with urllib.request.urlopen(f"{make_run_url}/static/css/app.css") as response:
        assert response.status == 200
        assert b"--color-primary" in response.read()


@pytest.mark.parametrize("width", (1280, 360))
@pytest.mark.parametrize("name", ERROR_PAGES)
def test_make_run_shows_the_dutch_error_pages_with_the_demo_banner(open_demo, name, width):
    path, status, heading = ERROR_PAGES[name]
    page = open_demo("beleid", width=width)

    response = page.goto(path)

    assert response.status == status
    assert page.locator("h1").inner_text() == heading
    body = page.locator("body").inner_text()
    assert "URLconf" not in body and "Traceback" not in body and "DEBUG = True" not in body
    banner = page.locator(".demo-banner").inner_text()
    assert "Demo-omgeving" in banner
    assert "http in plaats van https" in banner and "geen tweestapsverificatie" in banner
    assert page.locator("link[rel=stylesheet][href^='/static/']").count() >= 1
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"make-run-{name}-{width}.png", full_page=True)
    if width == 1280:
        assert axe_problems(page) == []


def test_a_beleidsmedewerker_in_the_admin_is_told_she_has_no_access_not_shown_a_login_form(open_demo):
    page = open_demo("beleid")

    response = page.goto("/admin/partners/party/")

    assert response.status == 403
    assert "alleen voor functioneel beheerders" in page.locator("main").inner_text()
    assert page.locator("input[type=password]").count() == 0


def test_the_demo_beheerder_opens_the_admin_without_an_authenticator_app(open_demo):
    page = open_demo("beheer")

    response = page.goto("/admin/")

    assert response.status == 200
    assert page.url.endswith("/admin/")
