"""The audit trail: every change to a register record is kept with who, when and what, and the
factsheet tells it in plain Dutch."""

import datetime
from decimal import Decimal
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.history import REGISTER_APPS, WITHOUT_HISTORY, historied_models
from governance.models import Seat
from importer.models import ImportRun
from partners.choices import FigureKind, LegalForm, PartyStatus
from partners.models import Participation, Party, PartyFinancials
from partners.roles import BEHEERDER
from risks.models import Risk
from tests.conftest import pass_two_factor
from tests.importer.importing import row, xlsx
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
)
from tests.partners.pages import text
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def beheerder(django_user_model):
    user = django_user_model.objects.create_user(username="beheer", password="x", first_name="Bea", last_name="Heer")
    user.groups.add(Group.objects.get(name=BEHEERDER))
    return user


class _Page:
    def __init__(self, content):
        self.content = content


def screen_text(response) -> str:
    """A page as a screen reader reads it: the arrow is hidden, "wordt" is read."""
    body = response.content.decode().replace('<span aria-hidden="true">→</span>', "")
    return text(_Page(body.encode()))


def history_section(response) -> str:
    page = screen_text(response)
    return page[page.rindex("Wijzigingshistorie") :]


def test_every_model_of_the_register_keeps_history_unless_listed_with_a_reason():
    historied = set(historied_models())
    for label in REGISTER_APPS:
        for model in apps.get_app_config(label).get_models():
            if hasattr(model, "instance_type"):  # a historical model
                continue
            assert model in historied or model._meta.label in WITHOUT_HISTORY, (
                f"{model._meta.label} heeft geen wijzigingshistorie: voeg history = Historical() toe."
            )


def test_every_record_a_user_edits_keeps_history_and_the_import_log_does_not():
    names = {model.__name__ for model in historied_models()}
    assert {"Party", "Participation", "PartyFinancials", "ParticipationFinancials", "Participant"} <= names
    assert {"Person", "Seat", "ParticipationGovernance", "CycleDocument", "Opinion", "Assessment", "Score"} <= names
    assert {"Risk", "Measure", "ResistanceCapacity", "RiskLevel"} <= names
    assert "ImportRun" not in names


