"""The pages that combine the apps: the factsheet of a party (HTML and PDF), its history, the page of a
gemeente, and the paragraaf verbonden partijen (HTML preview, PDF, XLSX/CSV of its overview table).

The data is built first (reports/paragraph.py, reports/factsheet.py, constant queries), then the PDF is
rendered by a worker (reports/jobs.py, core/jobs.py) with no database transaction open, and the result is
kept under the data version.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView, View

from accounts import two_factor
from core import formatting, jobs, peildatum, register_cache, summing
from core.exports import Column, export_response
from core.formatting import NOT_APPLICABLE
from core.models import Job
from core.periods import parse_year, report_year
from core.views import YearMixin
from governance import views as governance_views
from partners import scoping, selectors
from partners import views as partner_views
from partners.context_processors import user_scope
from partners.models import Participant

from . import adoption, changes, factsheet, job_views, municipality_history, overview, pages, tabs
from . import paragraph as report
from .models import AdoptedReport

INTERNAL = "intern"


def pdf_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class ParagraphReportView(View):
    """/gemeenten/<code>/rapportage/<jaar>/<begroting|jaarstukken>[.pdf|.xlsx|.csv][?versie=intern]"""

    template_name = "reports/paragraph.html"
    peildatum_supported = True

    def get(self, request, code, year, variant, fmt=None):
        municipality = scoping.get_municipality_or_404(request.user, code)
        year = parse_year(year)
        if year is None or variant not in report.VARIANTS:
            raise Http404("Onbekend jaar of soort rapportage.")
        internal = request.GET.get("versie") == INTERNAL
        # Only controllers and beheerders get the version with confidential risks.
        scoping.require(not internal or scoping.can_see_confidential(request.user))
        # At a peildatum the report is made as it was on that day, agenda and all (core/peildatum.py).
        today = request.peildatum or timezone.localdate()
        filename = f"paragraaf-verbonden-partijen-{code}-{year}-{variant}" + ("-intern" if internal else "")
        if request.peildatum:
            filename += f"-stand-{request.peildatum:%Y-%m-%d}"

        # Only a reader who may see confidential risks is told how many the public version leaves out.
        sees_confidential = scoping.can_see_confidential(request.user)

        def build():
            return report.paragraph_report(
                municipality=municipality,
                year=year,
                variant=variant,
                internal=internal,
                today=today,
                reader_sees_confidential=sees_confidential,
            )

        if fmt in ("xlsx", "csv"):
            data = build()
            rows = [party for category in data.categories for party in category.parties]
            return export_response(fmt, overview_columns(data), rows, filename, f"Verbonden partijen {year}")
        if fmt == "pdf" and not internal and not request.peildatum and ACTUAL not in request.GET:
            # Once vastgesteld, this URL serves the exact PDF the raad adopted (reports/adoption.py).
            stored = adoption.latest(municipality=municipality, year=year, kind=variant)
            if stored is not None:
                return adopted_pdf_response(stored)
        if fmt == "pdf":
            # Made by a worker (reports/jobs.py); once made, reused until the register changes.
            params = {
                "code": municipality.code,
                "year": year,
                "variant": variant,
                "internal": internal,
                "reader_sees_confidential": sees_confidential,
                "today": today.isoformat(),
                "peildatum": request.peildatum.isoformat() if request.peildatum else "",
                "path": request.path.removesuffix(".pdf"),
                "filename": filename,
            }
            title = f"Paragraaf verbonden partijen {variant} {year} — {municipality.name}" + (
                " (intern)" if internal else ""
            )
            if request.peildatum:
                title += f", stand {request.peildatum:%d-%m-%Y}"
            return job_views.respond(self.request_job("paragraaf-pdf", params, title))
        return HttpResponse(self.render_html(build(), print_mode=False))

    def request_job(self, kind, params, title):
        return request_job(self.request, kind, params, title)

    def render_html(self, data, *, print_mode: bool, adopted: dict | None = None) -> str:
        municipality, user = data.municipality, self.request.user
        context = {
            "report": data,
            "print_mode": print_mode,
            "may_see_internal": scoping.can_see_confidential(user),
            "adopted": adopted,
        }
        if not print_mode:
            context["may_adopt"] = adoption.may_adopt(user, municipality)
            context["adopted_latest"] = adoption.latest(municipality=municipality, year=data.year, kind=data.variant)
            context["adopt_form"] = adoption.AdoptForm()
        return render_to_string(self.template_name, context, request=self.request)


def request_job(request, kind: str, params: dict, title: str):
    """The job (core/jobs.py) for this report and what this reader may see: made once, then reused."""
    visibility = scoping.visibility_key(request.user)
    return jobs.request(kind, params=params, owner=request.user, visibility=visibility, title=title)


# ?actueel shows the register's current state under a URL that serves the vastgestelde versie.
ACTUAL = "actueel"


def adopted_pdf_response(stored) -> HttpResponse:
    filename = (
        f"paragraaf-verbonden-partijen-{stored.municipality.code}-{stored.year}-{stored.kind}"
        f"-vastgesteld-versie-{stored.version}"
    )
    response = pdf_response(bytes(stored.pdf), filename)
    response["ETag"] = f'"{stored.sha256}"'
    return response


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class AdoptReportView(ParagraphReportView):
    """POST /gemeenten/<code>/rapportage/<jaar>/<soort>/vaststellen: store the PDF as vastgesteld."""

    http_method_names = ["post"]

    def post(self, request, code, year, variant):
        municipality = scoping.get_municipality_or_404(request.user, code)
        year = parse_year(year)
        if year is None or variant not in report.VARIANTS:
            raise Http404("Onbekend jaar of soort rapportage.")
        preview = reverse("reports:paragraph_report", kwargs={"code": code, "year": str(year), "variant": variant})
        if not adoption.may_adopt(request.user, municipality):
            raise PermissionDenied("Alleen een controller of beheerder van deze gemeente stelt een rapportage vast.")
        # Whoever has a second factor (beheerders, staff) passes it first, as for every change of data;
        # a controller only reads the register and has none (accounts/two_factor.py).
        if two_factor.may_set_up(request.user) and not two_factor.may_use_admin(request):
            return redirect_to_login(request.path, reverse("accounts:two_factor"))
        form = adoption.AdoptForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(preview)
        today = timezone.localdate()
        data = report.paragraph_report(
            municipality=municipality, year=year, variant=variant, internal=False, today=today
        )
        cleaned = form.cleaned_data
        try:
            version = adoption.check_adoptable(
                report=data,
                municipality=municipality,
                year=year,
                kind=variant,
                correction_reason=cleaned["correction_reason"],
            )
        except adoption.AdoptionRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(preview)
        # The PDF is made and stored by a worker (reports/jobs.py), as the version checked here.
        params = {
            "code": municipality.code,
            "year": year,
            "variant": variant,
            "variant_label": data.variant_label.lower(),
            "version": version,
            "adopted_on": cleaned["adopted_on"].isoformat(),
            "reference": cleaned["reference"],
            "correction_reason": cleaned["correction_reason"],
            "today": today.isoformat(),
            "path": preview,
        }
        title = f"Vaststellen paragraaf verbonden partijen {variant} {year} — {municipality.name}, versie {version}"
        job = self.request_job("paragraaf-vaststellen", params, title)
        if job.status == Job.Status.DONE:
            messages.success(request, job.message)
        elif job.status == Job.Status.FAILED:
            messages.error(request, job.error)
        else:
            return redirect(job_views.status_url(job))
        return redirect(preview)


class AdoptedReportListView(ListView):
    """/gemeenten/<code>/rapportage/vastgesteld/: every vastgestelde versie of the gemeente."""

    template_name = "reports/adopted_list.html"
    context_object_name = "versions"

    def get_queryset(self):
        self.municipality = scoping.get_municipality_or_404(self.request.user, self.kwargs["code"])
        return adoption.versions_of(self.municipality)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["municipality"] = self.municipality
        return context


class AdoptedReportPdfView(View):
    """/gemeenten/<code>/rapportage/vastgesteld/<pk>.pdf: one stored version, byte for byte."""

    def get(self, request, code, pk):
        municipality = scoping.get_municipality_or_404(request.user, code)
        stored = get_object_or_404(AdoptedReport, pk=pk, municipality=municipality)
        return adopted_pdf_response(stored)


def overview_columns(data: report.ParagraphReport) -> list[Column]:
    """The overview table of the paragraph, with numbers as numbers for pasting into the begroting.
    An unknown amount is an empty cell, never 0; a vennootschap's bijdrage is "n.v.t."."""
    kind = "gerealiseerd" if data.is_annual_accounts else "begroot"
    y = data.year

    def contribution(value):
        return lambda s: value(s) if s.contribution_applies else NOT_APPLICABLE

    columns = [
        Column("BBV-categorie", lambda s: s.category.label),
        Column("Verbonden partij", lambda s: s.party.name),
        Column("Vestigingsplaats", lambda s: s.party.seat),
        Column("Rechtsvorm", lambda s: s.party.get_legal_form_display()),
        Column("Aandeel (%)", lambda s: s.participation.share_percentage, "percent"),
        Column(f"Bijdrage {y} {kind} (€)", contribution(lambda s: s.contribution), "euro"),
        Column(f"Belang 1-1-{y} (€)", lambda s: s.own.interest_start if s.own else None, "euro"),
        Column(f"Belang 31-12-{y} (€)", lambda s: s.own.interest_end if s.own else None, "euro"),
        Column(f"Dividend {y} (€)", lambda s: s.dividend, "euro"),
        Column("Aantal aandelen", lambda s: s.interest_total("shares_count", s.shares), "number"),
        Column("Nominale waarde aandelen (€)", lambda s: _nominal(s), "euro"),
        Column("Gestort op aandelen (€)", lambda s: s.interest_total("paid_in", s.shares), "euro"),
        Column("Lening hoofdsom (€)", lambda s: s.interest_total("principal", s.loans), "euro"),
        Column(f"Lening restant 1-1-{y} (€)", lambda s: s.interest_total("balance_start", s.loans), "euro"),
        Column(f"Lening restant 31-12-{y} (€)", lambda s: s.interest_total("balance_end", s.loans), "euro"),
        Column("Garantie / borgstelling (€)", lambda s: s.interest_total("amount", s.guarantees), "euro"),
        Column("Aansprakelijkheid voor tekorten", lambda s: _liability(s)),
        Column(f"Boekwaarde 1-1-{y} (€, BBV art. 36)", lambda s: _amount(s.book_value_start), "euro"),
        Column(f"Boekwaarde 31-12-{y} (€, BBV art. 36)", lambda s: _amount(s.book_value_end), "euro"),
        Column("Bron cijfers partij", lambda s: s.figures_source),
        Column("Eigen vermogen 1-1 (€)", _party_figure("equity_start"), "euro"),
        Column("Eigen vermogen 31-12 (€)", _party_figure("equity_end"), "euro"),
        Column("Vreemd vermogen 1-1 (€)", _party_figure("liabilities_start"), "euro"),
        Column("Vreemd vermogen 31-12 (€)", _party_figure("liabilities_end"), "euro"),
        Column("Resultaat (€)", _party_figure("result"), "euro"),
    ]
    if data.is_annual_accounts:
        columns.insert(5, Column(f"Bijdrage {y} begroot (€)", contribution(lambda s: s.budgeted_contribution), "euro"))
    return columns


