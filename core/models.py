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
