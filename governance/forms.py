"""Forms of governance: seat inlines check overlap over all their rows at once."""

from django import forms
from django.core.exceptions import ValidationError

from core.admin_safety import StoredRowsUniqueMixin

from .choices import Body, SeatRole
from .models.representation import period_text


def _overlaps(a, b) -> bool:
    a_end, b_end = a["ended_on"], b["ended_on"]
    return (b_end is None or a["started_on"] <= b_end) and (a_end is None or b["started_on"] <= a_end)


class SeatInlineFormSet(StoredRowsUniqueMixin, forms.BaseInlineFormSet):
    """All seats of one party (or one person) are edited together, so overlap is checked between
    the submitted rows rather than against the stored rows, which the same save may change."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.overlap_checked_elsewhere = True
        return form

    def clean(self):
        super().clean()
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            # A row with its own errors is reported by its own fields; comparing it would read missing values.
            if not data or form.errors or data.get("DELETE") or not data.get("started_on"):
                continue
            rows.append(data)
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                same = (a["person"], a["party"], a["body"], a["role"]) == (
                    b["person"],
                    b["party"],
                    b["body"],
                    b["role"],
                )
                if same and _overlaps(a, b):
                    raise ValidationError(
                        f"{a['person'].name} heeft twee overlappende zetels als {SeatRole(a['role']).label.lower()} "
                        f"van het {Body(a['body']).label.lower()} van {a['party']}: "
                        f"{period_text(a['started_on'], a['ended_on'])} en "
                        f"{period_text(b['started_on'], b['ended_on'])}. Pas de begin- of einddatum aan."
                    )
