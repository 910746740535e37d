"""Authentication of the API with a party's key: "Authorization: Token <sleutel>" or "Bearer <sleutel>".
Only for the API (api/views.py); the pages keep the login. The request then reads and writes as a
bronhouder of the key's party, whoever made the key (partners/scoping.py restrict_to_party)."""

from datetime import timedelta

from django.utils import timezone
from rest_framework import authentication, exceptions

from partners import scoping

from .models import ApiToken, hash_key

KEYWORDS = ("token", "bearer")
# The moment of last use is written at most once a minute per key, not on every request.
TOUCH_INTERVAL = timedelta(minutes=1)


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="replace").lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Geef de sleutel als: Authorization: Token <sleutel>.")
        try:
            key = parts[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("Deze API-sleutel bestaat niet of is ingetrokken.") from None
        token = (
            ApiToken.objects.select_related("party", "created_by")
            .filter(key_hash=hash_key(key), revoked_at=None)
            .first()
        )
        if token is None or not token.created_by.is_active:
            raise exceptions.AuthenticationFailed("Deze API-sleutel bestaat niet of is ingetrokken.")
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > TOUCH_INTERVAL:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return scoping.restrict_to_party(token.created_by, token.party), token
