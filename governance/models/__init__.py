"""Governance models: representatives and roles, the planning-and-control cycle and assessments."""

from .cycle import CycleDocument, CycleRules, EquatedDay, Opinion, PartyEvent, equated_days, rules_for
from .goals import Goal, GoalKind, Indicator, IndicatorValue
from .monitoring import Assessment, Criterion, MunicipalPolicy, Score
from .representation import ParticipationGovernance, Person, Seat

__all__ = [
    "Assessment",
    "Criterion",
    "MunicipalPolicy",
    "Score",
    "CycleDocument",
    "Goal",
    "GoalKind",
    "Indicator",
    "IndicatorValue",
    "CycleRules",
    "EquatedDay",
    "equated_days",
    "Opinion",
    "ParticipationGovernance",
    "PartyEvent",
    "Person",
    "Seat",
    "rules_for",
]
