"""The platform's one model: the counter that tells every process the register changed."""

from django.db import models


class DataVersion(models.Model):
    """One row: a counter that every committed change to the register raises, so that each process
    knows when its cached pages and reports are stale, also after a change made by another process
    (a second gunicorn worker, `import_register` on the command line): core/register_cache.py."""

    counter = models.PositiveBigIntegerField("teller", default=0)

    class Meta:
        # The table keeps the name it had when the counter was part of the register app.
        db_table = "partners_dataversion"
        verbose_name = "dataversie"
        verbose_name_plural = "dataversies"

    def __str__(self):
        return f"dataversie {self.counter}"


class PeildatumSnapshot(models.Model):
    """A snapshot of the register at a past date (core/peildatum.py), kept in the database so that one
    built by any app server is used by all (core/peildatum_store.py, SnapshotTable)."""

    name = models.CharField("naam", max_length=100, unique=True, help_text="peildatum en vingerafdruk van de historie")
    data = models.BinaryField("inhoud", help_text="het SQLite-bestand met de stand van het register op de peildatum")
    size = models.PositiveBigIntegerField("grootte in bytes")
    last_used = models.DateTimeField("laatst gebruikt", db_index=True)

    class Meta:
        ordering = ["-last_used"]
        verbose_name = "reconstructie per peildatum"
        verbose_name_plural = "reconstructies per peildatum"

    def __str__(self):
        return self.name
