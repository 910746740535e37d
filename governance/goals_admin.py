"""Admin of doelen and indicatoren: a doel with its indicatoren inline, an indicator with its years
inline, doelen inline on the party; list filters on programma and on the computed status."""

from django import forms
from django.contrib import admin

from core.admin_labels import LabelledTabularInline

from . import selectors
from .goals import Status
from .models import Goal, Indicator, IndicatorValue


class StatusFilter(admin.SimpleListFilter):
    """The status is computed from the figures (governance/goals.py), so the filter computes it too."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() not in Status.values:
            return queryset
        return queryset.filter(pk__in=selectors.goal_ids_with_status(queryset, self.value()))


class IndicatorStatusFilter(StatusFilter):
    def queryset(self, request, queryset):
        if self.value() not in Status.values:
            return queryset
        ids = [i.pk for i in queryset.prefetch_related("values") if i.latest().status == self.value()]
        return queryset.filter(pk__in=ids)


class IndicatorInline(LabelledTabularInline):
    model = Indicator
    extra = 0
    fields = ["name", "unit", "direction", "order"]
    show_change_link = True


class IndicatorValueForm(forms.ModelForm):
    """Streefwaarde and realisatie as Dutch numbers: 82,5 with a decimal comma."""

    class Meta:
        localized_fields = ["target", "actual"]


class IndicatorValueInline(LabelledTabularInline):
    model = IndicatorValue
    form = IndicatorValueForm
    extra = 0
    fields = ["year", "target", "actual", "source", "measured_on"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["title", "party", "kind", "policy_area", "municipality", "status"]
    list_filter = ["policy_area", StatusFilter, "kind", ("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "description", "party__name"]
    autocomplete_fields = ["party", "municipality"]
    list_select_related = ["party", "policy_area", "municipality"]
    fields = ["party", "municipality", "kind", "title", "description", "policy_area", "order"]
    inlines = [IndicatorInline]

    def get_queryset(self, request):
        return selectors.goals_with_figures(super().get_queryset(request))

    @admin.display(description="status")
    def status(self, obj):
        return selectors.goal_outcome(obj).status.label


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "goal", "unit", "direction", "status"]
    list_filter = ["goal__policy_area", IndicatorStatusFilter, "unit", "direction"]
    search_fields = ["name", "goal__title", "goal__party__name"]
    autocomplete_fields = ["goal"]
    list_select_related = ["goal__party"]
    inlines = [IndicatorValueInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("values")

    @admin.display(description="status")
    def status(self, obj):
        return obj.latest().status.label


class GoalInline(admin.StackedInline):
    model = Goal
    extra = 0
    autocomplete_fields = ["municipality"]
    fields = [("kind", "policy_area", "municipality"), "title", "description", "order"]
    show_change_link = True


class MotivesForm(forms.ModelForm):
    """The 4 K's as checkboxes: a gemeente ticks the motives it chose the cooperation for."""

    class Meta:
        widgets = {"motives": forms.CheckboxSelectMultiple}


INTEREST_FIELDSET = (
    "Belang",
    {
        "fields": ["own_interest", "motives", "interest_divergence"],
        "description": "Het eigen belang van de gemeente naast het gedeelde belang van alle deelnemers (bij de "
        "partij), en waar ze uiteenlopen.",
    },
)
