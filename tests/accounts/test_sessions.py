"""Sessions end after SESSION_IDLE_MINUTES without a request; activity moves the end forward."""

import time

import pytest
from django.contrib.sessions.models import Session

from accounts.sessions import LAST_SEEN_KEY

pytestmark = pytest.mark.django_db


def stored_expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_login_lasts_the_idle_time(client, user, settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    client.post("/inloggen/", {"username": "raadslid", "password": "geheim-wachtwoord-2025"})

    assert client.cookies["sessionid"]["max-age"] == 30 * 60
    assert client.get("/partijen/").status_code == 200


def test_a_request_after_a_minute_moves_the_end_of_the_session_forward(logged_in_client):
    session = logged_in_client.session
    session[LAST_SEEN_KEY] = int(time.time()) - 120  # the last save was two minutes ago
    session.save()
    before = stored_expiry(logged_in_client)

    logged_in_client.get("/partijen/")

    assert stored_expiry(logged_in_client) > before
    assert logged_in_client.session[LAST_SEEN_KEY] >= int(time.time()) - 5


def test_requests_within_a_minute_do_not_write_the_session(logged_in_client):
    logged_in_client.get("/partijen/")
    before = stored_expiry(logged_in_client)

    logged_in_client.get("/gemeenten/")

    assert stored_expiry(logged_in_client) == before


def test_an_expired_session_sends_the_user_back_to_the_login_page(logged_in_client):
    Session.objects.filter(session_key=logged_in_client.session.session_key).update(expire_date="2000-01-01T00:00:00Z")

    response = logged_in_client.get("/partijen/")

    assert response.status_code == 302
    assert response.url.startswith("/inloggen/")
