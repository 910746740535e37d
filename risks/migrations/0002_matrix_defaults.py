"""Seed the kans classes (10/30/50/70/90%) and the four risk levels with their colours."""

from decimal import Decimal

from django.db import migrations

PROBABILITIES = {1: ("zeer klein", 10), 2: ("klein", 30), 3: ("gemiddeld", 50), 4: ("groot", 70), 5: ("zeer groot", 90)}
LEVELS = (
    ("laag", "Laag", 1, "#d8efd3", "#1b4a17"),
    ("midden", "Midden", 5, "#fff0b3", "#5a4300"),
    ("hoog", "Hoog", 10, "#ffd3ad", "#6b2600"),
    ("zeer_hoog", "Zeer hoog", 15, "#a3111b", "#ffffff"),
)


def seed(apps, schema_editor):
    LikelihoodClass = apps.get_model("risks", "LikelihoodClass")
    RiskLevel = apps.get_model("risks", "RiskLevel")
    for value, (name, probability) in PROBABILITIES.items():
        LikelihoodClass.objects.update_or_create(
            value=value, defaults={"name": name, "probability": Decimal(probability)}
        )
    for code, name, min_score, background, text_color in LEVELS:
        RiskLevel.objects.update_or_create(
            code=code,
            defaults={"name": name, "min_score": min_score, "background": background, "text_color": text_color},
        )


class Migration(migrations.Migration):
    dependencies = [("risks", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
