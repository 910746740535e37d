"""Login lockout (django-axes): five failures lock a username from an address, with a Dutch message."""

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db

LOCKED = "Te veel mislukte inlogpogingen met deze gebruikersnaam"


def attempt(client, password, username="raadslid", address="10.0.0.1"):
    return client.post("/inloggen/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_four_wrong_passwords_show_the_normal_message_and_the_right_one_still_works(client, user):
    for _ in range(4):
        response = attempt(client, "fout")
        assert response.status_code == 200
        assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()

    response = attempt(client, "geheim-wachtwoord-2025")

    assert response.status_code == 302
    assert response.url == "/partijen/"
    assert not AccessAttempt.objects.exists()  # a success resets the count


def test_the_fifth_wrong_password_locks_the_login_with_a_dutch_message(client, user):
    for _ in range(4):
        attempt(client, "fout")

    response = attempt(client, "fout")

    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page and "15 minuten geblokkeerd" in page
    assert 'name="username"' in page  # the login page itself, not a bare error page


def test_a_locked_user_cannot_log_in_even_with_the_right_password(client, user):
    for _ in range(5):
        attempt(client, "fout")

    response = attempt(client, "geheim-wachtwoord-2025")

    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_username_and_address(client, user, django_user_model):
    django_user_model.objects.create_user(username="collega", password="collega-wachtwoord-2025")
    for _ in range(5):
        attempt(client, "fout")

    assert attempt(client, "collega-wachtwoord-2025", username="collega").status_code == 302
    client.logout()
    assert attempt(client, "geheim-wachtwoord-2025", address="10.0.0.2").status_code == 302


def test_the_limit_and_cooloff_come_from_the_settings(client, user, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = __import__("datetime").timedelta(minutes=60)
    attempt(client, "fout")

    response = attempt(client, "fout")

    assert response.status_code == 429
    assert "60 minuten geblokkeerd" in response.content.decode()
