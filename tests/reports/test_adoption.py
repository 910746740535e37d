"""The vastgestelde versie: refused while gaps remain, the exact PDF kept in the database with its
SHA-256 and served under the same URL after later register edits; corrections as new versions."""

import hashlib
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.models import Job
from partners.models import UserMunicipality
from partners.roles import BELEIDSMEDEWERKER, CONTROLLER
from reports.models import AdoptedReport
from tests.partners.pages import text
from tests.reports.test_completeness import YEAR
from tests.reports.test_completeness import gemeente as gemeente  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def make_client(django_user_model, gemeente, role, username, *, csrf=True):
    user = django_user_model.objects.create_user(username=username, password="x" * 16)
    user.groups.add(Group.objects.get(name=role))
    UserMunicipality.objects.create(user=user, municipality=gemeente)
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


def csrf_post(client, url, data):
    """A POST as a browser sends it: with the CSRF token of the page's form."""
    preview = client.get(
        reverse("reports:paragraph_report", kwargs={"code": "GM9301", "year": str(YEAR), "variant": "begroting"})
    )
    token = preview.cookies["csrftoken"].value if "csrftoken" in preview.cookies else client.cookies["csrftoken"].value
    return client.post(url, {**data, "csrfmiddlewaretoken": token}, follow=True)


def adopt_url(kind="begroting"):
    return reverse("reports:adopt_report", kwargs={"code": "GM9301", "year": str(YEAR), "variant": kind})


def pdf_url():
    return (
        reverse("reports:paragraph_report", kwargs={"code": "GM9301", "year": str(YEAR), "variant": "begroting"})
        + ".pdf"
    )


def fill_gaps(gemeente):
    from tests.reports.test_completeness import FigureKind, PartyFinancialsFactory, PersonFactory, SeatFactory

    participation = gemeente.participations.get(party__name="Gatenregio")
    participation.party.public_interest = "Omgevingstaken"
    participation.party.save()
    PartyFinancialsFactory(party=participation.party, year=YEAR, kind=FigureKind.BEGROTING)
    SeatFactory(participation=participation, person=PersonFactory(name="Raadslid Gat", municipality=gemeente))
    return participation


def test_vaststellen_is_refused_while_gaps_remain(django_user_model, gemeente):  # noqa: F811
    client = make_client(django_user_model, gemeente, CONTROLLER, "controller")
    response = csrf_post(client, adopt_url(), {"adopted_on": "2024-11-07"})
    assert "Vaststellen kan nog niet: de paragraaf mist 5 gegevens (BBV art. 15)." in text(response)
    assert not AdoptedReport.objects.exists()


@pytest.mark.pdf
def test_the_vastgestelde_pdf_keeps_its_bytes_after_a_later_edit_and_a_correction_is_a_new_version(
    django_user_model,
    gemeente,  # noqa: F811
    settings,
):
    participation = fill_gaps(gemeente)
    client = make_client(django_user_model, gemeente, CONTROLLER, "controller")
    response = csrf_post(client, adopt_url(), {"adopted_on": "2024-11-07", "reference": "RB 2024/118"})
    assert "is vastgesteld als versie 1" in text(response)
    stored = AdoptedReport.objects.get()
    assert stored.sha256 == hashlib.sha256(bytes(stored.pdf)).hexdigest()
    assert (stored.version, stored.adopted_on, stored.reference) == (1, date(2024, 11, 7), "RB 2024/118")
    assert stored.stored_by.username == "controller" and stored.peildatum is not None

    first = client.get(pdf_url())
    assert hashlib.sha256(first.content).hexdigest() == stored.sha256
    assert not Job.objects.filter(kind="paragraaf-pdf").exists(), "the stored bytes need no job (core/jobs.py)"

    # A later edit of the register changes the live preview, never the vastgestelde PDF.
    participation.party.public_interest = "Een heel ander openbaar belang"
    participation.party.save()
    cache.clear()
    later = client.get(pdf_url())
    assert hashlib.sha256(later.content).hexdigest() == stored.sha256
    assert "Een heel ander openbaar belang" in text(client.get(pdf_url().removesuffix(".pdf")))

    refused = csrf_post(client, adopt_url(), {"adopted_on": "2024-12-12"})
    assert "vul de reden van de correctie in" in text(refused)
    corrected = csrf_post(
        client, adopt_url(), {"adopted_on": "2024-12-12", "correction_reason": "Openbaar belang hersteld"}
    )
    assert "is vastgesteld als versie 2" in text(corrected)
    assert AdoptedReport.objects.count() == 2
    assert AdoptedReport.objects.get(version=1).sha256 == stored.sha256  # never overwritten
    versions = text(client.get(reverse("reports:adopted_reports", kwargs={"code": "GM9301"})))
    assert "Openbaar belang hersteld" in versions and stored.sha256 in versions
    # With a broker too, the link answers with the stored bytes at once, not with a job's status page.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    served = client.get(pdf_url())
    assert served["Content-Type"] == "application/pdf"
    assert hashlib.sha256(served.content).hexdigest() == AdoptedReport.objects.get(version=2).sha256
    assert not Job.objects.filter(kind="paragraaf-pdf").exists()


