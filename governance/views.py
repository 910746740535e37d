"""Pages of governance: people and a person's seats (nevenfuncties), a gemeente's dashboard and its .ics feed."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, View
from django_filters.views import FilterView

from partners.choices import ParticipantKind
from partners.models import Participant

from . import agenda, calendar, selectors
from .attention_points import attention_points_for_municipality
from .filters import PersonFilterSet


class PersonListView(FilterView):
    filterset_class = PersonFilterSet
    template_name = "governance/person_list.html"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        return selectors.person_list(today=timezone.localdate())


class PersonDetailView(DetailView):
    template_name = "governance/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return selectors.person_detail_queryset(today=timezone.localdate())


class MunicipalityMixin:
    """The gemeente named by the CBS code in the URL; any other code is a 404."""

    def get_object(self, queryset=None):
        return get_object_or_404(Participant, kind=ParticipantKind.GEMEENTE, code=self.kwargs["code"])


class MunicipalityDashboardView(MunicipalityMixin, DetailView):
    template_name = "governance/dashboard.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["today"] = today
        context["points"] = attention_points_for_municipality(municipality=self.object, today=today)
        context["dashboard"] = agenda.municipality_dashboard(municipality=self.object, today=today)
        feed = reverse("governance:deadlines_ics", kwargs={"code": self.object.code})
        context["feed_url"] = self.request.build_absolute_uri(f"{feed}?token={calendar.feed_token(self.object)}")
        return context


@method_decorator(login_not_required, name="dispatch")
class DeadlinesFeedView(MunicipalityMixin, View):
    """The .ics feed: open to logged-in users, and to calendar programs that carry the token."""

    def get(self, request, code):
        municipality = self.get_object()
        if not request.user.is_authenticated and not calendar.token_is_valid(municipality, request.GET.get("token")):
            return redirect_to_login(request.get_full_path())
        today = timezone.localdate()
        start, end = agenda.feed_window(today=today)
        items = agenda.municipality_agenda(municipality=municipality, today=today, start=start, end=end)
        body = calendar.deadlines_calendar(
            municipality=municipality, items=items, base_url=request.build_absolute_uri("/")[:-1], now=timezone.now()
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="termijnen-{municipality.code}.ics"'
        return response
