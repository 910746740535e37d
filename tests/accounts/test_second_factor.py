"""Pages that change data ask the same second factor as the admin (ADMIN_TWO_FACTOR): the import first.

A beheerder who logged in with only a password gets the TOTP step on every page of /import/, and
nothing is written until he passed it; after the step the import works as before.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from importer import service
from importer.models import ImportRun
from partners.models import Party
from partners.roles import BEHEERDER, BELEIDSMEDEWERKER, CONTROLLER
from tests.importer.importing import row, xlsx

pytestmark = pytest.mark.django_db

GOOD = xlsx({"Partijen": [row("Partijen", naam="GGD Tweestaps", rechtsvorm="Openbaar lichaam", vestigingsplaats="Ee")]})


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    settings.ADMIN_TWO_FACTOR = True


@pytest.fixture
def beheerder(django_user_model):
    user = django_user_model.objects.create_user(username="beheer", password="beheer-wachtwoord-2025", is_staff=True)
    user.groups.add(Group.objects.get(name=BEHEERDER))
    return user


@pytest.fixture
def device(beheerder):
    return TOTPDevice.objects.create(user=beheerder, name="Authenticator-app", confirmed=True)


@pytest.fixture
def password_only(client, beheerder, device):
    """A beheerder logged in with his password, who has not (yet) given a code this session."""
    response = client.post("/inloggen/", {"username": "beheer", "password": "beheer-wachtwoord-2025"})
    assert response.status_code == 302
    return client


def code(device):
    return f"{totp(device.bin_key, t0=device.t0, step=device.step):06d}"


def upload(client):
    return client.post("/import/", {"file": SimpleUploadedFile("partijen.xlsx", GOOD)})


@pytest.mark.parametrize("path", ["/import/", "/import/sjabloon.xlsx", "/import/sjabloon.xlsx?met=register"])
def test_a_password_only_beheerder_gets_the_totp_step_on_every_import_page(password_only, path):
    response = password_only.get(path, follow=True)

    first_hop = response.redirect_chain[0][0]
    assert first_hop.startswith("/tweestaps/?next=")
    assert response.status_code == 200
    assert "Code uit de app" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")  # no workbook with the register


def test_the_report_of_an_import_asks_the_step_too(password_only, superuser):
    run = service.start(data=GOOD, filename="partijen.xlsx", user=superuser)

    response = password_only.get(f"/import/{run.pk}/")

    assert response.status_code == 302
    assert response.url == f"/tweestaps/?next=/import/{run.pk}/"


def test_a_password_only_upload_writes_nothing(password_only):
    response = upload(password_only)

    assert response.status_code == 302 and response.url == "/tweestaps/?next=/import/"
    assert not ImportRun.objects.exists()


def test_a_password_only_confirmation_writes_nothing_and_comes_back_to_the_report(password_only, superuser):
    run = service.start(data=GOOD, filename="partijen.xlsx", user=superuser)

    response = password_only.post(f"/import/{run.pk}/bevestigen/")

    assert response.status_code == 302
    assert response.url == f"/tweestaps/?next=/import/{run.pk}/"
    assert not Party.objects.filter(name="GGD Tweestaps").exists()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CHECKED


def test_after_the_totp_step_the_import_checks_and_confirms(password_only, device):
    step = password_only.post("/tweestaps/", {"code": code(device), "next": "/import/"})
    assert step.status_code == 302 and step.url == "/import/"

    assert password_only.get("/import/").status_code == 200
    report = upload(password_only)
    run = ImportRun.objects.get()
    assert report.url == f"/import/{run.pk}/"
    confirmed = password_only.post(f"/import/{run.pk}/bevestigen/", follow=True)

    assert "De import van partijen.xlsx is uitgevoerd." in confirmed.content.decode()
    assert Party.objects.filter(name="GGD Tweestaps").exists()


def test_a_beheerder_without_staff_rights_sets_up_the_app_instead_of_a_404(client, make_user):
    client.force_login(make_user("importeur", role=BEHEERDER))

    response = client.get("/import/", follow=True)

    assert response.redirect_chain[-1][0] == "/tweestaps/instellen/?next=%2Fimport%2F"
    assert response.status_code == 200
    assert "Tweestapsverificatie instellen" in response.content.decode()


@pytest.mark.parametrize("role", [BELEIDSMEDEWERKER, CONTROLLER])
def test_readers_still_get_the_404_and_have_no_totp_step(client, make_user, role):
    client.force_login(make_user("lezer", role=role))

    assert client.get("/import/").status_code == 404
    assert client.get("/tweestaps/").status_code == 404
    assert client.get("/tweestaps/instellen/").status_code == 404


def test_without_admin_two_factor_a_password_is_enough(password_only, settings):
    settings.ADMIN_TWO_FACTOR = False

    assert password_only.get("/import/").status_code == 200
    upload(password_only)
    assert ImportRun.objects.count() == 1


# Pages outside the admin that take a POST without the second factor, and why.
WITHOUT_SECOND_FACTOR = {
    "home": "stuurt alleen door naar de partijen",
    "login": "inloggen is de eerste stap zelf",
    "logout": "uitloggen moet altijd kunnen",
    "accounts:two_factor": "de tweede stap zelf",
    "accounts:two_factor_setup": "de tweede stap zelf",
    # Only withdraws the user's own agenda address and shows a new one to this session, which can
    # already read the dashboard and its address; readers have no second factor at all.
    "governance:renew_feed_token": "vernieuwt alleen de eigen agendasleutel",
    # A controller (who only reads the register and has no second factor) adopts the report; the
    # view asks the second factor of whoever has one, and a version is never overwritten.
    "reports:adopt_report": "vraagt de tweede factor van wie er een heeft; controllers hebben er geen",
    # Beleidsmedewerkers and controllers (readers, without a second factor) note that they saw a signal;
    # the note changes no figure of the register and stays in the history.
    "governance:acknowledge_warning": "alleen lezers bevestigen een signaal; zij hebben geen tweede factor",
    # The API writes only with a party's key (api/authentication.py), never with a session: no login step.
    "api:financiele_gegevens": "schrijft alleen met de API-sleutel van een partij, niet met een sessie",
    "api:documenten": "schrijft alleen met de API-sleutel van een partij, niet met een sessie",
    "api:risicos": "schrijft alleen met de API-sleutel van een partij, niet met een sessie",
    # A bronhouder is no beheerder (the TOTP step is the admin's): he changes only his own party's
    # record, and every change carries his name and his party in the history.
    "supply:supply_new": "alleen de bronhouder van de partij, voor de eigen gegevens; met naam in de historie",
    "supply:supply_edit": "alleen de bronhouder van de partij, voor de eigen gegevens; met naam in de historie",
    "supply:supply_token_create": "alleen de bronhouder van de partij; de sleutel schrijft alleen diens gegevens",
    "supply:supply_token_revoke": "intrekken van een sleutel maakt alleen minder mogelijk",
}


def _views_taking_post(patterns=None, namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _views_taking_post(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None and hasattr(view_class, "post"):
                yield f"{namespace}{pattern.name}", view_class


def test_every_page_that_takes_a_post_asks_the_second_factor_or_says_why_not():
    from accounts.two_factor import SecondFactorRequiredMixin

    unguarded = [
        name
        for name, view_class in _views_taking_post()
        if not issubclass(view_class, SecondFactorRequiredMixin) and name not in WITHOUT_SECOND_FACTOR
    ]

    assert not unguarded, f"Geen tweede factor en geen reden voor: {unguarded}"