def test_only_a_controller_or_beheerder_of_the_gemeente_may_vaststellen(django_user_model, gemeente):  # noqa: F811
    fill_gaps(gemeente)
    beleid = make_client(django_user_model, gemeente, BELEIDSMEDEWERKER, "beleid", csrf=False)
    assert beleid.post(adopt_url(), {"adopted_on": "2024-11-07"}).status_code == 403
    other = django_user_model.objects.create_user(username="elders", password="x" * 16)
    other.groups.add(Group.objects.get(name=CONTROLLER))
    client = Client()
    client.force_login(other)
    assert client.post(adopt_url(), {"adopted_on": "2024-11-07"}).status_code in (403, 404)
    assert not AdoptedReport.objects.exists()


def test_a_post_without_csrf_token_is_refused(django_user_model, gemeente):  # noqa: F811
    client = make_client(django_user_model, gemeente, CONTROLLER, "controller")
    assert client.post(adopt_url(), {"adopted_on": "2024-11-07"}).status_code == 403


def test_a_missing_date_gives_a_dutch_message(django_user_model, gemeente):  # noqa: F811
    fill_gaps(gemeente)
    client = make_client(django_user_model, gemeente, CONTROLLER, "controller")
    response = csrf_post(client, adopt_url(), {"adopted_on": ""})
    assert "Vul de datum van het raadsbesluit in." in text(response)
    assert not AdoptedReport.objects.exists()


def test_a_beheerder_passes_the_second_factor_before_vaststellen(django_user_model, gemeente):  # noqa: F811
    from partners.roles import BEHEERDER

    fill_gaps(gemeente)
    client = make_client(django_user_model, gemeente, BEHEERDER, "beheerder", csrf=False)
    response = client.post(adopt_url(), {"adopted_on": "2024-11-07"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:two_factor"))
    assert not AdoptedReport.objects.exists()


@pytest.fixture
def queued(settings, monkeypatch):
    """A broker instead of in-process work: tasks are only recorded, the test runs them as a worker would."""
    from core import tasks

    settings.CELERY_TASK_ALWAYS_EAGER = False
    sent = []
    monkeypatch.setattr(tasks.run_job, "delay", lambda job_id: sent.append(job_id))
    return sent


def post_queued(client, data, django_capture_on_commit_callbacks):
    preview = client.get(
        reverse("reports:paragraph_report", kwargs={"code": "GM9301", "year": str(YEAR), "variant": "begroting"})
    )
    token = preview.cookies["csrftoken"].value if "csrftoken" in preview.cookies else client.cookies["csrftoken"].value
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(adopt_url(), {**data, "csrfmiddlewaretoken": token})


@pytest.mark.pdf
def test_with_a_broker_vaststellen_is_made_by_a_worker_and_a_second_run_stores_nothing_more(
    django_user_model,
    gemeente,  # noqa: F811
    queued,
    django_capture_on_commit_callbacks,
):
    from core import jobs

    fill_gaps(gemeente)
    client = make_client(django_user_model, gemeente, CONTROLLER, "controller")
    response = post_queued(client, {"adopted_on": "2024-11-07"}, django_capture_on_commit_callbacks)
    job = Job.objects.get(kind="paragraaf-vaststellen")
    assert response.status_code == 302 and response["Location"] == f"/rapporten/{job.pk}/"
    assert queued == [str(job.pk)]
    waiting = client.get(response["Location"]).content.decode()
    assert "Vastgestelde versie wordt gemaakt — stap 0 van 5" in waiting
    assert not AdoptedReport.objects.exists(), "nothing is stored before the worker ran"

    # The same form sent twice (a double click) is the same job.
    post_queued(client, {"adopted_on": "2024-11-07"}, django_capture_on_commit_callbacks)
    assert Job.objects.filter(kind="paragraaf-vaststellen").count() == 1

    jobs.run(job.pk)
    stored = AdoptedReport.objects.get()
    # The worker died after storing, before the job was marked done: the message comes again.
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, finished_at=None)
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.message.startswith("De begroting " + str(YEAR) + " is vastgesteld als versie 1.")
    assert AdoptedReport.objects.get().sha256 == stored.sha256, "one version, stored once"
    page = client.get(f"/rapporten/{job.pk}/").content.decode()
    assert "is vastgesteld als versie 1" in page and "Bekijk de uitkomst" in page


def test_a_version_adopted_by_someone_else_meanwhile_fails_the_job_with_a_dutch_message(
    django_user_model,
    gemeente,  # noqa: F811
    queued,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    from core import jobs
    from reports import pdf

    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, laid_out=None: b"%PDF-1.7 stand-in")
    fill_gaps(gemeente)
    first = make_client(django_user_model, gemeente, CONTROLLER, "controller")
    second = make_client(django_user_model, gemeente, CONTROLLER, "tweede")
    post_queued(first, {"adopted_on": "2024-11-07"}, django_capture_on_commit_callbacks)
    post_queued(second, {"adopted_on": "2024-11-08"}, django_capture_on_commit_callbacks)
    mine, theirs = Job.objects.filter(kind="paragraaf-vaststellen").order_by("created_at")
    jobs.run(mine.pk)
    jobs.run(theirs.pk)
    theirs.refresh_from_db()
    assert theirs.status == Job.Status.FAILED
    assert "Intussen is versie 1 van deze rapportage vastgesteld door controller." in theirs.error
    assert list(AdoptedReport.objects.values_list("version", "stored_by__username")) == [(1, "controller")]
