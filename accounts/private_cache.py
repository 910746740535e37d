"""Pages behind the login are never kept by a browser or a proxy: `Cache-Control: private, no-store`.

A page, export, PDF or feed of the register shows what this user may see; a shared proxy must not
hand it to someone else, and a browser must not leave it on disk (a shared workstation, the back
button after logging out). Views open without login (the login page, the risk-level stylesheet) keep
their own caching; so do the static files, which WhiteNoise serves before this middleware.
"""

from django.utils.cache import patch_cache_control


def private_without_login(view_func):
    """For a view that is open without a session but reads as a user by other means (the agenda feed
    with its token): no login asked, and still never cached."""
    view_func.login_required = False  # as django.contrib.auth.decorators.login_not_required
    view_func.private_without_login = True
    return view_func


def is_public(view_func) -> bool:
    return not getattr(view_func, "login_required", True) and not getattr(view_func, "private_without_login", False)


class PrivateCacheMiddleware:
    """Adds `private, no-store` to every response except those of a public view (login_not_required).

    A response that no view made (an unknown address, a refused one) counts as private: it can carry
    the name of the logged-in user in the page header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.public_view = False
        response = self.get_response(request)
        if not request.public_view:
            patch_cache_control(response, private=True, no_store=True)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.public_view = is_public(view_func)
