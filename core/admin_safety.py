"""Two places where Django's admin turns a malformed request into a server error, made to answer
like the admin does for any other bad input.

- The date hierarchy builds datetime(year, month, day) from ?<field>__year=…; it turns a ValueError
  into its "invalid filter" redirect (?e=1), but a year beyond the C long range raises OverflowError
  and year 9999 fails where it computes the end of the year. Both become the invalid filter they are.
- An autocomplete field re-rendered after a failed save looks up the posted value to show it as
  the selected option; a value that is no key at all ("12]]3", a 30-digit number) made that lookup
  raise instead of showing the form with "Selecteer een geldige keuze". Such values are left out.
- A many-to-many field (the 4 K's of a participation) checks the posted keys with one IN query; on
  SQLite a key beyond 64 bits made that query raise OverflowError. Such a key is now the invalid
  choice it is.
- An inline formset checks its unique constraints (a score per criterion, figures per year) only
  between the submitted rows. A request that leaves stored rows out of the submission (a lowered
  TOTAL_FORMS or INITIAL_FORMS) could repeat one of them and fail in the database; every inline now
  also checks against the stored rows that are not in the submission (StoredRowsUniqueMixin).
"""

from django import forms
from django.contrib.admin import options
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import connections
from django.forms.models import BaseInlineFormSet


class SafeDateChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class SafeDateHierarchyMixin:
    """For a ModelAdmin with a date_hierarchy."""

    def get_changelist(self, request, **kwargs):
        return SafeDateChangeList


class ValidKeysOnly:
    """Only look up posted values that can be a key of the related model."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if self._could_be_key(v)], attr)

    def _could_be_key(self, value) -> bool:
        remote = self.field.remote_field
        target = remote.model._meta.get_field(remote.field_name or remote.model._meta.pk.name)
        try:
            target.to_python(value)
        except (ValidationError, ValueError, TypeError):
            return False
        return _key_in_range(target, value, self.db or "default")


def _key_in_range(target, value, using="default") -> bool:
    """Whether value is a key the database can compare with target (an int field: within its range)."""
    try:
        key = target.to_python(value)
    except (ValidationError, ValueError, TypeError):
        return True  # not a key at all: the form field itself refuses it with its own message
    low, high = connections[using].ops.integer_field_range(target.get_internal_type())
    return not isinstance(key, int) or ((low is None or key >= low) and (high is None or key <= high))


class KeysInRangeMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        meta = self.queryset.model._meta
        target = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        for pk in value if isinstance(value, (list, tuple)) else ():
            if not _key_in_range(target, pk, self.queryset.db):
                message = self.error_messages["invalid_choice"]
                raise ValidationError(message, code="invalid_choice", params={"value": pk})
        return super()._check_values(value)


class StoredRowsUniqueMixin:
    """For an inline formset: the unique constraints that include the parent, checked against the
    stored rows of that parent which the submission does not contain (those it does contain are
    checked between the submitted rows by Django itself)."""

    def stored_rows_outside_submission(self):
        if self.instance.pk is None:
            return self.model._default_manager.none()
        submitted = [form.instance.pk for form in self.initial_forms if form.instance.pk is not None]
        return self.model._default_manager.filter(**{self.fk.name: self.instance}).exclude(pk__in=submitted)

    def clean(self):
        super().clean()
        meta = self.model._meta
        groups = [tuple(fields) for fields in meta.unique_together]
        groups += [constraint.fields for constraint in meta.total_unique_constraints]
        groups = [fields for fields in groups if self.fk.name in fields]
        if not groups:
            return
        stored = self.stored_rows_outside_submission()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or form.errors or data.get("DELETE"):
                continue
            for fields in groups:
                lookup = {name: data.get(name) for name in fields if name != self.fk.name}
                if None in lookup.values() or not all(name in data for name in lookup):
                    continue
                if stored.filter(**lookup).exists():
                    form.add_error(None, form.instance.unique_error_message(self.model, fields))
                    break


class SafeInlineFormSet(StoredRowsUniqueMixin, BaseInlineFormSet):
    pass


def _formfield_for_manytomany(original):
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", KeysInRangeMultipleChoiceField)
        return original(self, db_field, request, **kwargs)

    return formfield_for_manytomany


class SafeAutocompleteSelect(ValidKeysOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(ValidKeysOnly, AutocompleteSelectMultiple):
    pass


def install():
    """Let every ModelAdmin build its autocomplete fields with the widgets above (called from ready())."""
    options.AutocompleteSelect = SafeAutocompleteSelect
    options.AutocompleteSelectMultiple = SafeAutocompleteSelectMultiple
    if options.InlineModelAdmin.formset is BaseInlineFormSet:
        options.InlineModelAdmin.formset = SafeInlineFormSet
    base = options.BaseModelAdmin
    if not getattr(base.formfield_for_manytomany, "keys_in_range", False):
        base.formfield_for_manytomany = _formfield_for_manytomany(base.formfield_for_manytomany)
        base.formfield_for_manytomany.keys_in_range = True
