"""Risk profiles and the sturingsarrangement, the monitoring scan with its criteria, and the visie."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import charts as svg
from governance.attention_points import AttentionKind, attention_points_for_municipality
from governance.choices import CriterionGroup, RiskProfile, Signal
from governance.models import Criterion, MunicipalPolicy, Score
from tests.partners.factories import MunicipalityFactory, ParticipationFactory
from tests.partners.pages import text

from .factories import AssessmentFactory, ParticipationGovernanceFactory, SeatFactory
from .pages import query_count

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = timezone.localdate()


def validation_text(instance) -> str:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return " ".join(error.value.messages)


def common(name):
    return Criterion.objects.get(name=name, municipality=None)


def test_the_criteria_of_the_toetsingskader_and_the_4_ks_are_seeded_as_data():
    names = list(Criterion.objects.filter(municipality=None).values_list("group", "name"))
    assert names == [
        ("toetsingskader", "Duurzaam partnerschap"),
        ("toetsingskader", "Kwaliteit van de dienstverlening"),
        ("toetsingskader", "Risicomanagement"),
        ("toetsingskader", "Kostenbesparing"),
        ("toetsingskader", "Kansen en uitdagingen"),
        ("vier_k", "Kosten"),
        ("vier_k", "Kwaliteit"),
        ("vier_k", "Klantgerichtheid"),
        ("vier_k", "Kwetsbaarheid"),
    ]


@pytest.mark.parametrize("value", [0, 6])
def test_a_score_outside_1_to_5_is_refused(value):
    assessment = AssessmentFactory()
    score = Score(assessment=assessment, criterion=common("Kosten"), score=value)
    assert "Een score ligt tussen 1 en 5." in validation_text(score)
    with pytest.raises(IntegrityError), transaction.atomic():
        score.save()
    assert not Score.objects.exists()


def test_a_gemeente_can_add_its_own_criterion_but_not_use_another_gemeentes():
    assessment = AssessmentFactory()
    own = Criterion.objects.create(
        name="Duurzaamheid", group=CriterionGroup.TOETSINGSKADER, municipality=assessment.municipality
    )
    Score(assessment=assessment, criterion=own, score=4).full_clean()
    foreign = Criterion.objects.create(
        name="Duurzaamheid", group=CriterionGroup.TOETSINGSKADER, municipality=MunicipalityFactory()
    )
    assert "is een eigen criterium van" in validation_text(Score(assessment=assessment, criterion=foreign, score=4))


def test_an_assessment_by_a_gemeente_that_does_not_take_part_is_refused():
    assessment = AssessmentFactory.build(participation=ParticipationFactory(), municipality=MunicipalityFactory())
    assert "neemt niet deel in" in validation_text(assessment)


def test_a_risk_profile_needs_a_reason_and_a_date():
    governance = ParticipationGovernanceFactory()
    governance.risk_profile = RiskProfile.HOOG
    assert "Geef bij een risicoprofiel de onderbouwing" in validation_text(governance)
    with pytest.raises(IntegrityError), transaction.atomic():
        governance.save()


@pytest.mark.parametrize(
    ("profile", "next_review"),
    [(RiskProfile.HOOG, D(2026, 7, 31)), (RiskProfile.MIDDEN, D(2027, 1, 31)), (RiskProfile.LAAG, D(2030, 1, 31))],
)
def test_the_profile_sets_the_next_review(profile, next_review):
    governance = ParticipationGovernanceFactory(
        risk_profile=profile,
        risk_profile_reason="Groot financieel belang",
        risk_profile_set_on=D(2025, 1, 1),
        last_review_on=D(2026, 1, 31),
    )
    assert governance.next_review_on == next_review
    assert governance.arrangement


def test_an_overdue_review_is_an_attention_point():
    governance = ParticipationGovernanceFactory(
        risk_profile=RiskProfile.HOOG, risk_profile_reason="Tekorten", risk_profile_set_on=D(2025, 1, 1)
    )
    SeatFactory(participation=governance.participation)
    found = attention_points_for_municipality(municipality=governance.participation.participant, today=D(2025, 7, 2))
    assert [p.kind for p in found] == [AttentionKind.BEOORDELING_VERLOPEN]
    assert "was uiterlijk 01-07-2025 aan de beurt" in found[0].message
    governance.last_review_on = D(2025, 6, 30)
    governance.save()
    assert (
        attention_points_for_municipality(municipality=governance.participation.participant, today=D(2025, 7, 2)) == []
    )


def test_the_trend_chart_is_valid_svg_with_title_description_and_font():
    chart = svg.trend_chart(
        title="Kosten & baten",
        points=[svg.ScorePoint(D(2024, 3, 1), 2), svg.ScorePoint(D(2025, 3, 1), 4)],
        first=D(2024, 3, 1),
        last=D(2025, 3, 1),
        chart_id="t",
    )
    root = ET.fromstring(chart)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{ns}title").text == "Kosten & baten"
    assert "01-03-2024: 2; 01-03-2025: 4" in root.find(f"{ns}desc").text
    assert all("DejaVu Sans" in t.get("font-family") for t in root.iter(f"{ns}text"))
    assert len(root.findall(f"{ns}circle")) == 2 and root.find(f"{ns}polyline") is not None


def scan(participation, day, scores, signal=Signal.GROEN, **extra):
    assessment = AssessmentFactory(participation=participation, assessed_on=day, signal=signal, **extra)
    for name, value in scores.items():
        Score.objects.create(assessment=assessment, criterion=common(name), score=value)
    return assessment


def test_the_factsheet_shows_the_latest_assessment_and_a_chart_per_criterion(logged_in_client):
    participation = ParticipationFactory(participant__name="Groningen")
    scan(participation, D(2024, 3, 1), {"Kosten": 2, "Kwaliteit": 3})
    scan(
        participation,
        D(2025, 3, 1),
        {"Kosten": 4, "Kwaliteit": 3},
        signal=Signal.ORANJE,
        findings="Wachtlijsten lopen op.",
        follow_up="Bestuurlijk overleg in mei.",
    )
    response = logged_in_client.get(participation.party.get_tab_url("sturing"))
    page = text(response)
    assert "Beoordeling door Groningen Laatste beoordeling: 1 maart 2025 signaal oranje" in page
    assert "Wachtlijsten lopen op." in page and "Bestuurlijk overleg in mei." in page
    assert "Kosten 2 4" in page  # the table alternative, oldest first
    body = response.content.decode()
    assert body.count('class="trend-chart" role="img"') == 2
    assert '<title id="trend-' in body and 'font-family="DejaVu Sans' in body


def test_the_factsheet_queries_stay_constant_as_assessments_grow(logged_in_client):
    participation = ParticipationFactory()
    scan(participation, D(2024, 3, 1), {"Kosten": 2})
    url = participation.party.get_tab_url("sturing")
    before = query_count(logged_in_client, url)
    for year in range(2025, 2029):
        scan(participation, D(year, 3, 1), {"Kosten": 3, "Kwaliteit": 4, "Kwetsbaarheid": 2})
        other = ParticipationFactory(party=participation.party)
        scan(other, D(year, 3, 1), {"Kosten": 3})
    assert query_count(logged_in_client, url) == before


def test_the_factsheet_shows_the_risk_profile_and_the_arrangement(logged_in_client):
    governance = ParticipationGovernanceFactory(
        risk_profile=RiskProfile.MIDDEN,
        risk_profile_reason="Omvang bijdrage",
        risk_profile_set_on=TODAY,
    )
    page = text(logged_in_client.get(governance.participation.party.get_tab_url("sturing")))
    assert "midden Regulier: risicoanalyse eens per jaar." in page


def test_the_gemeente_page_shows_the_visie_of_the_year(logged_in_client):
    municipality = MunicipalityFactory()
    MunicipalPolicy.objects.create(municipality=municipality, year=2025, text="Samenwerken waar het moet.")
    MunicipalPolicy.objects.create(municipality=municipality, year=2024, text="Oude visie.")
    page = text(logged_in_client.get(municipality.get_tab_url("sturing") + "?jaar=2025"))
    assert "Visie en beleidsvoornemens 2025 Samenwerken waar het moet." in page
    assert "Oude visie." not in page
    page = text(logged_in_client.get(municipality.get_tab_url("sturing") + "?jaar=2023"))
    assert "Voor 2023 is geen visie op verbonden partijen vastgelegd" in page
