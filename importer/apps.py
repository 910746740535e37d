"""App config of the import of an existing register from XLSX or CSV."""

from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "importer"
    verbose_name = "Import van een bestaand register"
