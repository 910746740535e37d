"""App config of governance: representatives, roles, the P&C cycle and assessments."""

from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Sturing en governance"
