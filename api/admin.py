"""API keys in the admin: a beheerder makes one for a party's bronhouder; the key is shown once."""

from django.contrib import admin, messages
from django.utils import timezone

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "party", "prefix", "created_by", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "party__name", "prefix"]
    autocomplete_fields = ["party"]
    readonly_fields = ["prefix", "created_by", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        # A key belongs to its party for good: a new party needs a new key.
        return [*self.readonly_fields, "party"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            key = obj.set_new_key()
            super().save_model(request, obj, form, change)
            messages.warning(
                request,
                f"De API-sleutel voor {obj.party.name} is: {key} — kopieer hem nu; hij wordt niet bewaard en "
                "is hierna niet meer te zien.",
            )
            return
        super().save_model(request, obj, form, change)

    @admin.action(description="Geselecteerde API-sleutels intrekken")
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at=None).update(revoked_at=timezone.now())
        self.message_user(request, f"{count} API-sleutel(s) ingetrokken.")
