"""How a public page is served: open without login, within the rate limit, from the cache of the register
(core/register_cache.py, so any change to the register or to a public register's switch shows at once on
the server), and with `Cache-Control: public, max-age` so browsers and proxies may keep it a few minutes.

A public page never shows who is logged in: the same bytes go to everybody."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from core import register_cache

from . import ratelimit

TOO_MANY = "Te veel verzoeken"


def too_many_requests(request, seconds: int) -> HttpResponse:
    body = render_to_string("public/429.html", {"seconds": seconds})
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(seconds)
    patch_cache_control(response, no_store=True)
    return response


def not_found() -> HttpResponse:
    response = HttpResponse(render_to_string("public/404.html"), status=404)
    patch_cache_control(response, no_cache=True)
    return response


def public_page(view):
    """Decorate a view of the public register (a function returning a complete HttpResponse)."""

    @login_not_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = ratelimit.retry_after(request)
        if seconds is not None:
            return too_many_requests(request, seconds)
        key = register_cache.key("openbaar", request.get_full_path())
        stored = register_cache.cached(key, lambda: _render(view, request, args, kwargs))
        response = HttpResponse(stored["body"], status=stored["status"], content_type=stored["type"])
        if stored["disposition"]:
            response["Content-Disposition"] = stored["disposition"]
        if stored["status"] == 200:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        else:
            patch_cache_control(response, no_cache=True)
        return response

    return wrapped


def _render(view, request, args, kwargs) -> dict:
    try:
        response = view(request, *args, **kwargs)
    except Http404:
        response = not_found()
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return {
        "body": body,
        "status": response.status_code,
        "type": response["Content-Type"],
        "disposition": response.get("Content-Disposition", ""),
    }
