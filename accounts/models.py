"""What accounts keeps per user besides Django's own tables: the key behind his agenda addresses."""

from django.conf import settings
from django.db import models


class FeedKey(models.Model):
    """A secret per user in the signature of his agenda addresses (governance/calendar.py). A new
    key withdraws every address made with the old one: the user renews it on his dashboard, and
    every password change does (accounts/feed_keys.py). Without a row the addresses are signed
    without a key, as they were before keys existed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_key", verbose_name="gebruiker"
    )
    key = models.CharField("sleutel", max_length=64)
    renewed_at = models.DateTimeField("vernieuwd op", auto_now=True)

    class Meta:
        verbose_name = "agendasleutel"
        verbose_name_plural = "agendasleutels"

    def __str__(self):
        return f"Agendasleutel van {self.user}"


class ProviderIdentity(models.Model):
    """Who a user is at a gemeente's identity provider (OpenID Connect): the provider's key and its subject
    ("sub"), which never changes for that person. A login through that provider finds the user by these
    two, never by name or e-mail address, so a local account cannot be taken over (accounts/oidc_login.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_identities", verbose_name="gebruiker"
    )
    provider = models.CharField("inlogdienst", max_length=40, help_text="De sleutel uit OIDC_PROVIDERS.")
    subject = models.CharField("kenmerk bij de inlogdienst", max_length=255, help_text="De claim sub.")
    first_login = models.DateTimeField("eerste keer ingelogd", auto_now_add=True)

    class Meta:
        verbose_name = "inlogdienst van de gebruiker"
        verbose_name_plural = "inlogdiensten van de gebruiker"
        ordering = ["provider", "subject"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="provider_identity_unique"),
        ]

    def __str__(self):
        return f"{self.provider}: {self.subject}"
