"""The gemeente dashboard, its .ics feed (parsed back with icalendar) and the cycle on the factsheet."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from governance.calendar import feed_token
from governance.choices import EventKind
from governance.deadlines import DocumentKind
from governance.models import CycleRules, PartyEvent
from governance.selectors import party_cycle
from governance.termijnenwet import extend
from partners.choices import LegalForm
from tests.partners.factories import MunicipalityFactory, ParticipationFactory
from tests.partners.pages import text

from .factories import CycleDocumentFactory, OpinionFactory
from .pages import query_count

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def participation():
    """A Wgr party whose ontwerpbegroting went to the raden two weeks ago, and an NV with an AvA."""
    participation = ParticipationFactory(participant__name="Groningen", party__name="Omgevingsdienst Groningen")
    CycleDocumentFactory(
        party=participation.party,
        year=TODAY.year + 1,
        sent_on=TODAY - datetime.timedelta(weeks=2),
        url="https://example.org/ontwerpbegroting.pdf",
    )
    nv = ParticipationFactory(participant=participation.participant, party__name="Groninger Bedrijf NV")
    nv.party.legal_form = LegalForm.NV
    nv.party.save()
    PartyEvent.objects.create(
        party=nv.party, kind=EventKind.AVA, date=TODAY + datetime.timedelta(days=30), title="AvA voorjaar"
    )
    return participation


def dashboard_url(municipality):
    return reverse("governance:dashboard", kwargs={"code": municipality.code})


def feed_url(municipality):
    return reverse("governance:deadlines_ics", kwargs={"code": municipality.code})


def test_the_dashboard_lists_the_zienswijze_deadline_and_the_ava(logged_in_client, participation):
    page = text(logged_in_client.get(dashboard_url(participation.participant)))
    due = extend(TODAY + datetime.timedelta(weeks=10)).last_day.strftime("%-d")
    assert "Komende 16 weken" in page
    assert f"Zienswijze van de raad van Groningen op Ontwerpbegroting {TODAY.year + 1}" in page
    assert "AvA voorjaar (Groninger Bedrijf NV)" in page
    assert due in page
    assert "Aandachtspunten" in page and "geen huidige vertegenwoordiger" in page


def test_the_dashboard_of_an_unknown_gemeente_is_a_404(logged_in_client):
    assert logged_in_client.get("/gemeenten/GM9999/dashboard/").status_code == 404


def test_the_dashboard_queries_stay_constant(logged_in_client, participation):
    url = dashboard_url(participation.participant)
    before = query_count(logged_in_client, url)
    for _ in range(4):
        other = ParticipationFactory(participant=participation.participant)
        CycleRules.objects.create(party=other.party, opinion_weeks=16)
        document = CycleDocumentFactory(party=other.party, year=TODAY.year + 1, sent_on=TODAY)
        OpinionFactory(document=document, municipality=participation.participant)
        PartyEvent.objects.create(party=other.party, kind=EventKind.OVERIG, date=TODAY)
    assert query_count(logged_in_client, url) == before


def parse(response) -> Calendar:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_ics_feed_parses_back_with_one_all_day_event_per_deadline(logged_in_client, participation):
    calendar = parse(logged_in_client.get(feed_url(participation.participant)))
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    events = calendar.walk("VEVENT")
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)) > 0
    summaries = {str(event["SUMMARY"]): event for event in events}
    ava = summaries["Groninger Bedrijf NV: AvA voorjaar (Groninger Bedrijf NV)"]
    assert ava.decoded("DTSTART") == TODAY + datetime.timedelta(days=30)
    assert ava.decoded("DTEND") == TODAY + datetime.timedelta(days=31)
    zienswijze = [e for s, e in summaries.items() if s.startswith("Omgevingsdienst Groningen: Zienswijze")]
    assert [e.decoded("DTSTART") for e in zienswijze] == [extend(TODAY + datetime.timedelta(weeks=10)).last_day]
    assert str(zienswijze[0]["URL"]).startswith("http://testserver/partijen/")
    assert all("DTSTAMP" in event for event in events)


def test_the_ics_feed_uses_crlf_lines_of_at_most_75_octets(logged_in_client, participation):
    raw = logged_in_client.get(feed_url(participation.participant)).content
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and len(line) <= 75 for line in lines)


def test_a_calendar_program_reads_the_feed_with_its_token(client, user, participation):
    municipality = participation.participant
    response = client.get(feed_url(municipality) + f"?token={feed_token(municipality, user=user)}")
    assert response.status_code == 200 and parse(response).walk("VEVENT")


def test_without_a_valid_token_the_feed_asks_to_log_in(client, user, participation):
    municipality = participation.participant
    other = MunicipalityFactory()
    forged = feed_token(municipality, user=user).replace(f"{user.pk}-", f"{user.pk + 1}-", 1)
    for query in ["", "?token=onzin", f"?token={feed_token(other, user=user)}", f"?token={forged}"]:
        response = client.get(feed_url(municipality) + query)
        assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_the_token_of_a_deactivated_user_no_longer_opens_the_feed(client, user, participation):
    municipality = participation.participant
    token = feed_token(municipality, user=user)
    user.is_active = False
    user.save()
    response = client.get(feed_url(municipality) + f"?token={token}")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_the_feed_of_an_unknown_gemeente_is_a_404(client, logged_in_client):
    assert logged_in_client.get("/gemeenten/GM9999/deadlines.ics").status_code == 404
    assert client.get("/gemeenten/GM9999/deadlines.ics?token=x").status_code == 404


@pytest.mark.pdf
def test_the_factsheet_shows_the_cycle_deadlines_and_documents(logged_in_client, participation):
    OpinionFactory(
        document=participation.party.cycle_documents.get(),
        municipality=participation.participant,
        status="in_voorbereiding",
        text="De raad vraagt de bijdrage te beperken.",
        board_answer="Het bestuur neemt dit mee in de begroting.",
        url="https://example.org/raadsbesluit.pdf",
    )
    page = text(logged_in_client.get(participation.party.get_tab_url("sturing")))
    year = TODAY.year + 1 if TODAY < datetime.date(TODAY.year, 9, 15) else TODAY.year + 2
    assert f"Termijnen voor de begroting {year}" in page
    assert f"14 september {year - 1} Begroting {year} naar Gedeputeerde Staten" in page
    assert f"Ontwerpbegroting {TODAY.year + 1}" in page and "Groningen: in voorbereiding" in page
    assert "Zienswijze: De raad vraagt de bijdrage te beperken." in page
    assert "Reactie van het bestuur: Het bestuur neemt dit mee in de begroting." in page


@pytest.mark.parametrize(
    ("today", "budget_year"),
    [(datetime.date(2026, 1, 1), 2027), (datetime.date(2026, 9, 14), 2027), (datetime.date(2026, 9, 15), 2028)],
)
def test_the_factsheet_shows_the_cycle_that_is_under_way(today, budget_year):
    cycle = party_cycle(party=ParticipationFactory().party, today=today)
    assert cycle.budget_year == budget_year
    assert [d.date.year for d in cycle.deadlines][0] == budget_year - 1


def test_the_factsheet_of_a_private_law_party_has_no_wgr_deadlines(logged_in_client, participation):
    nv = participation.participant.participations.get(party__name="Groninger Bedrijf NV").party
    page = text(logged_in_client.get(nv.get_tab_url("sturing")))
    assert "de termijnen van de Wgr gelden niet" in page
    assert "AvA voorjaar" in page


def test_the_factsheet_queries_stay_constant_as_documents_grow(logged_in_client, participation):
    url = participation.party.get_tab_url("sturing")
    before = query_count(logged_in_client, url)
    for i in range(4):
        document = CycleDocumentFactory(
            party=participation.party, kind=DocumentKind.BEGROTINGSWIJZIGING, title=f"{i + 1}e wijziging"
        )
        OpinionFactory(document=document, municipality=participation.participant)
        PartyEvent.objects.create(
            party=participation.party,
            kind=EventKind.OVERIG,
            date=TODAY + datetime.timedelta(days=i),
            title=f"Overleg {i}",
        )
    assert query_count(logged_in_client, url) == before


def test_a_zienswijze_ending_on_eerste_kerstdag_shows_both_days_on_dashboard_and_in_the_feed(
    logged_in_client, settings
):
    """Sent 2 October 2025: 12 weeks end on Thursday 25 December; Atw art. 1 extends to Monday 29 December."""
    participation = ParticipationFactory(participant__name="Kerstdorp", party__name="Regio Kerst")
    CycleDocumentFactory(party=participation.party, year=2026, sent_on=datetime.date(2025, 10, 2))
    from governance import agenda

    board = agenda.municipality_dashboard(municipality=participation.participant, today=datetime.date(2025, 12, 1))
    [item] = [i for i in board.upcoming if i.source == agenda.Source.ZIENSWIJZE]
    assert (item.nominal, item.date) == (datetime.date(2025, 12, 25), datetime.date(2025, 12, 29))
    assert item.legal_source == "Wgr art. 35 lid 3; Algemene termijnenwet art. 1 lid 1"
    html = render_agenda([item])
    assert "ma 29 december 2025" in html and "berekend do 25 december 2025" in html
    from governance.calendar import deadlines_calendar

    feed = deadlines_calendar(
        municipality=participation.participant, items=[item], base_url="http://testserver", now=timezone.now()
    )
    [event] = Calendar.from_ical(feed).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.date(2025, 12, 29)
    assert "Berekend op 25-12-2025; verlengd tot en met 29-12-2025 (Algemene termijnenwet art. 1 lid 1)" in str(
        event["DESCRIPTION"]
    )


def render_agenda(items) -> str:
    from django.template.loader import render_to_string

    return render_to_string(
        "governance/includes/agenda_table.html",
        {"items": items, "id": "x", "caption": "x", "today": datetime.date(2025, 12, 1)},
    )


def test_the_factsheet_shows_the_counted_and_the_extended_zienswijze_day(logged_in_client):
    participation = ParticipationFactory(party__name="Regio Kerst")
    CycleDocumentFactory(party=participation.party, year=2026, sent_on=datetime.date(2025, 10, 2))
    page = text(logged_in_client.get(participation.party.get_tab_url("sturing")))
    assert "29-12-2025 berekend 25-12-2025 (Eerste Kerstdag); verlengd volgens de Algemene termijnenwet" in page
