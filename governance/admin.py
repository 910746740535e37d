"""Admin of governance: people and seats, the gemeente's roles per deelname; seats inline on the party."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_labels import LabelledTabularInline
from core.admin_safety import SafeDateHierarchyMixin
from core.periods import report_year
from partners.admin import SuppliedByPartyAdminMixin
from partners.models import Participation, Party

from . import selectors
from .forms import SeatInlineFormSet
from .goals_admin import INTEREST_FIELDSET, GoalInline, MotivesForm
from .models import (
    Assessment,
    ContributionIndex,
    Criterion,
    CycleDocument,
    CycleRules,
    EquatedDay,
    MunicipalPolicy,
    Opinion,
    ParticipationGovernance,
    PartyEvent,
    Person,
    Score,
    Seat,
    WarningAcknowledgement,
    WarningThresholds,
)


class SeatInline(LabelledTabularInline):
    model = Seat
    formset = SeatInlineFormSet
    extra = 0
    autocomplete_fields = ["person", "on_behalf_of"]
    fields = ["person", "body", "role", "on_behalf_of", "started_on", "ended_on", "note"]


class PersonSeatInline(SeatInline):
    autocomplete_fields = ["party", "on_behalf_of"]
    fields = ["party", "body", "role", "on_behalf_of", "started_on", "ended_on", "note"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "function", "municipality", "email"]
    list_filter = ["function", ("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "email", "municipality__name"]
    autocomplete_fields = ["municipality"]
    list_select_related = ["municipality"]
    inlines = [PersonSeatInline]


@admin.register(Seat)
class SeatAdmin(SafeDateHierarchyMixin, SimpleHistoryAdmin):
    list_display = ["person", "party", "body", "role", "on_behalf_of", "started_on", "ended_on"]
    list_filter = ["body", "role", ("on_behalf_of", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["person__name", "party__name", "on_behalf_of__name"]
    autocomplete_fields = ["person", "party", "on_behalf_of"]
    list_select_related = ["person", "party", "on_behalf_of"]
    date_hierarchy = "started_on"


GOVERNANCE_FIELDSETS = [
    ("Rollen", {"fields": ["owner_portfolio_holder", "client_portfolio_holder", "account_holder"]}),
    INTEREST_FIELDSET,
    (
        "Risicoprofiel en sturingsarrangement",
        {
            "fields": [
                "proposed_profile",
                "risk_profile",
                "risk_profile_reason",
                "risk_profile_set_on",
                "last_review_on",
                "next_review",
            ],
            "description": "Hoog: beoordeling elke 6 maanden; midden: elke 12 maanden; laag: elke 4 jaar. "
            "Het register stelt een profiel voor uit de open risico's en het financiële belang; wie een "
            "ander profiel kiest, geeft de onderbouwing. Zonder gekozen profiel geldt het voorstel.",
        },
    ),
]


class NextReviewMixin:
    """Shows the next review date, which follows from the profile and the last review, and the
    profile the register proposes (governance/risk_profile.py) as help next to the hand-set one."""

    readonly_fields = ["next_review", "proposed_profile"]

    @admin.display(description="voorstel van het register")
    def proposed_profile(self, obj):
        if obj is None or obj.pk is None:
            return "Het voorstel verschijnt na het opslaan."
        year = report_year()
        # Every risk counts: only beheerders open the admin, and they may see confidential risks.
        proposals = selectors.risk_profile_proposals(participations=[obj.participation], year=year, user=None)
        proposal = proposals[obj.participation_id]
        return f"{proposal.profile.label} ({year}): {proposal.reasons}"

    @admin.display(description="volgende beoordeling")
    def next_review(self, obj):
        return obj.next_review_on.strftime("%d-%m-%Y") if obj and obj.next_review_on else "—"


@admin.register(ParticipationGovernance)
class ParticipationGovernanceAdmin(NextReviewMixin, SimpleHistoryAdmin):
    form = MotivesForm
    list_display = ["participation", "owner_portfolio_holder", "account_holder", "risk_profile", "last_review_on"]
    list_filter = ["risk_profile"]
    fieldsets = [(None, {"fields": ["participation"]}), *GOVERNANCE_FIELDSETS]
    search_fields = ["participation__party__name", "participation__participant__name"]
    autocomplete_fields = ["participation", "owner_portfolio_holder", "client_portfolio_holder", "account_holder"]
    list_select_related = [
        "participation__party",
        "participation__participant",
        "owner_portfolio_holder",
        "client_portfolio_holder",
        "account_holder",
    ]


class ParticipationGovernanceInline(NextReviewMixin, admin.StackedInline):
    model = ParticipationGovernance
    form = MotivesForm
    extra = 0
    max_num = 1
    can_delete = False
    autocomplete_fields = ["owner_portfolio_holder", "client_portfolio_holder", "account_holder"]
    fieldsets = GOVERNANCE_FIELDSETS


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "group", "order", "municipality"]
    list_filter = ["group", ("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name"]
    autocomplete_fields = ["municipality"]
    list_select_related = ["municipality"]


class ScoreInline(LabelledTabularInline):
    model = Score
    extra = 0
    fields = ["criterion", "score", "note"]


@admin.register(Assessment)
class AssessmentAdmin(SafeDateHierarchyMixin, SimpleHistoryAdmin):
    list_display = ["party", "municipality", "assessed_on", "signal"]
    list_filter = ["signal", ("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["party__name", "municipality__name", "findings"]
    autocomplete_fields = ["party", "municipality"]
    list_select_related = ["party", "municipality"]
    date_hierarchy = "assessed_on"
    inlines = [ScoreInline]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ScoreInline) and obj is None and request.method == "GET":
            # A new assessment starts with a row for every common criterion.
            kwargs["initial"] = [{"criterion": c.pk} for c in Criterion.objects.filter(municipality=None)]
        return kwargs

    def get_inline_instances(self, request, obj=None):
        instances = super().get_inline_instances(request, obj)
        if obj is None:
            count = Criterion.objects.filter(municipality=None).count()
            for inline in instances:
                if isinstance(inline, ScoreInline):
                    inline.extra = count
        return instances


@admin.register(MunicipalPolicy)
class MunicipalPolicyAdmin(SimpleHistoryAdmin):
    list_display = ["municipality", "year"]
    list_filter = ["year"]
    search_fields = ["municipality__name", "text"]
    autocomplete_fields = ["municipality"]
    list_select_related = ["municipality"]


def extend_registered_admin(model, *inlines):
    """Re-register `model` with the admin class registered now plus `inlines`. Building on the
    registered class (not on partners.admin directly) keeps inlines that another app added."""
    registered = type(admin.site.get_model_admin(model))
    admin.site.unregister(model)
    extended = type(registered.__name__, (registered,), {"inlines": [*registered.inlines, *inlines]})
    admin.site.register(model, extended)


class CycleRulesInline(admin.StackedInline):
    model = CycleRules
    extra = 0
    max_num = 1
    fieldsets = [
        (None, {"fields": ["opinion_weeks", "draft_budget_weeks", "note"]}),
        ("Kaderbrief", {"fields": ["framework_letter_day", "framework_letter_month", "framework_letter_before"]}),
        (
            "Voorlopige jaarrekening",
            {"fields": ["provisional_accounts_day", "provisional_accounts_month", "provisional_accounts_before"]},
        ),
    ]


class CycleDocumentInline(LabelledTabularInline):
    model = CycleDocument
    fk_name = "party"
    extra = 0
    fields = [
        "kind",
        "year",
        "title",
        "sent_on",
        "opinion_invited",
        "adopted_on",
        "sent_to_supervisor_on",
        "audit_opinion",
        "url",
    ]
    show_change_link = True


class PartyEventInline(LabelledTabularInline):
    model = PartyEvent
    extra = 0
    fields = ["kind", "date", "title", "note"]


class OpinionInline(admin.StackedInline):
    model = Opinion
    extra = 0
    autocomplete_fields = ["municipality"]
    fields = [
        ("municipality", "status"),
        ("council_decision_on", "sent_on"),
        "text",
        "url",
        ("board_answer", "answered_on"),
    ]


@admin.register(CycleDocument)
class CycleDocumentAdmin(SuppliedByPartyAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "party",
        "kind",
        "year",
        "sent_on",
        "adopted_on",
        "sent_to_supervisor_on",
        "audit_opinion",
    ]
    list_filter = ["kind", "year", "opinion_invited", "audit_opinion"]
    search_fields = ["title", "party__name"]
    autocomplete_fields = ["party"]
    list_select_related = ["party"]
    inlines = [OpinionInline]


@admin.register(Opinion)
class OpinionAdmin(SuppliedByPartyAdminMixin, SimpleHistoryAdmin):
    list_display = ["document", "municipality", "status", "council_decision_on", "sent_on", "answered_on"]
    list_filter = ["status", ("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["document__title", "document__party__name", "municipality__name"]
    autocomplete_fields = ["document", "municipality"]
    list_select_related = ["document__party", "municipality"]


@admin.register(EquatedDay)
class EquatedDayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "description", "source"]
    search_fields = ["description", "source"]


@admin.register(PartyEvent)
class PartyEventAdmin(SafeDateHierarchyMixin, SimpleHistoryAdmin):
    list_display = ["date", "party", "kind", "title"]
    list_filter = ["kind"]
    search_fields = ["title", "party__name"]
    autocomplete_fields = ["party"]
    list_select_related = ["party"]
    date_hierarchy = "date"


extend_registered_admin(Party, SeatInline, CycleRulesInline, CycleDocumentInline, PartyEventInline, GoalInline)
extend_registered_admin(Participation, ParticipationGovernanceInline)


@admin.register(WarningThresholds)
class WarningThresholdsAdmin(SimpleHistoryAdmin):
    """One row of thresholds for the whole register: the beheerder changes it, never adds a second or deletes it."""

    fieldsets = [
        ("Bijdrage", {"fields": ["contribution_margin", "default_index"]}),
        ("Balans en resultaat", {"fields": ["equity_share_min", "solvency_min", "negative_result_years"]}),
        (
            "P&C-cyclus en zienswijzen",
            {"fields": ["document_grace_days", "opinion_answer_weeks", "budget_changes_max"]},
        ),
        ("Monitoring", {"fields": ["monitoring_drop"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not WarningThresholds.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContributionIndex)
class ContributionIndexAdmin(SimpleHistoryAdmin):
    list_display = ["year", "percentage", "source"]
    search_fields = ["source"]


@admin.register(WarningAcknowledgement)
class WarningAcknowledgementAdmin(SimpleHistoryAdmin):
    """Acknowledgements are made on the gemeente's dashboard; here they can be read and, if need be, removed."""

    list_display = ["party", "municipality", "rule", "acknowledged_at", "acknowledged_by"]
    list_filter = ["rule", ("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["party__name", "municipality__name", "note"]
    list_select_related = ["party", "municipality", "acknowledged_by"]
    readonly_fields = ["municipality", "party", "rule", "fingerprint", "acknowledged_by", "acknowledged_at"]

    def has_add_permission(self, request):
        return False
