"""Load the demo region (provincie Groningen) and the demo users; refuses outside DEBUG or DEMO without --force."""

from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.history import ensure_initial_history
from demo.early_warnings import load_warnings_demo
from demo.goals import load_goals_demo
from demo.governance import load_governance_demo
from demo.interests import load_interests_demo
from demo.peers import load_peers_demo
from demo.register import DEMO_USERS, load_demo
from demo.risks import load_risk_demo


class Command(BaseCommand):
    help = (
        "Laadt demogegevens: de verbonden partijen van de Groninger gemeenten met hun cijfers, en vijf "
        "demogebruikers. Veilig om te herhalen. Weigert als DEBUG en DEMO uit staan, tenzij --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook laden als DEBUG en DEMO uit staan. Let op: maakt gebruikers met bekende wachtwoorden aan.",
        )
        parser.add_argument("--host", default="127.0.0.1", help="Adres waarop het register straks draait.")
        parser.add_argument("--port", type=int, default=8000, help="Poort waarop het register straks draait.")

    def handle(self, *args, force=False, host="127.0.0.1", port=8000, **options):
        if not (settings.DEBUG or settings.DEMO) and not force:
            raise CommandError(
                "load_demo is gestopt: DEBUG en DEMO staan uit, dus dit lijkt een productieomgeving. De "
                "demogegevens maken gebruikers aan met wachtwoorden die in de documentatie staan. Start met "
                "DEMO=true (of DEBUG=true), of geef --force als u dit echt wilt."
            )
        try:
            # One transaction over all apps: a failure leaves the database as it was.
            with transaction.atomic():
                stats = Counter(load_demo())
                stats.update(load_risk_demo())
                stats.update(load_governance_demo())
                stats.update(load_goals_demo())
                stats.update(load_interests_demo())
                stats.update(load_peers_demo())
                stats.update(load_warnings_demo())
                # The demo writes in bulk, without history: its rows count as there from the start.
                ensure_initial_history()
        except LookupError as exc:
            raise CommandError(str(exc)) from exc

        changes = ", ".join(f"{name.replace('_', ' ')}: {count}" for name, count in sorted(stats.items()) if count)
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen." if changes else "Demogegevens waren al geladen."))
        if changes:
            self.stdout.write(f"Gewijzigd: {changes}.")
        self.stdout.write(f"\nOpen het register op http://{host}:{port}/ en log in met een van deze demo-accounts:\n")
        rows = [("Gebruikersnaam", "Wachtwoord", "Rol", "Gemeente of partij", "Naam")] + [
            (
                u["username"],
                u["password"],
                u["group"],
                ", ".join(u["gemeenten"] or u.get("partijen", [])),
                f"{u['first_name']} {u['last_name']}",
            )
            for u in DEMO_USERS
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for index, row in enumerate(rows):
            self.stdout.write(
                ("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))).rstrip()
            )
            if index == 0:
                self.stdout.write("  " + "  ".join("-" * width for width in widths))
