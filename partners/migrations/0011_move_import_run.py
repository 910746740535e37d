# The log of imports moves to the importer app; its table stays where it is (importer 0001).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0010_gemeenten_since_2000'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='ImportRun')],
            database_operations=[],
        ),
    ]
