"""Import an existing register from XLSX or CSV on the command line; --dry-run only checks."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from importer.service import run_file


class Command(BaseCommand):
    help = (
        "Importeert partijen, deelnames, financiële gegevens, vertegenwoordigers en risico's uit een "
        "Excel-werkmap (.xlsx) of CSV-bestand in het sjabloon van /import/. Alle rijen of geen: bij een fout "
        "wordt niets opgeslagen. De import komt met gebruiker en bestandsnaam in de beheerhistorie."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pad naar het .xlsx- of .csv-bestand.")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")
        parser.add_argument(
            "--gebruiker",
            metavar="GEBRUIKERSNAAM",
            help="Wie importeert (verplicht zonder --dry-run): de import komt op diens naam in de beheerhistorie.",
        )

    def handle(self, *args, file, dry_run=False, gebruiker=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        user = None
        if gebruiker:
            user = get_user_model().objects.filter(username=gebruiker).first()
            if user is None:
                raise CommandError(f"Onbekende gebruiker “{gebruiker}”; er is niets opgeslagen.")
        elif not dry_run:
            raise CommandError(
                "Geef met --gebruiker GEBRUIKERSNAAM aan wie importeert: elke import staat met gebruiker en "
                "bestandsnaam in de beheerhistorie. Er is niets opgeslagen."
            )
        report = run_file(data=path.read_bytes(), filename=path.name, dry_run=dry_run, user=user)
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok:
            raise CommandError(f"{len(report.problems)} fout(en) gevonden; er is niets opgeslagen.")
        if not report.has_rows:
            raise CommandError("Het bestand bevat geen rijen om te importeren.")
        done = "Controle geslaagd; er is niets opgeslagen (--dry-run)." if dry_run else "Import uitgevoerd."
        self.stdout.write(self.style.SUCCESS(done))
