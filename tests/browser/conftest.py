"""The application served on 127.0.0.1 with demo data, and Debian's headless Chromium to drive it.

One server per session: a fresh SQLite file, `migrate` and `load_demo` in a subprocess, then
`runserver --insecure` with DEBUG off, so the real 404 page shows and static files are still served.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .pages import ANONYMOUS, NOT_YET_BUILT, PAGES

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "screenshots"))

# The demo users of load_demo and the role (group) each one has.
USERS = {
    "beleid": ("beleid-demo-2026", "beleidsmedewerker"),
    "controller": ("controller-demo-2026", "controller"),
    "beheer": ("beheer-demo-2026", "beheerder"),
}


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"De server stopte bij het starten (code {process.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError(f"De server antwoordde niet binnen {seconds} s op {url}.")


@pytest.fixture(scope="session")
def base_url():
    """The URL of the application with the Groningen demo, served for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium).")
    with tempfile.TemporaryDirectory(prefix="vp-browser-") as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/browser.sqlite3",
            "DEBUG": "false",
            "SECRET_KEY": "browser-test-only-secret",
            "ALLOWED_HOSTS": "127.0.0.1",
            "PYTHONUNBUFFERED": "1",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True)
        subprocess.run([*manage, "load_demo", "--force"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        port = _free_port()
        log = open(Path(tmp) / "server.log", "wb")
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(f"{url}/inloggen/", server)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def log_in(page, base_url, username, password):
    page.goto(f"{base_url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


@pytest.fixture(scope="session")
def sessions(browser, base_url):
    """A logged-in browser state per demo user, made once by logging in through the form."""
    states = {}
    for username, (password, _role) in USERS.items():
        context = browser.new_context()
        page = context.new_page()
        log_in(page, base_url, username, password)
        assert page.url.rstrip("/").endswith("/partijen"), f"{username} kon niet inloggen"
        states[username] = context.storage_state()
        context.close()
    return states


@pytest.fixture
def open_as(browser, base_url, sessions):
    """open_as("beleid", width=1280) gives a page of a fresh context logged in as that user."""
    contexts = []

    def _open(username=None, width=1280, height=900):
        context = browser.new_context(
            base_url=base_url,
            viewport={"width": width, "height": height},
            storage_state=sessions[username] if username else None,
            accept_downloads=True,
            locale="nl-NL",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


def _first_link(page, path, pattern):
    page.goto(path)
    hrefs = page.locator("main a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return next(href for href in hrefs if re.fullmatch(pattern, href))


@pytest.fixture(scope="session")
def page_paths(browser, base_url, sessions):
    """PAGES with the ids of the first person and the first risk of the demo filled in."""
    context = browser.new_context(base_url=base_url, storage_state=sessions["beleid"])
    page = context.new_page()
    paths = dict(PAGES)
    paths["persoon"] = _first_link(page, "/personen/", r"/personen/\d+/")
    paths["risico"] = _first_link(page, "/risicos/", r"/risicos/\d+/")
    context.close()
    return paths


@pytest.fixture
def visit(open_as, page_paths):
    """visit("factsheet", width=360) opens a named page as `beleid`; skips a page not built yet."""

    def _visit(name, width=1280, username="beleid"):
        page = open_as(None if name in ANONYMOUS else username, width=width)
        response = page.goto(page_paths[name])
        if name in NOT_YET_BUILT and response.status == 404:
            pytest.skip(NOT_YET_BUILT[name])
        expected = 404 if name == "niet-gevonden" else 200
        assert response.status == expected, f"{page_paths[name]} gaf {response.status}"
        return page

    return _visit
