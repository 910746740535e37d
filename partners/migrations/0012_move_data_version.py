# The cache counter moves to the platform app (core 0001); its table stays where it is.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0011_move_import_run'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='DataVersion')],
            database_operations=[],
        ),
    ]
