"""The signalen rules (governance/early_warnings.py), each at its threshold: just below, at, just above.

Whether "at" fires is part of each rule and said in its help_text: the bijdrage, eigen vermogen,
solvabiliteit, document and zienswijze rules fire only beyond the threshold; the negative result, the
begrotingswijzigingen and the monitoring drop fire at it ("twee jaar", "drie of meer", "twee stappen").
"""

import datetime
from decimal import Decimal

import pytest

from governance import early_warnings
from governance.choices import AuditOpinion, OpinionStatus
from governance.deadlines import DocumentKind
from governance.early_warnings import Severity, warnings_for
from governance.models import ContributionIndex, Criterion, Score, WarningRule, WarningThresholds
from partners.choices import FigureKind, LegalForm, ParticipantKind
from tests.partners.factories import (
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFinancialsFactory,
)

from .factories import AssessmentFactory, CycleDocumentFactory, OpinionFactory

pytestmark = pytest.mark.django_db

# After 14 September 2026 and 14 July 2026: the begroting 2027 and the jaarrekening 2025 are due.
TODAY = datetime.date(2026, 10, 1)


def fired(participation, rule, *, today=TODAY):
    municipality = participation.participant
    found = warnings_for(municipality_ids=[municipality.pk], today=today).get(municipality.pk, [])
    return [w for w in found if w.rule == rule]


@pytest.fixture
def participation():
    return ParticipationFactory(party__name="Veiligheidsregio Test", participant__name="Teststad")


def thresholds(**values):
    row = WarningThresholds.current()
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    return row


# --- Bijdrage above the index ------------------------------------------------------------------


def contributions(participation, previous, current):
    ParticipationFinancialsFactory(participation=participation, year=2025, contribution=Decimal(previous))
    ParticipationFinancialsFactory(participation=participation, year=2026, contribution=Decimal(current))


@pytest.mark.parametrize(
    ("current", "fires"),
    [("103999.99", False), ("104000.00", False), ("104000.01", True)],
    ids=["just below", "at: index plus margin, no signal", "just above"],
)
def test_the_bijdrage_signal_fires_only_above_the_index_plus_the_margin(participation, current, fires):
    ContributionIndex.objects.create(year=2026, percentage=Decimal("3.0"))
    thresholds(contribution_margin=Decimal("1.0"))
    contributions(participation, "100000.00", current)
    found = fired(participation, WarningRule.BIJDRAGE_BOVEN_INDEX)
    assert bool(found) is fires
    if fires:
        assert found[0].severity == Severity.MIDDEN
        assert found[0].message == (
            "De bijdrage 2026 (€ 104.000) stijgt 4,0% ten opzichte van 2025 (€ 100.000); de index voor 2026 is 3,0% "
            "plus de marge van 1,0 procentpunt: 1,0 procentpunt erboven."
        )


def test_without_an_index_for_the_year_the_default_index_counts(participation):
    thresholds(default_index=Decimal("2.0"))
    contributions(participation, "1000000", "1062000")
    [warning] = fired(participation, WarningRule.BIJDRAGE_BOVEN_INDEX)
    assert warning.message == (
        "De bijdrage 2026 (€ 1.062.000) stijgt 6,2% ten opzichte van 2025 (€ 1.000.000); de index voor 2026 is 2,0%: "
        "4,2 procentpunt erboven."
    )


# --- Eigen vermogen and solvabiliteit ----------------------------------------------------------


def accounts(party, *, year=2025, equity_start, equity_end, liabilities_end, result="0"):
    return PartyFinancialsFactory(
        party=party,
        year=year,
        kind=FigureKind.REALISATIE,
        equity_start=Decimal(equity_start),
        equity_end=Decimal(equity_end),
        liabilities_start=Decimal(liabilities_end),
        liabilities_end=Decimal(liabilities_end),
        result=Decimal(result),
    )


@pytest.mark.parametrize(
    ("equity_end", "fires"),
    [("99999", True), ("100000", False), ("100001", False)],
    ids=["just below the share", "at the share: no signal", "just above"],
)
def test_the_eigen_vermogen_signal_fires_below_its_share_of_the_balance_total_when_it_fell(
    participation, equity_end, fires
):
    # Balance total 1.000.000; the default share is 10%.
    accounts(
        participation.party,
        equity_start="300000",
        equity_end=equity_end,
        liabilities_end=str(1_000_000 - int(equity_end)),
    )
    found = fired(participation, WarningRule.EIGEN_VERMOGEN)
    assert bool(found) is fires
    if fires:
        assert found[0].severity == Severity.MIDDEN
        assert "daalt van € 300.000 op 1-1 naar € 99.999 op 31-12-2025: 10,0% van het balanstotaal" in found[0].message


