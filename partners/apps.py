"""App config of the register: parties, participants, participations and their figures."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Register verbonden partijen"

    def ready(self):
        from . import admin_safety
        from .db_triggers import install_after_migrate
        from .history import initial_history_after_migrate
        from .register_cache import connect_signals
        from .roles import sync_roles_after_migrate

        post_migrate.connect(install_after_migrate, sender=self, dispatch_uid="partners_triggers")
        # Any sender: the permissions of governance and risks are created after this app's signal.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="partners_roles")
        # Any sender (it acts on the last register app's signal): beginstand records for rows without history.
        post_migrate.connect(initial_history_after_migrate, dispatch_uid="partners_initial_history")
        admin_safety.install()
        # A change to any record of the register makes the cached reports, costs and history stale.
        connect_signals()
