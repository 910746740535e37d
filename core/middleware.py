"""Refuse a web address with a NUL character before any view sees it.

No page of the register has a use for NUL in its path or query string, and PostgreSQL refuses
NUL in text, so a lookup with one would fail with a database error instead of a clear answer.
Form fields refuse NUL themselves (Django's ProhibitNullCharactersValidator).
"""

from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string

NUL_MESSAGE = "Het webadres bevat een ongeldig teken (NUL). Controleer het adres of de ingevulde zoekterm."


def has_nul(request) -> bool:
    if "\x00" in request.path:
        return True
    query = request.META.get("QUERY_STRING", "")
    return b"\x00" in unquote_to_bytes(query)


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            body = render_to_string("400.html", {"message": NUL_MESSAGE}, request=request)
            return HttpResponseBadRequest(body)
        return self.get_response(request)