def _party_figure(name):
    return lambda s: getattr(s.party_figures, name) if s.party_figures else None


def _amount(total):
    return total.amount if total is not None else None


def _nominal(section):
    """The nominal value of all shares: number × nominal value per share; empty when either is unknown."""
    values = [
        i.shares_count * i.nominal_value if i.shares_count is not None and i.nominal_value is not None else None
        for i in section.shares
    ]
    return summing.total(values).amount if values and None not in values else None


def _liability(section):
    if not section.liabilities:
        return ""
    amount = summing.total(i.amount for i in section.liabilities)
    return "ja" if amount.amount is None else f"ja, {formatting.euro(amount.amount)}"


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class FactsheetPdfView(View):
    """/partijen/<slug>/factsheet.pdf[?gemeente=<cbs_code>]"""

    template_name = "reports/factsheet.html"
    peildatum_supported = True

    def get(self, request, slug):
        party = scoping.get_party_or_404(request.user, slug)
        municipality = None
        if request.GET.get("gemeente"):
            municipality = scoping.get_municipality_or_404(request.user, request.GET["gemeente"])
        year = parse_year(request.GET.get("jaar")) or report_year()
        today = request.peildatum or timezone.localdate()
        # Made by a worker (reports/jobs.py); the printed sheet is the same for every reader.
        params = {
            "party": party.pk,
            "gemeente": municipality.code if municipality else "",
            "year": year,
            "today": today.isoformat(),
            "peildatum": request.peildatum.isoformat() if request.peildatum else "",
            "path": request.path,
            "filename": f"factsheet-{party.slug}",
        }
        title = f"Factsheet {party.name} {year}" + (f" voor {municipality.name}" if municipality else "")
        if request.peildatum:
            title += f", stand {request.peildatum:%d-%m-%Y}"
        return job_views.respond(request_job(request, "factsheet-pdf", params, title))


