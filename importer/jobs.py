"""The import as jobs (core/jobs.py): the check of an uploaded file, its confirmation, and the register in
the template (XLSX), done by a worker. The confirmation writes once: importer/service.py locks the run
(select_for_update) and applies it in the same transaction that marks it applied, so a job delivered again
after a lost worker finds it applied and writes nothing.
"""

from django.urls import reverse

from core import jobs

from . import service
from .models import ImportRun
from .workbook import template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def visibility(user) -> str:
    """Jobs of the import are the requesting beheerder's own: the register with confidential risks, his runs."""
    return f"import.{user.pk}"


def run_url(run_id) -> str:
    return reverse("importer:import_report", kwargs={"pk": run_id})


@jobs.kind("import-check", steps=2, working="Bestand wordt gecontroleerd")
def check_import(job, progress) -> jobs.Outcome:
    run_id = job.params["run"]
    progress(1)
    try:
        run = service.check_stored(run_id=run_id)
    except Exception:
        service.check_failed(run_id=run_id)
        raise
    return jobs.Outcome(url=run_url(run_id), message=f"De controle van {run.file_name} is klaar.")


@jobs.kind("import-confirm", steps=2, working="Import wordt uitgevoerd")
def confirm_import(job, progress) -> jobs.Outcome:
    run_id = job.params["run"]
    progress(1)
    try:
        run = service.confirm(run_id=run_id, user=job.owner)
    except service.ConfirmRefused as refused:
        run = ImportRun.objects.only("status", "file_name").get(pk=run_id)
        # A second attempt of this job finds the run applied by the first (whose worker was lost after the
        # commit): that is this job's outcome, not a refusal.
        if not (job.attempts > 1 and run.status == ImportRun.Status.APPLIED):
            raise jobs.JobRefused(str(refused)) from refused
    if run.status == ImportRun.Status.APPLIED:
        message = f"De import van {run.file_name} is uitgevoerd."
    else:
        message = service.CHANGED_SINCE_CHECK
    return jobs.Outcome(url=run_url(run_id), message=message)


@jobs.kind("register-xlsx", steps=1, working="Export wordt gemaakt")
def register_workbook(job, progress) -> jobs.Outcome:
    return jobs.Outcome(
        body=template_workbook(with_register=True), filename="register-verbonden-partijen.xlsx", content_type=XLSX
    )
