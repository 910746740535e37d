"""Load or refresh the shipped reference data (gemeenten, provincies, beleidsvelden)."""

from django.core.management.base import BaseCommand

from core.history import ensure_initial_history
from partners.models import Participant, PolicyArea
from partners.reference_data import load_reference_data


class Command(BaseCommand):
    help = "Laadt of ververst de gemeenten (CBS 2025), provincies en beleidsvelden. Veilig om te herhalen."

    def handle(self, *args, **options):
        created = load_reference_data(Participant, PolicyArea)
        ensure_initial_history()
        self.stdout.write(
            "Referentiegegevens bijgewerkt: " + ", ".join(f"{count} nieuwe {name}" for name, count in created.items())
        )
