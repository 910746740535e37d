"""Running an import: check a file (dry run), keep it on the server, and apply it on confirmation.

The confirmation never trusts the browser: it reads the bytes stored on the ImportRun, checks their
SHA-256, checks every row again against the register as it is now, and only then writes.
"""

import hashlib
from dataclasses import asdict

from django.contrib.admin.models import ADDITION, LogEntry
from django.db import transaction
from django.utils import timezone

from core import register_cache

from .models import ImportRun
from .plan import Plan, Report
from .reading import FileRefused, Problem, read_file

# The report page lists at most this many problems; the count says how many there are.
STORED_PROBLEMS = 1000


def check(data: bytes, filename: str) -> Plan | Report:
    """Read and check a file without writing: a Plan, or a Report with the reason the file is refused."""
    try:
        read = read_file(data, filename)
    except FileRefused as refused:
        return Report(problems=[Problem(refused.sheet, refused.row, refused.column, str(refused))])
    return Plan(read)


def _report(outcome) -> Report:
    return outcome.report if isinstance(outcome, Plan) else outcome


def receive(*, data: bytes, filename: str, user) -> ImportRun:
    """Keep an upload on the server, to be checked (check_stored) by a worker (importer/jobs.py)."""
    return ImportRun.objects.create(
        user=user,
        file_name=filename[:255],
        file_hash=hashlib.sha256(data).hexdigest(),
        content=data,
        status=ImportRun.Status.PENDING,
    )


def check_stored(*, run_id) -> ImportRun:
    """The dry run of a received upload: what the check of the stored file found. A run checked before
    (a second delivery of the same job) is left as it is."""
    run = ImportRun.objects.get(pk=run_id)
    if run.status != ImportRun.Status.PENDING:
        return run
    report = _report(check(bytes(run.content), run.file_name))
    run.status = ImportRun.Status.CHECKED if report.ok and report.has_rows else ImportRun.Status.REFUSED
    run.counts = report.as_dict()
    run.problems = [asdict(p) for p in report.problems[:STORED_PROBLEMS]]
    run.conversions = report.conversions
    run.names = report.names
    ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.PENDING).update(
        status=run.status, counts=run.counts, problems=run.problems, conversions=run.conversions, names=run.names
    )
    return run


def check_failed(*, run_id) -> None:
    """The check of a received upload stopped with an error: the run is refused, with that said."""
    problem = Problem("", None, "", CHECK_FAILED)
    ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.PENDING).update(
        status=ImportRun.Status.REFUSED, problems=[asdict(problem)]
    )


def start(*, data: bytes, filename: str, user) -> ImportRun:
    """The dry run of an upload, at once: keep the file and what the check found."""
    run = receive(data=data, filename=filename, user=user)
    return check_stored(run_id=run.pk)


CHECK_FAILED = "De controle van dit bestand is onverwacht gestopt; er is niets opgeslagen. Upload het opnieuw."
STILL_CHECKING = "De controle van dit bestand is nog bezig; bevestig als ze klaar is."
REFUSED_AT_CHECK = (
    "De controle van dit bestand gaf fouten; er is niets opgeslagen. Herstel de fouten hieronder en upload het "
    "bestand opnieuw."
)
NOTHING_TO_IMPORT = "Het bestand bevat geen rijen om te importeren; er is niets opgeslagen."


ALREADY_APPLIED = "Deze import is al uitgevoerd."
CHANGED_SINCE_CHECK = (
    "Het register is sinds de controle veranderd en het bestand geeft nu fouten; er is niets opgeslagen."
)


class ConfirmRefused(Exception):
    """The stored run cannot be applied (again); the message says why."""


def confirm(*, run_id, user) -> ImportRun:
    """Apply a checked run: check the stored file again and write all rows, or none."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run_id)
        if run.status == ImportRun.Status.APPLIED:
            raise ConfirmRefused(ALREADY_APPLIED)
        if run.status == ImportRun.Status.PENDING:
            raise ConfirmRefused(STILL_CHECKING)
        if run.status == ImportRun.Status.REFUSED:
            # The dry run already refused the file: say so, not that the register changed since.
            raise ConfirmRefused(REFUSED_AT_CHECK if run.problems else NOTHING_TO_IMPORT)
        data = bytes(run.content)
        if hashlib.sha256(data).hexdigest() != run.file_hash:
            raise ConfirmRefused("Het bewaarde bestand is veranderd sinds de controle; upload het opnieuw.")
        outcome = check(data, run.file_name)
        report = _report(outcome)
        run.counts = report.as_dict()
        run.problems = [asdict(p) for p in report.problems[:STORED_PROBLEMS]]
        if not report.ok:
            # The register changed since the dry run; nothing is written, the new problems are shown.
            run.status = ImportRun.Status.REFUSED
            run.save(update_fields=["counts", "problems", "status"])
            return run
        outcome.apply(user=user or run.user)
        # Bulk writes send no signals: the register's caches are told here that it changed.
        register_cache.bump_version()
        run.status, run.applied_at = ImportRun.Status.APPLIED, timezone.now()
        run.user = user or run.user
        run.save(update_fields=["counts", "problems", "status", "applied_at", "user"])
        _log(run)
    return run


def _log(run: ImportRun) -> None:
    """The applied import in the admin's history (LogEntry): who, which file, what it did."""
    if run.user_id is None:
        return
    LogEntry.objects.log_actions(
        user_id=run.user_id,
        queryset=[run],
        action_flag=ADDITION,
        change_message=f"Register geïmporteerd uit {run.file_name}: {run.summary}",
        single_object=True,
    )


def run_file(*, data: bytes, filename: str, dry_run: bool, user=None) -> Report:
    """For the command line: check, and unless dry_run write and record the run (and, with a user, a
    line in the admin's history), in one go."""
    outcome = check(data, filename)
    report = _report(outcome)
    if report.ok and report.has_rows and not dry_run:
        with transaction.atomic():
            outcome.apply(user=user)
            register_cache.bump_version()
            run = ImportRun.objects.create(
                user=user,
                file_name=filename[:255],
                file_hash=hashlib.sha256(data).hexdigest(),
                content=data,
                status=ImportRun.Status.APPLIED,
                applied_at=timezone.now(),
                counts=report.as_dict(),
            )
            _log(run)
    return report
