"""Load inwonertallen per gemeente per year from a CSV file (partners/population_import.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partners import population_import


class Command(BaseCommand):
    help = (
        "Leest inwonertallen in uit een CSV-bestand met de kolommen gemeente (CBS-code of naam), jaar, inwoners "
        "en eventueel bron. Alle rijen of geen: een bestand met fouten verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Het CSV-bestand (UTF-8, ; of , als scheidingsteken).")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren, niets opslaan.")

    def handle(self, *args, bestand, dry_run=False, **options):
        path = Path(bestand)
        try:
            population_import.check_size(path.stat().st_size)
            content = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"Bestand {bestand} bestaat niet.") from None
        except population_import.FileRefused as refused:
            raise CommandError(f"Niets ingelezen: {refused}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{bestand} is geen tekstbestand in UTF-8; sla het op als CSV (UTF-8).") from None
        result = population_import.check(content)
        if result.problems:
            raise CommandError(
                "Niets ingelezen; los eerst deze fouten op:\n" + "\n".join(f"- {p}" for p in result.problems)
            )
        if dry_run:
            self.stdout.write(f"Controle zonder fouten: {len(result.rows)} rijen. Niets opgeslagen (--dry-run).")
            return
        population_import.apply(result)
        self.stdout.write(
            self.style.SUCCESS(
                f"Inwonertallen ingelezen: {result.created} nieuw, {result.updated} gewijzigd, "
                f"{result.unchanged} ongewijzigd."
            )
        )
