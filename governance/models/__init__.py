"""Governance models: representatives and roles, the planning-and-control cycle and assessments."""

from .representation import ParticipationGovernance, Person, Seat

__all__ = ["ParticipationGovernance", "Person", "Seat"]
