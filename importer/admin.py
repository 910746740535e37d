"""The log of imports in the admin: read-only, the imports themselves are made on /import/."""

from django.contrib import admin

from .models import ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Imports are made on /import/ and kept as a record: read-only here."""

    list_display = ["file_name", "created_at", "user", "status", "applied_at", "summary"]
    list_filter = ["status"]
    search_fields = ["file_name", "user__username"]
    exclude = ["content"]
    readonly_fields = [
        "file_name", "file_hash", "created_at", "applied_at", "user", "status", "summary", "counts", "problems",
    ]  # fmt: skip

    @admin.display(description="aantallen per tabblad")
    def summary(self, obj):
        return obj.summary

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
