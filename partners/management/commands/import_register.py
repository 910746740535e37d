"""Import an existing register from XLSX or CSV on the command line; --dry-run only checks."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partners.importer.service import run_file


class Command(BaseCommand):
    help = (
        "Importeert partijen, deelnames en financiële gegevens uit een Excel-werkmap (.xlsx) of CSV-bestand "
        "in het sjabloon van /import/. Alle rijen of geen: bij een fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pad naar het .xlsx- of .csv-bestand.")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren; niets opslaan.")

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        report = run_file(data=path.read_bytes(), filename=path.name, dry_run=dry_run)
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok:
            raise CommandError(f"{len(report.problems)} fout(en) gevonden; er is niets opgeslagen.")
        if not report.has_rows:
            raise CommandError("Het bestand bevat geen rijen om te importeren.")
        done = "Controle geslaagd; er is niets opgeslagen (--dry-run)." if dry_run else "Import uitgevoerd."
        self.stdout.write(self.style.SUCCESS(done))
