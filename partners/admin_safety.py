"""Two places where Django's admin turns a malformed request into a server error, made to answer
like the admin does for any other bad input.

- The date hierarchy builds datetime(year, month, day) from ?<field>__year=…; it turns a ValueError
  into its "invalid filter" redirect (?e=1), but a year beyond the C long range raises OverflowError
  and year 9999 fails where it computes the end of the year. Both become the invalid filter they are.
- An autocomplete field re-rendered after a failed save looks up the posted value to show it as
  the selected option; a value that is no key at all ("12]]3", a 30-digit number) made that lookup
  raise instead of showing the form with "Selecteer een geldige keuze". Such values are left out.
"""

from django.contrib.admin import options
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import connections


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
            key = target.to_python(value)
        except (ValidationError, ValueError, TypeError):
            return False
        low, high = connections[self.db or "default"].ops.integer_field_range(target.get_internal_type())
        return not isinstance(key, int) or ((low is None or key >= low) and (high is None or key <= high))


class SafeAutocompleteSelect(ValidKeysOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(ValidKeysOnly, AutocompleteSelectMultiple):
    pass


def install():
    """Let every ModelAdmin build its autocomplete fields with the widgets above (called from ready())."""
    options.AutocompleteSelect = SafeAutocompleteSelect
    options.AutocompleteSelectMultiple = SafeAutocompleteSelectMultiple
