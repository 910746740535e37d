"""The jobs in the admin: whoever runs the installation sees what waits, runs or failed and why, never the file."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import Job
from partners.roles import BEHEERDER
from tests.conftest import pass_two_factor

pytestmark = pytest.mark.django_db


def make_job(owner, **fields):
    defaults = {
        "kind": "paragraaf-pdf",
        "title": "Paragraaf verbonden partijen begroting 2026 — Jobstad",
        "key": str(Job.objects.count()),
        "data_version": "1",
        "visibility": "alles",
        "owner": owner,
        "steps_total": 4,
    }
    return Job.objects.create(**{**defaults, **fields})


def test_the_admin_lists_jobs_with_status_progress_and_duration_without_their_file(superuser_client, superuser):
    started = timezone.now() - timedelta(seconds=12)
    make_job(superuser, status=Job.Status.RUNNING, steps_done=2, started_at=started)
    failed = make_job(
        superuser,
        kind="factsheet-pdf",
        title="Factsheet Regeling Wachtrij",
        status=Job.Status.FAILED,
        error="Het werkproces stopte 1 keer tijdens het maken. Probeer het later opnieuw.",
        started_at=started,
        finished_at=started + timedelta(seconds=3.5),
        result=b"%PDF-secret",
    )
    page = superuser_client.get("/admin/core/job/").content.decode()
    assert "stap 2 van 4" in page and "(loopt nog)" in page
    assert "Factsheet Regeling Wachtrij" in page and "3,5 s" in page
    assert "Mislukt" in superuser_client.get("/admin/core/job/?status__exact=mislukt").content.decode()
    detail = superuser_client.get(f"/admin/core/job/{failed.pk}/change/").content.decode()
    assert "Het werkproces stopte 1 keer tijdens het maken." in detail
    assert "PDF-secret" not in detail
    assert superuser_client.get("/admin/core/job/add/").status_code == 403


def test_a_beheerder_without_the_permission_gets_no_jobs_in_the_admin(client, make_user, superuser):
    make_job(superuser)
    beheerder = make_user("beheer", role=BEHEERDER, is_staff=True)
    pass_two_factor(client, beheerder)
    assert client.get("/admin/core/job/").status_code == 403
