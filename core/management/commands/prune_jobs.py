"""Remove old jobs and their files (core/jobs.py): finished more than JOB_KEEP_DAYS days ago."""

from django.conf import settings
from django.core.management.base import BaseCommand

from core import jobs


class Command(BaseCommand):
    help = "Verwijdert taken (rapporten, importcontroles) die langer dan JOB_KEEP_DAYS dagen klaar zijn."

    def handle(self, *args, **options):
        removed = jobs.prune()
        self.stdout.write(f"{removed} taken verwijderd (ouder dan {settings.JOB_KEEP_DAYS} dagen).")
