"""App config of governance: representatives, roles, the P&C cycle and assessments."""

from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Sturing en governance"

    def ready(self):
        from .report_cache import connect_signals

        # A change to any record a report shows makes its cached PDF stale.
        connect_signals()
