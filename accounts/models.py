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
