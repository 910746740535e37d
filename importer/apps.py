"""App config of the import of an existing register from XLSX or CSV."""

from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "importer"
    verbose_name = "Import van een bestaand register"

    def ready(self):
        # Registers the import's kinds of job (check, confirm, the register as XLSX) with core/jobs.py.
        from . import jobs  # noqa: F401
