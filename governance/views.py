"""Pages of governance: people and a person's seats (nevenfuncties), a gemeente's dashboard and its .ics feed."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, TemplateView, View
from django_filters.views import FilterView

from accounts import feed_keys
from accounts.private_cache import private_without_login
from core.views import YearMixin
from partners import scoping
from partners.models import Participant

from . import agenda, calendar, early_warnings, selectors
from .attention_points import attention_points_for_municipality, group_by_party
from .filters import PersonFilterSet


class PersonListView(FilterView):
    filterset_class = PersonFilterSet
    template_name = "governance/person_list.html"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        scoping.require_internal_reader(self.request.user)  # contact data of people is not public
        return selectors.person_list(today=timezone.localdate(), user=self.request.user)


class PersonDetailView(DetailView):
    template_name = "governance/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        scoping.require_internal_reader(self.request.user)
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
        public = scoping.reads_public_version(self.request.user)  # aandachtspunten are the gemeente's own
        context["attention"] = group_by_party(
            [] if public else attention_points_for_municipality(municipality=self.object, today=today)
        )
        context["dashboard"] = agenda.municipality_dashboard(municipality=self.object, today=today)
        context["warnings"] = early_warnings.municipality_overview(
            municipality=self.object, today=today, user=self.request.user
        )
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


class AcknowledgeWarningView(MunicipalityDashboardView):
    """POST: a beleidsmedewerker or controller of the gemeente acknowledges an open signal with a note.
    A refused note shows the dashboard again with the message at the signal and the text kept."""

    http_method_names = ["post"]
    NO_NOTE = "Schrijf in de toelichting wat de gemeente met het signaal doet."
    TOO_LONG = "De toelichting is hooguit 2.000 tekens lang."
    GONE = (
        "Dit signaal staat niet (meer) open: een van zijn cijfers is veranderd of het is al opgelost. "
        "Bekijk de signalen hieronder opnieuw."
    )
    DONE = "Het signaal “{rule}” over {party} is bevestigd; het komt terug zodra een van zijn cijfers verandert."
    NOT_ALLOWED = "Alleen een beleidsmedewerker of controller van deze gemeente kan een signaal bevestigen."

    def post(self, request, code):
        scoping.require_internal_reader(request.user)
        self.object = municipality = self.get_object()
        if not early_warnings.may_acknowledge(request.user, municipality):
            return render(request, "403.html", {"reason": self.NOT_ALLOWED}, status=403)
        note = (request.POST.get("toelichting") or "").strip()
        fingerprint = (request.POST.get("cijfers") or "")[:64]
        rule = request.POST.get("signaal") or ""
        try:
            party_id = int(request.POST.get("partij") or "")
        except ValueError:
            party_id = None
        error = self.NO_NOTE if not note else self.TOO_LONG if len(note) > 2000 else None
        if error:
            context = self.get_context_data(
                object=municipality, ack_errors={fingerprint: error}, ack_notes={fingerprint: note}
            )
            return self.render_to_response(context, status=400)
        found = None
        if party_id is not None and rule in early_warnings.WarningRule.values:
            found = early_warnings.acknowledge(
                user=request.user,
                municipality=municipality,
                party_id=party_id,
                rule=rule,
                fingerprint=fingerprint,
                note=note,
                today=timezone.localdate(),
            )
        if found is None:
            messages.error(request, self.GONE, extra_tags="signalen")
        else:
            messages.success(
                request,
                self.DONE.format(rule=found.get_rule_display().lower(), party=found.party),
                extra_tags="signalen",
            )
        return redirect(reverse("governance:dashboard", kwargs={"code": municipality.code}) + "#signalen")


class RegionalWarningsView(TemplateView):
    """/signalen/: the signals of every gemeente the user may see, per party; ?gemeente=GM0014 narrows it."""

    template_name = "governance/warnings.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        scoping.require_internal_reader(user)  # signals are a gemeente's own, not in the public paragraaf
        municipalities = list(scoping.visible_municipalities(user).only("name", "code").order_by("name"))
        chosen = self.request.GET.get("gemeente") or ""
        municipality = next((m for m in municipalities if m.code == chosen), None)
        context.update(
            municipalities=municipalities,
            chosen=municipality.code if municipality else "",
            parties=early_warnings.regional_overview(user=user, today=timezone.localdate(), municipality=municipality),
            thresholds=early_warnings.threshold_texts(),
            heading=f"Signalen van {municipality.name}" if municipality else "Signalen per partij",
            scope_text=_scope_text(municipality, municipalities),
        )
        return context


def _scope_text(municipality: Participant | None, municipalities: list) -> str:
    if municipality is not None:
        return f"gemeente {municipality.name}"
    if len(municipalities) == 1:
        return f"gemeente {municipalities[0].name}"
    return "de gemeenten die u ziet"
