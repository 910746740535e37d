"""Admin of the register for functioneel beheerders."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_labels import LabelledTabularInline

from . import scoping
from .forms import ParticipationInlineFormSet
from .interests import DeclaredUnknown, FinancialInterest
from .models import (
    Participant,
    Participation,
    ParticipationFinancials,
    Party,
    PartyFinancials,
    PolicyArea,
    Population,
    UserMunicipality,
    UserParty,
)


@admin.register(PolicyArea)
class PolicyAreaAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


class PopulationInline(LabelledTabularInline):
    model = Population
    extra = 0
    fields = ["year", "inhabitants", "source"]

    def has_add_permission(self, request, obj=None):
        # Only a gemeente has an inwonertal (the key of the bijdrage per inwoner).
        return obj is None or obj.is_municipality


@admin.register(Participant)
class ParticipantAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "province", "started_on", "ended_on", "successor"]
    list_filter = ["kind", ("province", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "code"]
    autocomplete_fields = ["province", "successor"]
    list_select_related = ["province", "successor"]
    inlines = [PopulationInline]


@admin.register(Population)
class PopulationAdmin(admin.ModelAdmin):
    list_display = ["participant", "year", "inhabitants", "source"]
    list_filter = ["year"]
    search_fields = ["participant__name", "participant__code"]
    autocomplete_fields = ["participant"]
    list_select_related = ["participant"]


class ParticipationInline(LabelledTabularInline):
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
        "share_entered",
        "share_percentage",
        "shares_count",
        "nominal_value",
        "joined_on",
        "left_on",
    ]
    show_change_link = True


class SuppliedByPartyAdminMixin:
    """A beheerder's edit is the register's own, not "aangeleverd door de partij": changing what a party
    supplied clears supplied_by/supplied_at (partners.models.SuppliedByParty), on the page and in inlines."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if hasattr(self.model, "supplied_text"):
            fields += ["supplied_by", "supplied_at"]
        return fields

    def save_model(self, request, obj, form, change):
        if change and hasattr(obj, "beheerder_changed") and form.changed_data:
            obj.beheerder_changed(form.changed_data)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            instance = inline_form.instance
            if instance.pk and hasattr(instance, "beheerder_changed") and inline_form.changed_data:
                instance.beheerder_changed(inline_form.changed_data)
        super().save_formset(request, form, formset, change)


class PartyFinancialsInline(LabelledTabularInline):
    model = PartyFinancials
    fk_name = "party"
    extra = 0
    fields = ["year", "kind", "equity_start", "equity_end", "liabilities_start", "liabilities_end", "result"]


