"""Load or refresh the shipped reference data (gemeenten, provincies, beleidsvelden)."""

from django.core.management.base import BaseCommand

from core.history import ensure_initial_history
from partners.models import Participant, PolicyArea
from partners.reference_data import load_municipalities_since_2000, load_reference_data


class Command(BaseCommand):
    help = (
        "Laadt of ververst de gemeenten (sinds 2000, met begin- en einddatum), provincies en beleidsvelden. "
        "Veilig om te herhalen."
    )

    def handle(self, *args, **options):
        created = load_reference_data(Participant, PolicyArea)
        since_2000 = load_municipalities_since_2000(Participant)
        created["gemeenten"] += since_2000["gemeenten"]
        ensure_initial_history()
        self.stdout.write(
            "Referentiegegevens bijgewerkt: " + ", ".join(f"{count} nieuwe {name}" for name, count in created.items())
        )
