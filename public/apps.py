"""App config of the public register."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = "Openbaar register"

    def ready(self):
        from core.register_cache import bump_version
        from reports.models import AdoptedReport

        from .models import PublicRegister

        # Switching a register on or off changes what the cached public pages and the open API show.
        post_save.connect(bump_version, sender=PublicRegister, dispatch_uid="public-register-save")
        post_delete.connect(bump_version, sender=PublicRegister, dispatch_uid="public-register-delete")
        # A newly vastgestelde paragraaf appears on the gemeente's public page at once.
        post_save.connect(bump_version, sender=AdoptedReport, dispatch_uid="public-adopted-report-save")
