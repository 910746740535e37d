"""App config of the platform: history, peildatum, caches, exports, formatting and charts."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Platform"

    def ready(self):
        from . import admin_safety
        from .history import initial_history_after_migrate
        from .register_cache import connect_signals

        # Any sender (it acts on the last register app's signal): beginstand records for rows without history.
        post_migrate.connect(initial_history_after_migrate, dispatch_uid="partners_initial_history")
        admin_safety.install()
        # A change to any record of the register makes the cached reports, costs and history stale.
        connect_signals()
