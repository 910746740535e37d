"""Admin of the register for functioneel beheerders."""

from django.contrib import admin

from .forms import ParticipationInlineFormSet
from .models import (
    ImportRun,
    Participant,
    Participation,
    ParticipationFinancials,
    Party,
    PartyFinancials,
    PolicyArea,
)


@admin.register(PolicyArea)
class PolicyAreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "province", "ended_on"]
    list_filter = ["kind", ("province", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "code"]
    autocomplete_fields = ["province"]
    list_select_related = ["province"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    formset = ParticipationInlineFormSet
    extra = 0
    autocomplete_fields = ["participant"]
    fields = [
        "participant",
        "governance_interest",
        "governance_interest_note",
        "votes",
        "financial_interest",
        "financial_interest_form",
        "share_percentage",
        "shares_count",
        "nominal_value",
        "joined_on",
        "left_on",
    ]
    show_change_link = True


class PartyFinancialsInline(admin.TabularInline):
    model = PartyFinancials
    extra = 0
    fields = ["year", "kind", "equity_start", "equity_end", "liabilities_start", "liabilities_end", "result"]


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "legal_form", "bbv_category_label", "seat", "policy_area", "status"]
    list_filter = ["legal_form", "status", "policy_area"]
    search_fields = ["name", "abbreviation", "seat", "kvk_number"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["central_municipality"]
    list_select_related = ["policy_area"]
    inlines = [ParticipationInline, PartyFinancialsInline]
    fieldsets = [
        (None, {"fields": ["name", "abbreviation", "slug", "legal_form", "central_municipality", "status"]}),
        ("Kenmerken", {"fields": ["seat", "policy_area", "public_interest", "purpose", "transferred_powers"]}),
        ("Governance", {"fields": ["exit_conditions", "founded_on", "ended_on"]}),
        ("Registratie", {"fields": ["kvk_number", "website", "regulation_url"]}),
    ]

    @admin.display(description="BBV-categorie")
    def bbv_category_label(self, obj):
        return obj.bbv_category.label


class ParticipationFinancialsInline(admin.TabularInline):
    model = ParticipationFinancials
    extra = 0
    fields = ["year", "kind", "contribution", "interest_start", "interest_end", "dividend"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = [
        "party",
        "participant",
        "governance_interest",
        "financial_interest",
        "is_verbonden",
        "share_percentage",
    ]
    list_filter = ["governance_interest", "financial_interest", "participant__kind", "party__legal_form"]
    search_fields = ["party__name", "participant__name", "participant__code"]
    autocomplete_fields = ["party", "participant"]
    list_select_related = ["party", "participant"]
    inlines = [ParticipationFinancialsInline]

    @admin.display(description="verbonden partij (BBV)", boolean=True)
    def is_verbonden(self, obj):
        return obj.is_verbonden_partij


@admin.register(PartyFinancials)
class PartyFinancialsAdmin(admin.ModelAdmin):
    list_display = ["party", "year", "kind", "equity_end", "liabilities_end", "result"]
    list_filter = ["kind", "year"]
    search_fields = ["party__name"]
    autocomplete_fields = ["party"]
    list_select_related = ["party"]


@admin.register(ParticipationFinancials)
class ParticipationFinancialsAdmin(admin.ModelAdmin):
    list_display = ["participation", "year", "kind", "contribution", "dividend"]
    list_filter = ["kind", "year"]
    search_fields = ["participation__party__name", "participation__participant__name"]
    autocomplete_fields = ["participation"]
    list_select_related = ["participation__party", "participation__participant"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Imports are made on /import/ and kept as a record: read-only here."""

    list_display = ["file_name", "created_at", "user", "status", "applied_at"]
    list_filter = ["status"]
    search_fields = ["file_name", "user__username"]
    exclude = ["content"]
    readonly_fields = ["file_name", "file_hash", "created_at", "applied_at", "user", "status", "counts", "problems"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
