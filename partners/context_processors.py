"""What every page's header shows of the user: role and gemeente(n), read only when a page uses it."""

from django.utils.functional import SimpleLazyObject

from . import scoping


def user_scope(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"scope": SimpleLazyObject(lambda: scoping.header(user))}
