"""The per-council reports: the paragraaf verbonden partijen (HTML preview, PDF, XLSX/CSV of its
overview table) and the factsheet of a party as PDF.

The data is built first (governance/report.py, constant queries), then the PDF is rendered with no
database transaction open, and the result is cached under the data version (governance/report_cache.py).
"""

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import View

from partners.choices import ParticipantKind
from partners.exports import Column, export_response
from partners.models import Participant, Party
from partners.periods import parse_year, report_year
from partners.roles import BEHEERDER, CONTROLLER

from . import factsheet, report, report_cache
from .pdf import html_to_pdf

INTERNAL = "intern"


def may_see_internal(user) -> bool:
    """Only controllers, beheerders and superusers get the version with confidential risks."""
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=(CONTROLLER, BEHEERDER)).exists()


def pdf_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class ParagraphReportView(View):
    """/gemeenten/<code>/rapportage/<jaar>/<begroting|jaarstukken>[.pdf|.xlsx|.csv][?versie=intern]"""

    template_name = "reports/paragraph.html"

    def get(self, request, code, year, variant, fmt=None):
        municipality = get_object_or_404(Participant, kind=ParticipantKind.GEMEENTE, code=code)
        year = parse_year(year)
        if year is None or variant not in report.VARIANTS:
            raise Http404("Onbekend jaar of soort rapportage.")
        internal = request.GET.get("versie") == INTERNAL
        if internal and not may_see_internal(request.user):
            raise Http404("De interne versie is er alleen voor controllers en beheerders.")
        today = timezone.localdate()
        filename = f"paragraaf-verbonden-partijen-{code}-{year}-{variant}" + ("-intern" if internal else "")

        def build():
            return report.paragraph_report(
                municipality=municipality, year=year, variant=variant, internal=internal, today=today
            )

        if fmt in ("xlsx", "csv"):
            data = build()
            rows = [party for category in data.categories for party in category.parties]
            return export_response(fmt, overview_columns(data), rows, filename, f"Verbonden partijen {year}")
        if fmt == "pdf":
            key = report_cache.report_key("paragraaf", code, year, variant, internal, today)
            body = report_cache.cached(key, lambda: html_to_pdf(self.render_html(build(), print_mode=True)))
            return pdf_response(body, filename)
        return HttpResponse(self.render_html(build(), print_mode=False))

    def render_html(self, data, *, print_mode: bool) -> str:
        context = {"report": data, "print_mode": print_mode, "may_see_internal": may_see_internal(self.request.user)}
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

    def get(self, request, slug):
        party = get_object_or_404(Party, slug=slug)
        municipality = None
        if request.GET.get("gemeente"):
            municipality = get_object_or_404(Participant, kind=ParticipantKind.GEMEENTE, code=request.GET["gemeente"])
        year = parse_year(request.GET.get("jaar")) or report_year()
        today = timezone.localdate()
        key = report_cache.report_key("factsheet", party.pk, municipality.code if municipality else "", year, today)

        def build():
            data = factsheet.party_factsheet(party=party, municipality=municipality, year=year, today=today)
            return html_to_pdf(render_to_string(self.template_name, {"sheet": data}, request=request))

        return pdf_response(report_cache.cached(key, build), f"factsheet-{party.slug}")
