"""The OpenAPI document's view of each operation: besides its 200, the problem details (api/problems.py) it can
answer with, so a client knows every answer it may get."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from .problems import PROBLEM


class ProblemSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="Adres dat de soort fout aanduidt.")
    title = serializers.CharField(help_text="Korte omschrijving van de soort fout.")
    status = serializers.IntegerField(help_text="De HTTP-statuscode.")
    detail = serializers.CharField(help_text="Wat er misging, in het Nederlands.")
    instance = serializers.CharField(required=False, help_text="Het gevraagde adres.")


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="De parameter.")
    reason = serializers.CharField(help_text="Waarom hij niet klopt.")


class InvalidParamsProblemSerializer(ProblemSerializer):
    invalidParams = InvalidParamSerializer(many=True, required=False)


class ApiSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        problems = {"403": ProblemSerializer, "404": ProblemSerializer, "429": ProblemSerializer}
        if self._is_list_view() or self.method in ("POST", "PATCH"):
            problems = {"400": InvalidParamsProblemSerializer, **problems}
        for code, serializer in problems.items():
            bodies.setdefault(code, self._get_response_for_code(serializer, code, [PROBLEM], direction))
        return bodies


class PartyKeyScheme(OpenApiAuthenticationExtension):
    """The API key of a party (api/authentication.py) in the OpenAPI document."""

    target_class = "api.authentication.TokenAuthentication"
    name = "apiSleutel"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "De API-sleutel van een partij als “Token <sleutel>” of “Bearer <sleutel>”. De "
            "bronhouder maakt hem op zijn pagina Aanleveren; alleen met een sleutel kan worden geschreven.",
        }