class CachedContentMixin:
    """A page whose content (`content_template`, filled by `content_context`) is rendered once per
    change of the register for each URL (year, peildatum), kind of user (what partners/scoping.py
    lets them see) and day (deadlines count down): a factsheet of a national party or the page of a
    gemeente with 116 deelnames is mostly template work (core/register_cache.py)."""

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


class PartyTabView(CachedContentMixin, YearMixin, DetailView):
    """One tab of a party's page (reports/tabs.py): the header and tab bar, and the tab's content,
    which loads only its own part of the factsheet (reports/factsheet.py `parts`)."""

    peildatum_supported = True
    template_name = "reports/party_detail.html"
    context_object_name = "party"
    tab = ""
    parts: frozenset[str] = frozenset()

    def get_queryset(self):
        return scoping.visible_parties(self.request.user, selectors.party_detail_queryset(year=self.year))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tabs"] = tabs.party_tabs(self.object, current=self.tab, query=self.request.GET, user=self.request.user)
        return context

    def content_context(self, context):
        party = self.object
        # A national party's costs over all deelnemers are also kept apart, for other kinds of user.
        at = self.request.peildatum or ""

        def remember(name, load):
            return register_cache.cached(
                register_cache.key(f"partij-{name}", party.pk, self.year, at, version=self.data_version), load
            )

        context["sheet"] = factsheet.assemble_factsheet(
            party,
            user=self.request.user,
            year=self.year,
            today=peildatum.today(),
            show_past_seats=self.request.GET.get("zetels") == pages.SHOW_PAST_SEATS,
            remember=remember,
            parts=self.parts,
        )
        return context


