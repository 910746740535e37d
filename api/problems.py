"""Errors of the API as problem details (RFC 9457, media type application/problem+json), in Dutch: the
error format of the NL GOV API Design Rules. Every error of an API view and every unknown API address
answers this way, never with an HTML page."""

from http import HTTPStatus

from django.http import JsonResponse
from rest_framework import exceptions
from rest_framework.views import exception_handler

PROBLEM = "application/problem+json"

TITLES = {
    400: "Ongeldige vraag",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Gevraagd formaat niet beschikbaar",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


def problem(status: int, detail: str, *, instance: str = "", extra: dict | None = None) -> dict:
    body = {
        "type": f"https://httpstatuses.io/{status}",
        "title": TITLES.get(status, HTTPStatus(status).phrase),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    return {**body, **(extra or {})}


def problem_response(status: int, detail: str, *, instance: str = "", extra: dict | None = None) -> JsonResponse:
    return JsonResponse(
        problem(status, detail, instance=instance, extra=extra),
        status=status,
        content_type=PROBLEM,
        json_dumps_params={"ensure_ascii": False},
    )


def _detail(data) -> str:
    if isinstance(data, dict) and "detail" in data:
        return str(data["detail"])
    if isinstance(data, list):
        return " ".join(str(item) for item in data)
    return str(data)


def handle(exc, context):
    """DRF's exception handler, with the answer turned into a problem detail."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    extra = {}
    if isinstance(exc, exceptions.ValidationError) and isinstance(response.data, dict):
        # One entry per wrong parameter (the NL GOV "invalidParams" of a 400).
        extra["invalidParams"] = [
            {"name": name, "reason": " ".join(str(m) for m in (messages if isinstance(messages, list) else [messages]))}
            for name, messages in response.data.items()
        ]
        writing = request is not None and request.method in ("POST", "PATCH", "PUT")
        detail = (
            "De gegevens zijn niet opgeslagen: een of meer velden zijn ongeldig."
            if writing
            else "Een of meer parameters zijn ongeldig."
        )
    else:
        detail = _detail(response.data)
    response.data = problem(response.status_code, detail, instance=instance, extra=extra)
    response.content_type = PROBLEM
    return response
