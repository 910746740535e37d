"""Pages of the jobs (core/jobs.py): the status of one job that refreshes itself until the file is ready
(no JavaScript: a <meta http-equiv="refresh">, so the strict CSP stays), the file itself, and "Mijn
rapporten" with the user's own jobs. A job's page and file are for its owner and for readers who see the
same (partners/scoping.py); anyone else gets the ordinary 404.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import DetailView, ListView, View

from core import jobs
from core.models import Job
from partners import scoping

# Seconds between two refreshes of the status page.
REFRESH_SECONDS = 2
# "Mijn rapporten" lists this many of the newest jobs.
MY_JOBS = 50


def may_use(user, job: Job) -> bool:
    return job.owner_id == user.pk or job.visibility == scoping.visibility_key(user)


def get_job_or_404(user, pk, queryset=None) -> Job:
    job = get_object_or_404(queryset if queryset is not None else Job.objects.defer("result"), pk=pk)
    if not may_use(user, job):
        raise Http404("Dit rapport bestaat niet of is niet van u.")
    return job


def status_url(job: Job) -> str:
    return reverse("reports:job_status", kwargs={"pk": job.pk})


def file_response(job: Job) -> HttpResponse:
    response = HttpResponse(bytes(job.result), content_type=job.content_type)
    disposition = "inline" if job.content_type == "application/pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{job.filename}"'
    return response


def respond(job: Job) -> HttpResponse:
    """The answer to a request that made or found `job`: its file when it is ready (at once without a
    broker), the page it leads to, or else its status page."""
    if job.has_file:
        if job.result is None:
            job = Job.objects.get(pk=job.pk)
        return file_response(job)
    if job.status == Job.Status.DONE and job.result_url:
        return redirect(job.result_url)
    return redirect(status_url(job))


class JobStatusView(DetailView):
    """/rapporten/<kenmerk>/: "Rapport wordt gemaakt — stap 2 van 4", then the download or the error."""

    template_name = "reports/job_status.html"
    context_object_name = "job"

    def get_object(self, queryset=None):
        return get_job_or_404(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["refresh_seconds"] = None if self.object.is_finished else REFRESH_SECONDS
        context["working"] = jobs.KINDS[self.object.kind].working if self.object.kind in jobs.KINDS else ""
        return context


class JobFileView(View):
    """/rapporten/<kenmerk>/bestand: the file a finished job made."""

    def get(self, request, pk):
        job = get_job_or_404(request.user, pk, Job.objects.all())
        if not job.has_file:
            return redirect(status_url(job))
        return file_response(job)


class MyJobsView(ListView):
    """/rapporten/: the user's own jobs (waiting, running, done and failed), newest first."""

    template_name = "reports/my_jobs.html"
    context_object_name = "jobs"

    def get_queryset(self):
        return jobs.for_owner(self.request.user)[:MY_JOBS]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "keep_days": settings.JOB_KEEP_DAYS}
