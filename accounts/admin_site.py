"""The admin site of the register: one login page (/inloggen/) and a TOTP step for beheerders."""

from functools import update_wrapper

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from . import two_factor

NO_ADMIN_ACCESS = (
    "Het beheer is alleen voor functioneel beheerders. U bent ingelogd, maar uw account heeft geen toegang "
    "tot het beheer."
)


def refuse(request):
    return render(request, "403.html", {"reason": NO_ADMIN_ACCESS}, status=403)


class RegisterAdminSite(admin.AdminSite):
    site_header = "Register verbonden partijen — beheer"
    site_title = "Register verbonden partijen"
    index_title = "Beheer van het register"

    def has_permission(self, request):
        return super().has_permission(request) and two_factor.may_use_admin(request)

    def admin_view(self, view, cacheable=False):
        """Every admin page: a logged-in user who is not staff gets the Dutch 403 page at once."""
        inner = super().admin_view(view, cacheable)

        def refuse_non_staff(request, *args, **kwargs):
            user = request.user
            if user.is_authenticated and not (user.is_active and user.is_staff):
                return refuse(request)
            return inner(request, *args, **kwargs)

        return update_wrapper(refuse_non_staff, inner)

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request, extra_context=None):
        """Not the admin's own login form: a staff user who is logged in goes to the TOTP step, a
        logged-in user without access to the admin gets the Dutch 403 page saying so (a login form would
        suggest logging in again helps), and anyone else the register's login page, each coming back to
        where they were going."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff:
            return redirect_to_login(next_url, reverse("accounts:two_factor"))
        if user.is_authenticated:
            return refuse(request)
        return redirect_to_login(next_url, settings.LOGIN_URL)
