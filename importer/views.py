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
from core import uploads
from partners import scoping

from . import service
from .forms import ImportForm
from .models import ImportRun
from .workbook import template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The start page lists this many runs; all are in the admin (Imports).
HISTORY_LENGTH = 25


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
        run = service.start(data=upload.read(), filename=upload.name, user=self.request.user)
        return redirect(run)


class ImportReportView(ImportAccessMixin, DetailView):
    template_name = "importer/report.html"
    context_object_name = "run"

    def get_queryset(self):
        return ImportRun.objects.defer("content").select_related("user")


class ImportConfirmView(ImportAccessMixin, View):
    def second_factor_next_url(self):
        return reverse("importer:import_report", kwargs={"pk": self.kwargs["pk"]})

    def post(self, request, pk):
        run = get_object_or_404(ImportRun.objects.only("pk"), pk=pk)
        try:
            run = service.confirm(run_id=run.pk, user=request.user)
        except service.ConfirmRefused as refused:
            messages.error(request, str(refused))
            return redirect(run)
        if run.status == ImportRun.Status.APPLIED:
            messages.success(request, f"De import van {run.file_name} is uitgevoerd.")
        else:
            messages.error(
                request,
                "Het register is sinds de controle veranderd en het bestand geeft nu fouten; er is niets opgeslagen.",
            )
        return redirect(run)


class ImportTemplateView(ImportAccessMixin, View):
    def get(self, request):
        with_register = request.GET.get("met") == "register"
        response = HttpResponse(template_workbook(with_register=with_register), content_type=XLSX)
        name = "register-verbonden-partijen" if with_register else "importsjabloon-verbonden-partijen"
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
