"""The per-council reports: the paragraaf verbonden partijen (HTML preview, PDF, XLSX/CSV of its
overview table) and the factsheet of a party as PDF.

The data is built first (governance/report.py, constant queries), then the PDF is rendered with no
database transaction open, and the result is cached under the data version (governance/report_cache.py).
"""

from django.db import transaction
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import View

from core.exports import Column, export_response
from core.periods import parse_year, report_year
from partners import scoping

from . import factsheet, report, report_cache
from .pdf import html_to_pdf

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
        if fmt == "pdf":
            key = report_cache.report_key(
                "paragraaf", code, year, variant, internal, sees_confidential, today, request.peildatum or ""
            )
            body = report_cache.cached(key, lambda: html_to_pdf(self.render_html(build(), print_mode=True)))
            return pdf_response(body, filename)
        return HttpResponse(self.render_html(build(), print_mode=False))

    def render_html(self, data, *, print_mode: bool) -> str:
        context = {
            "report": data,
            "print_mode": print_mode,
            "may_see_internal": scoping.can_see_confidential(self.request.user),
        }
        return render_to_string(self.template_name, context, request=self.request)


def overview_columns(data: report.ParagraphReport) -> list[Column]:
    """The overview table of the paragraph, with numbers as numbers for pasting into the begroting."""
    kind = "gerealiseerd" if data.is_annual_accounts else "begroot"
    columns = [
        Column("BBV-categorie", lambda s: s.category.label),
        Column("Verbonden partij", lambda s: s.party.name),
        Column("Vestigingsplaats", lambda s: s.party.seat),
        Column("Rechtsvorm", lambda s: s.party.get_legal_form_display()),
        Column("Aandeel (%)", lambda s: s.participation.share_percentage, "percent"),
        Column(f"Bijdrage {data.year} {kind} (€)", lambda s: s.contribution, "euro"),
        Column(f"Belang 1-1-{data.year} (€)", lambda s: s.own.interest_start if s.own else None, "euro"),
        Column(f"Belang 31-12-{data.year} (€)", lambda s: s.own.interest_end if s.own else None, "euro"),
    ]
    if data.is_annual_accounts:
        columns.insert(5, Column(f"Bijdrage {data.year} begroot (€)", lambda s: s.budgeted_contribution, "euro"))
    return columns


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
        key = report_cache.report_key(
            "factsheet", party.pk, municipality.code if municipality else "", year, today, request.peildatum or ""
        )

        def build():
            data = factsheet.party_factsheet(party=party, municipality=municipality, year=year, today=today)
            return html_to_pdf(render_to_string(self.template_name, {"sheet": data}, request=request))

        return pdf_response(report_cache.cached(key, build), f"factsheet-{party.slug}")
