"""Admin forms of the risk register: Dutch messages that name the rule a value breaks."""

from django import forms

from .models import PERCENTILE_MESSAGE, ResistanceCapacity, Risk


class RiskForm(forms.ModelForm):
    class Meta:
        model = Risk
        fields = [
            "party",
            "participation",
            "category",
            "title",
            "description",
            "likelihood",
            "impact",
            "amount_min",
            "amount_max",
            "status",
            "owner",
            "identified_on",
            "reviewed_on",
            "confidential",
        ]
        error_messages = {
            "likelihood": {"invalid_choice": "Kies een kansklasse van 1 tot en met 5; %(value)s bestaat niet."},
            "impact": {"invalid_choice": "Kies een impactklasse van 1 tot en met 5; %(value)s bestaat niet."},
        }


class ResistanceCapacityForm(forms.ModelForm):
    class Meta:
        model = ResistanceCapacity
        fields = ["municipality", "year", "available", "percentile", "iterations", "note"]
        error_messages = {
            "percentile": {
                "max_decimal_places": "Geef de zekerheid met hoogstens één decimaal, bijvoorbeeld 99,9.",
                "max_digits": PERCENTILE_MESSAGE,
                "max_whole_digits": PERCENTILE_MESSAGE,
            },
        }
