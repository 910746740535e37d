"""The log of imports in the admin: read-only, the imports themselves are made on /import/."""

import logging

from django.contrib import admin

from .models import ImportRun

logger = logging.getLogger(__name__)


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Imports are made on /import/ and kept as a record: read-only here. Only a superuser may delete
    one (a file with personal data kept too long, say); each deletion is logged, besides the admin's own
    LogEntry, as a warning of this module's logger."""

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

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def delete_model(self, request, obj):
        self._log_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._log_deletion(request, list(queryset))
        super().delete_queryset(request, queryset)

    @staticmethod
    def _log_deletion(request, runs):
        for run in runs:
            logger.warning(
                "Import %s (%s, %s, status %s) deleted by %s",
                run.pk,
                run.file_name,
                run.file_hash,
                run.status,
                request.user.get_username(),
            )
