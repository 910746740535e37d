"""The /import/ pages: who may use them, the dry run report, the confirmation and the audit record."""

from io import BytesIO

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from importer.models import ImportRun
from partners.models import Party
from partners.roles import BEHEERDER, BELEIDSMEDEWERKER, CONTROLLER
from tests.conftest import pass_two_factor
from tests.importer.importing import register_state, row, xlsx
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

GOOD = xlsx({"Partijen": [row("Partijen", naam="GGD Test", rechtsvorm="Openbaar lichaam", vestigingsplaats="Assen")]})
BAD = xlsx({"Partijen": [row("Partijen", naam="GGD Test", rechtsvorm="GmbH", vestigingsplaats="Assen")]})


@pytest.fixture
def beheerder_client(client, django_user_model):
    user = django_user_model.objects.create_user(username="beheer", password="x", first_name="Bea", last_name="Heer")
    user.groups.add(Group.objects.get(name=BEHEERDER))
    return pass_two_factor(client, user)  # the import asks the second factor, as the admin does


def upload(client, data=GOOD, name="partijen.xlsx"):
    return client.post("/import/", {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_an_anonymous_user_is_sent_to_the_login_page(client):
    response = client.get("/import/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


@pytest.mark.parametrize(
    ("role", "staff"), [(BELEIDSMEDEWERKER, False), (CONTROLLER, False), (CONTROLLER, True), (None, True)]
)
def test_a_user_without_the_beheerder_role_gets_a_404_even_with_staff_rights(client, make_user, role, staff):
    client.force_login(make_user("lezer", role=role, is_staff=staff))
    assert client.get("/import/").status_code == 404
    assert client.get("/import/sjabloon.xlsx").status_code == 404
    assert upload(client).status_code == 404
    assert not Party.objects.exists()


def test_the_nav_shows_import_only_to_beheerders(client, make_user, superuser):
    client.force_login(make_user("lezer", role=CONTROLLER, is_staff=True))
    assert 'href="/import/"' not in client.get("/partijen/").content.decode()
    client.force_login(make_user("beheer", role=BEHEERDER))
    assert 'href="/import/"' in client.get("/partijen/").content.decode()
    client.force_login(superuser)
    assert 'href="/import/"' in client.get("/partijen/").content.decode()


def test_the_admin_index_links_to_the_import(superuser_client):
    page = superuser_client.get("/admin/").content.decode()
    assert 'href="/import/"' in page and "Register importeren uit Excel of CSV" in page


def test_the_template_has_an_explanation_and_one_sheet_per_kind(beheerder_client):
    response = beheerder_client.get("/import/sjabloon.xlsx")
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == [
        "Toelichting", "Partijen", "Deelnames", "Financiën partij", "Financiën deelname", "Vertegenwoordigers",
        "Risico's", "Beheersmaatregelen", "Inwoners", "P&C-documenten", "Zienswijzen",
        "Financiële belangen", "Niet bekend",
    ]  # fmt: skip
    assert [c.value for c in workbook["Deelnames"][1]][:3] == ["Partij", "Rechtsvorm partij", "Deelnemer"]
    assert [c.value for c in workbook["Vertegenwoordigers"][1]][:4] == ["Naam", "Functie", "Gemeente", "E-mailadres"]
    explanation = [[c.value for c in r] for r in workbook["Toelichting"].iter_rows()]

    def explained(sheet, column):
        return next(r for r in explanation if r[:2] == [sheet, column])

    assert ["Partijen", "Rechtsvorm", "ja", "een van de toegestane waarden (hoofdletters maken niet uit)"] == (
        explained("Partijen", "Rechtsvorm")[:4]
    )
    assert explained("Risico's", "Kans")[2] == "ja"
    assert explained("Risico's", "Kans")[4] == "1 – zeer klein; 2 – klein; 3 – gemiddeld; 4 – groot; 5 – zeer groot"
    assert explained("Vertegenwoordigers", "Orgaan")[4].startswith("Algemeen bestuur; Dagelijks bestuur;")
    assert explained("Vertegenwoordigers", "Rol")[5] == "Leeg is Lid."
    keys = next(r[0] for r in explanation if r[0] and r[0].startswith("Koppelen"))
    assert "een zetel op persoon, partij, orgaan, rol en begindatum; een risico op partij, titel en deelnemer" in keys
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


def test_confirming_a_file_whose_check_had_errors_says_the_check_had_errors(beheerder_client):
    upload(beheerder_client, xlsx({"Deelnames": [row("Deelnames", partij="Later", deelnemer="GM0014")]}))
    run = ImportRun.objects.get()
    assert run.status == "fouten"
    before = register_state()

    page = text(beheerder_client.post(f"/import/{run.pk}/bevestigen/", follow=True))

    assert register_state() == before
    assert "De controle van dit bestand gaf fouten; er is niets opgeslagen." in page
    assert "sinds de controle veranderd" not in page
    assert "Onbekende partij “Later”" in page


def test_a_register_changed_since_the_dry_run_is_checked_again(beheerder_client):
    from tests.partners.factories import PartyFactory

    party = PartyFactory(name="GGD Test")
    deelname = xlsx({"Deelnames": [row("Deelnames", partij="GGD Test", deelnemer="GM0014")]})
    upload(beheerder_client, deelname)
    run = ImportRun.objects.get()
    assert run.status == "gecontroleerd"
    party.delete()  # the register changes between the check and the confirmation
    before = register_state()

    page = text(beheerder_client.post(f"/import/{run.pk}/bevestigen/", follow=True))

    assert register_state() == before
    assert "Het register is sinds de controle veranderd" in page
    assert "Onbekende partij “GGD Test”" in page


def test_an_upload_over_the_size_limit_is_refused_before_reading(beheerder_client, settings):
    settings.IMPORT_MAX_MB = 1
    page = text(upload(beheerder_client, b"x" * (1024 * 1024 + 1), "groot.csv"))
    assert "Het bestand is groter dan 1 MB." in page
    assert not ImportRun.objects.exists()


def test_the_admin_lists_imports_read_only(superuser_client, superuser):
    ImportRun.objects.create(user=superuser, file_name="oud.xlsx", file_hash="0" * 64, content=b"", counts={})
    run = ImportRun.objects.get()
    assert "oud.xlsx" in text(superuser_client.get("/admin/importer/importrun/"))
    assert superuser_client.get(f"/admin/importer/importrun/{run.pk}/change/").status_code == 200
    assert superuser_client.get("/admin/importer/importrun/add/").status_code == 403


def test_the_import_page_lists_the_history_with_who_when_and_what(beheerder_client):
    upload(beheerder_client)
    beheerder_client.post(f"/import/{ImportRun.objects.get().pk}/bevestigen/")
    upload(beheerder_client, BAD, "fout.xlsx")

    page = text(beheerder_client.get("/import/"))

    assert "Importgeschiedenis" in page
    assert "fout.xlsx" in page and "Niet uitgevoerd: fouten gevonden" in page
    applied = ImportRun.objects.get(file_name="partijen.xlsx")
    assert f"partijen.xlsx {timezone.localtime(applied.created_at):%d-%m-%Y %H:%M} Bea Heer Uitgevoerd" in page
    assert f"{timezone.localtime(applied.applied_at):%d-%m-%Y %H:%M} 1 0 0" in page  # one party new


def test_the_import_history_takes_the_same_queries_for_few_and_many_runs(beheerder_client, django_user_model):
    user = django_user_model.objects.get(username="beheer")

    def runs(count):
        for i in range(count):
            ImportRun.objects.create(user=user, file_name=f"r{i}.xlsx", file_hash="0" * 64, content=b"",
                                     counts={"Partijen": {"created": i, "updated": 0, "unchanged": 0}})  # fmt: skip

    sizes = []
    for count in (2, 20):
        runs(count)
        with CaptureQueriesContext(connection) as queries:
            assert beheerder_client.get("/import/").status_code == 200
        sizes.append(len(queries))
    assert sizes[0] == sizes[1]


def test_the_admin_shows_what_each_import_did(superuser_client, superuser):
    ImportRun.objects.create(user=superuser, file_name="oud.xlsx", file_hash="0" * 64, content=b"",
                             counts={"Risico's": {"created": 3, "updated": 1, "unchanged": 2}})  # fmt: skip
    page = text(superuser_client.get("/admin/importer/importrun/"))
    assert "Risico's: 3 nieuw, 1 gewijzigd, 2 ongewijzigd" in page


def test_a_beheerder_reads_the_log_of_imports_in_the_admin_but_cannot_change_it(client, django_user_model):
    user = django_user_model.objects.create_user(username="beheer", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=BEHEERDER))
    beheerder = pass_two_factor(client, user)
    run = ImportRun.objects.create(user=user, file_name="oud.xlsx", file_hash="0" * 64, content=b"", counts={})
    assert "oud.xlsx" in text(beheerder.get("/admin/importer/importrun/"))
    page = beheerder.get(f"/admin/importer/importrun/{run.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    rights = Group.objects.get(name=BEHEERDER).permissions.filter(content_type__app_label="importer")
    assert "view_importrun" in {permission.codename for permission in rights}
