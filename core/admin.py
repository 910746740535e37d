"""The jobs (core/jobs.py) in the admin, for whoever runs the installation: what is waiting, running or
failed, for whom, since when and why. Read-only: a job is made by asking for its report again; the file
itself is not shown here (it is for its owner and readers who see the same, reports/job_views.py)."""

from django.contrib import admin
from django.utils import timezone

from .admin_safety import SafeDateHierarchyMixin
from .models import Job


@admin.register(Job)
class JobAdmin(SafeDateHierarchyMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "status", "progress", "attempts", "owner", "created_at", "duration"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "owner__username", "error"]
    list_select_related = ["owner"]
    date_hierarchy = "created_at"
    exclude = ["result", "params", "key", "visibility"]
    readonly_fields = [
        "title", "kind", "status", "progress", "attempts", "owner", "created_at", "started_at", "finished_at",
        "duration", "filename", "content_type", "result_url", "message", "error", "data_version",
    ]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).defer("result")

    @admin.display(description="voortgang")
    def progress(self, obj):
        return f"stap {obj.steps_done} van {obj.steps_total}"

    @admin.display(description="duur")
    def duration(self, obj):
        if obj.started_at is None:
            return "nog niet begonnen"
        seconds = ((obj.finished_at or timezone.now()) - obj.started_at).total_seconds()
        text = f"{seconds:.1f} s".replace(".", ",")
        return text if obj.finished_at else f"{text} (loopt nog)"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
