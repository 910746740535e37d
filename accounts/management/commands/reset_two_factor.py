"""Remove a user's TOTP devices, for a beheerder who lost the authenticator app: at the next visit
to /admin/ the user sets up a new one (/tweestaps/instellen/)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Verwijdert de TOTP-apparaten van een gebruiker; die stelt bij het volgende bezoek aan /admin/ een nieuw in."

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Er is geen gebruiker ‘{username}’.")
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(
            f"{removed} apparaat/apparaten van {username} verwijderd; "
            f"bij het volgende bezoek aan /admin/ stelt {username} de authenticator-app opnieuw in."
        )
