"""Signalen on the pages: the gemeente page, the dashboard with its acknowledge form, the factsheet,
the paragraaf's internal annex and the regional overview; who may acknowledge, and query counts."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.early_warnings import warnings_for
from governance.models import WarningAcknowledgement, WarningRule
from partners.choices import FigureKind, LegalForm
from partners.roles import BEHEERDER, BELEIDSMEDEWERKER, CONTROLLER
from tests.conftest import pass_two_factor
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFinancialsFactory,
)
from tests.partners.pages import text

from .pages import query_count

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = TODAY.year
BIJDRAGE = f"De bijdrage {YEAR} (€ 110.000) stijgt 10,0% ten opzichte van {YEAR - 1} (€ 100.000)"


def party_with_signals(municipality, name, *, growth="110000"):
    """A vennootschap (no Wgr cycle) with a bijdrage above the index and two deficits in a row."""
    participation = ParticipationFactory(participant=municipality, party__name=name, party__legal_form=LegalForm.NV)
    ParticipationFinancialsFactory(participation=participation, year=YEAR - 1, contribution=Decimal("100000"))
    ParticipationFinancialsFactory(participation=participation, year=YEAR, contribution=Decimal(growth))
    for year in (YEAR - 2, YEAR - 1):
        PartyFinancialsFactory(party=participation.party, year=year, kind=FigureKind.REALISATIE, result=-50_000)
    return participation


@pytest.fixture
def gemeente():
    return MunicipalityFactory(name="Aastad", code="GM8101")


@pytest.fixture
def signalled(gemeente):
    return party_with_signals(gemeente, "Afvalbedrijf Test N.V.")


@pytest.fixture
def beleid(client, make_user, gemeente):
    client.force_login(make_user("beleid", role=BELEIDSMEDEWERKER, municipalities=[gemeente]))
    return client


def dashboard(gemeente):
    return reverse("governance:dashboard", kwargs={"code": gemeente.code})


def acknowledge_url(gemeente):
    return reverse("governance:acknowledge_warning", kwargs={"code": gemeente.code})


def open_signal(client, gemeente, rule):
    """The hidden fields of the acknowledge form of the first open signal of `rule` on the dashboard."""
    found = warnings_for(municipality_ids=[gemeente.pk], today=TODAY)[gemeente.pk]
    warning = next(w for w in found if w.rule == rule and w.is_open)
    return {"partij": warning.party.pk, "signaal": warning.rule.value, "cijfers": warning.fingerprint}


def test_the_gemeente_page_and_dashboard_show_the_signals_grouped_per_party(beleid, gemeente, signalled):
    for url in (gemeente.get_absolute_url(), dashboard(gemeente)):
        page = text(beleid.get(url))
        assert "Signalen 2 open signalen bij 1 partij: 1 × hoog, 1 × midden." in page
        assert "Afvalbedrijf Test N.V. 1 × hoog 1 × midden" in page
        assert BIJDRAGE in page
        assert f"2 jaar achter elkaar een negatief resultaat ({YEAR - 2}: € -50.000, {YEAR - 1}: € -50.000)." in page


def test_acknowledging_keeps_the_note_in_the_history_and_the_signal_comes_back_when_its_figure_changes(
    beleid, gemeente, signalled
):
    fields = open_signal(beleid, gemeente, WarningRule.BIJDRAGE_BOVEN_INDEX)
    response = beleid.post(acknowledge_url(gemeente), {**fields, "toelichting": "Besproken in het AB van maart."})
    assert response.status_code == 302 and response["Location"].endswith("/dashboard/#signalen")
    ack = WarningAcknowledgement.objects.get()
    assert ack.note == "Besproken in het AB van maart." and ack.acknowledged_by.username == "beleid"
    assert ack.history.count() == 1 and ack.history.first().history_user.username == "beleid"

    page = text(beleid.get(dashboard(gemeente)))
    assert "is bevestigd; het komt terug zodra een van zijn cijfers verandert." in page
    assert "1 open signaal bij 1 partij: 1 × hoog." in page
    assert "1 bevestigd signaal" in page and "door beleid: Besproken in het AB van maart." in page

    signalled.financials.filter(year=YEAR).update(contribution=Decimal("112000"))
    signalled.party.save()  # a change the caches see (an update() bypasses the model's signals)
    page = text(beleid.get(dashboard(gemeente)))
    assert "2 open signalen bij 1 partij" in page
    assert "stijgt 12,0%" in page
    assert "bevestigd signaal" not in page


def test_an_empty_note_is_refused_with_a_dutch_message_and_a_long_one_is_kept(beleid, gemeente, signalled):
    fields = open_signal(beleid, gemeente, WarningRule.BIJDRAGE_BOVEN_INDEX)
    response = beleid.post(acknowledge_url(gemeente), {**fields, "toelichting": "  "})
    assert response.status_code == 400
    assert "Schrijf in de toelichting wat de gemeente met het signaal doet." in text(response)
    long_note = "Te lang. " * 250
    response = beleid.post(acknowledge_url(gemeente), {**fields, "toelichting": long_note})
    assert response.status_code == 400
    assert "De toelichting is hooguit 2.000 tekens lang." in text(response)
    assert long_note.strip() in response.content.decode()
    assert not WarningAcknowledgement.objects.exists()


def test_a_signal_whose_figures_changed_meanwhile_is_not_acknowledged(beleid, gemeente, signalled):
    fields = open_signal(beleid, gemeente, WarningRule.BIJDRAGE_BOVEN_INDEX)
    signalled.financials.filter(year=YEAR).update(contribution=Decimal("120000"))
    response = beleid.post(acknowledge_url(gemeente), {**fields, "toelichting": "Gezien."}, follow=True)
    assert "Dit signaal staat niet (meer) open" in text(response)
    assert not WarningAcknowledgement.objects.exists()


def test_only_a_beleidsmedewerker_or_controller_of_the_gemeente_may_acknowledge(client, make_user, gemeente, signalled):
    fields = open_signal(client, gemeente, WarningRule.NEGATIEF_RESULTAAT)
    controller = make_user("controller", role=CONTROLLER, municipalities=[gemeente])
    client.force_login(controller)
    assert client.post(acknowledge_url(gemeente), {**fields, "toelichting": "Ok."}).status_code == 302
    beheerder = make_user("beheer", role=BEHEERDER, is_staff=True)
    client.logout()
    pass_two_factor(client, beheerder)
    response = client.post(acknowledge_url(gemeente), {**fields, "toelichting": "Ok."})
    assert response.status_code == 403
    assert "Alleen een beleidsmedewerker of controller van deze gemeente" in text(response)
    assert WarningAcknowledgement.objects.count() == 1


def test_the_regional_overview_shows_only_the_users_gemeenten(beleid, gemeente, signalled):
    other = MunicipalityFactory(name="Beedorp", code="GM8102")
    party_with_signals(other, "Geheim Bedrijf N.V.")
    for url in ("/signalen/", f"/signalen/?gemeente={other.code}"):
        page = text(beleid.get(url))
        assert "Afvalbedrijf Test N.V." in page and "Voor Aastad." in page
        assert "Geheim Bedrijf N.V." not in page and "Beedorp" not in page
    assert "Bijdrage stijgt boven de index stijging meer dan de index van het jaar plus 0,0 procentpunt" in page


def test_the_factsheet_names_the_gemeenten_a_signal_concerns(beleid, gemeente, signalled):
    page = text(beleid.get(signalled.party.get_absolute_url()))
    assert f"{BIJDRAGE}" in page
    assert "Voor Aastad." in page


def test_the_paragraaf_has_the_signals_annex_in_the_internal_version_only(client, make_user, gemeente, signalled):
    client.force_login(make_user("controller", role=CONTROLLER, municipalities=[gemeente]))
    url = reverse("reports:paragraph_report", kwargs={"code": gemeente.code, "year": YEAR, "variant": "begroting"})
    internal = text(client.get(url + "?versie=intern"))
    assert "Bijlage: signalen (intern)" in internal and BIJDRAGE in internal
    public = text(client.get(url))
    assert "Bijlage: signalen" not in public and BIJDRAGE not in public


@pytest.mark.parametrize("page", ["gemeente", "dashboard", "overview"])
def test_the_number_of_queries_stays_the_same_as_parties_with_signals_grow(beleid, gemeente, page):
    url = {"gemeente": gemeente.get_absolute_url(), "dashboard": dashboard(gemeente), "overview": "/signalen/"}[page]
    party_with_signals(gemeente, "Partij 1 N.V.")
    few = query_count(beleid, url)
    for number in range(2, 7):
        party_with_signals(gemeente, f"Partij {number} N.V.")
    many = query_count(beleid, url)
    assert "Partij 6 N.V." in text(beleid.get(url))
    assert many == few
