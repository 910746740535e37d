"""Fixtures shared by the whole suite: a fixed report year, fast hashing and logged-in clients."""

import pytest

REPORT_YEAR = 2025


def pytest_configure(config):
    # A paginated list without a fixed order shows rows on two pages or none: fail, don't warn.
    config.addinivalue_line("filterwarnings", "error::django.core.paginator.UnorderedObjectListWarning")


@pytest.fixture(autouse=True)
def _fixed_report_year_and_fast_hashing(settings):
    """Pages default to the report year; fix it so a test does not depend on today's date."""
    settings.REPORT_YEAR = REPORT_YEAR
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def user(django_user_model):
    """A plain user without staff rights: a reader of the register."""
    return django_user_model.objects.create_user(username="raadslid", password="geheim-wachtwoord-2025")


@pytest.fixture
def logged_in_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(username="beheerder", password="beheer-wachtwoord-2025")


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client
