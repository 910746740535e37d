"""Jobs: work that takes seconds (a report PDF, the check or confirmation of an import, the register as
XLSX), done by a Celery worker off the request and kept in the database (core.Job), where every app server
finds the result.

- An app registers a kind with `@kind("paragraaf-pdf", steps=4)`: a function (job, progress) that returns
  an Outcome (a file, or a page to go to with a message). It reads its parameters from job.params.
- `request(...)` makes the job for (kind, parameters, data version, what the user may see) once: asking
  again, by anyone who sees the same, reuses it. A failed job is tried again when asked again.
- `run(job_id)` is what the task does (core/tasks.py): it claims the job in one transaction, does the work,
  and stores the outcome only if no other run already did, so a message delivered twice (a worker that
  died after finishing, a redelivery) never makes a second result. A job already done is left alone.
  A job whose worker was lost twice is failed rather than tried for ever.

Without a broker (CELERY_BROKER_URL empty: `make run`, the tests) the task runs in-process inside
`request`, so the job is done when `request` returns.
"""

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import register_cache
from .models import Job

logger = logging.getLogger(__name__)

# The first run and one more after a lost worker (SIGKILL, out of memory); then the job fails.
MAX_ATTEMPTS = 2

FAILED_UNEXPECTEDLY = (
    "Er ging iets mis bij het maken. Probeer het opnieuw; lukt het dan weer niet, meld het dan de beheerder."
)
TOO_SLOW = "Het maken duurde langer dan {seconds} seconden en is afgebroken. Probeer het later opnieuw."
WORKER_LOST = "Het werkproces stopte {attempts} keer tijdens het maken. Probeer het later opnieuw."


@dataclass(frozen=True)
class Outcome:
    """What a job made: a file to download, or a page to go to (an import's report), with a message."""

    body: bytes | None = None
    filename: str = ""
    content_type: str = ""
    url: str = ""
    message: str = ""


class JobRefused(Exception):
    """The work cannot be done; the Dutch message says why and is shown to the user."""


@dataclass(frozen=True)
class Kind:
    name: str
    steps: int
    work: Callable
    working: str  # what the status page says while it runs: "Rapport wordt gemaakt"


KINDS: dict[str, Kind] = {}


def kind(name: str, *, steps: int, working: str = "Rapport wordt gemaakt"):
    """Register the work of a kind of job (a function of (job, progress) returning an Outcome)."""

    def register(work):
        KINDS[name] = Kind(name, steps, work, working)
        return work

    return register


def eager() -> bool:
    return bool(getattr(settings, "CELERY_TASK_ALWAYS_EAGER", True))


def job_key(kind_name: str, params: dict, data_version: str, visibility: str) -> str:
    canonical = json.dumps([kind_name, params, data_version, visibility], sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def request(kind_name: str, *, params: dict, owner, visibility: str, title: str) -> Job:
    """The job for this work on the register as it is now, for readers who see what `visibility` says:
    an existing one (waiting, running or done), else a new one handed to a worker. Without a broker
    the work is done before this returns."""
    spec = KINDS[kind_name]
    version = register_cache.data_version()
    key = job_key(kind_name, params, version, visibility)
    job = Job.objects.filter(key=key).first()
    if job is None:
        try:
            with transaction.atomic():
                job = Job.objects.create(
                    kind=kind_name,
                    title=title[:300],
                    params=params,
                    key=key,
                    data_version=version[:100],
                    visibility=visibility,
                    owner=owner,
                    steps_total=spec.steps,
                )
        except IntegrityError:  # another request made the same job at the same moment
            return Job.objects.get(key=key)
    elif job.status == Job.Status.FAILED:
        # Asked again after a failure: try again, as a new attempt of the same job.
        changed = Job.objects.filter(pk=job.pk, status=Job.Status.FAILED).update(
            status=Job.Status.WAITING, steps_done=0, attempts=0, error="", finished_at=None, owner=owner
        )
        if not changed:
            return Job.objects.get(pk=job.pk)
    else:
        return job
    enqueue(job.pk)
    job.refresh_from_db()
    return job


def enqueue(job_id) -> None:
    from .tasks import run_job

    if eager():
        run_job.delay(str(job_id))
    else:
        # After the commit, so the worker finds the job row.
        transaction.on_commit(lambda: run_job.delay(str(job_id)))


def run(job_id) -> None:
    """Do the job `job_id` unless it is done (or failed): claim, work, store the outcome once."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return
        job.attempts += 1
        if job.attempts > MAX_ATTEMPTS:
            job.status, job.error = Job.Status.FAILED, WORKER_LOST.format(attempts=job.attempts - 1)
            job.finished_at = timezone.now()
            job.save(update_fields=["attempts", "status", "error", "finished_at"])
            return
        job.status, job.started_at, job.steps_done = Job.Status.RUNNING, timezone.now(), 0
        job.save(update_fields=["attempts", "status", "started_at", "steps_done"])

    def progress(done: int) -> None:
        Job.objects.filter(pk=job.pk).update(steps_done=min(done, job.steps_total))

    try:
        outcome = KINDS[job.kind].work(job, progress)
    except JobRefused as refused:
        _fail(job, str(refused))
    except SoftTimeLimitExceeded:
        _fail(job, TOO_SLOW.format(seconds=settings.CELERY_TASK_SOFT_TIME_LIMIT))
    except Exception:
        logger.exception("Taak %s (%s) mislukt", job.pk, job.kind)
        _fail(job, FAILED_UNEXPECTEDLY)
    else:
        # Only the first run to finish stores its outcome: a second delivery of the same message adds nothing.
        Job.objects.filter(pk=job.pk).exclude(status=Job.Status.DONE).update(
            status=Job.Status.DONE,
            steps_done=job.steps_total,
            result=outcome.body,
            filename=outcome.filename,
            content_type=outcome.content_type,
            result_url=outcome.url,
            message=outcome.message,
            error="",
            finished_at=timezone.now(),
        )
    prune()


def _fail(job: Job, error: str) -> None:
    Job.objects.filter(pk=job.pk).exclude(status=Job.Status.DONE).update(
        status=Job.Status.FAILED, error=error, finished_at=timezone.now()
    )


def prune(*, now=None) -> int:
    """Remove jobs finished more than JOB_KEEP_DAYS ago, and jobs that never finished in that time."""
    limit = (now or timezone.now()) - timedelta(days=settings.JOB_KEEP_DAYS)
    finished = Job.objects.filter(finished_at__lt=limit)
    stuck = Job.objects.filter(finished_at__isnull=True, created_at__lt=limit)
    return finished.delete()[0] + stuck.delete()[0]


def for_owner(user):
    """The user's own jobs, newest first, without their files."""
    return Job.objects.filter(owner=user).defer("result")
