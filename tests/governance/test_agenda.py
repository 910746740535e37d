"""The dashboard's deadlines: the Wgr cycle with the party's own rules, zienswijzen and events."""

import datetime

import pytest

from governance.agenda import Source, municipality_dashboard
from governance.choices import EventKind, OpinionStatus
from governance.deadlines import DocumentKind
from governance.models import CycleRules, PartyEvent
from partners.choices import LegalForm
from tests.partners.factories import ParticipationFactory

from .factories import CycleDocumentFactory, OpinionFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 6, 15)


def dashboard(participation):
    return municipality_dashboard(municipality=participation.participant, today=TODAY)


def wgr_dates(items):
    return [item.date for item in items if item.source == Source.WGR]


def test_the_dashboard_shows_the_wgr_deadlines_of_the_coming_16_weeks():
    board = dashboard(ParticipationFactory())
    assert board.until == D(2026, 10, 5)
    # ontwerpbegroting 2027 (12 weeks before 15 Sept), jaarrekening 2025 to GS, begroting 2027 to GS
    assert wgr_dates(board.upcoming) == [D(2026, 6, 22), D(2026, 7, 14), D(2026, 9, 14)]
    assert "Ontwerpbegroting 2027" in board.upcoming[0].title


def test_deadlines_that_passed_unsettled_are_overdue_for_a_year():
    board = dashboard(ParticipationFactory())
    assert wgr_dates(board.overdue) == [
        D(2025, 6, 22),  # ontwerpbegroting 2026
        D(2025, 7, 14),  # jaarrekening 2024 to GS
        D(2025, 9, 14),  # begroting 2026 to GS
        D(2026, 4, 29),  # kaderbrief 2027
        D(2026, 4, 29),  # voorlopige jaarrekening 2025
    ]


def test_a_registered_document_settles_its_deadline():
    participation = ParticipationFactory()
    CycleDocumentFactory(party=participation.party, kind=DocumentKind.KADERBRIEF, year=2027, sent_on=D(2026, 4, 1))
    CycleDocumentFactory(
        party=participation.party,
        kind=DocumentKind.JAARREKENING,
        year=2024,
        sent_on=D(2025, 5, 1),
        adopted_on=D(2025, 7, 1),
        sent_to_supervisor_on=D(2025, 7, 10),
    )
    assert D(2026, 4, 29) in wgr_dates(dashboard(participation).overdue)
    assert wgr_dates(dashboard(participation).overdue).count(D(2026, 4, 29)) == 1
    assert D(2025, 7, 14) not in wgr_dates(dashboard(participation).overdue)


def test_a_participation_that_started_later_has_no_earlier_deadlines():
    board = dashboard(ParticipationFactory(joined_on=D(2026, 1, 1)))
    assert wgr_dates(board.overdue) == [D(2026, 4, 29), D(2026, 4, 29)]


def test_the_zienswijze_deadline_is_12_weeks_after_sending_and_done_once_sent():
    participation = ParticipationFactory()
    document = CycleDocumentFactory(party=participation.party, sent_on=D(2026, 5, 1))
    [item] = [i for i in dashboard(participation).upcoming if i.source == Source.ZIENSWIJZE]
    assert item.date == D(2026, 7, 24) and not item.done
    assert f"Zienswijze van de raad van {participation.participant.name} op Ontwerpbegroting 2027" in item.title
    OpinionFactory(
        document=document,
        municipality=participation.participant,
        status=OpinionStatus.VERZONDEN,
        council_decision_on=D(2026, 7, 2),
        sent_on=D(2026, 7, 3),
    )
    [item] = [i for i in dashboard(participation).upcoming if i.source == Source.ZIENSWIJZE]
    assert item.done


def test_a_regeling_with_its_own_terms_moves_the_deadlines():
    participation = ParticipationFactory()
    CycleRules.objects.create(
        party=participation.party, opinion_weeks=16, framework_letter_day=1, framework_letter_month=2
    )
    CycleDocumentFactory(party=participation.party, sent_on=D(2026, 5, 1))
    board = dashboard(participation)
    assert [i.date for i in board.upcoming if i.source == Source.ZIENSWIJZE] == [D(2026, 8, 21)]
    kaderbrief = [i for i in board.overdue if "Kaderbrief 2027" in i.title]
    assert [i.date for i in kaderbrief] == [D(2026, 1, 31)]
    assert kaderbrief[0].legal_source.startswith("Gemeenschappelijke regeling (afwijkend van")


def test_an_opinion_on_a_document_sent_long_ago_is_overdue_when_not_given():
    participation = ParticipationFactory()
    CycleDocumentFactory(party=participation.party, kind=DocumentKind.BEGROTINGSWIJZIGING, sent_on=D(2026, 2, 1))
    overdue = [i for i in dashboard(participation).overdue if i.source == Source.ZIENSWIJZE]
    # 12 weeks end on Sunday 26 April 2026 and Monday is Koningsdag: the Atw extends to Tuesday 28 April.
    assert [(i.nominal, i.date) for i in overdue] == [(D(2026, 4, 26), D(2026, 4, 28))]


def test_a_private_law_party_has_its_own_events_and_no_wgr_deadlines():
    participation = ParticipationFactory(party__legal_form=LegalForm.NV)
    PartyEvent.objects.create(party=participation.party, kind=EventKind.AVA, date=D(2026, 6, 30))
    PartyEvent.objects.create(party=participation.party, kind=EventKind.DIVIDEND, date=D(2026, 5, 1))
    board = dashboard(participation)
    assert [(i.date, i.source) for i in board.upcoming] == [(D(2026, 6, 30), Source.AFSPRAAK)]
    assert "Algemene vergadering van aandeelhouders" in board.upcoming[0].title
    assert board.overdue == []


def test_the_dashboard_needs_the_same_queries_for_one_party_or_many(django_assert_num_queries):
    participation = ParticipationFactory()
    CycleDocumentFactory(party=participation.party)
    with django_assert_num_queries(6):
        dashboard(participation)
    for _ in range(4):
        other = ParticipationFactory(participant=participation.participant)
        CycleRules.objects.create(party=other.party, opinion_weeks=16)
        OpinionFactory(document=CycleDocumentFactory(party=other.party), municipality=participation.participant)
        PartyEvent.objects.create(party=other.party, kind=EventKind.OVERIG, date=D(2026, 7, 1))
    with django_assert_num_queries(6):
        dashboard(participation)
