"""Views of the risk register: the filtered risk list (with export), a risk with its measures, and
the weerstandsvermogen of a gemeente."""

import hashlib

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.views.generic import DetailView

from core.exports import Column
from core.views import ExportableFilterView, YearMixin
from partners import scoping
from partners.models import Participant

from . import exposure, matrix, selectors, svg
from .filters import RiskFilterSet


class RiskListView(ExportableFilterView):
    filterset_class = RiskFilterSet
    template_name = "risks/risk_list.html"
    paginate_by = settings.PAGE_SIZE
    export_filename = "risicos"
    export_title = "Risico's"

    def get_queryset(self):
        return selectors.risk_list().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selectors.attach_levels(context["object_list"], selectors.levels())
        return context

    def get_export_columns(self):
        levels = selectors.levels()
        probabilities = selectors.probabilities()

        def level_name(risk):
            level = matrix.level_for(risk.score, levels)
            return level.name if level else ""

        return [
            Column("Partij", lambda r: r.party.name),
            Column("Deelname van", lambda r: r.participation.participant.name if r.participation else ""),
            Column("Categorie", lambda r: r.get_category_display()),
            Column("Titel", lambda r: r.title),
            Column("Omschrijving", lambda r: r.description),
            Column("Kans (klasse)", lambda r: r.likelihood, "number"),
            Column("Kans (%)", lambda r: probabilities.get(r.likelihood), "percent"),
            Column("Impact (klasse)", lambda r: r.impact, "number"),
            Column("Score", lambda r: r.score, "number"),
            Column("Niveau", level_name),
            Column("Financieel gevolg minimum (€)", lambda r: r.low_amount, "euro"),
            Column("Financieel gevolg maximum (€)", lambda r: r.amount_max, "euro"),
            Column("Status", lambda r: r.get_status_display()),
            Column("Eigenaar", lambda r: r.owner),
            Column("Geïdentificeerd", lambda r: r.identified_on, "date"),
            Column("Laatst beoordeeld", lambda r: r.reviewed_on, "date"),
            Column("Herbeoordeling verlopen", lambda r: r.is_review_overdue),
            Column("Beheersmaatregelen", lambda r: r.measure_count, "number"),
            Column("Vertrouwelijk", lambda r: r.confidential),
            Column("Webadres in het register", lambda r: self.request.build_absolute_uri(r.get_absolute_url())),
        ]


class RiskDetailView(DetailView):
    template_name = "risks/risk_detail.html"
    context_object_name = "risk"

    def get_queryset(self):
        return selectors.risk_detail_queryset().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        risk = self.object
        context["level"] = matrix.level_for(risk.score, selectors.levels())
        context["probability"] = selectors.probabilities().get(risk.likelihood)
        context["measures"] = list(risk.measures.all())
        return context


class ResistanceView(YearMixin, DetailView):
    template_name = "risks/resistance.html"
    context_object_name = "municipality"

    def get_object(self, queryset=None):
        # The public version has the weerstandsvermogen in the paragraaf, without the count of confidential risks.
        scoping.require_internal_reader(self.request.user)
        return scoping.get_municipality_or_404(
            self.request.user, self.kwargs["code"], Participant.objects.select_related("province")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        overview = exposure.resistance_overview(municipality=self.object, year=self.year)
        markers = [(float(overview.required), f"benodigd (P{_pct(overview.percentile)})", "marker--required")]
        if overview.available is not None:
            markers.append((float(overview.available), "beschikbaar", "marker--available"))
        context["overview"] = overview
        context["listed"] = exposure.listed_for(
            overview.exposure, shown=lambda risk: scoping.shown_to(user, confidential=risk.confidential)
        )
        context["chart"] = svg.histogram_layout(overview.histogram.edges, overview.histogram.counts, markers)
        return context


def _pct(value) -> str:
    return f"{value.normalize():f}".replace(".", ",")


@login_not_required
def level_styles(request):
    """The colours of the risk levels as CSS (set in the admin, so not a static file). Open
    without login: the login page shares the page head, and colours are no secret."""
    css = matrix.level_stylesheet(selectors.levels())
    etag = quote_etag(hashlib.sha256(css.encode()).hexdigest()[:32])
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return get_conditional_response(request, etag=etag, response=response)
