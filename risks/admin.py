"""Admin of the risk register: risks with their measures inline, the matrix settings and the
weerstandscapaciteit per gemeente. The admin saves a risk and its measures in one transaction."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_labels import LabelledTabularInline
from core.admin_safety import SafeDateHierarchyMixin
from partners.admin import SuppliedByPartyAdminMixin
from partners.choices import ParticipantKind

from .forms import ResistanceCapacityForm, RiskForm
from .models import LikelihoodClass, Measure, ResistanceCapacity, Risk, RiskLevel


class MeasureInline(LabelledTabularInline):
    model = Measure
    extra = 1
    fields = ["description", "owner", "due_on", "status"]


@admin.register(Risk)
class RiskAdmin(SuppliedByPartyAdminMixin, SafeDateHierarchyMixin, SimpleHistoryAdmin):
    form = RiskForm
    list_display = ["title", "party", "participation", "category", "likelihood", "impact", "status", "confidential"]
    list_filter = ["category", "status", "confidential", "likelihood", "impact"]
    search_fields = ["title", "description", "owner", "party__name"]
    autocomplete_fields = ["party", "participation"]
    list_select_related = ["party", "participation__party", "participation__participant"]
    date_hierarchy = "identified_on"
    inlines = [MeasureInline]
    fieldsets = [
        (None, {"fields": ["party", "participation", "category", "title", "description"]}),
        ("Beoordeling", {"fields": ["likelihood", "impact", "amount_min", "amount_max"]}),
        ("Beheer", {"fields": ["status", "owner", "identified_on", "reviewed_on", "confidential"]}),
    ]


@admin.register(LikelihoodClass)
class LikelihoodClassAdmin(SimpleHistoryAdmin):
    list_display = ["value", "name", "probability"]
    list_editable = ["name", "probability"]


@admin.register(RiskLevel)
class RiskLevelAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "min_score", "background", "text_color"]


@admin.register(ResistanceCapacity)
class ResistanceCapacityAdmin(SimpleHistoryAdmin):
    form = ResistanceCapacityForm
    list_display = ["municipality", "year", "available", "percentile", "iterations"]
    list_filter = ["year"]
    search_fields = ["municipality__name", "municipality__code"]
    autocomplete_fields = ["municipality"]
    list_select_related = ["municipality"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "municipality":
            kwargs["queryset"] = db_field.related_model.objects.filter(kind=ParticipantKind.GEMEENTE)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
