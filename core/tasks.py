"""Celery tasks: one task runs any job of core/jobs.py. Acknowledged after the work and given back to the
queue when its worker is lost, limited in time, retried once when the database is briefly unreachable."""

from celery import shared_task
from django.db import OperationalError

from . import jobs


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=1,
    soft_time_limit=120,
    time_limit=150,
    ignore_result=True,
)
def run_job(self, job_id: str) -> None:
    try:
        jobs.run(job_id)
    except OperationalError as exc:
        raise self.retry(exc=exc, countdown=5) from exc