class PartyDetailView(PartyTabView):
    """/partijen/<slug>/: the overview, the first questions about a party in a screen or two."""

    content_template = "reports/includes/party_overview.html"

    def content_context(self, context):
        context["overview"] = overview.party_overview(
            party=self.object, user=self.request.user, year=self.year, today=peildatum.today()
        )
        return context


class PartyFinancesView(PartyTabView):
    """/partijen/<slug>/financien/: the party's own figures and the costs through the years."""

    tab = factsheet.FINANCES
    parts = frozenset({factsheet.FINANCES})
    content_template = "reports/includes/party_finances.html"


class PartyGoalsView(PartyTabView):
    """/partijen/<slug>/doelen/: doelen and results, shared and the reader's gemeenten's own."""

    tab = factsheet.GOALS
    parts = frozenset({factsheet.GOALS})
    content_template = "reports/includes/party_goals.html"


class PartyGovernanceView(PartyTabView):
    """/partijen/<slug>/sturing/: representation and roles, the planning-and-control cycle, monitoring."""

    tab = factsheet.GOVERNANCE
    parts = frozenset({factsheet.GOVERNANCE})
    content_template = "reports/includes/party_governance.html"


class PartyRisksView(PartyTabView):
    """/partijen/<slug>/risicos/: the open risks in the matrix, as far as the reader may see them."""

    tab = factsheet.RISKS
    parts = frozenset({factsheet.RISKS})
    content_template = "reports/includes/party_risks.html"


class PartyParticipantsView(partner_views.PartyParticipantsView):
    """/partijen/<slug>/deelnemers/: every deelnemer, page by page, as a tab of the party's page."""

    template_name = "reports/party_participants.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tabs"] = tabs.party_tabs(
            self.party, current="deelnemers", query=self.request.GET, user=self.request.user
        )
        return context


def history_cutoff(request):
    """At a peildatum the history ends with that day."""
    return peildatum.cutoff(request.peildatum) if getattr(request, "peildatum", None) else None


class PartyHistoryView(YearMixin, ListView):
    """/partijen/<slug>/historie/: every change to a party and its records, newest first."""

    template_name = "reports/party_history.html"
    paginate_by = settings.PAGE_SIZE
    peildatum_supported = True

    def get_queryset(self):
        scoping.require_internal_reader(self.request.user)  # who changed what is not in the public version
        self.party = scoping.get_party_or_404(self.request.user, self.kwargs["slug"])
        return changes.party_changes(party=self.party, user=self.request.user, before=history_cutoff(self.request))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["party"] = self.party
        context["tabs"] = tabs.party_tabs(self.party, current="historie", query=self.request.GET)
        return context