def test_a_change_in_the_admin_records_the_user_and_shows_on_the_factsheet(superuser_client, superuser):
    client = superuser_client
    party = PartyFactory(name="GGD Testland", seat="Zwolle")
    figures = PartyFinancialsFactory(party=party, year=2025, result=Decimal("1234567"))
    response = client.post(
        reverse("admin:partners_partyfinancials_change", args=[figures.pk]),
        {
            "party": party.pk,
            "year": "2025",
            "kind": FigureKind.REALISATIE,
            "equity_start": "1000000",
            "equity_end": "1100000",
            "liabilities_start": "2000000",
            "liabilities_end": "1900000",
            "result": "-250000.50",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    record = PartyFinancials.history.filter(id=figures.pk).first()
    assert record.history_type == "~" and record.history_user == superuser

    section = history_section(client.get(party.get_tab_url("historie")))
    assert "beheerder · Cijfers van de partij 2025, realisatie (jaarrekening), gewijzigd" in section
    assert "Soort: Begroting wordt Realisatie (jaarrekening)" in section
    assert "Financieel resultaat (€): € 1.234.567 wordt € -250.001" in section


def test_the_factsheet_tells_each_change_in_dutch_newest_first(logged_in_client, user):
    with at(datetime.datetime(2025, 3, 1, 9, 15, tzinfo=AMSTERDAM)):
        party = PartyFactory(name="Omgevingsdienst Test", seat="Zwolle", legal_form=LegalForm.OPENBAAR_LICHAAM)
        participation = ParticipationFactory(party=party, participant=MunicipalityFactory(name="Teststad"))
        figures = ParticipationFinancialsFactory(participation=participation, contribution=Decimal("1234567"))
    with at(datetime.datetime(2025, 6, 2, 14, 5, tzinfo=AMSTERDAM)):
        party.seat, party.status, party.ended_on = "Deventer", PartyStatus.BEEINDIGD, datetime.date(2025, 5, 31)
        party.save()
    with at(datetime.datetime(2025, 7, 3, 10, 0, tzinfo=AMSTERDAM)):
        figures.contribution = Decimal("2000000")
        figures.save()
        participation.left_on, participation.share_percentage = datetime.date(2025, 6, 30), Decimal("12.5")
        participation.save()

    section = history_section(logged_in_client.get(party.get_tab_url("historie")))

    assert "03-07-2025 10:00 · onbekend (systeem) · Deelname van Teststad gewijzigd" in section
    assert "Datum uittreding: leeg wordt 30-06-2025" in section
    assert "Aandeel (%): leeg wordt 12,5%" in section
    assert "Cijfers 2025, begroting, van Teststad gewijzigd" in section
    assert "Bijdrage (€): € 1.234.567 wordt € 2.000.000" in section
    assert "02-06-2025 14:05 · onbekend (systeem) · Partij gewijzigd" in section
    assert "Vestigingsplaats: Zwolle wordt Deventer" in section
    assert "Status: Actief wordt Beëindigd" in section
    assert "Einddatum: leeg wordt 31-05-2025" in section
    assert "01-03-2025 09:15 · onbekend (systeem) · Partij aangemaakt" in section
    assert section.index("03-07-2025") < section.index("02-06-2025") < section.index("01-03-2025")


def test_the_factsheet_links_to_its_historie_tab_which_lists_the_newest_changes_first(logged_in_client):
    party = PartyFactory(name="Vaak gewijzigd")
    for n in range(12):
        party.seat = f"Plaats {n}"
        party.save()
    response = logged_in_client.get(party.get_absolute_url())
    # The overview links to the Historie tab and leaves the changes to it.
    assert f'href="{party.get_tab_url("historie")}"' in response.content.decode()
    assert "Plaats 10 wordt Plaats 11" not in screen_text(response)
    section = history_section(logged_in_client.get(party.get_tab_url("historie")))
    assert "Vestigingsplaats: Plaats 10 wordt Plaats 11" in section
    assert section.index("Plaats 10 wordt Plaats 11") < section.index("Plaats 0 wordt Plaats 1")

    everything = screen_text(logged_in_client.get(reverse("reports:party_history", args=[party.slug])))
    assert "Plaats 0 wordt Plaats 1" in everything and "Partij aangemaakt" in everything


def test_seats_and_risks_of_the_party_are_in_its_history_and_a_save_without_change_is_not(logged_in_client):
    party = PartyFactory(name="Met zetels")
    risk = RiskFactory(party=party, title="Tekort", likelihood=2)
    risk.likelihood = 4
    risk.save()
    party.save()  # nothing changed
    section = history_section(logged_in_client.get(party.get_tab_url("historie")))
    assert "Risico “Tekort” gewijzigd" in section and "Risico “Tekort” aangemaakt" in section
    assert section.count("Partij gewijzigd") == 0
    assert Risk.history.count() == 2 and Seat.history.count() == 0


def test_the_import_writes_history_naming_the_user_who_confirmed(client, beheerder):
    pass_two_factor(client, beheerder)  # the import asks the second factor
    data = xlsx(
        {"Partijen": [row("Partijen", naam="GGD Import", rechtsvorm="Openbaar lichaam", vestigingsplaats="Assen")]}
    )
    client.post("/import/", {"file": SimpleUploadedFile("partijen.xlsx", data)})
    client.post(f"/import/{ImportRun.objects.get().pk}/bevestigen/")

    party = Party.objects.get(name="GGD Import")
    record = party.history.get()
    assert record.history_type == "+" and record.history_user == beheerder
    assert record.history_change_reason == "import"
    section = history_section(client.get(party.get_tab_url("historie")))
    assert "Bea Heer · Partij aangemaakt (import)" in section


def test_an_import_that_changes_rows_records_old_and_new(client, beheerder):
    party = PartyFactory(name="GGD Import", seat="Assen", legal_form=LegalForm.OPENBAAR_LICHAAM)
    pass_two_factor(client, beheerder)  # the import asks the second factor
    data = xlsx(
        {"Partijen": [row("Partijen", naam="GGD Import", rechtsvorm="Openbaar lichaam", vestigingsplaats="Emmen")]}
    )
    client.post("/import/", {"file": SimpleUploadedFile("partijen.xlsx", data)})
    client.post(f"/import/{ImportRun.objects.get().pk}/bevestigen/")
    assert party.history.count() == 2
    assert "Vestigingsplaats: Assen wordt Emmen" in history_section(client.get(party.get_tab_url("historie")))


def test_rows_loaded_before_the_history_have_a_beginstand_that_is_not_listed_as_a_change(logged_in_client):
    participant = MunicipalityFactory(name="Oudstad")
    participant.history.all().delete()
    from core.history import ensure_initial_history

    assert ensure_initial_history() == 1
    assert participant.history.get().history_change_reason == "beginstand"
    assert ensure_initial_history() == 0


def test_the_history_takes_the_same_number_of_queries_for_more_changes(logged_in_client):
    party = PartyFactory(name="Groeiend")

    def count(changes):
        for n in range(changes):
            participation = ParticipationFactory(party=party)
            ParticipationFinancialsFactory(participation=participation, contribution=Decimal(n))
            party.seat = f"Plaats {changes}-{n}"
            party.save()
            PartyFinancialsFactory(party=party, year=2000 + changes * 10 + n)
            RiskFactory(party=party)
        with CaptureQueriesContext(connection) as factsheet:
            logged_in_client.get(party.get_absolute_url())
        with CaptureQueriesContext(connection) as page:
            logged_in_client.get(reverse("reports:party_history", args=[party.slug]))
        return len(factsheet), len(page)

    assert count(1) == count(6)


def test_at_a_peildatum_the_history_ends_with_that_day(logged_in_client):
    with at(datetime.datetime(2025, 12, 31, 12, 0, tzinfo=AMSTERDAM)):
        party = PartyFactory(name="Peilpartij", seat="Zwolle")
    party.seat = "Deventer"
    party.save()
    now = history_section(logged_in_client.get(party.get_tab_url("historie")))
    then = history_section(logged_in_client.get(party.get_tab_url("historie") + "?peildatum=2025-12-31"))
    assert "Zwolle wordt Deventer" in now
    assert "Zwolle wordt Deventer" not in then and "Partij aangemaakt" in then


def test_deleting_a_record_is_kept_in_the_history(logged_in_client):
    party = PartyFactory(name="Met verwijderde deelname")
    participation = ParticipationFactory(party=party, participant=MunicipalityFactory(name="Weg-stad"))
    participation.delete()
    assert Participation.history.filter(history_type="-").count() == 1
    assert "Deelname van Weg-stad verwijderd" in history_section(logged_in_client.get(party.get_tab_url("historie")))


def test_the_admin_has_a_history_view_per_record(superuser_client):
    party = PartyFactory(name="Admin-partij")
    response = superuser_client.get(reverse("admin:partners_party_history", args=[party.pk]))
    page = text(response)
    assert response.status_code == 200 and "Admin-partij" in page
    assert "Gewijzigd door" in page and "Soort wijziging" in page and "aangemaakt" in page
    assert "Terugzetten" not in page  # versions are shown, not restored over the register's checks
