"""Pages of governance: people and a person's seats (nevenfuncties), a gemeente's dashboard and its .ics feed."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, View
from django_filters.views import FilterView

from accounts import feed_keys
from accounts.private_cache import private_without_login
from core.views import YearMixin
from partners import scoping

from . import agenda, calendar, selectors
from .attention_points import attention_points_for_municipality, group_by_party
from .filters import PersonFilterSet


class PersonListView(FilterView):
    filterset_class = PersonFilterSet
    template_name = "governance/person_list.html"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        return selectors.person_list(today=timezone.localdate(), user=self.request.user)


class PersonDetailView(DetailView):
    template_name = "governance/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return selectors.person_detail_queryset(today=timezone.localdate(), user=self.request.user)


class MunicipalityMixin:
    """The gemeente named by the CBS code in the URL, if the user may see it; anything else is a 404."""

    def get_object(self, queryset=None):
        return scoping.get_municipality_or_404(self.request.user, self.kwargs["code"])


class MunicipalityDashboardView(MunicipalityMixin, DetailView):
    template_name = "governance/dashboard.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["today"] = today
        context["attention"] = group_by_party(attention_points_for_municipality(municipality=self.object, today=today))
        context["dashboard"] = agenda.municipality_dashboard(municipality=self.object, today=today)
        feed = reverse("governance:deadlines_ics", kwargs={"code": self.object.code})
        token = calendar.feed_token(self.object, user=self.request.user)
        context["feed_url"] = self.request.build_absolute_uri(f"{feed}?token={token}")
        return context


FEED_KEY_RENEWED = (
    "Uw agenda-adres is vernieuwd. Het oude adres werkt niet meer, ook niet dat van andere gemeenten: "
    "abonneer u in uw agendaprogramma opnieuw met het adres hieronder."
)


class RenewFeedTokenView(MunicipalityMixin, View):
    """A new agenda key for the user (the button on the dashboard): every address he had stops at once.
    No second factor (accounts/two_factor.py): it only withdraws, and the new address is shown to the
    same session that could already read the dashboard and the old one."""

    http_method_names = ["post"]

    def post(self, request, code):
        municipality = self.get_object()
        feed_keys.renew(request.user)
        messages.success(request, FEED_KEY_RENEWED)
        return redirect(reverse("governance:dashboard", kwargs={"code": municipality.code}) + "#agenda")


@method_decorator(private_without_login, name="dispatch")
class DeadlinesFeedView(MunicipalityMixin, View):
    """The .ics feed: open to logged-in users, and to calendar programs that carry a user's token;
    either way the feed opens only for a gemeente that user may see."""

    def get(self, request, code):
        user = request.user
        if not user.is_authenticated:
            user = calendar.token_user(code, request.GET.get("token"))
            if user is None:
                return redirect_to_login(request.get_full_path())
        municipality = scoping.get_municipality_or_404(user, code)
        today = timezone.localdate()
        start, end = agenda.feed_window(today=today)
        items = agenda.municipality_agenda(municipality=municipality, today=today, start=start, end=end)
        body = calendar.deadlines_calendar(
            municipality=municipality, items=items, base_url=request.build_absolute_uri("/")[:-1], now=timezone.now()
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="termijnen-{municipality.code}.ics"'
        return response


class MunicipalityGoalsView(YearMixin, MunicipalityMixin, DetailView):
    """The doelen of a gemeente's verbonden partijen per begrotingsprogramma (BBV art. 8 lid 3b)."""

    template_name = "governance/municipality_goals.html"
    context_object_name = "municipality"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["goals"] = selectors.municipality_goals(municipality=self.object, year=self.year)
        return context
