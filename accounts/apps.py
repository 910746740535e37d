"""Accounts: login with lockout, the TOTP step for beheerders and the admin site that asks for it."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Inloggen en tweestapsverificatie"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .sessions import mark_login

        user_logged_in.connect(mark_login, dispatch_uid="accounts.sessions.mark_login")


class RegisterAdminConfig(admin_apps.AdminConfig):
    """The Django admin with our site class, so every @admin.register lands on a site that asks
    a beheerder for a TOTP code."""

    default = False
    default_site = "accounts.admin_site.RegisterAdminSite"
