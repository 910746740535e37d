"""Pages of the import (/import/): upload and dry run, the report, the confirmation and the template.

Only beheerders and superusers may import (partners/scoping.py); others get a 404, as if the pages did not exist.
Every page of the import asks the same second factor as the admin (accounts/two_factor.py): the import
writes to the whole register, and the template with the register hands out all of it, confidential
risks too.
The rules live in partners/importer; these views only pass files and users to it.
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView, FormView

from accounts.two_factor import SecondFactorRequiredMixin
from core import jobs, uploads
from core.models import Job
from partners import scoping

from . import jobs as import_jobs
from . import service
from .forms import ImportForm
from .models import ImportRun
from .workbook import template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The start page lists this many runs; all are in the admin (Imports).
HISTORY_LENGTH = 25
# Seconds between two refreshes of the report page while a worker checks the file.
REFRESH_SECONDS = 2


class ImportAccessMixin(SecondFactorRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        scoping.require(scoping.may_import(request.user))
        return super().dispatch(request, *args, **kwargs)


class ImportStartView(ImportAccessMixin, FormView):
    form_class = ImportForm
    template_name = "importer/start.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_runs"] = ImportRun.objects.defer("content").select_related("user")[:HISTORY_LENGTH]
        context["history_length"] = HISTORY_LENGTH
        context["max_mb"] = settings.IMPORT_MAX_MB
        return context

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "too_large": uploads.upload_was_too_large(self.request)}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        user = self.request.user
        run = service.receive(data=upload.read(), filename=upload.name, user=user)
        # Checked by a worker (importer/jobs.py); the report page waits for it (at once without a broker).
        jobs.request(
            "import-check",
            params={"run": str(run.pk)},
            owner=user,
            visibility=import_jobs.visibility(user),
            title=f"Controle van {run.file_name}",
        )
        return redirect(run)


class ImportReportView(ImportAccessMixin, DetailView):
    template_name = "importer/report.html"
    context_object_name = "run"

    def get_queryset(self):
        return ImportRun.objects.defer("content").select_related("user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["refresh_seconds"] = REFRESH_SECONDS if self.object.status == ImportRun.Status.PENDING else None
        return context


class ImportConfirmView(ImportAccessMixin, View):
    def second_factor_next_url(self):
        return reverse("importer:import_report", kwargs={"pk": self.kwargs["pk"]})

    def post(self, request, pk):
        run = get_object_or_404(ImportRun.objects.only("pk", "file_name"), pk=pk)
        # Applied by a worker (importer/jobs.py), exactly once; without a broker before this returns.
        job = jobs.request(
            "import-confirm",
            params={"run": str(run.pk)},
            owner=request.user,
            visibility=import_jobs.visibility(request.user),
            title=f"Import van {run.file_name} uitvoeren",
        )
        if not job.is_finished:
            return redirect("reports:job_status", pk=job.pk)
        if job.status == Job.Status.FAILED:
            messages.error(request, job.error)
        elif ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.APPLIED).exists():
            messages.success(request, job.message)
        else:
            messages.error(request, job.message)
        return redirect(run)


class ImportTemplateView(ImportAccessMixin, View):
    def get(self, request):
        if request.GET.get("met") == "register":
            # The whole register takes seconds: made by a worker (importer/jobs.py), reused until it changes.
            job = jobs.request(
                "register-xlsx",
                params={},
                owner=request.user,
                visibility=import_jobs.visibility(request.user),
                title="Het register in het importsjabloon (XLSX)",
            )
            if job.has_file:
                job = Job.objects.get(pk=job.pk)
                response = HttpResponse(bytes(job.result), content_type=job.content_type)
                response["Content-Disposition"] = f'attachment; filename="{job.filename}"'
                return response
            return redirect("reports:job_status", pk=job.pk)
        response = HttpResponse(template_workbook(), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="importsjabloon-verbonden-partijen.xlsx"'
        return response
