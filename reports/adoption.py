"""Vaststellen: keep the exact PDF of the paragraaf that the raad adopted, and serve it from then on.

A controller or beheerder of the gemeente marks a report (gemeente, year, begroting/jaarstukken) as
vastgesteld with the date of the raad's decision. That is refused while the completeness check
(reports/completeness.py) has open gaps. A correction is a new version with a reason; a stored
version is never overwritten.
"""

from datetime import date

from django import forms
from django.db import transaction
from django.db.models import Max

from partners import scoping
from partners.models import Participant

from .models import AdoptedReport


class AdoptionRefused(Exception):
    """Why the report cannot be vastgesteld now, in Dutch for the controller."""


def may_adopt(user, municipality: Participant) -> bool:
    """Controllers and beheerders, for a gemeente of their own (a beheerder sees every gemeente)."""
    return scoping.can_see_confidential(user) and scoping.municipality_visible(user, municipality)


def latest(*, municipality: Participant, year: int, kind: str) -> AdoptedReport | None:
    return AdoptedReport.objects.filter(municipality=municipality, year=year, kind=kind).order_by("-version").first()


def versions_of(municipality: Participant):
    """Every vastgestelde versie of the gemeente, without the PDF bytes (a list, not a download)."""
    return (
        AdoptedReport.objects.filter(municipality=municipality)
        .defer("pdf")
        .select_related("stored_by")
        .order_by("-year", "kind", "-version")
    )


class AdoptForm(forms.Form):
    adopted_on = forms.DateField(
        label="Datum raadsbesluit",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Vul de datum van het raadsbesluit in.", "invalid": "Vul een geldige datum in."},
    )
    reference = forms.CharField(label="Kenmerk raadsbesluit (optioneel)", max_length=100, required=False)
    correction_reason = forms.CharField(
        label="Reden van de correctie (bij een nieuwe versie)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_adopted_on(self):
        day = self.cleaned_data["adopted_on"]
        if day > date.today():
            raise forms.ValidationError("De datum van het raadsbesluit ligt in de toekomst.")
        return day


def next_version_number(*, municipality: Participant, year: int, kind: str) -> int:
    current = AdoptedReport.objects.filter(municipality=municipality, year=year, kind=kind).aggregate(n=Max("version"))[
        "n"
    ]
    return (current or 0) + 1


def check_adoptable(*, report, municipality: Participant, year: int, kind: str, correction_reason: str) -> int:
    """The version number the adoption will get; raises AdoptionRefused with the reason otherwise."""
    if report.is_concept:
        count = len(report.open_gaps)
        raise AdoptionRefused(
            f"Vaststellen kan nog niet: de paragraaf mist {count} gegeven{'s' if count != 1 else ''} (BBV art. 15). "
            "Vul ze in of leg vast waarom ze niet bekend zijn; de lijst staat bovenaan de rapportage."
        )
    version = next_version_number(municipality=municipality, year=year, kind=kind)
    if version > 1 and not correction_reason.strip():
        raise AdoptionRefused(
            f"Deze rapportage is al vastgesteld (versie {version - 1}). Een correctie wordt een nieuwe versie: "
            "vul de reden van de correctie in."
        )
    return version


def stored_version(*, municipality: Participant, year: int, kind: str, version: int, user, adopted_on: date):
    """The version this adoption already stored (a worker that stopped after storing and ran again), if any."""
    return AdoptedReport.objects.filter(
        municipality=municipality, year=year, kind=kind, version=version, stored_by=user, adopted_on=adopted_on
    ).first()


def store(
    *,
    municipality: Participant,
    year: int,
    kind: str,
    version: int,
    body: bytes,
    user,
    peildatum: date,
    cleaned: dict,
) -> AdoptedReport:
    """Store the PDF as `version`, the number printed on its cover, atomically: two controllers adopting
    at once get two versions or a refusal, never one overwritten by the other."""
    with transaction.atomic():
        # Lock the gemeente's row so the version number is read and used by one request at a time.
        Participant.objects.select_for_update().filter(pk=municipality.pk).first()
        current = next_version_number(municipality=municipality, year=year, kind=kind)
        if current != version:
            raise AdoptionRefused(
                f"Intussen is versie {current - 1} van deze rapportage vastgesteld. Open de rapportage opnieuw "
                "en stel zo nodig een correctie vast als nieuwe versie."
            )
        if version > 1 and not cleaned.get("correction_reason", "").strip():
            raise AdoptionRefused("Een correctie wordt een nieuwe versie: vul de reden van de correctie in.")
        return AdoptedReport.objects.create(
            municipality=municipality,
            year=year,
            kind=kind,
            version=version,
            adopted_on=cleaned["adopted_on"],
            reference=cleaned.get("reference", ""),
            correction_reason=cleaned.get("correction_reason", "") if version > 1 else "",
            pdf=body,
            sha256=AdoptedReport.digest(body),
            stored_by=user,
            peildatum=peildatum,
        )
