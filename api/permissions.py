"""Who may write through the API: only a party's API key (api/authentication.py), for that party's rows."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import ApiToken


class WritesWithPartyKey(BasePermission):
    message = (
        "Schrijven in het register kan alleen met de API-sleutel van een bronhouder (Authorization: Token "
        "<sleutel>), voor de gegevens van zijn eigen partij."
    )

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or isinstance(request.auth, ApiToken)
