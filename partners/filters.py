"""FilterSets of the register lists; the list page and its CSV/XLSX export share them."""

import django_filters
from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import scoping
from .choices import BbvCategory, LegalForm, ParticipantKind, PartyKind, PartyStatus
from .models import Participant, Party, PolicyArea

# The choice for parties whose kind the beheerder has not set (an empty value means "no filter").
NO_KIND = "onbekend"


class LongSelect(forms.Select):
    """A <select> for hundreds of options (the deelnemers), with the HTML of Django's own template.

    Django renders every option through a template include; for the ~350 deelnemers that took
    more time than all the rest of the list page. Here the options are written in Python.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [f'<select name="{escape(widget["name"])}"{flatatt(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                html.append(f'\n  <optgroup label="{escape(group_name)}">')
            html.extend(
                f'\n  <option value="{escape(option["value"])}"{flatatt(option["attrs"])}>'
                f"{escape(option['label'])}</option>"
                for option in options
            )
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))


class ParticipantSelect(LongSelect):
    """The deelnemer <select>, with the options read as (code, name) pairs: building the ~700 model
    instances of the participants took most of the list page's time. The HTML is that of LongSelect
    (a Participant reads as its name); this widget only serves a ModelChoiceField."""

    def render(self, name, value, attrs=None, renderer=None):
        field = self.choices.field
        selected_values = self.format_value(value)
        options = [("", field.empty_label)] if field.empty_label is not None else []
        options += self.choices.queryset.values_list(field.to_field_name or "pk", "name")
        html = [f'<select name="{escape(name)}"{flatatt(self.build_attrs(self.attrs, attrs))}>']
        has_selected = False
        for option_value, label in options:
            option_value = "" if option_value is None else str(option_value)
            selected = not has_selected and option_value in selected_values
            has_selected |= selected
            html.append(
                f'\n  <option value="{escape(option_value)}"{" selected" if selected else ""}>{escape(label)}</option>'
            )
        html.append("\n</select>")
        return mark_safe("".join(html))


class PartyFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Zoeken")
    deelnemer = django_filters.ModelChoiceFilter(
        label="Deelnemer",
        field_name="participations__participant",
        to_field_name="code",
        queryset=lambda request: scoping.visible_participants(
            request.user, Participant.objects.order_by("kind", "name")
        ),
        empty_label="Alle deelnemers",
        widget=ParticipantSelect,
    )
    rechtsvorm = django_filters.ChoiceFilter(
        label="Rechtsvorm", field_name="legal_form", choices=LegalForm.choices, empty_label="Alle rechtsvormen"
    )
    bbv_categorie = django_filters.ChoiceFilter(
        label="BBV-categorie", field_name="bbv", choices=BbvCategory.choices, empty_label="Alle categorieën"
    )
    soort = django_filters.ChoiceFilter(
        label="Soort partij",
        field_name="kind",
        choices=[*PartyKind.choices, (NO_KIND, "Geen soort vastgelegd")],
        empty_label="Alle soorten",
        method="of_kind",
    )
    beleidsveld = django_filters.ModelChoiceFilter(
        label="Beleidsveld / programma",
        field_name="policy_area",
        queryset=PolicyArea.objects.all(),
        empty_label="Alle beleidsvelden",
    )
    status = django_filters.ChoiceFilter(label="Status", choices=PartyStatus.choices, empty_label="Alle statussen")
    o = django_filters.OrderingFilter(
        label="Sorteren op",
        fields=(
            ("name", "naam"),
            ("legal_form", "rechtsvorm"),
            ("bbv", "bbv"),
            ("kind", "soort"),
            ("seat", "vestigingsplaats"),
            ("municipality_count", "gemeenten"),
            ("policy_area__code", "beleidsveld"),
            ("status", "status"),
        ),
        field_labels={
            "name": "Naam",
            "legal_form": "Rechtsvorm",
            "bbv": "BBV-categorie",
            "kind": "Soort partij",
            "seat": "Vestigingsplaats",
            "municipality_count": "Deelnemende gemeenten",
            "policy_area__code": "Beleidsveld",
            "status": "Status",
        },
    )

    class Meta:
        model = Party
        fields = []

    def of_kind(self, queryset, name, value):
        return queryset.filter(kind="" if value == NO_KIND else value)

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(abbreviation__icontains=value) | Q(seat__icontains=value) | Q(kvk_number=value)
        )


class MunicipalityFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Zoeken op naam of code", method="search")
    provincie = django_filters.ModelChoiceFilter(
        label="Provincie",
        field_name="province",
        to_field_name="code",
        queryset=Participant.objects.filter(kind=ParticipantKind.PROVINCIE),
        empty_label="Alle provincies",
    )
    jaar = django_filters.NumberFilter(
        label="Gemeenten van het jaar",
        method="of_year",
        min_value=1900,
        max_value=2100,
        help_text="Leeg: de gemeenten van vandaag. Met een jaar: de gemeenten die in dat jaar bestonden.",
    )
    # A yes/all choice: "all gemeenten" is the default, not a third "unknown" state.
    alleen_deelnemend = django_filters.ChoiceFilter(
        label="Deelnames",
        method="with_participations",
        choices=[("true", "Alleen gemeenten met deelnames")],
        empty_label="Alle gemeenten",
    )

    class Meta:
        model = Participant
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(code__iexact=value)) if value else queryset

    def of_year(self, queryset, name, value):
        return queryset  # applied by the view, which also counts the deelnames of that year

    def with_participations(self, queryset, name, value):
        return queryset.filter(party_count__gt=0) if value == "true" else queryset