def test_an_eigen_vermogen_below_the_share_that_rose_is_no_eigen_vermogen_signal(participation):
    accounts(participation.party, equity_start="50000", equity_end="60000", liabilities_end="940000")
    assert fired(participation, WarningRule.EIGEN_VERMOGEN) == []
    # The low ratio itself still says so, once.
    assert len(fired(participation, WarningRule.SOLVABILITEIT)) == 1


@pytest.mark.parametrize(
    ("equity_end", "fires"), [("-1", True), ("0", False)], ids=["just below zero", "at zero: not negative"]
)
def test_a_negative_eigen_vermogen_is_a_high_signal(participation, equity_end, fires):
    accounts(participation.party, equity_start="0", equity_end=equity_end, liabilities_end="500000")
    high = [w for w in fired(participation, WarningRule.EIGEN_VERMOGEN) if w.severity == Severity.HOOG]
    assert bool(high) is fires
    if fires:
        assert high[0].message == "Het eigen vermogen op 31-12-2025 is negatief: € -1 (jaarrekening 2025)."


@pytest.mark.parametrize(
    ("equity_end", "fires"),
    [("199999", True), ("200000", False), ("200001", False)],
    ids=["just below", "at the threshold: no signal", "just above"],
)
def test_the_solvabiliteit_signal_fires_below_the_threshold(participation, equity_end, fires):
    accounts(
        participation.party,
        equity_start="150000",
        equity_end=equity_end,
        liabilities_end=str(1_000_000 - int(equity_end)),
    )
    found = fired(participation, WarningRule.SOLVABILITEIT)
    assert bool(found) is fires
    if fires:
        assert found[0].message == (
            "De solvabiliteit op 31-12-2025 is 20,0%: eigen vermogen € 199.999 van een balanstotaal van € 1.000.000, "
            "onder de grens van 20,0% (jaarrekening 2025)."
        )


# --- Negative result -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_result", "fires"),
    [("-1", True), ("0", False), ("1", False)],
    ids=["two deficits: signal", "at zero: no deficit", "a surplus"],
)
def test_the_negative_result_signal_fires_at_two_deficits_in_a_row(participation, last_result, fires):
    accounts(participation.party, year=2024, equity_start="1", equity_end="1", liabilities_end="1", result="-110000")
    accounts(participation.party, year=2025, equity_start="1", equity_end="1", liabilities_end="1", result=last_result)
    found = fired(participation, WarningRule.NEGATIEF_RESULTAAT)
    assert bool(found) is fires
    if fires:
        assert found[0].severity == Severity.HOOG
        assert found[0].message == "2 jaar achter elkaar een negatief resultaat (2024: € -110.000, 2025: € -1)."


def test_the_number_of_deficit_years_is_a_threshold(participation):
    thresholds(negative_result_years=3)
    for year in (2024, 2025):
        accounts(participation.party, year=year, equity_start="1", equity_end="1", liabilities_end="1", result="-5")
    assert fired(participation, WarningRule.NEGATIEF_RESULTAAT) == []
    accounts(participation.party, year=2023, equity_start="1", equity_end="1", liabilities_end="1", result="-5")
    assert len(fired(participation, WarningRule.NEGATIEF_RESULTAAT)) == 1


# --- Begroting and jaarrekening to the toezichthouder ------------------------------------------


def on_time(party, **overrides):
    """The begroting 2027 and jaarrekening 2025, both adopted early and sent in time."""
    values = {
        DocumentKind.BEGROTING: (2027, datetime.date(2026, 7, 1), datetime.date(2026, 7, 8)),
        DocumentKind.JAARREKENING: (2025, datetime.date(2026, 6, 20), datetime.date(2026, 6, 30)),
    }
    values.update(overrides)
    for kind, (year, adopted, sent) in values.items():
        CycleDocumentFactory(
            party=party, kind=kind, year=year, sent_on=None, adopted_on=adopted, sent_to_supervisor_on=sent
        )


@pytest.mark.parametrize(
    ("sent", "fires"),
    [(datetime.date(2026, 7, 14), False), (datetime.date(2026, 7, 15), False), (datetime.date(2026, 7, 16), True)],
    ids=["a day early", "on the last day (two weeks after adoption): in time", "a day late"],
)
def test_a_begroting_sent_after_two_weeks_from_adoption_is_late(participation, sent, fires):
    on_time(participation.party, **{DocumentKind.BEGROTING: (2027, datetime.date(2026, 7, 1), sent)})
    found = fired(participation, WarningRule.DOCUMENT_TE_LAAT)
    assert bool(found) is fires
    if fires:
        assert found[0].severity == Severity.MIDDEN
        assert found[0].message == (
            "De begroting 2027 is op 16 juli 2026 aan de toezichthouder (GS) verzonden, 1 dag na de uiterste dag "
            "(15 juli 2026, Wgr art. 34 lid 2)."
        )


