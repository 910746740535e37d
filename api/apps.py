"""App config of the register's API (/api/v1): read endpoints under the NL GOV API Design Rules."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API"
