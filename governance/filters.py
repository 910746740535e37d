"""FilterSets of the governance lists."""

import django_filters
from django.db.models import Q

from partners import scoping

from .choices import PersonFunction
from .models import Person


class PersonFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Zoeken op naam", method="search")
    gemeente = django_filters.ModelChoiceFilter(
        label="Gemeente",
        field_name="municipality",
        to_field_name="code",
        queryset=lambda request: (
            scoping.visible_municipalities(request.user).filter(people__isnull=False).distinct().order_by("name")
        ),
        empty_label="Alle gemeenten",
    )
    functie = django_filters.ChoiceFilter(
        label="Functie", field_name="function", choices=PersonFunction.choices, empty_label="Alle functies"
    )

    class Meta:
        model = Person
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value)) if value else queryset
