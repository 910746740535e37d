"""The register at a past date (?peildatum=): a report, factsheet or list made on a day can be made
again later, exactly, whatever changed in the register since."""

import contextlib
import datetime
import re
from decimal import Decimal
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import peildatum
from partners.choices import LegalForm
from partners.models import Participant, Participation, Party
from partners.roles import BELEIDSMEDEWERKER
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory, PartyFinancialsFactory
from tests.partners.pages import text
from tests.reports.test_reports import YEAR, pdf_text, verbonden
from tests.risks.factories import MeasureFactory, RiskFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The day the report went to the raad, and a moment on it.
DAY = datetime.date(2025, 12, 31)
MOMENT = datetime.datetime(2025, 12, 31, 15, 30, tzinfo=AMSTERDAM)


@contextlib.contextmanager
def at(moment):
    """Run as if the clock showed `moment`: history records, today's date and the report's time."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def register_of_teststad():
    municipality = MunicipalityFactory(code="GM9101", name="Teststad")
    gr = verbonden(
        municipality,
        "Regionale Uitvoeringsdienst Test",
        LegalForm.OPENBAAR_LICHAAM,
        share="25",
        contribution="1234567",
        interest_start=Decimal("50000"),
        interest_end=Decimal("60000"),
    )
    PartyFinancialsFactory(party=gr.party, year=YEAR, equity_start=Decimal("4800000"), result=Decimal("154000"))
    verbonden(municipality, "Stichting Testarchief", LegalForm.STICHTING, share="10", contribution="45000")
    risk = RiskFactory(party=gr.party, title="Tekort op de uitvoering", likelihood=4, impact=4)
    MeasureFactory(risk=risk, description="Kwartaalmonitor van de uitgaven")
    return municipality, gr


def change_everything(gr):
    """A party field, a financial figure, an ended participation and a new risk."""
    party = gr.party
    party.seat = "Deventer"
    party.save()
    figures = gr.financials.get()
    figures.contribution = Decimal("2000000")
    figures.save()
    archive = Participation.objects.get(party__name="Stichting Testarchief")
    archive.left_on = datetime.date(2025, 6, 30)
    archive.save()
    RiskFactory(party=party, title="Nieuw risico na de peildatum", likelihood=5, impact=5)


def report_url(municipality, fmt="pdf", **query):
    kwargs = {"code": municipality.code, "year": str(YEAR), "variant": "jaarstukken"}
    path = reverse("reports:paragraph_report", kwargs=kwargs) + (f".{fmt}" if fmt else "")
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def without_stand(pages):
    """The report's text without the line that says when it was made (a time, or the peildatum)."""
    stand = re.compile(r"^(Stand van het register op \d\d-\d\d-\d{4}|\d{1,2} \w+ \d{4}, \d\d:\d\d uur)\n", re.M)
    return [stand.sub("", page) for page in pages]


@pytest.mark.pdf
def test_the_report_at_a_peildatum_equals_the_report_made_on_that_day(logged_in_client):
    with at(MOMENT):
        municipality, gr = register_of_teststad()
        _, sent_to_raad = pdf_text(logged_in_client.get(report_url(municipality)))
        _, same_day_with_date = pdf_text(logged_in_client.get(report_url(municipality, peildatum="2025-12-31")))

    change_everything(gr)

    _, now = pdf_text(logged_in_client.get(report_url(municipality)))
    assert "Deventer" in "".join(now) and "Nieuw risico na de peildatum" in "".join(now)
    _, later = pdf_text(logged_in_client.get(report_url(municipality, peildatum="2025-12-31")))
    assert later == same_day_with_date
    assert without_stand(later) == without_stand(sent_to_raad)
    assert later[1:] == sent_to_raad[1:]  # only the cover says when the report was made
    text = "".join(later)
    assert "Stand van het register op 31-12-2025" in text
    assert "Deventer" not in text and "Nieuw risico na de peildatum" not in text
    assert "€ 1.234.567" in text and "Stichting Testarchief" in text


@pytest.mark.pdf
def test_the_report_preview_and_its_table_follow_the_peildatum_too(logged_in_client):
    with at(MOMENT):
        municipality, gr = register_of_teststad()
        csv_then = logged_in_client.get(report_url(municipality, fmt="csv")).getvalue()
    change_everything(gr)
    assert logged_in_client.get(report_url(municipality, fmt="csv", peildatum="31-12-2025")).getvalue() == csv_then
    response = logged_in_client.get(report_url(municipality, fmt=None, peildatum="31-12-2025"))
    preview = response.content.decode()
    assert "Stand van het register op 31-12-2025" in text(response)
    assert "Zwolle" in preview and "Deventer" not in preview
    assert "rapportage/2025/jaarstukken.pdf?peildatum=2025-12-31" in preview