@admin.register(Party)
class PartyAdmin(SuppliedByPartyAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "name",
        "abbreviation",
        "legal_form",
        "bbv_category_label",
        "kind",
        "seat",
        "policy_area",
        "status",
    ]
    list_filter = ["legal_form", "kind", "status", "policy_area"]
    search_fields = ["name", "abbreviation", "seat", "kvk_number"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["central_municipality"]
    list_select_related = ["policy_area"]
    inlines = [ParticipationInline, PartyFinancialsInline]
    fieldsets = [
        (None, {"fields": ["name", "abbreviation", "slug", "legal_form", "central_municipality", "status", "kind"]}),
        ("Wet gemeenschappelijke regelingen", {"fields": ["regeling_kind", "cycle_by_regeling"]}),
        ("Aandelen", {"fields": ["total_shares"]}),
        (
            "Kenmerken",
            {"fields": ["seat", "policy_area", "public_interest", "purpose", "shared_interest", "transferred_powers"]},
        ),
        ("Governance", {"fields": ["exit_conditions", "founded_on", "ended_on"]}),
        ("Registratie", {"fields": ["kvk_number", "website", "regulation_url"]}),
    ]

    @admin.display(description="BBV-categorie")
    def bbv_category_label(self, obj):
        return obj.bbv_category.label


class ParticipationFinancialsInline(LabelledTabularInline):
    model = ParticipationFinancials
    extra = 0
    fields = ["year", "kind", "contribution", "interest_start", "interest_end", "dividend"]


class FinancialInterestInline(admin.StackedInline):
    """Every financial interest of the deelname per year: aandelen, lening, garantie, borgstelling,
    aansprakelijkheid (BBV art. 1 lid 1c), with the boekwaarde of BBV art. 36."""

    model = FinancialInterest
    extra = 0
    fieldsets = [
        (None, {"fields": [("year", "form"), "note"]}),
        ("Aandelen", {"fields": [("shares_count", "nominal_value", "paid_in")]}),
        ("Lening", {"fields": [("principal", "balance_start", "balance_end")]}),
        ("Garantie, borgstelling of aansprakelijkheid", {"fields": ["amount"]}),
        ("Boekwaarde (BBV art. 36)", {"fields": [("book_value_start", "book_value_end")]}),
    ]


class DeclaredUnknownInline(LabelledTabularInline):
    """Figures of BBV art. 15 the paragraaf deliberately prints as "niet bekend", with the reason."""

    model = DeclaredUnknown
    extra = 0
    fields = ["year", "field", "reason"]


@admin.register(Participation)
class ParticipationAdmin(SimpleHistoryAdmin):
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
    inlines = [ParticipationFinancialsInline, FinancialInterestInline, DeclaredUnknownInline]

    @admin.display(description="verbonden partij (BBV)", boolean=True)
    def is_verbonden(self, obj):
        return obj.is_verbonden_partij


@admin.register(PartyFinancials)
class PartyFinancialsAdmin(SuppliedByPartyAdminMixin, SimpleHistoryAdmin):
    list_display = ["party", "year", "kind", "equity_end", "liabilities_end", "result"]
    list_filter = ["kind", "year"]
    search_fields = ["party__name"]
    autocomplete_fields = ["party"]
    list_select_related = ["party"]


@admin.register(ParticipationFinancials)
class ParticipationFinancialsAdmin(SimpleHistoryAdmin):
    list_display = ["participation", "year", "kind", "contribution", "dividend"]
    list_filter = ["kind", "year"]
    search_fields = ["participation__party__name", "participation__participant__name"]
    autocomplete_fields = ["participation"]
    list_select_related = ["participation__party", "participation__participant"]


# --- Users and their gemeenten; the log of admin actions -------------------------------------------


class UserPartyInline(LabelledTabularInline):
    """The parties a bronhouder supplies the figures and documents of."""

    model = UserParty
    extra = 0
    autocomplete_fields = ["party"]
    verbose_name = "partij"
    verbose_name_plural = "partijen (een bronhouder levert hun gegevens aan en ziet alleen deze partijen)"


class UserMunicipalityInline(LabelledTabularInline):
    """The gemeenten a user works for: outside the beheerders, they decide what the user sees."""

    model = UserMunicipality
    extra = 1
    autocomplete_fields = ["municipality"]
    verbose_name = "gemeente"
    verbose_name_plural = "gemeenten (bepalen wat een beleidsmedewerker of controller ziet)"


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class RegisterUserAdmin(UserAdmin):
    inlines = [UserMunicipalityInline, UserPartyInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff", "is_active"]
    list_filter = ["groups", "is_staff", "is_superuser", "is_active"]


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    """Logboek: every change made in the admin, with who made it and when; read-only, for
    beheerders and superusers. Bulk deletions through the admin action are logged per object."""

    list_display = ["action_time", "user", "action_flag", "content_type", "object_repr", "change_text"]
    list_filter = [
        "action_flag",
        ("content_type", admin.RelatedOnlyFieldListFilter),
        ("user", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["object_repr", "user__username", "change_message"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]
    ordering = ["-action_time", "-pk"]
    fields = ["action_time", "user", "action_flag", "content_type", "object_id", "object_repr", "change_text"]
    readonly_fields = fields

    @admin.display(description="wijziging")
    def change_text(self, obj):
        return obj.get_change_message()

    def has_module_permission(self, request):
        return request.user.is_staff and scoping.sees_everything(request.user)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
