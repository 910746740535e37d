"""Login through an identity provider in the browser: the demo served with one provider configured (the test
provider of tests/identity_provider, a real OpenID Connect server), the buttons on the login page, the
provider's form, and back in the register as the user the claims describe; or on the Dutch failure page.
Screenshots at 1280 and 360 px."""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.identity_provider import process

from .conftest import ROOT, SCREENSHOTS, _free_port, _wait_until_up
from .test_pages import axe_problems

USERS = {
    "anna": {
        "given_name": "Anna",
        "family_name": "de Vries",
        "preferred_username": "anna",
        "gemeente": "GM0014",
        "rollen": ["controller"],
    },
    "bert": {"given_name": "Bert", "family_name": "Jansen", "gemeente": "GM0014", "rollen": ["medewerker"]},
}


@pytest.fixture(scope="module")
def oidc_url(demo_database):
    """The demo on its own port with the provider "gemeente"; both stopped after this module."""
    tmp, env = demo_database
    port = _free_port()
    callback = f"http://127.0.0.1:{port}/inloggen/oidc/gemeente/callback/"
    with tempfile.TemporaryDirectory(prefix="vp-idp-") as folder:
        with process.running(Path(folder), users=USERS, callbacks=[callback]) as idp_url:
            providers = [process.config(idp_url, name="Gemeente Groningen")]
            server_env = {
                **env,
                "ALLOWED_HOSTS": "127.0.0.1",
                "HTTPS": "false",
                "OIDC_PROVIDERS": json.dumps(providers),
            }
            command = [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"]
            with open(tmp / "oidc-runserver.log", "wb") as log:
                server = subprocess.Popen(
                    [*command, "--insecure"], env=server_env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
                )
                try:
                    _wait_until_up(f"http://127.0.0.1:{port}/inloggen/", server)
                    yield f"http://127.0.0.1:{port}"
                finally:
                    server.terminate()
                    server.wait(timeout=10)


def through_the_provider(page, url, username):
    page.goto(f"{url}/inloggen/")
    page.get_by_role("link", name="Inloggen via Gemeente Groningen").click()
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(process.PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("width", [1280, 360])
def test_a_user_logs_in_through_the_provider_and_lands_as_the_claims_say(browser, oidc_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{oidc_url}/inloggen/")
    assert page.get_by_role("link", name="Inloggen via Gemeente Groningen").is_visible()
    assert page.get_by_label("Gebruikersnaam").is_visible()  # the local login stays
    assert axe_problems(page) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"inloggen-oidc-{width}.png", full_page=True)
    through_the_provider(page, oidc_url, "anna")
    assert page.url.rstrip("/").endswith("/partijen"), page.url
    header = page.locator(".site-header__who").inner_text()
    assert "Anna de Vries" in header and "controller" in header and "Groningen" in header
    context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_a_user_without_a_role_sees_why_on_the_dutch_failure_page(browser, oidc_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    through_the_provider(page, oidc_url, "bert")
    assert page.get_by_role("heading", name="Inloggen is niet gelukt").is_visible()
    assert "geeft u geen rol in het register (ontvangen: medewerker)" in page.get_by_role("alert").inner_text()
    assert axe_problems(page) == []
    page.screenshot(path=SCREENSHOTS / f"inloggen-oidc-mislukt-{width}.png", full_page=True)
    page.goto(f"{oidc_url}/partijen/")
    assert "/inloggen/" in page.url  # not logged in
    context.close()
