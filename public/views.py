"""The pages of the public register: which gemeenten publish, a gemeente's verbonden partijen, a party's
public fields, the vastgestelde paragrafen as PDF, and the gemeente's deelnames as open data (CSV, JSON)."""

import json
from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from core.exports import Column, csv_response

from . import selectors
from .caching import public_page


def _page(template: str, context: dict) -> HttpResponse:
    return HttpResponse(render_to_string(template, context))


@public_page
def index(request):
    return _page("public/index.html", {"municipalities": list(selectors.enabled_municipalities())})


@public_page
def municipality(request, code):
    gemeente = selectors.get_municipality_or_404(code)
    today = timezone.localdate()
    return _page(
        "public/municipality.html",
        {
            "municipality": gemeente,
            "deelnames": selectors.deelnames(municipality=gemeente, today=today),
            "reports": selectors.adopted_reports(gemeente),
            "today": today,
        },
    )


@public_page
def party(request, code, slug):
    gemeente = selectors.get_municipality_or_404(code)
    found = selectors.get_party_or_404(gemeente, slug)
    page = selectors.party_page(municipality=gemeente, party=found, today=timezone.localdate())
    return _page("public/party.html", {"municipality": gemeente, "page": page})


@public_page
def adopted_report(request, code, pk):
    gemeente = selectors.get_municipality_or_404(code)
    report = selectors.get_adopted_report_or_404(gemeente, pk)
    response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
    filename = f"paragraaf-verbonden-partijen-{gemeente.code}-{report.year}-{report.kind}-versie-{report.version}"
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response


def open_data_rows(gemeente) -> list[dict]:
    """One row per deelname that runs today: the fields the open data of a gemeente holds, by Dutch name."""
    rows = []
    for deelname in selectors.deelnames(municipality=gemeente, today=timezone.localdate()):
        found = deelname.party
        rows.append(
            {
                "partij": found.slug,
                "naam": found.name,
                "afkorting": found.abbreviation,
                "rechtsvorm": found.get_legal_form_display(),
                "bbvCategorie": found.bbv_category.label,
                "soort": found.get_kind_display() if found.kind else "",
                "vestigingsplaats": found.seat,
                "openbaarBelang": found.public_interest,
                "beleidsveld": found.policy_area.name if found.policy_area else "",
                "verbondenPartij": deelname.governance_interest and deelname.financial_interest,
                "aandeelPercentage": None if deelname.share_percentage is None else str(deelname.share_percentage),
                "datumToetreding": deelname.joined_on.isoformat() if deelname.joined_on else None,
                "website": found.website,
            }
        )
    return rows


COLUMNS = [
    Column("Identificatie", lambda r: r["partij"]),
    Column("Naam", lambda r: r["naam"]),
    Column("Afkorting", lambda r: r["afkorting"]),
    Column("Rechtsvorm", lambda r: r["rechtsvorm"]),
    Column("BBV-categorie", lambda r: r["bbvCategorie"]),
    Column("Soort", lambda r: r["soort"]),
    Column("Vestigingsplaats", lambda r: r["vestigingsplaats"]),
    Column("Openbaar belang", lambda r: r["openbaarBelang"]),
    Column("Beleidsveld", lambda r: r["beleidsveld"]),
    Column("Verbonden partij (BBV)", lambda r: "ja" if r["verbondenPartij"] else "nee"),
    Column("Aandeel gemeente (%)", lambda r: r["aandeelPercentage"] and Decimal(r["aandeelPercentage"]), "percent"),
    Column("Datum toetreding", lambda r: r["datumToetreding"] and date.fromisoformat(r["datumToetreding"]), "date"),
    Column("Website", lambda r: r["website"]),
]


@public_page
def open_data(request, code, fmt):
    gemeente = selectors.get_municipality_or_404(code)
    rows = open_data_rows(gemeente)
    filename = f"verbonden-partijen-{gemeente.code}"
    if fmt == "csv":
        return csv_response(COLUMNS, rows, filename)
    body = {
        "gemeente": {"code": gemeente.code, "naam": gemeente.name},
        "peildatum": timezone.localdate().isoformat(),
        "deelnames": rows,
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.json"'
    return response
