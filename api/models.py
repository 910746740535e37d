"""API keys of a party: a bronhouder (or a beheerder for him) makes one to write the party's own record
through the API. Only a hash of the key is stored; the key itself is shown once, when it is made."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from partners.models import Party

PREFIX_LENGTH = 8


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A key for "Authorization: Token <sleutel>" (or Bearer): reads and writes as a bronhouder of one party."""

    name = models.CharField(
        "naam", max_length=100, help_text="Waarvoor de sleutel dient, bijvoorbeeld: koppeling financieel systeem."
    )
    party = models.ForeignKey(
        Party,
        verbose_name="partij",
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="De sleutel leest en schrijft alleen de gegevens van deze partij.",
    )
    prefix = models.CharField("begin van de sleutel", max_length=PREFIX_LENGTH, editable=False)
    key_hash = models.CharField("hash van de sleutel", max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gemaakt door",
        on_delete=models.PROTECT,
        related_name="api_tokens",
        editable=False,
    )
    created_at = models.DateTimeField("gemaakt op", auto_now_add=True)
    last_used_at = models.DateTimeField("laatst gebruikt", null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField("ingetrokken op", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"
        ordering = ["party__name", "-created_at", "pk"]

    def __str__(self):
        return f"{self.name} ({self.party.name}, {self.prefix}…)"

    @classmethod
    def issue(cls, *, name: str, party: Party, created_by) -> tuple["ApiToken", str]:
        """Make a key: the token (saved) and the key itself, which is not stored anywhere."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(
            name=name, party=party, created_by=created_by, prefix=key[:PREFIX_LENGTH], key_hash=hash_key(key)
        )
        return token, key

    def set_new_key(self) -> str:
        key = secrets.token_urlsafe(32)
        self.prefix, self.key_hash = key[:PREFIX_LENGTH], hash_key(key)
        return key

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
