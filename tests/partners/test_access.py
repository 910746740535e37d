"""Only logged-in users see the register; login, logout and unknown pages speak Dutch."""

import pytest

from .factories import PartyFactory
from .pages import text

pytestmark = pytest.mark.django_db

REGISTER_PAGES = [
    "/",
    "/partijen/",
    "/partijen/?format=csv",
    "/partijen/?format=xlsx",
    "/partijen/testpartij/",
    "/gemeenten/",
    "/gemeenten/GM0014/",
]


@pytest.fixture
def party():
    return PartyFactory(name="Testpartij")


@pytest.mark.parametrize("url", REGISTER_PAGES)
def test_every_register_page_sends_an_anonymous_user_to_the_login_page(client, party, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=/")
    assert "Testpartij" not in response.content.decode()


@pytest.mark.parametrize("url", REGISTER_PAGES[1:])
def test_every_register_page_opens_for_a_logged_in_user(logged_in_client, party, url):
    assert logged_in_client.get(url).status_code == 200


def test_the_admin_too_sends_an_anonymous_user_to_the_login_page(client):
    response = client.get("/admin/partners/party/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/admin/partners/party/"


def test_the_admin_refuses_a_user_without_staff_rights_with_the_dutch_403_not_a_login_form(logged_in_client):
    for path in ("/admin/", "/admin/partners/party/", "/admin/login/?next=/admin/"):
        response = logged_in_client.get(path)
        assert response.status_code == 403, path
        page = text(response)
        assert "Geen toegang" in page
        assert "alleen voor functioneel beheerders" in page
        assert 'name="password"' not in response.content.decode()


def test_the_admin_sends_an_anonymous_visitor_to_the_login_page(client):
    response = client.get("/admin/partners/party/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_the_demo_banner_names_the_relaxations_only_in_the_demo(logged_in_client, settings):
    settings.DEMO = False
    assert "Demo-omgeving" not in text(logged_in_client.get("/partijen/"))

    settings.DEMO = True
    settings.DEMO_RELAXATIONS = ["http in plaats van https"]
    page = text(logged_in_client.get("/partijen/"))
    assert "Demo-omgeving" in page
    assert "http in plaats van https" in page


def test_the_login_page_is_in_dutch(client):
    response = client.get("/inloggen/")
    assert response.status_code == 200
    page = text(response)
    assert "Inloggen" in page
    assert "Log in met uw gebruikersnaam en wachtwoord" in page
    assert "Gebruikersnaam" in page and "Wachtwoord" in page
    assert '<html lang="nl">' in response.content.decode()


def test_a_wrong_password_shows_the_dutch_error_and_does_not_log_in(client, user):
    response = client.post("/inloggen/", {"username": "raadslid", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in." in text(response)
    assert client.get("/partijen/").status_code == 302


def test_a_correct_password_logs_in_and_returns_to_the_page_asked_for(client, user):
    response = client.post(
        "/inloggen/", {"username": "raadslid", "password": "geheim-wachtwoord-2025", "next": "/gemeenten/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/gemeenten/"
    assert client.get("/gemeenten/").status_code == 200


def test_login_without_next_opens_the_list_of_parties(client, user):
    response = client.post("/inloggen/", {"username": "raadslid", "password": "geheim-wachtwoord-2025"})
    assert response["Location"] == "/partijen/"


def test_logout_ends_the_session_and_returns_to_the_login_page(logged_in_client):
    response = logged_in_client.post("/uitloggen/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/"
    assert logged_in_client.get("/partijen/").status_code == 302


def test_an_unknown_address_is_a_dutch_404_for_a_logged_in_user(logged_in_client):
    response = logged_in_client.get("/bestaat/niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in text(response)
    assert "Naar het overzicht van verbonden partijen" in text(response)


def test_an_unknown_address_is_a_dutch_404_for_an_anonymous_user(client):
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in text(response)
