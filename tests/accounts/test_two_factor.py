"""The admin asks a beheerder for a TOTP code; the first time it shows how to set up the app."""

import io
from base64 import b32decode

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from partners.roles import BEHEERDER, BELEIDSMEDEWERKER
from tests.conftest import pass_two_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(django_user_model):
    user = django_user_model.objects.create_user(username="beheer", password="beheer-wachtwoord-2025", is_staff=True)
    user.groups.add(Group.objects.get(name=BEHEERDER))
    return user


@pytest.fixture
def device(beheerder):
    return TOTPDevice.objects.create(user=beheerder, name="Authenticator-app", confirmed=True)


def code(device, offset=0):
    return f"{totp(device.bin_key, t0=device.t0, step=device.step, drift=offset):06d}"


def text(response):
    return response.content.decode()


def test_a_beheerder_without_a_device_is_sent_to_the_setup_page(client, beheerder):
    client.force_login(beheerder)

    response = client.get("/admin/partners/party/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/tweestaps/instellen/")
    page = text(response)
    assert "Tweestapsverificatie instellen" in page
    assert '<svg class="qr-code" role="img"' in page
    assert "next=%2Fadmin%2Fpartners%2Fparty%2F" in response.redirect_chain[-1][0]


def test_the_setup_shows_the_key_and_a_first_code_confirms_the_device(client, beheerder):
    client.force_login(beheerder)
    page = text(client.get("/tweestaps/instellen/?next=/admin/"))
    device = TOTPDevice.objects.get(user=beheerder)
    secret = page.split('class="secret-key"><code>')[1].split("</code>")[0].replace(" ", "")
    assert b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key
    assert not device.confirmed

    response = client.post("/tweestaps/instellen/", {"code": code(device), "next": "/admin/"})

    assert response.status_code == 302 and response.url == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_at_setup_leaves_the_device_unconfirmed(client, beheerder):
    client.force_login(beheerder)
    client.get("/tweestaps/instellen/")
    device = TOTPDevice.objects.get(user=beheerder)

    response = client.post("/tweestaps/instellen/", {"code": "000000" if code(device) != "000000" else "111111"})

    assert response.status_code == 200
    assert "Deze code klopt niet of is verlopen" in text(response)
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


def test_a_beheerder_with_a_device_is_asked_for_a_code_before_the_admin(client, beheerder, device):
    client.force_login(beheerder)

    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == "/tweestaps/?next=/admin/"
    assert "Code uit de app" in text(response)
    # the setup page cannot add a second device once one is confirmed
    assert client.get("/tweestaps/instellen/").url.startswith("/tweestaps/")


def test_the_right_code_opens_the_admin_for_the_rest_of_the_session(client, beheerder, device):
    client.force_login(beheerder)

    response = client.post("/tweestaps/", {"code": code(device), "next": "/admin/partners/party/"})

    assert response.status_code == 302 and response.url == "/admin/partners/party/"
    assert client.get("/admin/partners/party/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_keeps_the_admin_closed_with_a_dutch_message(client, beheerder, device):
    client.force_login(beheerder)

    response = client.post("/tweestaps/", {"code": "12 34 56" if code(device) != "123456" else "654321"})

    assert response.status_code == 200
    assert "Deze code klopt niet of is verlopen" in text(response)
    assert client.get("/admin/").status_code == 302


def test_an_empty_code_gets_a_dutch_message(client, beheerder, device):
    client.force_login(beheerder)

    response = client.post("/tweestaps/", {"code": ""})

    assert "Vul de code uit de authenticator-app in." in text(response)


def test_a_code_from_another_site_cannot_be_used_to_leave_to_it(client, beheerder, device):
    client.force_login(beheerder)

    response = client.post("/tweestaps/", {"code": code(device), "next": "https://kwaadwillend.example/"})

    assert response.url == "/admin/"


def test_anonymous_users_go_to_the_register_login_page_not_the_admin_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert client.get(response.url).url == "/inloggen/?next=/admin/"


def test_a_reader_without_staff_rights_cannot_use_the_two_factor_pages(client, make_user):
    client.force_login(make_user("lezer", role=BELEIDSMEDEWERKER))
    assert client.get("/tweestaps/").status_code == 404
    assert client.get("/admin/").status_code == 403


def test_with_two_factor_off_the_admin_opens_after_login(client, beheerder, settings):
    settings.ADMIN_TWO_FACTOR = False
    client.force_login(beheerder)

    assert client.get("/admin/").status_code == 200


def test_the_shared_fixture_passes_the_step_like_a_user_would(client, beheerder):
    pass_two_factor(client, beheerder)

    assert client.get("/admin/").status_code == 200


def test_after_repeated_wrong_codes_even_the_right_one_waits_and_the_page_says_how_long(client, beheerder, device):
    device.throttling_failure_count = 5  # django-otp then refuses every code for 2**4 = 16 seconds
    device.throttling_failure_timestamp = timezone.now()
    device.save()
    client.force_login(beheerder)

    response = client.post("/tweestaps/", {"code": code(device)})

    assert "Na een onjuiste code kunt u even geen nieuwe proberen. Wacht 1" in text(response)
    assert "seconden en vul dan de code in" in text(response)
    assert client.get("/admin/").status_code == 302


def test_reset_two_factor_removes_the_devices_so_the_user_sets_up_a_new_one(client, beheerder, device):
    out = io.StringIO()

    call_command("reset_two_factor", "beheer", stdout=out)

    assert not TOTPDevice.objects.filter(user=beheerder).exists()
    assert "1 apparaat/apparaten van beheer verwijderd" in out.getvalue()
    client.force_login(beheerder)
    assert client.get("/admin/", follow=True).redirect_chain[-1][0].startswith("/tweestaps/instellen/")


def test_reset_two_factor_names_an_unknown_user():
    with pytest.raises(CommandError, match="Er is geen gebruiker ‘niemand’."):
        call_command("reset_two_factor", "niemand")