class MunicipalityTabView(CachedContentMixin, YearMixin, DetailView):
    """One tab of a gemeente's page (reports/tabs.py): the header and tab bar, and the tab's content."""

    template_name = "reports/municipality_detail.html"
    context_object_name = "municipality"
    tab = ""

    def get_object(self, queryset=None):
        return scoping.get_municipality_or_404(
            self.request.user, self.kwargs["code"], Participant.objects.select_related("province", "successor")
        )

    @property
    def year(self) -> int:
        """A gemeente that no longer exists opens on its last year."""
        return municipality_year(self.request, self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tabs"] = tabs.municipality_tabs(self.object, current=self.tab, query=self.request.GET)
        context["name_of_year"] = self.object.name_in(self.year)
        context["absence"] = self.object.absence_in_year(self.year)
        return context

    def participations(self):
        return pages.municipality_participations(municipality=self.object, year=self.year)


def municipality_year(request, municipality) -> int:
    chosen = parse_year(request.GET.get("jaar"))
    if chosen is None and municipality.ended_on:
        last_day = municipality.ended_on - timedelta(days=1)
        return min(report_year(), last_day.year)
    return chosen or report_year()


class MunicipalityDetailView(MunicipalityTabView):
    """/gemeenten/<code>/: the overview of a gemeente."""

    content_template = "reports/includes/municipality_overview.html"

    def content_context(self, context):
        context["page"] = overview.municipality_overview_page(
            municipality=self.object,
            user=self.request.user,
            year=self.year,
            today=peildatum.today(),
            participations=self.participations(),
        )
        return context


class MunicipalityParticipationsView(MunicipalityTabView):
    """/gemeenten/<code>/deelnames/: the deelnames in the four BBV categories, the tasks as
    centrumgemeente and the other cooperations."""

    tab = "deelnames"
    content_template = "reports/includes/municipality_participations.html"

    def content_context(self, context):
        context["overview"] = selectors.municipality_overview(
            municipality=self.object, year=self.year, participations=self.participations()
        )
        context["central_tasks"] = selectors.central_tasks(municipality=self.object, year=self.year)
        return context


class MunicipalityFinancesView(MunicipalityTabView):
    """/gemeenten/<code>/financien/: the bijdragen through the years, per inhabitant and per party."""

    tab = "financien"
    content_template = "reports/includes/municipality_finances.html"

    def content_context(self, context):
        context["costs"] = selectors.municipality_costs(municipality=self.object, participations=self.participations())
        return context


class MunicipalityGovernanceView(MunicipalityTabView):
    """/gemeenten/<code>/sturing/: visie, risk profiles per deelname and who sits where."""

    tab = "sturing"
    content_template = "reports/includes/municipality_governance.html"

    def content_context(self, context):
        context["sections"] = pages.municipality_sections(
            municipality=self.object,
            year=self.year,
            user=self.request.user,
            today=peildatum.today(),
            participations=self.participations(),
            parts=frozenset({pages.GOVERNANCE_PART}),
        )
        return context


class MunicipalityRisksView(MunicipalityTabView):
    """/gemeenten/<code>/risicos/: the open risks of the gemeente's parties in the matrix."""

    tab = "risicos"
    content_template = "reports/includes/municipality_risks.html"

    def content_context(self, context):
        context["sections"] = pages.municipality_sections(
            municipality=self.object,
            year=self.year,
            user=self.request.user,
            today=peildatum.today(),
            participations=[],
            parts=frozenset({pages.RISKS_PART}),
        )
        return context


class MunicipalityHistoryView(MunicipalityTabView):
    """/gemeenten/<code>/historie/: toetredingen, uittredingen, herindelingen and vastgestelde paragrafen,
    and every change to the gemeente's own records (reports/changes.py), a page at a time."""

    tab = "historie"
    content_template = "reports/includes/municipality_history.html"

    def content_context(self, context):
        context["events"] = municipality_history.municipality_history(municipality=self.object)
        # The change history with its authors is the gemeente's own (partners/scoping.py): not in the
        # public version a raadslid or griffier reads.
        context["show_changes"] = not scoping.reads_public_version(self.request.user)
        if context["show_changes"]:
            found = changes.municipality_changes(
                municipality=self.object, user=self.request.user, before=history_cutoff(self.request)
            )
            context["page_obj"] = Paginator(found, settings.PAGE_SIZE).get_page(self.request.GET.get("page"))
        return context


class MunicipalityGoalsView(governance_views.MunicipalityGoalsView):
    """/gemeenten/<code>/doelen/: the doelen per begrotingsprogramma, as a tab of the gemeente's page."""

    template_name = "reports/municipality_goals.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tabs"] = tabs.municipality_tabs(self.object, current="doelen", query=self.request.GET)
        context["name_of_year"] = self.object.name_in(self.year)
        return context
