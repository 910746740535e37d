"""The completeness check of the paragraaf (BBV art. 15): the missing fields per party, open or
deliberately "niet bekend" with a reason; CONCEPT on every PDF page and an annex while gaps remain."""

import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from partners.choices import FigureKind, LegalForm
from partners.interests import Art15Field, DeclaredUnknown
from tests.governance.factories import PersonFactory, SeatFactory
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
)
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

YEAR = 2025


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def gemeente():
    """One complete party, and one without party figures, openbaar belang or representative."""
    municipality = MunicipalityFactory(code="GM9301", name="Heelstad")
    full = ParticipationFactory(
        party=PartyFactory(name="Volledige GR", legal_form=LegalForm.OPENBAAR_LICHAAM, public_interest="Veiligheid"),
        participant=municipality,
        share_percentage=Decimal("10"),
    )
    ParticipationFinancialsFactory(participation=full, year=YEAR)
    PartyFinancialsFactory(party=full.party, year=YEAR, kind=FigureKind.BEGROTING)
    SeatFactory(participation=full, person=PersonFactory(name="Wethouder Heel", municipality=municipality))
    gappy = ParticipationFactory(
        party=PartyFactory(name="Gatenregio", legal_form=LegalForm.OPENBAAR_LICHAAM, public_interest=""),
        participant=municipality,
        share_percentage=Decimal("5"),
    )
    ParticipationFinancialsFactory(participation=gappy, year=YEAR)
    return municipality


def url(municipality, fmt=None):
    path = reverse(
        "reports:paragraph_report", kwargs={"code": municipality.code, "year": str(YEAR), "variant": "begroting"}
    )
    return path + (f".{fmt}" if fmt else "")


def gaps_of(client, municipality):
    page = " ".join(text(client.get(url(municipality))).split())
    return page[page.index("Concept:") : page.index("Paragraaf verbonden partijen Gemeente")].replace(" :", ":")


def test_the_preview_lists_each_missing_field_of_a_party_with_a_link_where_it_is_filled(logged_in_client, gemeente):
    response = logged_in_client.get(url(gemeente))
    gaps = gaps_of(logged_in_client, gemeente)
    assert gaps.startswith("Concept: 5 ontbrekende gegevens (BBV art. 15)")
    for label in ("eigen vermogen", "vreemd vermogen", "financieel resultaat", "openbaar belang", "vertegenwoordiging"):
        assert f"Gatenregio: {label} — invullen" in gaps
    assert "Volledige GR" not in gaps
    party = gemeente.participations.get(party__name="Gatenregio").party
    assert reverse("admin:partners_party_change", args=[party.pk]) in response.content.decode()


@pytest.mark.pdf
def test_a_report_with_gaps_says_concept_on_every_page_and_lists_them_in_an_annex(logged_in_client, gemeente):
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(logged_in_client.get(url(gemeente, "pdf")).content)).pages]
    assert all("CONCEPT" in page for page in pages)
    annex = " ".join(pages[-1].split())
    assert "Bijlage: ontbrekende en niet bekende gegevens" in annex
    assert "Gatenregio Openbaar belang ontbreekt" in annex


@pytest.mark.pdf
def test_a_field_declared_niet_bekend_with_a_reason_is_no_gap_and_the_report_prints_the_reason(
    logged_in_client, gemeente
):
    participation = gemeente.participations.get(party__name="Gatenregio")
    participation.party.public_interest = "Omgevingstaken"
    participation.party.save()
    PartyFinancialsFactory(party=participation.party, year=YEAR, kind=FigureKind.BEGROTING, equity_start=None)
    SeatFactory(participation=participation, person=PersonFactory(name="Raadslid Gat", municipality=gemeente))
    DeclaredUnknown.objects.create(
        participation=participation,
        year=YEAR,
        field=Art15Field.EIGEN_VERMOGEN,
        reason="jaarrekening nog niet vastgesteld.",
    )
    page = " ".join(text(logged_in_client.get(url(gemeente))).split())
    assert "Concept:" not in page
    assert "Eigen vermogen 1-1 / 31-12 niet bekend / € 1.100.000 (jaarrekening nog niet vastgesteld)" in page
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(logged_in_client.get(url(gemeente, "pdf")).content)).pages]
    assert not any("CONCEPT" in page for page in pages)
    assert "niet bekend: jaarrekening nog niet vastgesteld" in " ".join(pages[-1].split())
