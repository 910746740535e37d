"""App config of the register: parties, participants, participations and their figures."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Register verbonden partijen"

    def ready(self):
        from .db_triggers import install_after_migrate
        from .roles import sync_roles_after_migrate

        post_migrate.connect(install_after_migrate, sender=self, dispatch_uid="partners_triggers")
        # Any sender: the permissions of governance and risks are created after this app's signal.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="partners_roles")
