"""The /import/ pages: who may use them, the dry run report, the confirmation and the audit record."""

from io import BytesIO

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from partners.models import ImportRun, Party
from partners.roles import BEHEERDER

from .importing import register_state, row, xlsx
from .pages import text

pytestmark = pytest.mark.django_db

GOOD = xlsx({"Partijen": [row("Partijen", naam="GGD Test", rechtsvorm="Openbaar lichaam", vestigingsplaats="Assen")]})
BAD = xlsx({"Partijen": [row("Partijen", naam="GGD Test", rechtsvorm="GmbH", vestigingsplaats="Assen")]})


@pytest.fixture
def beheerder_client(client, django_user_model):
    user = django_user_model.objects.create_user(username="beheer", password="x", first_name="Bea", last_name="Heer")
    user.groups.add(Group.objects.get(name=BEHEERDER))
    client.force_login(user)
    return client


def upload(client, data=GOOD, name="partijen.xlsx"):
    return client.post("/import/", {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_an_anonymous_user_is_sent_to_the_login_page(client):
    response = client.get("/import/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_a_reader_without_the_beheerder_role_gets_a_404(logged_in_client):
    assert logged_in_client.get("/import/").status_code == 404
    assert logged_in_client.get("/import/sjabloon.xlsx").status_code == 404
    assert upload(logged_in_client).status_code == 404
    assert not Party.objects.exists()


def test_the_nav_shows_import_only_to_staff(logged_in_client, superuser):
    assert 'href="/import/"' not in logged_in_client.get("/partijen/").content.decode()
    logged_in_client.force_login(superuser)
    assert 'href="/import/"' in logged_in_client.get("/partijen/").content.decode()


def test_the_admin_index_links_to_the_import(superuser_client):
    page = superuser_client.get("/admin/").content.decode()
    assert 'href="/import/"' in page and "Register importeren uit Excel of CSV" in page


def test_the_template_has_an_explanation_and_one_sheet_per_kind(beheerder_client):
    response = beheerder_client.get("/import/sjabloon.xlsx")
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["Toelichting", "Partijen", "Deelnames", "Financiën partij", "Financiën deelname"]
    assert [c.value for c in workbook["Deelnames"][1]][:3] == ["Partij", "Rechtsvorm partij", "Deelnemer"]
    explanation = [[c.value for c in r] for r in workbook["Toelichting"].iter_rows()]
    assert ["Partijen", "Rechtsvorm", "ja", "een van de toegestane waarden (hoofdletters maken niet uit)"] == (
        next(r for r in explanation if r[:2] == ["Partijen", "Rechtsvorm"])[:4]
    )
    assert workbook["Partijen"].max_row == 1
    assert workbook["Partijen"].column_dimensions["G"].number_format == "@"  # KvK-nummer as text


def test_the_dry_run_shows_what_would_happen_and_writes_nothing(beheerder_client):
    response = upload(beheerder_client)
    page = text(response)
    assert "Wat de import zou doen" in page and "Geen fouten gevonden" in page
    assert "Import bevestigen" in page
    assert not Party.objects.exists()
    run = ImportRun.objects.get()
    assert (run.status, run.file_name, run.user.username) == ("gecontroleerd", "partijen.xlsx", "beheer")
    assert run.counts["Partijen"]["created"] == 1


def test_a_faulty_file_shows_sheet_row_column_and_message_and_no_confirm_button(beheerder_client):
    page = text(upload(beheerder_client, BAD))
    assert "1 fout gevonden — er is niets opgeslagen" in page
    assert "Partijen 2 Rechtsvorm “GmbH” is geen bekende rechtsvorm" in page
    assert "Import bevestigen" not in page


def test_confirming_imports_and_records_who_and_which_file(beheerder_client):
    upload(beheerder_client)
    run = ImportRun.objects.get()

    response = beheerder_client.post(f"/import/{run.pk}/bevestigen/", follow=True)

    assert "De import van partijen.xlsx is uitgevoerd." in text(response)
    assert Party.objects.filter(name="GGD Test").exists()
    run.refresh_from_db()
    assert run.status == "uitgevoerd" and run.applied_at is not None
    entry = LogEntry.objects.get()
    assert entry.user.username == "beheer" and "partijen.xlsx" in entry.change_message


def test_confirming_twice_imports_once(beheerder_client):
    upload(beheerder_client)
    run = ImportRun.objects.get()
    beheerder_client.post(f"/import/{run.pk}/bevestigen/")
    response = beheerder_client.post(f"/import/{run.pk}/bevestigen/", follow=True)
    assert "Deze import is al uitgevoerd." in text(response)
    assert Party.objects.count() == 1


def test_the_confirmation_checks_the_stored_file_again(beheerder_client):
    upload(beheerder_client)
    run = ImportRun.objects.get()
    ImportRun.objects.filter(pk=run.pk).update(content=BAD)  # changed behind the dry run's back

    response = beheerder_client.post(f"/import/{run.pk}/bevestigen/", follow=True)

    assert "Het bewaarde bestand is veranderd sinds de controle" in text(response)
    assert not Party.objects.exists()


def test_a_register_changed_since_the_dry_run_is_checked_again(beheerder_client):
    upload(beheerder_client, xlsx({"Deelnames": [row("Deelnames", partij="Later", deelnemer="GM0014")]}))
    run = ImportRun.objects.get()
    assert run.status == "fouten"
    before = register_state()

    response = beheerder_client.post(f"/import/{run.pk}/bevestigen/", follow=True)

    assert register_state() == before
    assert "Onbekende partij “Later”" in text(response)


def test_an_upload_over_the_size_limit_is_refused_before_reading(beheerder_client, settings):
    settings.IMPORT_MAX_MB = 1
    page = text(upload(beheerder_client, b"x" * (1024 * 1024 + 1), "groot.csv"))
    assert "Het bestand is groter dan 1 MB." in page
    assert not ImportRun.objects.exists()


def test_the_admin_lists_imports_read_only(superuser_client, superuser):
    ImportRun.objects.create(user=superuser, file_name="oud.xlsx", file_hash="0" * 64, content=b"", counts={})
    run = ImportRun.objects.get()
    assert "oud.xlsx" in text(superuser_client.get("/admin/partners/importrun/"))
    assert superuser_client.get(f"/admin/partners/importrun/{run.pk}/change/").status_code == 200
    assert superuser_client.get("/admin/partners/importrun/add/").status_code == 403
