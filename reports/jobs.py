"""The reports as jobs (core/jobs.py): the paragraaf verbonden partijen and the factsheet as PDF, made by a
worker from the parameters the view checked. The view has already decided what the reader may see
(partners/scoping.py); the parameters say it (internal, reader_sees_confidential), and the job's key holds
the reader's visibility, so a result is reused only for readers who see the same.
"""

import contextlib
from datetime import date

from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string

from core import jobs, peildatum
from partners import selectors
from partners.models import Participant

from . import adoption, factsheet, pdf
from . import paragraph as report

PDF = "application/pdf"
PARAGRAPH_TEMPLATE = "reports/paragraph.html"
FACTSHEET_TEMPLATE = "reports/factsheet.html"


def stand_in_request(*, user, path: str, day: date | None) -> HttpRequest:
    """What the report templates read of a request (the reader, the path, the peildatum), in a worker."""
    request = HttpRequest()
    request.user = user
    request.path = request.path_info = path
    request.GET = QueryDict()
    request.META = {"SERVER_NAME": "localhost", "SERVER_PORT": "443"}
    request.peildatum, request.peildatum_error = day, None
    return request


def _at(params: dict):
    """Reads of the register as they were on the job's peildatum, if it has one."""
    day = date.fromisoformat(params["peildatum"]) if params.get("peildatum") else None
    return (peildatum.state_on(day) if day else contextlib.nullcontext()), day


@jobs.kind("paragraaf-pdf", steps=4)
def paragraph_pdf(job, progress) -> jobs.Outcome:
    p = job.params
    context, day = _at(p)
    with context:
        municipality = Participant.objects.municipalities().get(code=p["code"])
        data = report.paragraph_report(
            municipality=municipality,
            year=p["year"],
            variant=p["variant"],
            internal=p["internal"],
            today=date.fromisoformat(p["today"]),
            reader_sees_confidential=p["reader_sees_confidential"],
        )
        progress(1)
        request = stand_in_request(user=job.owner, path=p["path"], day=day)
        html = render_to_string(
            PARAGRAPH_TEMPLATE, {"report": data, "print_mode": True, "may_see_internal": False}, request=request
        )
    progress(2)
    body = pdf.html_to_pdf(html, laid_out=lambda: progress(3))
    return jobs.Outcome(body=body, filename=f"{p['filename']}.pdf", content_type=PDF)


@jobs.kind("paragraaf-vaststellen", steps=5, working="Vastgestelde versie wordt gemaakt")
def adopt_paragraph(job, progress) -> jobs.Outcome:
    """The PDF of the paragraaf as the raad adopted it, stored once as the version the view checked
    (reports/adoption.py). Run again after a worker stopped, it finds the version it stored and stops."""
    p = job.params
    municipality = Participant.objects.municipalities().get(code=p["code"])
    adopted_on = date.fromisoformat(p["adopted_on"])
    cleaned = {
        "adopted_on": adopted_on,
        "reference": p["reference"],
        "correction_reason": p["correction_reason"],
    }
    where = {"municipality": municipality, "year": p["year"], "kind": p["variant"]}
    preview = p["path"]
    stored = adoption.stored_version(**where, version=p["version"], user=job.owner, adopted_on=adopted_on)
    if stored is None:
        today = date.fromisoformat(p["today"])
        try:
            current = adoption.latest(**where)
            if (current.version if current else 0) + 1 != p["version"]:
                raise adoption.AdoptionRefused(
                    f"Intussen is versie {current.version} van deze rapportage vastgesteld door "
                    f"{current.stored_by.get_full_name() or current.stored_by.username}. Open de rapportage "
                    "opnieuw en stel zo nodig een correctie vast als nieuwe versie."
                )
            data = report.paragraph_report(
                municipality=municipality, year=p["year"], variant=p["variant"], internal=False, today=today
            )
            adoption.check_adoptable(report=data, **where, correction_reason=p["correction_reason"])
            progress(1)
            request = stand_in_request(user=job.owner, path=preview, day=None)
            context = {
                "report": data,
                "print_mode": True,
                "may_see_internal": False,
                "adopted": {**cleaned, "version": p["version"]},
            }
            html = render_to_string(PARAGRAPH_TEMPLATE, context, request=request)
            progress(2)
            body = pdf.html_to_pdf(html, laid_out=lambda: progress(3))
            progress(4)
            stored = adoption.store(
                **where, version=p["version"], body=body, user=job.owner, peildatum=today, cleaned=cleaned
            )
        except adoption.AdoptionRefused as refusal:
            raise jobs.JobRefused(str(refusal)) from refusal
    return jobs.Outcome(
        url=preview,
        message=(
            f"De {p['variant_label']} {p['year']} is vastgesteld als versie {stored.version}. "
            "De PDF-link geeft voortaan precies deze versie."
        ),
    )


@jobs.kind("factsheet-pdf", steps=4)
def factsheet_pdf(job, progress) -> jobs.Outcome:
    p = job.params
    context, day = _at(p)
    with context:
        municipality = Participant.objects.municipalities().get(code=p["gemeente"]) if p["gemeente"] else None
        party = selectors.party_detail_queryset(year=p["year"]).get(pk=p["party"])
        # The printed sheet is the same for every reader (user=None) and names all deelnemers.
        sheet = factsheet.assemble_factsheet(
            party, user=None, year=p["year"], today=date.fromisoformat(p["today"]), gemeente=municipality
        )
        progress(1)
        request = stand_in_request(user=job.owner, path=p["path"], day=day)
        html = render_to_string(FACTSHEET_TEMPLATE, {"sheet": sheet}, request=request)
    progress(2)
    body = pdf.html_to_pdf(html, laid_out=lambda: progress(3))
    return jobs.Outcome(body=body, filename=f"{p['filename']}.pdf", content_type=PDF)
