"""Names for admin form fields that Django leaves without one: a tabular inline shows its labels as column
headers, not as <label>s of the fields, so each field gets its label as aria-label (WCAG 1.3.1, 4.1.2)."""

from django.contrib import admin
from django.utils.text import capfirst


class LabelledTabularInline(admin.TabularInline):
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and field.label:
            field.widget.attrs.setdefault("aria-label", capfirst(str(field.label)))
        return field
