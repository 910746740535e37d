"""Which gemeenten publish their register: off by default, switched on per gemeente by a beheerder."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from partners.choices import ParticipantKind


class PublicRegisterQuerySet(models.QuerySet):
    def enabled(self):
        return self.filter(enabled=True)


class PublicRegister(models.Model):
    municipality = models.OneToOneField(
        "partners.Participant",
        verbose_name="gemeente",
        on_delete=models.CASCADE,
        related_name="public_register",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
    )
    enabled = models.BooleanField(
        "openbaar register aan",
        default=False,
        help_text="Aan: iedereen ziet zonder inloggen de verbonden partijen van deze gemeente met hun openbare "
        "gegevens, de vastgestelde paragrafen en de open data. Vertrouwelijke gegevens staan er nooit in.",
    )
    enabled_on = models.DateTimeField("aangezet op", null=True, blank=True, editable=False)
    enabled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="aangezet door",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = PublicRegisterQuerySet.as_manager()

    class Meta:
        verbose_name = "openbaar register"
        verbose_name_plural = "openbare registers"
        ordering = ["municipality__name"]

    def __str__(self):
        return f"Openbaar register van {self.municipality} ({'aan' if self.enabled else 'uit'})"

    def get_absolute_url(self):
        return reverse("public:municipality", kwargs={"code": self.municipality.code})