def normalised(html: str) -> str:
    """A page without what differs per request or per day: the CSRF token and today's date limit."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r' max="\d{4}-\d\d-\d\d"', "", html)


def test_the_factsheet_and_the_list_at_a_peildatum_are_the_pages_of_that_day(logged_in_client):
    with at(MOMENT):
        _, gr = register_of_teststad()
        factsheet_url = gr.party.get_absolute_url() + "?peildatum=2025-12-31"
        list_url = reverse("partners:party_list") + "?peildatum=2025-12-31"
        factsheet_response = logged_in_client.get(factsheet_url)
        factsheet_then = normalised(factsheet_response.content.decode())
        list_then = normalised(logged_in_client.get(list_url).content.decode())
        csv_then = logged_in_client.get(reverse("partners:party_list") + "?format=csv").getvalue()
    change_everything(gr)
    PartyFactory(name="Partij van na de peildatum")

    assert normalised(logged_in_client.get(factsheet_url).content.decode()) == factsheet_then
    assert normalised(logged_in_client.get(list_url).content.decode()) == list_then
    assert logged_in_client.get(list_url + "&format=csv").getvalue() == csv_then
    assert "Stand van het register op 31-12-2025" in text(factsheet_response)
    assert "Zwolle" in factsheet_then and "Deventer" not in factsheet_then
    assert "Partij van na de peildatum" not in logged_in_client.get(list_url).content.decode()


def test_a_party_made_after_the_peildatum_has_no_factsheet_on_that_date(logged_in_client):
    party = PartyFactory(name="Nieuwe partij")
    assert logged_in_client.get(party.get_absolute_url()).status_code == 200
    assert logged_in_client.get(party.get_absolute_url() + "?peildatum=2025-12-31").status_code == 404


def test_a_deleted_record_is_back_at_a_date_before_its_deletion(logged_in_client):
    with at(MOMENT):
        _, gr = register_of_teststad()
        figures = PartyFinancialsFactory(party=gr.party, year=2019, result=Decimal("777777"))
    figures.delete()
    page = logged_in_client.get(gr.party.get_tab_url("financien") + "?peildatum=31-12-2025").content.decode()
    assert "€ 777.777" in page
    assert "€ 777.777" not in logged_in_client.get(gr.party.get_tab_url("financien")).content.decode()


def test_rows_from_before_the_history_count_as_existing_since_ever():
    # The 342 gemeenten come from a migration, before any history: they get a beginstand record.
    groningen = Participant.objects.get(code="GM0014")
    assert groningen.history.get().history_change_reason == "beginstand"
    with peildatum.state_on(datetime.date(1990, 1, 1)):
        assert Participant.objects.filter(code="GM0014").exists()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("32-13-2025", "“32-13-2025” is geen geldige peildatum. Gebruik dd-mm-jjjj"),
        ("gisteren", "“gisteren” is geen geldige peildatum"),
        ("2999-01-01", "De peildatum 01-01-2999 ligt in de toekomst"),
    ],
)
def test_an_invalid_or_future_peildatum_shows_a_dutch_message_and_the_current_state(logged_in_client, raw, message):
    party = PartyFactory(name="Huidige partij", seat="Assen")
    response = logged_in_client.get(party.get_absolute_url(), {"peildatum": raw})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "U ziet de huidige stand." in page and "Assen" in page
    listing = logged_in_client.get(reverse("partners:party_list"), {"peildatum": raw})
    assert listing.status_code == 200 and message in listing.content.decode()


def test_a_download_with_an_invalid_peildatum_is_refused_not_made_of_todays_data(logged_in_client):
    municipality = MunicipalityFactory(code="GM9101")
    for url in (
        report_url(municipality, peildatum="31-02-2025"),
        reverse("partners:party_list") + "?format=csv&peildatum=31-02-2025",
    ):
        response = logged_in_client.get(url)
        assert response.status_code == 400
        assert "“31-02-2025” is geen geldige peildatum" in response.content.decode()


def test_the_peildatum_accepts_both_iso_and_dutch_dates():
    today = datetime.date(2026, 1, 10)
    assert peildatum.parse("2025-12-31", today=today) == DAY
    assert peildatum.parse("31-12-2025", today=today) == DAY
    assert peildatum.parse(" 1-2-2025 ", today=today) == datetime.date(2025, 2, 1)
    with pytest.raises(peildatum.InvalidPeildatum):
        peildatum.parse("2026-01-11", today=today)


def test_the_list_filters_sorting_and_links_keep_the_peildatum(logged_in_client):
    with at(MOMENT):
        PartyFactory(name="Partij met link")
    page = logged_in_client.get(reverse("partners:party_list"), {"peildatum": "2025-12-31", "o": "naam"})
    html = page.content.decode()
    assert 'href="/partijen/partij-met-link/?peildatum=2025-12-31"' in html
    assert '<input type="hidden" name="peildatum" value="2025-12-31">' in html
    assert "format=csv" in html and "peildatum=2025-12-31" in html


def test_a_snapshot_is_built_in_a_constant_number_of_queries_and_reused(settings):
    def build(parties):
        with at(MOMENT):
            for n in range(parties):
                verbonden(
                    MunicipalityFactory(), f"Partij {parties}-{n}", LegalForm.STICHTING, share="1", contribution="5"
                )
        with CaptureQueriesContext(connection) as queries:
            alias = peildatum.snapshot_alias(DAY)
        connections[alias].close()
        return len(queries), alias

    few, _ = build(2)
    many, alias = build(12)
    assert few == many
    with CaptureQueriesContext(connection) as again:
        assert peildatum.snapshot_alias(DAY) == alias
    assert len(again) == 1  # only the check of the history's high-water marks


def test_the_factsheet_at_a_peildatum_takes_the_same_number_of_queries_for_more_participants(logged_in_client):
    with at(MOMENT):
        party = PartyFactory(name="Groeiende partij")

    def count(extra):
        with at(MOMENT):
            for _ in range(extra):
                Participation.objects.create(party=party, participant=MunicipalityFactory())
        alias = peildatum.snapshot_alias(DAY)
        with CaptureQueriesContext(connections[alias]) as queries:
            response = logged_in_client.get(party.get_absolute_url() + "?peildatum=2025-12-31")
        assert response.status_code == 200
        return len(queries)

    assert count(2) == count(8)


def test_reads_outside_a_peildatum_request_go_to_the_current_register(logged_in_client):
    with at(MOMENT):
        party = PartyFactory(name="Oude naam")
    party.name = "Nieuwe naam"
    party.save()
    with peildatum.state_on(DAY):
        assert Party.objects.get(pk=party.pk).name == "Oude naam"
    assert Party.objects.get(pk=party.pk).name == "Nieuwe naam"
    assert peildatum.active_alias() is None


def test_at_a_peildatum_a_user_still_sees_only_the_parties_of_their_own_gemeente(client, make_user):
    with at(MOMENT):
        own, other = MunicipalityFactory(name="Eigenstad"), MunicipalityFactory(name="Anderstad")
        mine = ParticipationFactory(party=PartyFactory(name="Partij van Eigenstad"), participant=own).party
        theirs = ParticipationFactory(party=PartyFactory(name="Partij van Anderstad"), participant=other).party
    # Rights of today apply to the register of any date: this user was linked after the peildatum.
    client.force_login(make_user("anna", role=BELEIDSMEDEWERKER, municipalities=[own]))

    listing = text(client.get(reverse("partners:party_list") + "?peildatum=2025-12-31"))
    assert "Partij van Eigenstad" in listing and "Partij van Anderstad" not in listing
    header = listing[listing.index("Ingelogd als") : listing.index("Uitloggen")]
    assert "Eigenstad" in header  # the header names the user's gemeente, read from today's rights
    assert client.get(mine.get_absolute_url() + "?peildatum=2025-12-31").status_code == 200
    assert client.get(theirs.get_absolute_url() + "?peildatum=2025-12-31").status_code == 404


def test_the_history_hides_risks_the_user_may_not_see(client, make_user):
    own = MunicipalityFactory(name="Eigenstad")
    party = ParticipationFactory(party=PartyFactory(name="Gedeelde partij"), participant=own).party
    RiskFactory(party=party, title="Openbaar risico")
    RiskFactory(party=party, title="Geheim risico", confidential=True)
    client.force_login(make_user("anna", role=BELEIDSMEDEWERKER, municipalities=[own]))
    page = text(client.get(party.get_tab_url("historie")))
    assert "Risico “Openbaar risico” aangemaakt" in page
    assert "Geheim risico" not in page
