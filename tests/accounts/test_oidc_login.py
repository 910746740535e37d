"""Login through a gemeente's identity provider (OpenID Connect), against a real provider.

The provider is django-oidc-provider in a small Django site of its own (tests/identity_provider), started
once per test process as a subprocess on a free port, with its own SQLite file and RSA key. The browser's
part of the flow goes through HTTP: the register's start page (Django test client) sends the browser to the
provider, the provider's login form is filled in (requests), and the provider's redirect comes back to the
register's callback, which fetches the token, the keys and the userinfo from the provider itself.
"""

import json
import re
import socket
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ProviderIdentity
from accounts.oidc import parse_providers
from partners.models import UserMunicipality, UserParty
from partners.roles import BEHEERDER, BELEIDSMEDEWERKER, BRONHOUDER, CONTROLLER, RAAD_GRIFFIE, ensure_roles
from tests.identity_provider import process
from tests.partners.factories import MunicipalityFactory, PartyFactory

pytestmark = pytest.mark.django_db

CLIENT_ID, PASSWORD = process.CLIENT_ID, process.PASSWORD
CALLBACKS = [f"http://testserver/inloggen/oidc/{key}/callback/" for key in ("test", "tweede")]
USERS = {
    "anna": {"given_name": "Anna", "family_name": "de Vries", "email": "anna@aastad.nl", "preferred_username": "anna"},
    "bert": {"given_name": "Bert", "family_name": "Jansen", "preferred_username": "bert"},
}


class IdentityProvider:
    def __init__(self, url: str, claims_file: Path):
        self.url = url
        self.claims_file = claims_file

    def set_claims(self, username: str, **claims) -> None:
        everything = json.loads(self.claims_file.read_text())
        everything[username] = {**USERS[username], **claims}
        self.claims_file.write_text(json.dumps(everything))


@pytest.fixture(scope="session")
def identity_provider(tmp_path_factory):
    """The provider subprocess for this test process; stopped after the last test."""
    folder = tmp_path_factory.mktemp("identity_provider")
    with process.running(folder, users=USERS, callbacks=CALLBACKS) as url:
        yield IdentityProvider(url, folder / "claims.json")


def provider_config(idp, key="test", name="Gemeente Aastad", **extra) -> dict:
    return process.config(idp.url, key=key, name=name, **extra)


@pytest.fixture
def idp(identity_provider, settings):
    """The provider configured as "test" (and a second one, "tweede", for the same provider); fresh claims."""
    settings.OIDC_PROVIDERS = [
        provider_config(identity_provider),
        provider_config(identity_provider, key="tweede", name="Veiligheidsregio"),
    ]
    identity_provider.claims_file.write_text(json.dumps(USERS))
    ensure_roles()
    return identity_provider


@pytest.fixture
def aastad():
    return MunicipalityFactory(code="GM8814", name="Aastad")


@pytest.fixture
def beedorp():
    return MunicipalityFactory(code="GM8802", name="Beedorp")


def start(client, provider="test", next_url="/gemeenten/"):
    """The register's start page: the browser is sent to the provider's authorize endpoint."""
    response = client.get(f"/inloggen/oidc/{provider}/?" + urlencode({"next": next_url}))
    assert response.status_code == 302, response.content
    return response["Location"]


