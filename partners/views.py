"""Views of the register: the list of parties (with export), a party's deelnemers and the list of gemeenten.

The factsheet, the gemeente page and the history combine all apps: reports/views.py."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.generic import ListView, TemplateView
from django_filters.views import FilterView

from core import peildatum, register_cache
from core.exports import Column
from core.periods import parse_year
from core.views import ExportableFilterView, YearMixin

from . import comparison, scoping, selectors
from .choices import LegalForm, PartyKind, PartyStatus
from .context_processors import user_scope
from .filters import MunicipalityFilterSet, PartyFilterSet
from .models import Party


class PartyListView(YearMixin, ExportableFilterView):
    peildatum_supported = True
    filterset_class = PartyFilterSet
    template_name = "partners/party_list.html"
    paginate_by = settings.PAGE_SIZE
    export_filename = "verbonden-partijen"
    export_title = "Verbonden partijen"

    # The filters, the count, the table and the pages of the list, rendered once per change of the register
    # for each URL (filters, sorting, page, year, peildatum), kind of user (what partners/scoping.py lets
    # them see) and day; the requests in between read them from the cache (core/register_cache.py).
    content_template = "partners/includes/party_list_content.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") is not None:
            return super().get(request, *args, **kwargs)
        self.content_key = register_cache.key(
            self.content_template,
            request.get_full_path(),
            scoping.visibility_key(request.user),
            peildatum.today(),
            request.peildatum_error,  # a refused peildatum's message says when to try again
        )
        content = cache.get(self.content_key)
        if content is not None:
            return TemplateResponse(request, self.template_name, {"content": content})
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # One header object for the page and its content, so the user's gemeenten are read once.
        context.update(user_scope(self.request))
        context["content"] = render_to_string(self.content_template, context, request=self.request)
        cache.set(self.content_key, context["content"], timeout=register_cache.TIMEOUT)
        return context

    def get_queryset(self):
        return scoping.visible_parties(self.request.user, selectors.party_list(year=self.year))

    def get_export_columns(self):
        # Per-row reverse() and get_FOO_display() took most of the time of an export of the
        # whole register (3,000 rows), so the URL is reversed once and the labels are looked up.
        url_start, _, url_end = self.request.build_absolute_uri(
            reverse("reports:party_detail", kwargs={"slug": "slug"})
        ).rpartition("slug")
        legal_forms, statuses, kinds = dict(LegalForm.choices), dict(PartyStatus.choices), dict(PartyKind.choices)
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
            Column("Soort partij", lambda p: kinds.get(p.kind, p.kind)),
        ]


class PartyParticipantsView(YearMixin, ListView):
    """All deelnemers of one party, page by page. The page that shows them (a tab of the party's page)
    sets the template."""

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


class PartyComparisonView(YearMixin, TemplateView):
    """A party against the parties of its kind across the register (partners/comparison.py)."""

    template_name = "partners/party_comparison.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        party = scoping.get_party_or_404(self.request.user, self.kwargs["slug"])
        context["party"] = party
        found = comparison.peer_comparison(party=party, year=self.year, user=self.request.user)
        context["comparison"] = found
        # The table names the visible parties a page at a time (a kind has hundreds nationally); this party
        # heads every page, the median and spread above are over the whole kind.
        others = [peer for peer in found.shown_peers if peer is not found.own]
        page = Paginator(others, settings.PAGE_SIZE).get_page(self.request.GET.get("page"))
        context["page_obj"] = page
        context["peer_rows"] = ([found.own] if found.own else []) + list(page)
        return context


class MunicipalityComparisonView(YearMixin, TemplateView):
    """A gemeente's bijdrage per inwoner against its co-deelnemers and the same kind elsewhere."""

    template_name = "partners/municipality_comparison.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = scoping.get_municipality_or_404(self.request.user, self.kwargs["code"])
        context["municipality"] = municipality
        context["comparison"] = comparison.municipality_comparison(municipality=municipality, year=self.year)
        return context
