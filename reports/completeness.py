"""The completeness check of a paragraaf: per verbonden partij, which BBV art. 15 fields are missing.

Each missing field is either an open gap (the report is a CONCEPT and cannot be vastgesteld) or a
figure the beheerder deliberately declared "niet bekend" with a reason (partners/interests.py,
DeclaredUnknown), which the report prints beside it. Each gap links to the admin page where it is filled.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from partners.interests import Art15Field


@dataclass(frozen=True)
class Gap:
    party_name: str
    anchor: str
    field: Art15Field
    reason: str  # the beheerder's reason when declared "niet bekend"; "" for an open gap
    fill_url: str  # where the field is filled (admin)
    declare_url: str  # where a reason for "niet bekend" is recorded (admin, the deelname)

    @property
    def is_open(self) -> bool:
        return not self.reason


def missing_fields(section) -> list[Art15Field]:
    """The BBV art. 15 lid 2 fields a party section of the paragraaf lacks."""
    participation, own, figures = section.participation, section.own, section.party_figures
    missing = []
    has_belang = (
        participation.share_percentage is not None
        or section.row.is_central
        or bool(section.shares)
        or (own is not None and own.interest_start is not None and own.interest_end is not None)
    )
    if not has_belang:
        missing.append(Art15Field.BELANG)
    # A gemeenschappelijk orgaan has no balance sheet of its own (Wgr art. 8 lid 2), a regeling without
    # an organ such as a centrumgemeenteregeling no balance sheet and no result (art. 8 lid 4): "n.v.t.".
    party = section.party
    if party.has_own_balance_sheet:
        if figures is None or figures.equity_start is None or figures.equity_end is None:
            missing.append(Art15Field.EIGEN_VERMOGEN)
        if figures is None or figures.liabilities_start is None or figures.liabilities_end is None:
            missing.append(Art15Field.VREEMD_VERMOGEN)
    if party.has_own_result and (figures is None or figures.result is None):
        missing.append(Art15Field.RESULTAAT)
    if not section.party.public_interest.strip():
        missing.append(Art15Field.OPENBAAR_BELANG)
    # Representation by a seat, or as the deelname says (stemrecht in the AvA of a vennootschap).
    if not section.seats and not participation.governance_interest_note.strip():
        missing.append(Art15Field.VERTEGENWOORDIGING)
    return missing


def _fill_url(section, field: Art15Field) -> str:
    if field == Art15Field.BELANG:
        return reverse("admin:partners_participation_change", args=[section.participation.pk])
    if field in (Art15Field.EIGEN_VERMOGEN, Art15Field.VREEMD_VERMOGEN, Art15Field.RESULTAAT):
        if section.party_figures is not None:
            return reverse("admin:partners_partyfinancials_change", args=[section.party_figures.pk])
        return reverse("admin:partners_party_change", args=[section.party.pk]) + "#financials-group"
    if field == Art15Field.VERTEGENWOORDIGING:
        query = urlencode({"party": section.party.pk, "on_behalf_of": section.participation.participant_id})
        return reverse("admin:governance_seat_add") + "?" + query
    return reverse("admin:partners_party_change", args=[section.party.pk])


def report_gaps(sections) -> list[Gap]:
    """Every missing field of every party section, open gaps and declared ones, in report order."""
    gaps = []
    for section in sections:
        declare_url = (
            reverse("admin:partners_participation_change", args=[section.participation.pk]) + "#declared_unknowns-group"
        )
        for field in missing_fields(section):
            gaps.append(
                Gap(
                    party_name=section.party.name,
                    anchor=section.anchor,
                    field=field,
                    reason=section.declared_unknown.get(field, ""),
                    fill_url=_fill_url(section, field),
                    declare_url=declare_url,
                )
            )
    return gaps
