# ImportRun, formerly partners.ImportRun: the state moves here, the table partners_importrun stays.

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """The admin's log of applied imports and the permissions point at the content type: it moves
    along, so they keep pointing at the same model."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="importer", model="importrun").exists():
        ContentType.objects.using(db).filter(app_label="partners", model="importrun").update(app_label="importer")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="partners", model="importrun").exists():
        ContentType.objects.using(db).filter(app_label="importer", model="importrun").update(app_label="partners")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('partners', '0011_move_import_run'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ImportRun',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False, verbose_name='kenmerk')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='gecontroleerd op')),
                        ('applied_at', models.DateTimeField(blank=True, null=True, verbose_name='uitgevoerd op')),
                        ('file_name', models.CharField(max_length=255, verbose_name='bestandsnaam')),
                        ('file_hash', models.CharField(max_length=64, verbose_name='SHA-256 van het bestand')),
                        ('content', models.BinaryField(verbose_name='bestand')),
                        ('status', models.CharField(choices=[('gecontroleerd', 'Gecontroleerd, nog niet uitgevoerd'), ('fouten', 'Niet uitgevoerd: fouten gevonden'), ('uitgevoerd', 'Uitgevoerd')], default='gecontroleerd', max_length=20, verbose_name='status')),
                        ('counts', models.JSONField(blank=True, default=dict, verbose_name='aantallen per tabblad')),
                        ('problems', models.JSONField(blank=True, default=list, verbose_name='fouten')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='gebruiker')),
                    ],
                    options={
                        'verbose_name': 'import',
                        'verbose_name_plural': 'imports',
                        'ordering': ['-created_at'],
                        'db_table': 'partners_importrun',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
