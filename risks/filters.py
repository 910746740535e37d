"""FilterSet of the risk list; the page and its CSV/XLSX export share it."""

import django_filters
from django.db.models import Q

from partners import scoping
from partners.models import Party

from . import matrix, selectors
from .choices import RiskCategory, RiskStatus
from .models import Risk, RiskLevel

YES_NO = [("ja", "Ja"), ("nee", "Nee")]


class RiskFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Zoeken")
    gemeente = django_filters.ModelChoiceFilter(
        label="Gemeente",
        method="for_municipality",
        to_field_name="code",
        queryset=lambda request: scoping.visible_municipalities(request.user).order_by("name"),
        empty_label="Alle gemeenten",
    )
    partij = django_filters.ModelChoiceFilter(
        label="Partij",
        field_name="party",
        to_field_name="slug",
        queryset=lambda request: scoping.visible_parties(request.user, Party.objects.all()),
        empty_label="Alle partijen",
    )
    categorie = django_filters.ChoiceFilter(
        label="Categorie", field_name="category", choices=RiskCategory.choices, empty_label="Alle categorieën"
    )
    niveau = django_filters.ModelChoiceFilter(
        label="Niveau",
        method="at_level",
        to_field_name="code",
        queryset=selectors.level_queryset(),
        empty_label="Alle niveaus",
    )
    status = django_filters.ChoiceFilter(label="Status", choices=RiskStatus.choices, empty_label="Alle statussen")
    maatregelen = django_filters.ChoiceFilter(
        label="Beheersmaatregelen",
        method="with_measures",
        choices=[("met", "Met maatregelen"), ("zonder", "Zonder maatregelen")],
        empty_label="Met en zonder",
    )
    herbeoordeling_verlopen = django_filters.ChoiceFilter(
        label="Herbeoordeling verlopen", method="review_overdue", choices=YES_NO, empty_label="Alle risico's"
    )
    vertrouwelijk = django_filters.ChoiceFilter(
        label="Vertrouwelijk", method="confidential", choices=YES_NO, empty_label="Alle risico's"
    )
    kans = django_filters.ChoiceFilter(
        label="Kans",
        field_name="likelihood",
        choices=[(v, f"{v} – {label}") for v, label in matrix.LIKELIHOOD_LABELS.items()],
        empty_label="Alle kansen",
    )
    impact = django_filters.ChoiceFilter(
        label="Impact",
        field_name="impact",
        choices=[(v, f"{v} – {label}") for v, label in matrix.IMPACT_LABELS.items()],
        empty_label="Alle impacts",
    )
    o = django_filters.OrderingFilter(
        label="Sorteren op",
        fields=(
            ("title", "titel"),
            ("party__name", "partij"),
            ("category", "categorie"),
            ("likelihood", "kans"),
            ("impact", "impact"),
            ("score_value", "score"),
            ("amount_max", "maximum"),
            ("status", "status"),
            ("reviewed_on", "beoordeeld"),
            ("measure_count", "maatregelen"),
        ),
    )

    class Meta:
        model = Risk
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None and not scoping.can_see_confidential(request.user):
            del self.filters["vertrouwelijk"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value) | Q(owner__icontains=value))

    def for_municipality(self, queryset, name, value):
        return queryset.for_municipality(value) if value else queryset

    def at_level(self, queryset, name, value):
        if not value:
            return queryset
        low, high = matrix.score_range(value, RiskLevel.objects.all())
        return queryset.filter(score_value__gte=low, score_value__lte=high)

    def with_measures(self, queryset, name, value):
        if value == "met":
            return queryset.filter(measure_count__gt=0)
        if value == "zonder":
            return queryset.filter(measure_count=0)
        return queryset

    def review_overdue(self, queryset, name, value):
        if not value:
            return queryset
        overdue = queryset.review_overdue()
        return overdue if value == "ja" else queryset.exclude(pk__in=overdue.values("pk"))

    def confidential(self, queryset, name, value):
        return queryset.filter(confidential=value == "ja") if value else queryset
