"""Fixtures shared by the whole suite: a fixed report year, fast hashing and logged-in clients."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

REPORT_YEAR = 2025


def pytest_configure(config):
    # A paginated list without a fixed order shows rows on two pages or none: fail, don't warn.
    config.addinivalue_line("filterwarnings", "error::django.core.paginator.UnorderedObjectListWarning")


def pytest_collection_modifyitems(items):
    """A case of a table-driven test that asks for a PDF renders one: it gets the `pdf` marker too."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if any(".pdf" in str(value) for value in params.values()):
            item.add_marker(pytest.mark.pdf)


@pytest.fixture(autouse=True)
def _fixed_report_year_and_fast_hashing(settings):
    """Pages default to the report year; fix it so a test does not depend on today's date."""
    settings.REPORT_YEAR = REPORT_YEAR
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_public_rate_limit(settings):
    """Without login the suite asks more than a visitor per minute; tests of the limit set their own."""
    settings.PUBLIC_RATE_LIMIT = 0


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The test client speaks plain http; production settings would send every request to https.
    (tests/test_deploy.py checks the production settings themselves.)"""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture
def user(django_user_model):
    """A reader of the whole register without staff rights: in the beheerder group, so the pages
    show every party and gemeente (scoping has its own tests in tests/test_access_matrix.py)."""
    from partners.roles import BEHEERDER, ensure_roles

    reader = django_user_model.objects.create_user(username="raadslid", password="geheim-wachtwoord-2025")
    reader.groups.set([ensure_roles()[BEHEERDER]])
    return reader


@pytest.fixture
def logged_in_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(username="beheerder", password="beheer-wachtwoord-2025")


def pass_two_factor(client, user):
    """Log a client in as a user who has a confirmed TOTP device and passed the TOTP step."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="Authenticator-app", defaults={"confirmed": True})
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def superuser_client(client, superuser):
    """A superuser in the admin: logged in and past the TOTP step, as the admin asks."""
    return pass_two_factor(client, superuser)


@pytest.fixture
def make_user(django_user_model):
    """make_user("anna", role=BELEIDSMEDEWERKER, municipalities=[gemeente]): a user of one role,
    linked to gemeenten (partners.UserMunicipality) or, as a bronhouder, to parties (partners.UserParty)."""
    from partners.models import UserMunicipality, UserParty
    from partners.roles import ensure_roles

    def make(username, *, role, municipalities=(), parties=(), **extra):
        made = django_user_model.objects.create_user(username=username, password="wachtwoord-2025", **extra)
        if role:
            made.groups.set([ensure_roles()[role]])
        for municipality in municipalities:
            UserMunicipality.objects.create(user=made, municipality=municipality)
        for party in parties:
            UserParty.objects.create(user=made, party=party)
        return made

    return make


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin_client, past the TOTP step like superuser_client."""
    return pass_two_factor(client, admin_user)


@pytest.fixture(autouse=True)
def _own_peildatum_snapshots(settings, tmp_path):
    """Snapshots of past states (core/peildatum.py) in a folder of this test only: the ids of a
    rolled-back test come back in the next one, so a shared folder could serve another test's state."""
    settings.PEILDATUM_DIR = tmp_path / "peildatum"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts without cached reports, costs or history (core/register_cache.py)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
