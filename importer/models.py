"""The log of the import: each upload of an existing register, with the file and what it found and did."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class ImportRun(models.Model):
    """One upload of an existing register (importer/): the file as uploaded, kept on the
    server between the dry run and the confirmation, and what the import found and did."""

    class Status(models.TextChoices):
        PENDING = "wachtend", "Wordt gecontroleerd"
        CHECKED = "gecontroleerd", "Gecontroleerd, nog niet uitgevoerd"
        REFUSED = "fouten", "Niet uitgevoerd: fouten gevonden"
        APPLIED = "uitgevoerd", "Uitgevoerd"

    id = models.UUIDField("kenmerk", primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField("gecontroleerd op", auto_now_add=True)
    applied_at = models.DateTimeField("uitgevoerd op", null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.SET_NULL, null=True, blank=True
    )
    file_name = models.CharField("bestandsnaam", max_length=255)
    file_hash = models.CharField("SHA-256 van het bestand", max_length=64)
    content = models.BinaryField("bestand", editable=False)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.CHECKED)
    counts = models.JSONField("aantallen per tabblad", default=dict, blank=True)
    problems = models.JSONField("fouten", default=list, blank=True)
    conversions = models.JSONField(
        "omgerekende bedragen",
        default=list,
        blank=True,
        help_text="Bedragen in duizenden of miljoenen: zoals ingevuld en zoals ze worden opgeslagen.",
    )
    names = models.JSONField(
        "herkende namen",
        default=list,
        blank=True,
        help_text="Namen van gemeenten en partijen zoals ingevuld en als wie ze zijn herkend (Den Haag is "
        "'s-Gravenhage GM0518, BNG is BNG Bank N.V.).",
    )

    class Meta:
        # The table keeps the name it had when the import was part of the register app.
        db_table = "partners_importrun"
        verbose_name = "import"
        verbose_name_plural = "imports"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({timezone.localtime(self.created_at):%d-%m-%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("importer:import_report", kwargs={"pk": self.pk})

    @property
    def totals(self) -> dict:
        """Rows created, updated and unchanged over all sheets."""
        keys = ("created", "updated", "unchanged")
        return {k: sum(c.get(k, 0) for c in (self.counts or {}).values()) for k in keys}

    @property
    def summary(self) -> str:
        """What the import did or would do, per sheet: 'Partijen: 3 nieuw, 1 gewijzigd, 0 ongewijzigd'."""
        return "; ".join(
            f"{title}: {c.get('created', 0)} nieuw, {c.get('updated', 0)} gewijzigd, "
            f"{c.get('unchanged', 0)} ongewijzigd"
            for title, c in (self.counts or {}).items()
        )
