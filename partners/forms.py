"""Forms of the register: the participants inline checks the 100% rule over all its rows at once."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from .models import format_percentage


class ParticipationInlineFormSet(forms.BaseInlineFormSet):
    """All participations of one party are edited together, so the sum of their shares is checked
    here over the submitted rows instead of against the stored rows (which the same save may change)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.share_sum_checked_elsewhere = True
        return form

    def clean(self):
        super().clean()
        total = Decimal("0")
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            total += form.cleaned_data.get("share_percentage") or Decimal("0")
        if total > 100:
            raise ValidationError(
                f"De aandelen van de deelnemers komen samen op {format_percentage(total)}; "
                "dat mag niet meer dan 100% zijn."
            )
