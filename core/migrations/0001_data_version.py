# DataVersion, formerly partners.DataVersion: the state moves here, the table partners_dataversion stays
# (created by partners 0007, which every database of this project has run).

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="core", model="dataversion").exists():
        ContentType.objects.using(db).filter(app_label="partners", model="dataversion").update(app_label="core")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="partners", model="dataversion").exists():
        ContentType.objects.using(db).filter(app_label="core", model="dataversion").update(app_label="partners")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DataVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('counter', models.PositiveBigIntegerField(default=0, verbose_name='teller')),
                    ],
                    options={
                        'verbose_name': 'dataversie',
                        'verbose_name_plural': 'dataversies',
                        'db_table': 'partners_dataversion',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