@pytest.mark.parametrize(
    ("sent", "grace", "fires"),
    [
        (datetime.date(2026, 7, 14), 0, False),
        (datetime.date(2026, 7, 15), 0, True),
        (datetime.date(2026, 7, 17), 3, False),
        (datetime.date(2026, 7, 18), 3, True),
    ],
    ids=["on 14 July: in time", "on 15 July: late", "within the grace days", "after the grace days"],
)
def test_a_jaarrekening_must_be_sent_before_15_july(participation, sent, grace, fires):
    thresholds(document_grace_days=grace)
    on_time(participation.party, **{DocumentKind.JAARREKENING: (2025, datetime.date(2026, 7, 6), sent)})
    assert bool(fired(participation, WarningRule.DOCUMENT_TE_LAAT)) is fires


def test_a_missing_begroting_is_a_high_signal_only_after_its_date(participation):
    on_time(participation.party)
    participation.party.cycle_documents.filter(kind=DocumentKind.BEGROTING).delete()
    [warning] = fired(participation, WarningRule.DOCUMENT_TE_LAAT)
    assert warning.severity == Severity.HOOG
    assert warning.message == (
        "De begroting 2027 is niet als verzonden aan de toezichthouder (GS) vastgelegd; de uiterste dag was "
        "14 september 2026 (Wgr art. 34 lid 2)."
    )
    # On 14 September the begroting 2026 was the one due, and it is not missed yet.
    assert [w.message for w in fired(participation, WarningRule.DOCUMENT_TE_LAAT, today=datetime.date(2026, 9, 14))]


def test_with_a_provincie_the_signal_names_the_minister_and_cites_wgr_article_58(participation):
    """Wgr art. 58 lid 2 and 4: the same dates, but the minister of BZK is the toezichthouder."""
    ParticipationFactory(party=participation.party, participant__kind=ParticipantKind.PROVINCIE)
    on_time(
        participation.party, **{DocumentKind.BEGROTING: (2027, datetime.date(2026, 7, 1), datetime.date(2026, 7, 16))}
    )
    participation.party.cycle_documents.filter(kind=DocumentKind.JAARREKENING).delete()
    messages = sorted(w.message for w in fired(participation, WarningRule.DOCUMENT_TE_LAAT))
    assert messages == [
        "De begroting 2027 is op 16 juli 2026 aan de toezichthouder (minister van BZK) verzonden, 1 dag na de "
        "uiterste dag (15 juli 2026, Wgr art. 58 lid 2).",
        "De jaarrekening 2025 is niet als verzonden aan de toezichthouder (minister van BZK) vastgelegd; de "
        "uiterste dag was 14 juli 2026 (Wgr art. 58 lid 4).",
    ]


def test_a_party_without_the_wgr_cycle_gets_no_document_signal(participation):
    participation.party.legal_form = LegalForm.NV
    participation.party.save()
    assert fired(participation, WarningRule.DOCUMENT_TE_LAAT) == []


# --- Zienswijze without answer -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_ago", "fires"), [(55, False), (56, False), (57, True)], ids=["7 weeks 6 days", "8 weeks", "8 weeks 1 day"]
)
def test_a_zienswijze_without_answer_fires_after_the_term(participation, days_ago, fires):
    OpinionFactory(
        document__party=participation.party,
        municipality=participation.participant,
        status=OpinionStatus.VERZONDEN,
        council_decision_on=TODAY - datetime.timedelta(days=days_ago),
        sent_on=TODAY - datetime.timedelta(days=days_ago),
    )
    found = fired(participation, WarningRule.ZIENSWIJZE_ZONDER_REACTIE)
    assert bool(found) is fires
    if fires:
        assert "na 8 weken is er geen schriftelijke reactie van het bestuur vastgelegd" in found[0].message


def test_an_answered_zienswijze_gives_no_signal(participation):
    OpinionFactory(
        document__party=participation.party,
        municipality=participation.participant,
        status=OpinionStatus.VERZONDEN,
        sent_on=TODAY - datetime.timedelta(days=100),
        board_answer="Het bestuur neemt de zienswijze over.",
    )
    assert fired(participation, WarningRule.ZIENSWIJZE_ZONDER_REACTIE) == []


