"""Querysets of the risk register, built once per page with what the page shows (constant queries)."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from . import matrix
from .models import LikelihoodClass, Measure, Risk, RiskLevel


def _measure_count():
    return Coalesce(
        Subquery(
            Measure.objects.filter(risk=OuterRef("pk")).order_by().values("risk").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def risk_list():
    """All risks with their party, participation, score and number of measures."""
    return (
        Risk.objects.select_related("party", "participation__participant")
        .annotate(score_value=matrix.score_expression(), measure_count=_measure_count())
        .order_by("party__name", "title", "pk")
    )


def risk_detail_queryset():
    return Risk.objects.select_related("party", "participation__participant").prefetch_related(
        Prefetch("measures", queryset=Measure.objects.order_by("due_on", "pk"))
    )


def level_queryset():
    """The levels of the risk matrix, lowest first: the one way every page and filter loads them."""
    return RiskLevel.objects.order_by("min_score")


def levels() -> list[RiskLevel]:
    return list(level_queryset())


def probabilities() -> dict[int, object]:
    """Probability (%) per kans class."""
    return dict(LikelihoodClass.objects.values_list("value", "probability"))


def attach_levels(risks, risk_levels) -> None:
    """Give each risk of a page its matrix level, from levels loaded once."""
    for risk in risks:
        risk.level = matrix.level_for(risk.score, risk_levels)


def cell_counts(risks) -> dict[tuple[int, int], int]:
    """Number of risks per (kans, impact) cell, counted in the database."""
    rows = risks.order_by().values("likelihood", "impact").annotate(n=Count("pk"))
    return {(row["likelihood"], row["impact"]): row["n"] for row in rows}


def party_heatmap(*, party, user) -> matrix.Heatmap:
    """The open risks of a party in the matrix, as far as `user` may see them."""
    return matrix.heatmap(cell_counts(Risk.objects.open().filter(party=party).visible_to(user)), levels())


def municipality_heatmap(*, municipality, user) -> matrix.Heatmap:
    """The open risks of all parties a gemeente takes part in, as the risk list's gemeente filter shows them."""
    risks = Risk.objects.open().for_municipality(municipality).visible_to(user)
    return matrix.heatmap(cell_counts(risks), levels())
