"""Governance: representatives and roles, the P&C cycle and monitoring assessments (to come)."""
