"""App config of the pages and reports that combine the register, risks and governance."""

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Rapportages"
