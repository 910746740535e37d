"""A beheerder switches a gemeente's public register on or off; who did it and when is kept."""

from django.contrib import admin
from django.utils import timezone

from .models import PublicRegister


@admin.register(PublicRegister)
class PublicRegisterAdmin(admin.ModelAdmin):
    list_display = ["municipality", "enabled", "enabled_on", "enabled_by"]
    list_filter = ["enabled"]
    search_fields = ["municipality__name", "municipality__code"]
    autocomplete_fields = ["municipality"]
    list_select_related = ["municipality", "enabled_by"]
    readonly_fields = ["enabled_on", "enabled_by"]

    def save_model(self, request, obj, form, change):
        if obj.enabled and (not change or "enabled" in form.changed_data):
            obj.enabled_on, obj.enabled_by = timezone.now(), request.user
        super().save_model(request, obj, form, change)
