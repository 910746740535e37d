"""The import history in the admin is a record: a beheerder can neither change nor delete a run; a
superuser can delete one, and that deletion is logged (Python logging and the admin's LogEntry)."""

import logging

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.auth.models import Group

from partners.models import ImportRun
from partners.roles import BEHEERDER
from tests.conftest import pass_two_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(superuser):
    return ImportRun.objects.create(
        user=superuser, file_name="register.xlsx", file_hash="a" * 64, content=b"x", counts={}, status="uitgevoerd"
    )


@pytest.fixture
def beheerder_admin(client, django_user_model):
    user = django_user_model.objects.create_user(username="beheer", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=BEHEERDER))
    assert user.has_perm("partners.delete_importrun")  # the role's permission alone is not enough
    return pass_two_factor(client, user)


def test_a_beheerder_cannot_delete_or_change_an_import_run(beheerder_admin, run):
    url = f"/admin/partners/importrun/{run.pk}/"
    assert beheerder_admin.get(url + "delete/").status_code == 403
    assert beheerder_admin.post(url + "delete/", {"post": "yes"}).status_code == 403
    response = beheerder_admin.post(
        "/admin/partners/importrun/", {"action": "delete_selected", "_selected_action": [run.pk], "post": "yes"}
    )
    assert response.status_code in (200, 302)
    assert beheerder_admin.post(url + "change/", {"file_name": "anders.xlsx"}).status_code == 403
    assert ImportRun.objects.get().file_name == "register.xlsx"
    assert "Verwijderen" not in beheerder_admin.get(url + "change/").content.decode()


def test_a_superuser_deletion_is_logged(superuser_client, superuser, run, caplog):
    with caplog.at_level(logging.WARNING, logger="partners.admin"):
        response = superuser_client.post(f"/admin/partners/importrun/{run.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ImportRun.objects.exists()
    assert [(r.name, r.getMessage()) for r in caplog.records if r.name == "partners.admin"] == [
        ("partners.admin", f"Import {run.pk} (register.xlsx, {'a' * 64}, status uitgevoerd) deleted by beheerder")
    ]
    entry = LogEntry.objects.get(action_flag=DELETION)
    assert (entry.user, entry.object_id) == (superuser, str(run.pk))


def test_a_superuser_bulk_deletion_is_logged_per_run(superuser_client, run, caplog):
    with caplog.at_level(logging.WARNING, logger="partners.admin"):
        superuser_client.post(
            "/admin/partners/importrun/", {"action": "delete_selected", "_selected_action": [run.pk], "post": "yes"}
        )
    assert not ImportRun.objects.exists()
    assert [r.getMessage() for r in caplog.records if r.name == "partners.admin"] == [
        f"Import {run.pk} (register.xlsx, {'a' * 64}, status uitgevoerd) deleted by beheerder"
    ]
    assert LogEntry.objects.filter(action_flag=DELETION, object_id=str(run.pk)).count() == 1
