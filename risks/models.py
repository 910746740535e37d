"""Risks: risk register per party, risk matrix and weerstandsvermogen (to come)."""
