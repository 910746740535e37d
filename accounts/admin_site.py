"""The admin site of the register: one login page (/inloggen/) and a TOTP step for beheerders."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from . import two_factor


class RegisterAdminSite(admin.AdminSite):
    site_header = "Register verbonden partijen — beheer"
    site_title = "Register verbonden partijen"
    index_title = "Beheer van het register"

    def has_permission(self, request):
        return super().has_permission(request) and two_factor.may_use_admin(request)

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request, extra_context=None):
        """Not the admin's own login form: a staff user who is logged in goes to the TOTP step,
        anyone else to the register's login page, each coming back to where they were going."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff:
            return redirect_to_login(next_url, reverse("accounts:two_factor"))
        return redirect_to_login(next_url, settings.LOGIN_URL)
