"""Accounts: login with lockout, the TOTP step and the admin site that asks for it, the agenda key."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Inloggen en tweestapsverificatie"

    def ready(self):
        from django.conf import settings
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_save, pre_save

        from . import feed_keys
        from .sessions import mark_login

        user_logged_in.connect(mark_login, dispatch_uid="accounts.sessions.mark_login")
        # A password change, by any path, renews the key behind the user's agenda addresses.
        pre_save.connect(feed_keys.note_password_change, sender=settings.AUTH_USER_MODEL, dispatch_uid="feed_key_pre")
        post_save.connect(
            feed_keys.renew_after_password_change, sender=settings.AUTH_USER_MODEL, dispatch_uid="feed_key_post"
        )


class RegisterAdminConfig(admin_apps.AdminConfig):
    """The Django admin with our site class, so every @admin.register lands on a site that asks
    a beheerder for a TOTP code."""

    default = False
    default_site = "accounts.admin_site.RegisterAdminSite"
