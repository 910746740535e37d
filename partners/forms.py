"""Forms of the register: the participants inline checks the 100% rule over all its rows at once."""

from decimal import Decimal
from fractions import Fraction

from django import forms
from django.core.exceptions import ValidationError

from core.admin_safety import StoredRowsUniqueMixin

from . import shares


class ParticipationInlineFormSet(StoredRowsUniqueMixin, forms.BaseInlineFormSet):
    """All participations of one party are edited together, so the sum of their shares is checked
    here over the submitted rows instead of against the stored rows (which the same save may change),
    plus any stored rows a request left out of the submission."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.share_sum_checked_elsewhere = True
        return form

    @property
    def initial_forms(self):
        forms = super().initial_forms
        if getattr(self, "_saving_existing", False):
            # The database trigger checks the sum after every row, so store deletions and lowered
            # shares first: moving 10% from one participant to another never passes 100% midway.
            forms = sorted(forms, key=self._share_increase)
        return forms

    def save_existing_objects(self, commit=True):
        self._saving_existing = True
        try:
            return super().save_existing_objects(commit)
        finally:
            self._saving_existing = False

    def _share_increase(self, form):
        before = form.initial.get("share_percentage") or Decimal("0")
        if self._should_delete_form(form):
            return -before
        return (form.cleaned_data.get("share_percentage") or Decimal("0")) - before

    def clean(self):
        super().clean()
        # Exact shares (partners/shares.py): 342 deelnemers of 1/342 make 100%.
        total = sum((row.exact_share or 0 for row in self.stored_rows_outside_submission()), Fraction(0))
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            total += form.instance.exact_share or 0
        if total > 100:
            raise ValidationError(
                f"De aandelen van de deelnemers komen samen op {shares.dutch(total)}%; dat mag niet meer dan 100% zijn."
            )
