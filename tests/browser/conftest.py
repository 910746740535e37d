"""The application served on 127.0.0.1 with demo data, and Debian's headless Chromium to drive it.

One server per session: a fresh SQLite file, `migrate` and `load_demo` in a subprocess, then
`runserver --insecure` with DEBUG off, so the real 404 page shows and static files are still served.
It runs on plain http (HTTPS=false) but otherwise with the production settings: the CSP, the
login lockout and the TOTP step for the admin, which the beheerder passes with the key it shows.
A second server on the same database runs as `make run` does (make_run_url), for the tests of the demo.
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
from contextlib import contextmanager
from pathlib import Path

import pytest

from .pages import ANONYMOUS, AS_USER, PAGES

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
    "beleid-oldambt": ("oldambt-demo-2026", "beleidsmedewerker"),
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


def _wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"De server stopte bij het starten (code {process.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"De server antwoordde niet binnen {seconds} s op {url}.")


@pytest.fixture(scope="session")
def demo_database():
    """A fresh SQLite file with the Groningen demo, and the environment the servers share."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium).")
    with tempfile.TemporaryDirectory(prefix="vp-browser-") as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/browser.sqlite3",
            "STATIC_ROOT": f"{tmp}/static",
            "DEBUG": "false",
            "SECRET_KEY": "browser-test-only-secret",
            "PYTHONUNBUFFERED": "1",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True)
        subprocess.run([*manage, "load_demo", "--force"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        yield Path(tmp), env


@contextmanager
def _serving(command, env, tmp, name):
    """Start a server on a free port, wait until it answers, and stop it afterwards."""
    port = _free_port()
    log = open(tmp / f"{name}.log", "wb")
    server = subprocess.Popen(
        [part.format(port=port) for part in command], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
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
def base_url(demo_database):
    """The URL of the application with the Groningen demo, served for the whole session: DEBUG off,
    plain http, the TOTP step on."""
    tmp, env = demo_database
    env = {**env, "ALLOWED_HOSTS": "127.0.0.1", "HTTPS": "false"}
    command = [sys.executable, str(ROOT / "manage.py"), "runserver", "127.0.0.1:{port}", "--noreload", "--insecure"]
    with _serving(command, env, tmp, "runserver") as url:
        yield url


# What `make run` sets and runs (Makefile, DEMO_ENV and the run target); tests/core/test_make_run.py
# checks that the Makefile still says so.
MAKE_RUN_ENV = {"DEMO": "true", "DEBUG": "false"}
MAKE_RUN_SERVER = ["gunicorn", "config.wsgi", "-w", "2", "-b", "127.0.0.1:{port}", "--timeout", "120"]


@pytest.fixture(scope="session")
def make_run_url(demo_database):
    """The same demo served as `make run` serves it: gunicorn, DEBUG off, DEMO on (plain http, no second
    factor), static files collected and served by WhiteNoise."""
    tmp, env = demo_database
    env = {key: value for key, value in env.items() if key not in ("ALLOWED_HOSTS", "HTTPS", "ADMIN_TWO_FACTOR")}
    env.update(MAKE_RUN_ENV)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True)
    command = [str(Path(sys.executable).parent / MAKE_RUN_SERVER[0]), *MAKE_RUN_SERVER[1:]]
    with _serving(command, env, tmp, "gunicorn") as url:
        yield url


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


# Filled while the session fixture sets up the beheerder's authenticator: the key it was shown and
# what axe found on the setup page (a page seen only once per user, so it is checked right there).
TWO_FACTOR = {}


def totp_code(key):
    """The current code for a TOTP key, as an authenticator app computes it."""
    from django_otp.oath import totp

    return f"{totp(key):06d}"


def set_up_two_factor(page, base_url):
    """A beheerder's first visit to /admin/: the setup page, a first code, then the admin."""
    from base64 import b32decode

    from .test_pages import axe_problems

    page.goto(f"{base_url}/admin/")
    assert "/tweestaps/instellen/" in page.url, f"geen tweestapsverificatie maar {page.url}"
    TWO_FACTOR["setup_problems"] = axe_problems(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "tweestaps-instellen-1280.png", full_page=True)
    secret = page.locator(".secret-key code").inner_text().replace(" ", "")
    TWO_FACTOR["key"] = b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code uit de app").fill(totp_code(TWO_FACTOR["key"]))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/admin/"), f"na de code niet in het beheer maar op {page.url}"


@pytest.fixture(scope="session")
def sessions(browser, base_url):
    """A logged-in browser state per demo user, made once by logging in through the form; the
    beheerder also sets up and passes the TOTP step, so its session may use /admin/."""
    states = {}
    for username, (password, _role) in USERS.items():
        context = browser.new_context()
        page = context.new_page()
        log_in(page, base_url, username, password)
        assert page.url.rstrip("/").endswith("/partijen"), f"{username} kon niet inloggen"
        if username == "beheer":
            set_up_two_factor(page, base_url)
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
    paths["importverslag"] = _import_dry_run(browser, base_url, sessions)
    return paths


def _import_dry_run(browser, base_url, sessions):
    """Download the register in the import template and upload it again: the path of the dry run report."""
    context = browser.new_context(base_url=base_url, storage_state=sessions["beheer"], accept_downloads=True)
    page = context.new_page()
    page.goto("/import/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Het huidige register in dit sjabloon (XLSX)").click()
    with tempfile.TemporaryDirectory(prefix="vp-import-") as tmp:
        file = Path(tmp) / download.value.suggested_filename
        download.value.save_as(file)
        page.get_by_label("Bestand").set_input_files(file)
        page.get_by_role("button", name="Controleren").click()
        page.wait_for_load_state()
    path = page.url.removeprefix(base_url)
    context.close()
    return path


@pytest.fixture
def visit(open_as, page_paths):
    """visit("factsheet", width=360) opens a named page as `beleid` (or the user AS_USER names) and checks
    its status."""

    def _visit(name, width=1280, username=None):
        username = username or AS_USER.get(name, "beleid")
        page = open_as(None if name in ANONYMOUS else username, width=width)
        response = page.goto(page_paths[name])
        expected = {"niet-gevonden": 404, "openbaar-uit": 404, "ongeldig-verzoek": 400, "geen-toegang": 403}.get(
            name, 200
        )
        assert response.status == expected, f"{page_paths[name]} gaf {response.status}"
        return page

    return _visit
