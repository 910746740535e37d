"""Load every gemeente since 2000 (begindatum, einddatum, earlier names) from partners/data/gemeenten-sinds-2000.csv."""

from django.db import migrations


def load(apps, schema_editor):
    from partners.reference_data import load_municipalities_since_2000

    load_municipalities_since_2000(apps.get_model("partners", "Participant"))


class Migration(migrations.Migration):
    dependencies = [("partners", "0009_wgr_forms_gemeenten_through_time_and_shares")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
