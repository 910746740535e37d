"""The production protections in the browser: no page breaks the Content-Security-Policy, the login
locks after five failures with a Dutch message, and the admin asks a beheerder for a TOTP code."""

from .conftest import SCREENSHOTS, TWO_FACTOR, USERS, log_in, totp_code
from .pages import ANONYMOUS, AS_USER
from .test_pages import axe_problems

# Admin pages with the most JavaScript and widgets: autocomplete, calendars, inlines.
ADMIN_PAGES = [
    "/admin/",
    "/admin/partners/party/",
    "/admin/partners/party/add/",
    "/admin/risks/risk/add/",
    "/admin/governance/seat/add/",
    "/admin/importer/importrun/",
]


def csp_messages(page):
    found = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    return found


def test_no_page_breaks_the_content_security_policy(open_as, page_paths):
    pages = {username: open_as(username) for username in (None, "beleid", "beheer")}
    found = [csp_messages(page) for page in pages.values()]
    visits = [(None if name in ANONYMOUS else AS_USER.get(name, "beleid"), path) for name, path in page_paths.items()]
    for username, path in visits + [("beheer", path) for path in ADMIN_PAGES]:
        page = pages[username]
        page.goto(path)
        page.wait_for_load_state("networkidle")
        if path.startswith("/admin/"):
            assert page.url.endswith(path), f"{path} opende niet maar {page.url}"

    assert [message for messages in found for message in messages] == []


def test_five_wrong_passwords_lock_the_login_with_a_dutch_message(open_as, base_url):
    page = open_as(None)
    for _ in range(5):
        log_in(page, base_url, "onbekende-gebruiker", "verkeerd-wachtwoord")

    alert = page.get_by_role("alert")
    assert "Te veel mislukte inlogpogingen met deze gebruikersnaam" in alert.inner_text()
    assert "15 minuten geblokkeerd" in alert.inner_text()
    assert axe_problems(page) == []
    page.screenshot(path=SCREENSHOTS / "inloggen-geblokkeerd-1280.png", full_page=True)


def test_the_totp_setup_page_meets_wcag_21_aa(sessions):
    assert TWO_FACTOR["setup_problems"] == []  # filled when `sessions` set up the beheerder


def test_a_new_session_of_the_beheerder_passes_the_totp_step_before_the_admin(open_as, base_url):
    page = open_as(None)
    log_in(page, base_url, "beheer", USERS["beheer"][0])
    page.goto("/admin/partners/party/")
    assert "/tweestaps/" in page.url
    assert axe_problems(page) == []
    page.screenshot(path=SCREENSHOTS / "tweestaps-1280.png", full_page=True)

    page.get_by_label("Code uit de app").fill(totp_code(TWO_FACTOR["key"]))
    page.get_by_role("button", name="Verifiëren").click()
    page.wait_for_load_state()

    assert page.url.endswith("/admin/partners/party/")
    assert page.get_by_role("heading", name="Selecteer verbonden partij om te wijzigen").count() == 1
