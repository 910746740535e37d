"""Views of the register: the list of parties (with export), the factsheet and the gemeente page."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from . import changes, peildatum, register_cache, scoping, selectors
from .choices import LegalForm, PartyStatus
from .context_processors import user_scope
from .exports import EXPORT_FORMATS, Column, export_response
from .filters import MunicipalityFilterSet, PartyFilterSet
from .models import Participant, Party
from .periods import parse_year, report_year


class YearMixin:
    """The year a page shows: `?jaar=` when it is a valid year, else the report year."""

    @property
    def year(self) -> int:
        return parse_year(self.request.GET.get("jaar")) or report_year()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["year"] = self.year
        context["year_invalid"] = "jaar" in self.request.GET and parse_year(self.request.GET["jaar"]) is None
        return context


class ExportableFilterView(FilterView):
    """A filtered list that also downloads as CSV or XLSX (`?format=`), with the same filters."""

    export_filename = "export"
    export_title = "Export"

    def get_export_columns(self) -> list[Column]:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt is None:
            return super().get(request, *args, **kwargs)
        if fmt not in EXPORT_FORMATS:
            raise Http404(f"Onbekend exportformaat “{fmt}”; kies csv of xlsx.")
        filterset = self.get_filterset(self.get_filterset_class())
        rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        return export_response(fmt, self.get_export_columns(), rows, self.export_filename, self.export_title)


class PartyListView(YearMixin, ExportableFilterView):
    peildatum_supported = True
    filterset_class = PartyFilterSet
    template_name = "partners/party_list.html"
    paginate_by = settings.PAGE_SIZE
    export_filename = "verbonden-partijen"
    export_title = "Verbonden partijen"

    def get_queryset(self):
        return scoping.visible_parties(self.request.user, selectors.party_list(year=self.year))

    def get_export_columns(self):
        # Per-row reverse() and get_FOO_display() took most of the time of an export of the
        # whole register (3,000 rows), so the URL is reversed once and the labels are looked up.
        url_start, _, url_end = self.request.build_absolute_uri(
            reverse("partners:party_detail", kwargs={"slug": "slug"})
        ).rpartition("slug")
        legal_forms, statuses = dict(LegalForm.choices), dict(PartyStatus.choices)
        return [
            Column("Naam", lambda p: p.name),
            Column("Afkorting", lambda p: p.abbreviation),
            Column("Rechtsvorm", lambda p: legal_forms.get(p.legal_form, p.legal_form)),
            Column("BBV-categorie", lambda p: p.bbv_category.label),
            Column("Vestigingsplaats", lambda p: p.seat),
            Column("Deelnemende gemeenten", lambda p: p.municipality_count, "number"),
            Column("Beleidsveld", lambda p: p.policy_area.name if p.policy_area else ""),
            Column("Status", lambda p: statuses.get(p.status, p.status)),
            Column("Oprichtingsdatum", lambda p: p.founded_on, "date"),
            Column("Einddatum", lambda p: p.ended_on, "date"),
            Column("KvK-nummer", lambda p: p.kvk_number),
            Column(f"Bijdragen deelnemers {self.year} (begroting, €)", lambda p: p.total_contribution, "euro"),
            Column("Webadres in het register", lambda p: f"{url_start}{p.slug}{url_end}"),
        ]


class CachedContentMixin:
    """A page whose content (`content_template`, filled by `content_context`) is rendered once per
    change of the register for each URL (year, peildatum), kind of user (what partners/scoping.py
    lets them see) and day (deadlines count down): a factsheet of a national party or the page of a
    gemeente with 116 deelnames is mostly template work (partners/register_cache.py)."""

    content_template: str

    def content_context(self, context: dict) -> dict:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        # One header object for the page and its content, so the user's gemeenten are read once.
        context.update(user_scope(request))
        self.data_version = register_cache.data_version()
        key = register_cache.key(
            self.content_template,
            self.object.pk,
            request.get_full_path(),
            scoping.visibility_key(request.user),
            peildatum.today(),
            request.peildatum_error,  # a refused peildatum's message says when to try again
            version=self.data_version,
        )
        context["content"] = register_cache.cached(
            key, lambda: render_to_string(self.content_template, self.content_context(context), request=request)
        )
        return context


class PartyDetailView(CachedContentMixin, YearMixin, DetailView):
    peildatum_supported = True
    template_name = "partners/party_detail.html"
    content_template = "partners/includes/party_factsheet.html"
    context_object_name = "party"

    def get_queryset(self):
        return scoping.visible_parties(self.request.user, selectors.party_detail_queryset(year=self.year))

    def content_context(self, context):
        party, user = self.object, self.request.user
        participations = selectors.participations_of_party(party=party, year=self.year)
        context["participant_rows"] = selectors.participant_rows(participations[: selectors.FACTSHEET_PARTICIPANTS])
        context["participants_caption"] = f"Deelnemers met hun belang en bijdrage {self.year} (begroting)"
        context["financials"] = list(party.financials.all())
        # A national party's costs over all deelnemers and its history are also kept apart, for other
        # years and other kinds of user.
        at = self.request.peildatum or ""
        context["costs"] = register_cache.cached(
            register_cache.key("partij-kosten", party.pk, self.year, at, version=self.data_version),
            lambda: selectors.party_costs(party=party, year=self.year),
        )
        before = history_cutoff(self.request)
        context["history"] = register_cache.cached(
            register_cache.key(
                "partij-historie",
                party.pk,
                at,
                HISTORY_ON_FACTSHEET,
                scoping.visibility_key(user),
                version=self.data_version,
            ),
            lambda: changes.party_changes(party=party, user=user, before=before, limit=HISTORY_ON_FACTSHEET),
        )
        return context


# The factsheet shows the newest changes; the history page shows them all, page by page.
HISTORY_ON_FACTSHEET = 8


def history_cutoff(request):
    """At a peildatum the history ends with that day."""
    return peildatum.cutoff(request.peildatum) if getattr(request, "peildatum", None) else None


class PartyHistoryView(ListView):
    """/partijen/<slug>/historie/: every change to a party and its records, newest first."""

    template_name = "partners/party_history.html"
    paginate_by = settings.PAGE_SIZE
    peildatum_supported = True

    def get_queryset(self):
        self.party = scoping.get_party_or_404(self.request.user, self.kwargs["slug"])
        return changes.party_changes(party=self.party, user=self.request.user, before=history_cutoff(self.request))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["party"] = self.party
        return context


class PartyParticipantsView(YearMixin, ListView):
    """All deelnemers of one party, page by page (the factsheet shows the first ones)."""

    template_name = "partners/party_participants.html"
    peildatum_supported = True
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        parties = selectors.with_participant_totals(Party.objects.all(), year=self.year)
        self.party = scoping.get_party_or_404(self.request.user, self.kwargs["slug"], parties)
        return selectors.participations_of_party(party=self.party, year=self.year)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["party"] = self.party
        context["participant_rows"] = selectors.participant_rows(context["page_obj"].object_list)
        context["participants_caption"] = (
            f"Alle deelnemers van {self.party.name} met hun belang en bijdrage {self.year} (begroting)"
        )
        return context


class MunicipalityListView(FilterView):
    filterset_class = MunicipalityFilterSet
    template_name = "partners/municipality_list.html"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        year = parse_year(self.request.GET.get("jaar"))
        return scoping.visible_municipalities(self.request.user, selectors.municipalities_with_counts(year=year))


class MunicipalityDetailView(CachedContentMixin, YearMixin, DetailView):
    template_name = "partners/municipality_detail.html"
    content_template = "partners/includes/municipality_page.html"
    context_object_name = "municipality"

    def get_object(self, queryset=None):
        return scoping.get_municipality_or_404(
            self.request.user, self.kwargs["code"], Participant.objects.select_related("province", "successor")
        )

    @property
    def year(self) -> int:
        """A gemeente that no longer exists opens on its last year."""
        chosen = parse_year(self.request.GET.get("jaar"))
        if chosen is None and self.object.ended_on:
            last_day = self.object.ended_on - timedelta(days=1)
            return min(report_year(), last_day.year)
        return chosen or report_year()

    def content_context(self, context):
        context["overview"] = selectors.municipality_overview(municipality=self.object, year=self.year)
        context["central_tasks"] = selectors.central_tasks(municipality=self.object, year=self.year)
        context["name_of_year"] = self.object.name_in(self.year)
        context["absence"] = self.object.absence_in_year(self.year)
        context["costs"] = selectors.municipality_costs(municipality=self.object)
        return context