# --- Begrotingswijzigingen ---------------------------------------------------------------------


@pytest.mark.parametrize(("count", "fires"), [(2, False), (3, True), (4, True)], ids=["below", "at: signal", "above"])
def test_repeated_begrotingswijzigingen_fire_at_the_threshold(participation, count, fires):
    for number in range(count):
        CycleDocumentFactory(
            party=participation.party,
            kind=DocumentKind.BEGROTINGSWIJZIGING,
            year=2026,
            title=f"{number + 1}e wijziging",
        )
    found = fired(participation, WarningRule.BEGROTINGSWIJZIGINGEN)
    assert bool(found) is fires
    if fires:
        assert found[0].severity == Severity.LAAG
        assert found[0].message.startswith(f"{count} begrotingswijzigingen voor 2026; vanaf 3 in één jaar")


# --- Accountantsverklaring ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opinion", "severity"),
    [
        (AuditOpinion.GOEDKEUREND, None),
        (AuditOpinion.MET_BEPERKING, Severity.MIDDEN),
        (AuditOpinion.AFKEUREND, Severity.HOOG),
        (AuditOpinion.OORDEELONTHOUDING, Severity.HOOG),
    ],
)
def test_an_accountantsverklaring_other_than_goedkeurend_fires(participation, opinion, severity):
    CycleDocumentFactory(party=participation.party, kind=DocumentKind.JAARREKENING, year=2025, audit_opinion=opinion)
    found = fired(participation, WarningRule.ACCOUNTANTSVERKLARING)
    assert [w.severity for w in found] == ([severity] if severity else [])
    if severity:
        assert found[0].message == (
            f"De accountantsverklaring bij de jaarrekening 2025 is {opinion.label.lower()}, niet goedkeurend."
        )


def test_the_latest_accountantsverklaring_counts(participation):
    CycleDocumentFactory(
        party=participation.party, kind=DocumentKind.JAARREKENING, year=2024, audit_opinion=AuditOpinion.AFKEUREND
    )
    CycleDocumentFactory(
        party=participation.party, kind=DocumentKind.JAARREKENING, year=2025, audit_opinion=AuditOpinion.GOEDKEUREND
    )
    assert fired(participation, WarningRule.ACCOUNTANTSVERKLARING) == []


# --- Monitoring ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("new", "fires"), [(4, False), (3, True), (2, True)], ids=["one step", "two: signal", "three"])
def test_a_monitoring_score_that_drops_two_steps_fires(participation, new, fires):
    criterion, _ = Criterion.objects.get_or_create(
        name="Kwaliteit van de dienstverlening", municipality=None, defaults={"group": "toetsingskader"}
    )
    for day, score in ((datetime.date(2025, 3, 1), 5), (datetime.date(2026, 3, 1), new)):
        scan = AssessmentFactory(participation=participation, assessed_on=day)
        Score.objects.create(assessment=scan, criterion=criterion, score=score)
    found = fired(participation, WarningRule.MONITORING_DAALT)
    assert bool(found) is fires
    if fires:
        assert found[0].message == (
            "Monitoringscan van 01-03-2026 tegenover die van 01-03-2025: Kwaliteit van de dienstverlening daalt "
            f"van 5 naar {new} (signaal vanaf 2 stappen)."
        )


# --- Grouping and the fingerprint ----------------------------------------------------------------


def test_signals_are_grouped_per_party_most_severe_first(participation):
    other = ParticipationFactory(
        participant=participation.participant, party__name="Aaa Holding N.V.", party__legal_form=LegalForm.NV
    )
    on_time(participation.party)
    contributions(other, "100", "200")  # midden
    accounts(participation.party, equity_start="0", equity_end="-5", liabilities_end="10")  # hoog
    overview = early_warnings.group(
        warnings_for(municipality_ids=[participation.participant_id], today=TODAY)[participation.participant_id]
    )
    assert [g.party.name for g in overview.parties][:2] == ["Veiligheidsregio Test", "Aaa Holding N.V."]
    assert overview.parties[0].warnings[0].severity == Severity.HOOG


def test_the_fingerprint_changes_with_the_figures(participation):
    contributions(participation, "100000", "110000")
    [before] = fired(participation, WarningRule.BIJDRAGE_BOVEN_INDEX)
    participation.financials.filter(year=2026).update(contribution=Decimal("111000"))
    [after] = fired(participation, WarningRule.BIJDRAGE_BOVEN_INDEX)
    assert before.fingerprint != after.fingerprint
