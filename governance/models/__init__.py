"""Governance models: representatives and roles, the planning-and-control cycle and assessments."""

from .cycle import CycleDocument, CycleRules, EquatedDay, Opinion, PartyEvent, equated_days, rules_for
from .early_warnings import ContributionIndex, WarningAcknowledgement, WarningRule, WarningThresholds
from .goals import Goal, GoalKind, Indicator, IndicatorValue
from .monitoring import Assessment, Criterion, MunicipalPolicy, Score
from .representation import ParticipationGovernance, Person, Seat

__all__ = [
    "Assessment",
    "Criterion",
    "MunicipalPolicy",
    "Score",
    "ContributionIndex",
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
    "WarningAcknowledgement",
    "WarningRule",
    "WarningThresholds",
    "rules_for",
]