def at_provider(authorize_url, username, password=PASSWORD) -> str:
    """What the browser does at the provider: its login form, then back to the authorize endpoint, which
    answers with the redirect to the register's callback. Returns that callback address."""
    browser = requests.Session()
    response = browser.get(authorize_url, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text
    login_url = urljoin(authorize_url, response.headers["Location"])
    form = browser.get(login_url, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = browser.post(
        login_url,
        data={
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": password,
            "next": parse_qs(urlsplit(login_url).query)["next"][0],
        },
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text
    response = browser.get(urljoin(login_url, response.headers["Location"]), allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def back_at_register(client, callback_url):
    parts = urlsplit(callback_url)
    return client.get(f"{parts.path}?{parts.query}")


def sign_in(client, username, provider="test"):
    return back_at_register(client, at_provider(start(client, provider), username))


def logged_in_user(client):
    response = client.get("/gemeenten/")
    return response.wsgi_request.user if response.status_code == 200 else None


# --- The login page --------------------------------------------------------------------------------------


def test_without_providers_the_login_page_is_the_password_login_alone(client, settings):
    settings.OIDC_PROVIDERS = []
    html = client.get("/inloggen/").content.decode()
    assert "Log in met uw gebruikersnaam en wachtwoord om het register te raadplegen." in html
    assert "Inloggen via" not in html and "/inloggen/oidc/" not in html


def test_the_login_page_has_a_button_per_provider_that_keeps_next(client, settings):
    settings.OIDC_PROVIDERS = [
        provider_config(IdentityProvider("https://idp.aastad.nl", None)),
        provider_config(IdentityProvider("https://idp.vr.nl", None), key="vr", name="Veiligheidsregio"),
    ]
    html = client.get("/inloggen/?next=/gemeenten/").content.decode()
    assert 'href="/inloggen/oidc/test/?next=/gemeenten/">Inloggen via Gemeente Aastad</a>' in html
    assert 'href="/inloggen/oidc/vr/?next=/gemeenten/">Inloggen via Veiligheidsregio</a>' in html
    assert 'name="password"' in html  # the local login stays


def test_the_start_sends_the_browser_to_the_provider_with_state_nonce_and_pkce(client, idp):
    query = parse_qs(urlsplit(start(client)).query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["redirect_uri"] == ["http://testserver/inloggen/oidc/test/callback/"]
    assert query["scope"] == ["openid profile email register"]
    assert query["state"] and query["nonce"] and query["code_challenge_method"] == ["S256"]


# --- Claims to gemeente and role ----------------------------------------------------------------------------


def test_a_first_login_makes_the_user_with_the_gemeente_and_role_of_the_claims(client, idp, aastad):
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    response = sign_in(client, "anna")
    assert response.status_code == 302 and response["Location"] == "/gemeenten/"
    user = logged_in_user(client)
    assert user.username == "test.anna" and user.get_full_name() == "Anna de Vries"
    assert user.email == "anna@aastad.nl" and not user.has_usable_password()
    assert [group.name for group in user.groups.all()] == [CONTROLLER]
    assert [link.municipality for link in UserMunicipality.objects.filter(user=user)] == [aastad]
    assert ProviderIdentity.objects.get(user=user).provider == "test"
    page = client.get("/gemeenten/").content.decode()
    assert "Anna de Vries" in page and "Aastad" in page


def test_a_second_login_with_changed_claims_updates_gemeente_and_role(client, idp, aastad, beedorp):
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    sign_in(client, "anna")
    client.logout()
    idp.set_claims("anna", gemeente=["8802"], rollen="beleidsmedewerker", family_name="Bakker")
    assert sign_in(client, "anna").status_code == 302
    user = logged_in_user(client)
    assert user.get_full_name() == "Anna Bakker"
    assert [group.name for group in user.groups.all()] == [BELEIDSMEDEWERKER]
    assert list(UserMunicipality.objects.filter(user=user).values_list("municipality__code", flat=True)) == ["GM8802"]
    assert ProviderIdentity.objects.count() == 1


def test_a_bronhouder_is_linked_to_the_party_of_the_claims_and_a_griffier_to_his_gemeente(client, idp, aastad):
    party = PartyFactory(name="Veiligheidsregio Aa", slug="veiligheidsregio-aa")
    idp.set_claims("anna", partij="veiligheidsregio-aa", rollen=[BRONHOUDER])
    assert sign_in(client, "anna").status_code == 302
    user = get_user_model().objects.get(username="test.anna")
    assert [group.name for group in user.groups.all()] == [BRONHOUDER]
    assert [link.party for link in UserParty.objects.filter(user=user)] == [party]
    assert not UserMunicipality.objects.filter(user=user).exists()
    assert client.get("/aanleveren/", follow=True).status_code == 200
    client.logout()

    idp.set_claims("anna", gemeente="GM8814", partij=[], rollen=[RAAD_GRIFFIE])
    assert sign_in(client, "anna").status_code == 302
    user.refresh_from_db()
    assert [group.name for group in user.groups.all()] == [RAAD_GRIFFIE]
    assert not UserParty.objects.filter(user=user).exists()
    assert [link.municipality for link in UserMunicipality.objects.filter(user=user)] == [aastad]


def test_a_role_map_translates_the_providers_role_values(client, idp, aastad, settings):
    settings.OIDC_PROVIDERS = [provider_config(idp, role_map={"VP_Beheer": BEHEERDER})]
    idp.set_claims("anna", gemeente="GM8814", rollen=["VP_Beheer", "Medewerker"])
    sign_in(client, "anna")
    user = logged_in_user(client)
    assert [group.name for group in user.groups.all()] == [BEHEERDER] and user.is_staff


def test_claims_without_a_known_role_give_no_account_and_say_why(client, idp, aastad):
    idp.set_claims("anna", gemeente="GM8814", rollen=["medewerker"])
    response = sign_in(client, "anna")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Inloggen is niet gelukt" in html and "geeft u geen rol in het register (ontvangen: medewerker)" in html
    assert not ProviderIdentity.objects.exists() and logged_in_user(client) is None


def test_claims_without_a_gemeente_of_the_register_give_no_account(client, idp, aastad):
    idp.set_claims("anna", gemeente="GM9999", rollen=[CONTROLLER])
    response = sign_in(client, "anna")
    assert response.status_code == 403
    assert "koppelt u aan geen gemeente of partij die in het register staat (ontvangen: GM9999)" in (
        response.content.decode()
    )
    assert not ProviderIdentity.objects.exists() and logged_in_user(client) is None


def test_a_role_taken_away_at_the_provider_is_gone_here_at_the_next_login(client, idp, aastad):
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    sign_in(client, "anna")
    user = logged_in_user(client)
    client.logout()
    idp.set_claims("anna", gemeente="GM8814", rollen=[])
    assert sign_in(client, "anna").status_code == 403
    assert logged_in_user(client) is None
    assert not user.groups.exists() and not UserMunicipality.objects.filter(user=user).exists()


def test_a_local_account_with_the_same_name_is_never_taken_over(client, idp, aastad, django_user_model):
    local = django_user_model.objects.create_user("test.anna", email="anna@aastad.nl", password="lokaal-2025-x")
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    sign_in(client, "anna")
    user = logged_in_user(client)
    assert user.pk != local.pk and user.username == "test.anna-2"
    assert not local.groups.exists()


def test_the_password_login_still_works_beside_the_providers(client, idp, aastad, django_user_model):
    django_user_model.objects.create_user("lokaal", password="lokaal-wachtwoord-2025")
    response = client.post("/inloggen/", {"username": "lokaal", "password": "lokaal-wachtwoord-2025"})
    assert response.status_code == 302
    assert client.session["_auth_user_backend"] == "django.contrib.auth.backends.ModelBackend"


# --- Failures: a Dutch page, never logged in ------------------------------------------------------------------


def test_a_tampered_state_is_refused(client, idp, aastad):
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    callback = at_provider(start(client), "anna")
    response = back_at_register(client, re.sub(r"state=[^&]+", "state=nagemaakt", callback))
    assert response.status_code == 400
    assert "niet in deze browser begonnen" in response.content.decode()
    assert logged_in_user(client) is None and not ProviderIdentity.objects.exists()


def test_a_callback_used_twice_is_refused_the_second_time(client, idp, aastad):
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    callback = at_provider(start(client), "anna")
    assert back_at_register(client, callback).status_code == 302
    client.logout()
    assert back_at_register(client, callback).status_code == 400
    assert logged_in_user(client) is None


def test_a_code_with_another_logins_pkce_verifier_is_refused_by_the_provider(client, idp, aastad):
    """Two logins begun in one browser; the code of the first comes back with the state of the second:
    the provider refuses the second login's PKCE verifier for the first code."""
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    first = at_provider(start(client), "anna")
    second_state = parse_qs(urlsplit(start(client)).query)["state"][0]
    response = back_at_register(client, re.sub(r"state=[^&]+", f"state={second_state}", first))
    assert response.status_code == 400
    assert "heeft deze inlogpoging niet aanvaard" in response.content.decode()
    assert logged_in_user(client) is None and not ProviderIdentity.objects.exists()


def test_a_code_with_another_logins_nonce_is_refused(client, idp, aastad, settings):
    """As above without PKCE: the ID token carries the first login's nonce, so the check of the nonce fails."""
    settings.OIDC_PROVIDERS = [provider_config(idp, pkce=False)]
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    first = at_provider(start(client), "anna")
    second_state = parse_qs(urlsplit(start(client)).query)["state"][0]
    response = back_at_register(client, re.sub(r"state=[^&]+", f"state={second_state}", first))
    assert response.status_code == 400
    assert "kon niet worden gecontroleerd" in response.content.decode()
    assert logged_in_user(client) is None and not ProviderIdentity.objects.exists()


def test_a_state_begun_at_one_provider_is_refused_at_another(client, idp, aastad):
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    callback = at_provider(start(client, "test"), "anna")
    response = back_at_register(client, callback.replace("/oidc/test/", "/oidc/tweede/"))
    assert response.status_code == 400 and logged_in_user(client) is None


def test_an_error_answer_of_the_provider_logs_nobody_in(client, idp):
    state = parse_qs(urlsplit(start(client)).query)["state"][0]
    response = client.get(
        "/inloggen/oidc/test/callback/",
        {"error": "access_denied", "error_description": "De gebruiker weigerde", "state": state},
    )
    assert response.status_code == 403
    assert "Gemeente Aastad heeft het inloggen niet toegestaan (De gebruiker weigerde)" in response.content.decode()
    assert logged_in_user(client) is None and state not in client.session.get("oidc_states", {})


def test_an_error_answer_for_a_state_this_browser_did_not_begin_shows_not_its_text(client, idp):
    response = client.get(
        "/inloggen/oidc/test/callback/", {"error": "access_denied", "error_description": "Bel 0900", "state": "vreemd"}
    )
    assert response.status_code == 400 and "Bel 0900" not in response.content.decode()


def test_a_user_made_inactive_loses_his_session_at_the_next_request(client, idp, aastad):
    idp.set_claims("anna", gemeente="GM8814", rollen=[CONTROLLER])
    sign_in(client, "anna")
    user = logged_in_user(client)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get("/gemeenten/").status_code == 302 and logged_in_user(client) is None


def test_a_wrong_password_at_the_provider_never_reaches_the_register(client, idp):
    with pytest.raises(AssertionError):
        at_provider(start(client), "anna", password="fout")
    assert logged_in_user(client) is None


def test_an_unknown_provider_is_the_dutch_404(client, idp):
    for path in ("/inloggen/oidc/onbekend/", "/inloggen/oidc/onbekend/callback/?code=x&state=y"):
        response = client.get(path)
        assert response.status_code == 404 and "Pagina niet gevonden" in response.content.decode()


def test_a_provider_that_cannot_be_reached_gets_a_dutch_page(client, settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.OIDC_PROVIDERS = [
        provider_config(IdentityProvider(f"http://127.0.0.1:{port}", None), name="Gemeente Nergens")
    ]
    response = client.get("/inloggen/oidc/test/")
    assert response.status_code == 502
    assert "Gemeente Nergens is nu niet bereikbaar" in response.content.decode()


# --- The second factor ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("second_factor", "amr", "asks_totp"),
    [
        ("register", ["pwd", "otp"], True),
        ("amr", ["pwd"], True),
        ("amr", ["pwd", "otp"], False),
        ("provider", [], False),
    ],
)
def test_the_providers_second_factor_counts_only_when_configured_so(
    client, idp, aastad, settings, second_factor, amr, asks_totp
):
    settings.ADMIN_TWO_FACTOR = True
    settings.OIDC_PROVIDERS = [provider_config(idp, second_factor=second_factor)]
    idp.set_claims("anna", gemeente="GM8814", rollen=[BEHEERDER], amr=amr)
    sign_in(client, "anna")
    response = client.get("/import/")
    if asks_totp:
        assert response.status_code == 302 and response["Location"].startswith("/tweestaps/")
    else:
        assert response.status_code == 200
        assert not TOTPDevice.objects.exists()


def test_the_providers_second_factor_ends_with_the_session(client, idp, aastad, settings, django_user_model):
    """After logout, a password login of another user in the same browser does not inherit it."""
    settings.ADMIN_TWO_FACTOR = True
    settings.OIDC_PROVIDERS = [provider_config(idp, second_factor="provider")]
    idp.set_claims("anna", gemeente="GM8814", rollen=[BEHEERDER])
    sign_in(client, "anna")
    client.post("/uitloggen/")
    local = django_user_model.objects.create_user("lokaal", password="lokaal-wachtwoord-2025", is_staff=True)
    local.groups.add(Group.objects.get(name=BEHEERDER))
    client.post("/inloggen/", {"username": "lokaal", "password": "lokaal-wachtwoord-2025"})
    assert client.get("/import/")["Location"].startswith("/tweestaps/")


# --- The configuration ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("[{", "geen geldige JSON"),
        ('{"key": "a"}', "'name' ontbreekt"),
        (
            '[{"key": "A B", "name": "x", "client_id": "c", "client_secret": "s", "issuer": "https://x"}]',
            "kleine letters",
        ),
        ('[{"key": "a", "name": "x", "client_id": "c", "client_secret": "s"}]', "geef 'issuer'"),
        ('[{"key": "a", "name": "x", "client_id": "c", "client_secret": "s", "issuer": "ftp://x"}]', "https://"),
        (
            '[{"key": "a", "name": "x", "client_id": "c", "client_secret": "s", "issuer": "https://x", "tweede": 1}]',
            "onbekende sleutel(s) tweede",
        ),
        (
            '[{"key": "a", "name": "x", "client_id": "c", "client_secret": "s", "issuer": "https://x",'
            ' "second_factor": "altijd"}]',
            "'second_factor' is een van",
        ),
        (
            '[{"key": "a", "name": "x", "client_id": "c", "client_secret": "s", "issuer": "https://x"},'
            ' {"key": "a", "name": "y", "client_id": "c", "client_secret": "s", "issuer": "https://y"}]',
            "twee keer",
        ),
    ],
)
def test_a_wrong_provider_configuration_stops_the_start_with_a_dutch_message(raw, message):
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        parse_providers(raw)
