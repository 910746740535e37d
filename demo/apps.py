"""App config of the demo region (provincie Groningen): data of every app and the load_demo command."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demogegevens"
