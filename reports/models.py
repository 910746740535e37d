"""The vastgestelde versie of a paragraaf verbonden partijen: the exact PDF the raad adopted.

The bytes are kept in the database (every app server sees them, no server's disk is trusted),
with their SHA-256, who stored them, when, and the register's state they show. A version is never
changed: a correction is a new version with a reason (reports/adoption.py).
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from core.periods import YEAR_VALIDATORS, year_constraint


class ReportKind(models.TextChoices):
    BEGROTING = "begroting", "Begroting"
    JAARSTUKKEN = "jaarstukken", "Jaarstukken"


class AdoptedReport(models.Model):
    """One vastgestelde versie of the paragraaf of a gemeente for a year and kind."""

    municipality = models.ForeignKey(
        "partners.Participant",
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="adopted_reports",
    )
    year = models.PositiveSmallIntegerField("jaar", validators=YEAR_VALIDATORS)
    kind = models.CharField("soort", max_length=20, choices=ReportKind.choices)
    version = models.PositiveSmallIntegerField("versie")
    adopted_on = models.DateField(
        "datum raadsbesluit", help_text="De dag waarop de raad de begroting of de jaarstukken vaststelde."
    )
    reference = models.CharField("kenmerk raadsbesluit", max_length=100, blank=True)
    correction_reason = models.TextField(
        "reden van de correctie", blank=True, help_text="Verplicht bij een tweede of latere versie."
    )
    pdf = models.BinaryField("PDF", editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, editable=False)
    stored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="vastgelegd door",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )
    stored_at = models.DateTimeField("vastgelegd op", auto_now_add=True)
    peildatum = models.DateField("stand van het register", help_text="De dag waarvan de gegevens in de PDF zijn.")

    class Meta:
        verbose_name = "vastgestelde rapportage"
        verbose_name_plural = "vastgestelde rapportages"
        ordering = ["municipality__name", "-year", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "kind", "version"],
                name="adopted_report_unique_version",
                violation_error_message="Deze versie van de rapportage bestaat al.",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="adopted_report_version_positive"),
            models.CheckConstraint(
                condition=Q(version=1) | ~Q(correction_reason=""),
                name="adopted_report_correction_has_reason",
                violation_error_message="Een correctie (versie 2 of later) heeft een reden.",
            ),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="adopted_report_sha256_hex"),
            year_constraint("adopted_report_year_range"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year} {self.municipality}, versie {self.version}"

    def get_absolute_url(self):
        return reverse("reports:adopted_report_pdf", kwargs={"code": self.municipality.code, "pk": self.pk})

    @staticmethod
    def digest(body: bytes) -> str:
        return hashlib.sha256(body).hexdigest()

    @property
    def intact(self) -> bool:
        """The stored bytes still have the hash recorded when they were adopted."""
        return self.digest(bytes(self.pdf)) == self.sha256
