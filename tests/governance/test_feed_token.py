"""The agenda address (deadlines.ics?token=) is withdrawn by a new one from the dashboard and by
every password change: the old address stops at once, the new one works."""

import html
import re

import pytest
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.contrib.auth.hashers import make_password

from governance.calendar import feed_token
from partners.roles import BELEIDSMEDEWERKER
from tests.conftest import pass_two_factor
from tests.partners.factories import MunicipalityFactory, ParticipationFactory
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

PASSWORD = "wachtwoord-2025"
NEW_PASSWORD = "een-heel-ander-wachtwoord-2026"


@pytest.fixture
def gemeente():
    return ParticipationFactory(participant__name="Groningen", party__name="Omgevingsdienst Groningen").participant


@pytest.fixture
def reader(make_user, gemeente):
    return make_user("anna", role=BELEIDSMEDEWERKER, municipalities=[gemeente])


def dashboard(gemeente):
    return f"/gemeenten/{gemeente.code}/dashboard/"


def feed(gemeente, token):
    return f"/gemeenten/{gemeente.code}/deadlines.ics?token={token}"


def address_on_dashboard(client, gemeente) -> str:
    page = client.get(dashboard(gemeente)).content.decode()
    url = html.unescape(re.search(r'id="feed-url"[^>]*value="([^"]+)"', page).group(1))
    return url.removeprefix("http://testserver")


def opens(client, url) -> bool:
    """Whether a calendar program (not logged in) gets the feed at this address."""
    client.logout()
    response = client.get(url)
    if response.status_code == 200:
        assert response["Content-Type"].startswith("text/calendar")
        return True
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    return False


def test_the_dashboard_offers_a_new_address_and_says_the_old_one_stops(client, reader, gemeente):
    client.force_login(reader)

    page = text(client.get(dashboard(gemeente)))

    assert "Nieuw agenda-adres maken" in page
    assert "Het huidige adres werkt daarna direct niet meer" in page


def test_a_new_address_withdraws_the_old_one_at_once(client, reader, gemeente):
    client.force_login(reader)
    old = address_on_dashboard(client, gemeente)

    response = client.post(f"/gemeenten/{gemeente.code}/dashboard/agenda-adres/", follow=True)

    assert response.redirect_chain[-1][0] == f"{dashboard(gemeente)}#agenda"
    page = text(response)
    # shown next to the new address, where the redirect lands, not at the top of a long page
    assert page.index("Termijnen in uw agenda") < page.index("Uw agenda-adres is vernieuwd. Het oude adres werkt")
    new = address_on_dashboard(client, gemeente)
    assert new != old
    assert not opens(client, old)
    assert opens(client, new)


def test_the_old_address_of_every_gemeente_stops(client, make_user, gemeente):
    other = ParticipationFactory(participant__name="Oldambt").participant
    user = make_user("bert", role=BELEIDSMEDEWERKER, municipalities=[gemeente, other])
    old_other = feed(other, feed_token(other, user=user))
    client.force_login(user)

    client.post(f"/gemeenten/{gemeente.code}/dashboard/agenda-adres/")

    assert not opens(client, old_other)
    user.refresh_from_db()
    assert opens(client, feed(other, feed_token(other, user=user)))


def test_renewing_leaves_the_addresses_of_other_users_alone(client, reader, make_user, gemeente):
    colleague = make_user("carla", role=BELEIDSMEDEWERKER, municipalities=[gemeente])
    theirs = feed(gemeente, feed_token(gemeente, user=colleague))
    client.force_login(reader)

    client.post(f"/gemeenten/{gemeente.code}/dashboard/agenda-adres/")

    assert opens(client, theirs)


def test_renewing_needs_a_post_and_a_visible_gemeente(client, reader, gemeente):
    old = feed(gemeente, feed_token(gemeente, user=reader))
    elsewhere = MunicipalityFactory(name="Elders")
    client.force_login(reader)

    assert client.get(f"/gemeenten/{gemeente.code}/dashboard/agenda-adres/").status_code == 405
    response = client.post(f"/gemeenten/{elsewhere.code}/dashboard/agenda-adres/")

    assert response.status_code == 404 and "Pagina niet gevonden" in response.content.decode()
    assert opens(client, old)


def test_set_password_renews_the_address(client, reader, gemeente):
    old = feed(gemeente, feed_token(gemeente, user=reader))

    reader.set_password(NEW_PASSWORD)
    reader.save()

    assert not opens(client, old)
    assert opens(client, feed(gemeente, feed_token(gemeente, user=reader)))


@pytest.mark.parametrize("form_class", [PasswordChangeForm, SetPasswordForm])
def test_the_password_forms_renew_the_address(client, reader, gemeente, form_class):
    old = feed(gemeente, feed_token(gemeente, user=reader))
    data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    form = form_class(reader, data)
    assert form.is_valid(), form.errors

    form.save()

    assert not opens(client, old)


def test_a_password_change_in_the_admin_renews_the_address(client, superuser, reader, gemeente):
    old = feed(gemeente, feed_token(gemeente, user=reader))
    pass_two_factor(client, superuser)

    response = client.post(
        f"/admin/auth/user/{reader.pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )

    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.check_password(NEW_PASSWORD)
    assert not opens(client, old)


def test_disabling_the_password_renews_the_address(client, reader, gemeente):
    old = feed(gemeente, feed_token(gemeente, user=reader))

    reader.set_unusable_password()
    reader.save()

    assert not opens(client, old)


def test_a_login_or_another_change_of_the_user_keeps_the_address(client, reader, gemeente, settings):
    """Django stores the same password again with a stronger hasher at login: no new password, so
    the subscriptions keep working; so does a change of the name."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    reader.password = make_password(PASSWORD, hasher="md5")
    reader.save()
    address = feed(gemeente, feed_token(gemeente, user=reader))

    client.post("/inloggen/", {"username": "anna", "password": PASSWORD})
    reader.refresh_from_db()
    assert reader.password.startswith("pbkdf2_sha256$")  # rehashed at login
    reader.first_name = "Anna"
    reader.save()

    assert opens(client, address)


@pytest.mark.parametrize("token", ["²-abc", "٣-abc", "9" * 40 + "-abc", "-abc", "1"])
def test_a_malformed_token_asks_to_log_in(client, reader, gemeente, token):
    assert not opens(client, feed(gemeente, token))
