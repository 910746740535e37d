"""Seed the criteria of the monitoring scan: the toetsingskader and the 4 K's (motives of cooperation).

They are data, not code: a functioneel beheerder can rename them or add a gemeente's own criteria.
"""

from django.db import migrations

CRITERIA = [
    ("toetsingskader", 1, "Duurzaam partnerschap", "De samenwerking is stabiel en de partners zijn betrokken."),
    ("toetsingskader", 2, "Kwaliteit van de dienstverlening", "De partij levert wat is afgesproken, tijdig en goed."),
    ("toetsingskader", 3, "Risicomanagement", "De partij kent haar risico's en beheerst ze."),
    ("toetsingskader", 4, "Kostenbesparing", "De samenwerking levert de verwachte besparing op."),
    ("toetsingskader", 5, "Kansen en uitdagingen", "De partij ziet en benut kansen voor de toekomst."),
    ("vier_k", 1, "Kosten", "Kosten verminderen."),
    ("vier_k", 2, "Kwaliteit", "Kwaliteit vergroten."),
    ("vier_k", 3, "Klantgerichtheid", "Klantgerichtheid vergroten."),
    ("vier_k", 4, "Kwetsbaarheid", "Kwetsbaarheid verminderen."),
]


def seed(apps, schema_editor):
    Criterion = apps.get_model("governance", "Criterion")
    for group, order, name, description in CRITERIA:
        Criterion.objects.get_or_create(
            name=name, municipality=None, defaults={"group": group, "order": order, "description": description}
        )


def unseed(apps, schema_editor):
    Criterion = apps.get_model("governance", "Criterion")
    Criterion.objects.filter(municipality=None, name__in=[c[2] for c in CRITERIA], scores__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("governance", "0003_monitoring")]

    operations = [migrations.RunPython(seed, unseed)]
