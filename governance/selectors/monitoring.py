"""Monitoring scans of a party by the user's gemeenten, with each criterion's scores over time."""

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from django.db.models import Prefetch

from core import charts
from partners.models import Participant, Party

from ..models import (
    Assessment,
    Criterion,
    Score,
)


@dataclass
class CriterionTrend:
    """One criterion's scores per assessment of one gemeente; `chart` draws them when shown."""

    criterion: Criterion
    municipality: Participant
    assessed_on: list[date]
    scores: list[int | None]

    @property
    def chart(self) -> str:
        days_and_scores = zip(self.assessed_on, self.scores, strict=True)
        points = [charts.ScorePoint(day, score) for day, score in days_and_scores if score is not None]
        return charts.trend_chart(
            title=f"{self.criterion.name}: score per beoordeling door {self.municipality.name}",
            points=points,
            first=self.assessed_on[0],
            last=self.assessed_on[-1],
            chart_id=f"trend-{self.municipality.pk}-{self.criterion.pk}",
        )


@dataclass
class MunicipalityMonitoring:
    """One gemeente's assessments of a party: the latest, and each criterion over time."""

    municipality: Participant
    assessments: list[Assessment]
    trends: list[CriterionTrend]

    @property
    def latest(self) -> Assessment:
        return self.assessments[-1]


def party_monitoring(*, party: Party, user) -> list[MunicipalityMonitoring]:
    """The monitoring scans of a party by the user's own gemeenten, per gemeente, oldest first (two queries)."""
    assessments = (
        Assessment.objects.filter(party=party)
        .visible_to(user)
        .select_related("municipality")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("municipality__name", "municipality__pk", "assessed_on")
    )
    result = []
    for municipality, group in groupby(assessments, key=lambda a: a.municipality):
        group = list(group)
        criteria = sorted(
            {score.criterion for a in group for score in a.scores.all()},
            key=lambda c: (c.group, c.order, c.name),
        )
        by_assessment = [{score.criterion_id: score.score for score in a.scores.all()} for a in group]
        trends = []
        for criterion in criteria:
            scores = [scores.get(criterion.pk) for scores in by_assessment]
            trends.append(CriterionTrend(criterion, municipality, [a.assessed_on for a in group], scores))
        result.append(MunicipalityMonitoring(municipality, group, trends))
    return result
