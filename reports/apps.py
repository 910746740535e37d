"""App config of the pages and reports that combine the register, risks and governance."""

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Rapportages"

    def ready(self):
        # Registers the reports' kinds of job (PDFs) with core/jobs.py, in web and worker processes alike.
        from . import jobs  # noqa: F401
