"""Jobs (core/jobs.py): reports and the import done by a worker off the request. With a broker the browser
gets a status page that refreshes itself until the file is ready; the same work is made once and reused;
a job delivered twice or after a lost worker makes exactly one result; the import applies exactly once."""

import io
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core import jobs, tasks
from core.models import Job
from importer import service
from importer.models import ImportRun
from partners.models import Party
from partners.roles import BELEIDSMEDEWERKER
from tests.conftest import pass_two_factor
from tests.importer.importing import row, xlsx
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings, monkeypatch):
    """A broker instead of in-process work: tasks are only recorded, a test runs them as a worker would."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    sent = []
    monkeypatch.setattr(tasks.run_job, "delay", lambda job_id: sent.append(job_id))
    return sent


@pytest.fixture
def party_of(make_user):
    gemeente = MunicipalityFactory(code="GM9301", name="Jobstad")
    party = ParticipationFactory(participant=gemeente, party=PartyFactory(name="Regeling Wachtrij")).party
    reader = make_user("lezer", role=BELEIDSMEDEWERKER, municipalities=[gemeente])
    return party, reader


def factsheet_url(party):
    return reverse("reports:factsheet_pdf", kwargs={"slug": party.slug})


def ask(client, url, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.get(url)


@pytest.mark.pdf
def test_with_a_broker_a_pdf_link_leads_to_a_status_page_that_becomes_the_download(
    client, party_of, queued, django_capture_on_commit_callbacks
):
    party, reader = party_of
    client.force_login(reader)
    response = ask(client, factsheet_url(party), django_capture_on_commit_callbacks)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/rapporten/{job.pk}/"
    assert queued == [str(job.pk)]

    waiting = client.get(response["Location"]).content.decode()
    assert "Rapport wordt gemaakt — stap 0 van 4" in waiting
    assert '<meta http-equiv="refresh" content="2">' in waiting
    assert "<script" not in waiting

    jobs.run(job.pk)  # what the worker does
    done = client.get(response["Location"]).content.decode()
    assert "Klaar." in done and 'http-equiv="refresh"' not in done
    assert f'href="/rapporten/{job.pk}/bestand"' in done
    pdf = client.get(f"/rapporten/{job.pk}/bestand")
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Regeling Wachtrij" in text
    # Asked again: the finished job's file at once, no new job and no new task.
    again = ask(client, factsheet_url(party), django_capture_on_commit_callbacks)
    assert again["Content-Type"] == "application/pdf" and again.content == pdf.content
    assert Job.objects.count() == 1 and len(queued) == 1


def test_the_same_report_asked_twice_is_one_job_and_a_change_of_the_register_makes_a_new_one(
    client, party_of, queued, django_capture_on_commit_callbacks
):
    party, reader = party_of
    client.force_login(reader)
    first = ask(client, factsheet_url(party), django_capture_on_commit_callbacks)["Location"]
    assert ask(client, factsheet_url(party), django_capture_on_commit_callbacks)["Location"] == first
    assert Job.objects.count() == 1 and len(queued) == 1
    Party.objects.get(pk=party.pk).save()  # any change of the register
    assert ask(client, factsheet_url(party), django_capture_on_commit_callbacks)["Location"] != first
    assert Job.objects.count() == 2


@pytest.mark.pdf
def test_a_job_delivered_twice_keeps_one_result_and_a_done_job_is_not_made_again(
    client, party_of, queued, django_capture_on_commit_callbacks, monkeypatch
):
    party, reader = party_of
    client.force_login(reader)
    ask(client, factsheet_url(party), django_capture_on_commit_callbacks)
    job = Job.objects.get()
    jobs.run(job.pk)
    body = bytes(Job.objects.get().result)
    calls = []
    monkeypatch.setitem(jobs.KINDS, "factsheet-pdf", jobs.Kind("factsheet-pdf", 4, calls.append, ""))
    jobs.run(job.pk)  # the same message again (a redelivery)
    assert calls == []
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and bytes(job.result) == body and job.attempts == 1


def test_a_job_is_failed_with_a_dutch_message_after_its_worker_was_lost_twice(party_of):
    _, reader = party_of
    job = Job.objects.create(
        kind="factsheet-pdf", title="Factsheet", key="k", data_version="1", visibility="v", owner=reader
    )
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=jobs.MAX_ATTEMPTS)
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == "Het werkproces stopte 2 keer tijdens het maken. Probeer het later opnieuw."


def test_a_failed_job_shows_its_dutch_error_and_is_tried_again_when_asked_again(
    client, party_of, monkeypatch, django_capture_on_commit_callbacks
):
    party, reader = party_of
    client.force_login(reader)

    def broken(job, progress):
        raise RuntimeError("weasyprint stuk")

    monkeypatch.setitem(jobs.KINDS, "factsheet-pdf", jobs.Kind("factsheet-pdf", 4, broken, "Rapport wordt gemaakt"))
    response = ask(client, factsheet_url(party), django_capture_on_commit_callbacks)
    page = client.get(response["Location"]).content.decode()
    assert "Het is niet gelukt." in page and jobs.FAILED_UNEXPECTEDLY in page
    assert "weasyprint" not in page

    def fixed(job, progress):
        return jobs.Outcome(body=b"%PDF-1.7 hersteld", filename="f.pdf", content_type="application/pdf")

    monkeypatch.setitem(jobs.KINDS, "factsheet-pdf", jobs.Kind("factsheet-pdf", 4, fixed, "Rapport wordt gemaakt"))
    again = ask(client, factsheet_url(party), django_capture_on_commit_callbacks)
    assert again.content == b"%PDF-1.7 hersteld"
    assert Job.objects.count() == 1


def test_a_job_is_served_only_to_its_owner_and_readers_who_see_the_same(client, make_user, party_of):
    party, reader = party_of
    other = make_user("ander", role=BELEIDSMEDEWERKER, municipalities=[MunicipalityFactory(code="GM9302")])
    client.force_login(reader)
    client.get(factsheet_url(party))
    job = Job.objects.get()
    client.force_login(other)
    for url in (f"/rapporten/{job.pk}/", f"/rapporten/{job.pk}/bestand"):
        response = client.get(url)
        assert response.status_code == 404 and "Pagina niet gevonden" in response.content.decode()
    assert "Regeling Wachtrij" not in client.get("/rapporten/").content.decode()


def test_my_reports_lists_the_users_running_failed_and_finished_jobs(client, party_of):
    _, reader = party_of
    common = {"data_version": "1", "visibility": "v", "owner": reader, "kind": "factsheet-pdf"}
    running = {"status": Job.Status.RUNNING, "steps_done": 2, "steps_total": 4}
    Job.objects.create(title="Factsheet bezig", key="a", **running, **common)
    Job.objects.create(title="Factsheet mislukt", key="b", status=Job.Status.FAILED, error="Het ging mis.", **common)
    Job.objects.create(
        title="Factsheet klaar",
        key="c",
        status=Job.Status.DONE,
        result=b"%PDF",
        filename="klaar.pdf",
        content_type="application/pdf",
        finished_at=timezone.now(),
        **common,
    )
    client.force_login(reader)
    page = client.get("/rapporten/").content.decode()
    assert "Factsheet bezig" in page and "stap 2 van 4" in page
    assert "Factsheet mislukt" in page and "Het ging mis." in page
    assert "klaar.pdf" in page


def test_old_jobs_are_pruned_by_the_command_and_after_each_job(party_of, settings):
    _, reader = party_of
    old = timezone.now() - timedelta(days=settings.JOB_KEEP_DAYS + 1)
    common = {"data_version": "1", "visibility": "v", "owner": reader, "kind": "factsheet-pdf", "title": "x"}
    Job.objects.create(key="oud", status=Job.Status.DONE, finished_at=old, **common)
    Job.objects.create(key="nieuw", status=Job.Status.DONE, finished_at=timezone.now(), **common)
    stuck = Job.objects.create(key="vast", **common)
    Job.objects.filter(pk=stuck.pk).update(created_at=old)
    call_command("prune_jobs", stdout=io.StringIO())
    assert list(Job.objects.values_list("key", flat=True)) == ["nieuw"]


# --- The import -------------------------------------------------------------------------------------

GOOD = xlsx({"Partijen": [row("Partijen", naam="GGD Eenmaal", rechtsvorm="Openbaar lichaam", vestigingsplaats="Ee")]})


def test_with_a_broker_the_import_report_waits_for_the_check_and_refreshes_itself(
    client, superuser, queued, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pass_two_factor(client, superuser)
    upload = SimpleUploadedFile("partijen.xlsx", GOOD)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/import/", {"file": upload})
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.PENDING and len(queued) == 1
    page = client.get(response["Location"]).content.decode()
    assert "Het bestand wordt gecontroleerd" in page and 'http-equiv="refresh"' in page
    jobs.run(queued[0])
    page = client.get(response["Location"]).content.decode()
    assert "Geen fouten gevonden" in page and 'http-equiv="refresh"' not in page


def test_an_import_confirmed_by_a_job_that_runs_again_after_a_lost_worker_is_applied_exactly_once(
    client, superuser, queued, django_capture_on_commit_callbacks
):
    run = service.start(data=GOOD, filename="partijen.xlsx", user=superuser)
    pass_two_factor(client, superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/import/{run.pk}/bevestigen/")
    job = Job.objects.get(kind="import-confirm")
    assert response["Location"] == f"/rapporten/{job.pk}/"
    assert "Import wordt uitgevoerd — stap 0 van 2" in client.get(response["Location"]).content.decode()
    jobs.run(job.pk)
    # The worker died after the commit, before the job was marked done: the message comes again.
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, finished_at=None)
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.message == "De import van partijen.xlsx is uitgevoerd."
    assert Party.objects.filter(name="GGD Eenmaal").count() == 1
    assert LogEntry.objects.filter(change_message__startswith="Register geïmporteerd").count() == 1
    page = client.get(f"/rapporten/{job.pk}/").content.decode()
    assert "De import van partijen.xlsx is uitgevoerd." in page and f'href="/import/{run.pk}/"' in page


def test_a_second_confirmation_of_an_applied_import_is_refused_in_dutch(client, superuser):
    run = service.start(data=GOOD, filename="partijen.xlsx", user=superuser)
    pass_two_factor(client, superuser)
    client.post(f"/import/{run.pk}/bevestigen/")
    response = client.post(f"/import/{run.pk}/bevestigen/", follow=True)
    assert "Deze import is al uitgevoerd." in response.content.decode()
    assert Party.objects.filter(name="GGD Eenmaal").count() == 1
