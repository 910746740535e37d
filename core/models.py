"""The platform's models: the counter that tells every process the register changed, the shared peildatum
snapshots and the jobs that workers do off the request."""

import uuid

from django.conf import settings
from django.db import models


class DataVersion(models.Model):
    """One row: a counter that every committed change to the register raises, so that each process
    knows when its cached pages and reports are stale, also after a change made by another process
    (a second gunicorn worker, `import_register` on the command line): core/register_cache.py."""

    counter = models.PositiveBigIntegerField("teller", default=0)

    class Meta:
        # The table keeps the name it had when the counter was part of the register app.
        db_table = "partners_dataversion"
        verbose_name = "dataversie"
        verbose_name_plural = "dataversies"

    def __str__(self):
        return f"dataversie {self.counter}"


class PeildatumSnapshot(models.Model):
    """A snapshot of the register at a past date (core/peildatum.py), kept in the database so that one
    built by any app server is used by all (core/peildatum_store.py, SnapshotTable)."""

    name = models.CharField("naam", max_length=100, unique=True, help_text="peildatum en vingerafdruk van de historie")
    data = models.BinaryField("inhoud", help_text="het SQLite-bestand met de stand van het register op de peildatum")
    size = models.PositiveBigIntegerField("grootte in bytes")
    last_used = models.DateTimeField("laatst gebruikt", db_index=True)

    class Meta:
        ordering = ["-last_used"]
        verbose_name = "reconstructie per peildatum"
        verbose_name_plural = "reconstructies per peildatum"

    def __str__(self):
        return self.name


class Job(models.Model):
    """Work that takes seconds (a report PDF, the check or confirmation of an import, the register as XLSX),
    done by a Celery worker off the request (core/jobs.py). The same work for the same state of the register
    and the same kind of reader is done once and reused; the result is kept here, where every app server
    finds it."""

    class Status(models.TextChoices):
        WAITING = "wachtend", "Wachtend"
        RUNNING = "bezig", "Bezig"
        DONE = "klaar", "Klaar"
        FAILED = "mislukt", "Mislukt"

    id = models.UUIDField("kenmerk", primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField("soort", max_length=40)
    title = models.CharField("omschrijving", max_length=300)
    params = models.JSONField("parameters", default=dict)
    key = models.CharField(
        "sleutel", max_length=64, unique=True, help_text="SHA-256 van soort, parameters, dataversie en zichtbaarheid"
    )
    data_version = models.CharField("dataversie", max_length=100)
    visibility = models.TextField("zichtbaarheid", help_text="wat de aanvrager mag zien (partners/scoping.py)")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="aangevraagd door", on_delete=models.CASCADE)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.WAITING)
    steps_done = models.PositiveSmallIntegerField("stappen gedaan", default=0)
    steps_total = models.PositiveSmallIntegerField("stappen totaal", default=1)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    result = models.BinaryField("bestand", null=True, blank=True, editable=False)
    filename = models.CharField("bestandsnaam", max_length=255, blank=True)
    content_type = models.CharField("soort bestand", max_length=100, blank=True)
    result_url = models.CharField("adres van de uitkomst", max_length=500, blank=True)
    message = models.TextField("melding", blank=True)
    error = models.TextField("foutmelding", blank=True)
    created_at = models.DateTimeField("aangevraagd op", auto_now_add=True)
    started_at = models.DateTimeField("begonnen op", null=True, blank=True)
    finished_at = models.DateTimeField("klaar op", null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "taak"
        verbose_name_plural = "taken"
        indexes = [models.Index(fields=["owner", "-created_at"], name="core_job_owner_created")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(steps_done__lte=models.F("steps_total")), name="core_job_steps_within_total"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="klaar") | models.Q(finished_at__isnull=False),
                name="core_job_done_has_finish_time",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.get_status_display().lower()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def has_file(self) -> bool:
        return self.status == self.Status.DONE and bool(self.filename)
