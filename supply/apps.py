"""App config of Aanleveren: a party's bronhouder keeps the party's own record."""

from django.apps import AppConfig


class SupplyConfig(AppConfig):
    name = "supply"
    verbose_name = "Aanleveren door de partij"
