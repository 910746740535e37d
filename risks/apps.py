"""App config of risks: risk register, risk matrix and weerstandsvermogen."""

from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "risks"
    verbose_name = "Risico's en weerstandsvermogen"
