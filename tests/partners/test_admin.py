"""The admin of the register opens for every model and refuses shares that pass 100% in Dutch."""

import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.core import checks

from importer.models import ImportRun
from partners.choices import FigureKind
from partners.models import Participation, Party

from .factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
    PopulationFactory,
)
from .pages import text

pytestmark = pytest.mark.django_db

# The register's models; the ImportRun record is read-only and tested in test_import_pages.py.
PARTNER_MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label == "partners" and model is not ImportRun),
    key=lambda model: model._meta.model_name,
)


@pytest.fixture
def one_of_each():
    figures = ParticipationFinancialsFactory(participation__party__name="Testregio", participation__share_percentage=50)
    PartyFinancialsFactory(party=figures.participation.party)
    PopulationFactory(participant=figures.participation.participant)
    return figures


def test_all_seven_register_models_are_in_the_admin():
    assert [model._meta.model_name for model in PARTNER_MODELS] == [
        "participant",
        "participation",
        "participationfinancials",
        "party",
        "partyfinancials",
        "policyarea",
        "population",
    ]


def test_the_admin_configuration_passes_the_system_checks():
    errors = [message for message in checks.run_checks() if message.level >= checks.ERROR]
    assert errors == []


@pytest.mark.parametrize("model", PARTNER_MODELS, ids=lambda model: model._meta.model_name)
def test_the_changelist_add_and_change_pages_open_for_a_superuser(superuser_client, one_of_each, model):
    opts = model._meta
    base = f"/admin/{opts.app_label}/{opts.model_name}/"
    changelist = superuser_client.get(base)
    assert changelist.status_code == 200
    assert str(opts.verbose_name_plural) in text(changelist).lower()
    assert superuser_client.get(f"{base}add/").status_code == 200
    obj = model.objects.order_by("pk").last()
    change = superuser_client.get(f"{base}{obj.pk}/change/")
    assert change.status_code == 200
    assert str(obj) in text(change)


def test_the_admin_search_finds_a_party_by_abbreviation(superuser_client):
    PartyFactory(name="Veiligheidsregio Testland", abbreviation="VRT")
    PartyFactory(name="Andere partij")
    page = text(superuser_client.get("/admin/partners/party/", {"q": "VRT"}))
    assert "Veiligheidsregio Testland" in page
    assert "Andere partij" not in page


def test_the_party_change_page_shows_its_participations_and_figures_inline(superuser_client):
    participation = ParticipationFactory(party__name="Testregio", participant__name="Testdorp")
    PartyFinancialsFactory(party=participation.party, year=2024, kind=FigureKind.REALISATIE)
    response = superuser_client.get(f"/admin/partners/party/{participation.party.pk}/change/")
    body = response.content.decode()
    assert "Deelnames" in text(response)
    assert "Financiële gegevens partij" in text(response)
    assert 'name="participations-TOTAL_FORMS" value="1"' in body
    assert 'name="financials-TOTAL_FORMS" value="1"' in body
    assert "Testdorp" in body
    assert 'value="2024"' in body


def empty_inlines(client, url):
    """The management forms of all inlines on an admin form (other apps add theirs), each with no rows."""
    body = client.get(url).content.decode()
    data = {}
    for prefix in re.findall(r'name="([\w-]+)-TOTAL_FORMS"', body):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def participation_form(client, party, participant, share):
    return {
        **empty_inlines(client, "/admin/partners/participation/add/"),
        "party": party.pk,
        "participant": participant.pk,
        "governance_interest": "on",
        "financial_interest": "on",
        "share_percentage": share,
    }


def test_saving_a_participation_that_passes_100_percent_shows_the_dutch_message_and_stores_nothing(superuser_client):
    party = PartyFactory()
    ParticipationFactory(party=party, share_percentage=Decimal("87.5"))
    response = superuser_client.post(
        "/admin/partners/participation/add/", participation_form(superuser_client, party, MunicipalityFactory(), "12.6")
    )
    assert response.status_code == 200
    assert (
        "De aandelen in deze partij komen dan samen op 100,1%; dat mag niet meer dan 100% zijn. "
        "De andere deelnemers hebben samen 87,5%."
    ) in text(response)
    assert Participation.objects.filter(party=party).count() == 1


def test_saving_a_participation_that_fills_100_percent_is_stored(superuser_client):
    party = PartyFactory()
    ParticipationFactory(party=party, share_percentage=Decimal("87.5"))
    response = superuser_client.post(
        "/admin/partners/participation/add/", participation_form(superuser_client, party, MunicipalityFactory(), "12.5")
    )
    assert response.status_code == 302, re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode())
    assert sum(p.share_percentage for p in Participation.objects.filter(party=party)) == 100


def party_form(client, **inline_rows):
    data = {
        **empty_inlines(client, "/admin/partners/party/add/"),
        "name": "Testregio Inline",
        "abbreviation": "",
        "slug": "testregio-inline",
        "legal_form": "openbaar_lichaam",
        "status": "actief",
        "seat": "Utrecht",
    }
    rows = inline_rows.get("participations", [])
    data["participations-TOTAL_FORMS"] = str(len(rows))
    for index, (participant, share) in enumerate(rows):
        data.update(
            {
                f"participations-{index}-participant": participant.pk,
                f"participations-{index}-governance_interest": "on",
                f"participations-{index}-financial_interest": "on",
                f"participations-{index}-share_percentage": share,
            }
        )
    return data


def test_adding_a_party_with_participations_inline_stores_them(superuser_client):
    rows = [(MunicipalityFactory(), "60"), (MunicipalityFactory(), "40")]
    response = superuser_client.post("/admin/partners/party/add/", party_form(superuser_client, participations=rows))
    assert response.status_code == 302, re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode())
    party = Party.objects.get(slug="testregio-inline")
    assert sorted(p.share_percentage for p in party.participations.all()) == [Decimal("40"), Decimal("60")]


def test_new_inline_participations_that_together_pass_100_percent_show_the_dutch_message(superuser_client):
    rows = [(MunicipalityFactory(), "60"), (MunicipalityFactory(), "50")]
    response = superuser_client.post("/admin/partners/party/add/", party_form(superuser_client, participations=rows))
    assert response.status_code == 200
    assert "110%" in text(response)
    assert not Party.objects.filter(slug="testregio-inline").exists()


def test_shares_can_be_shifted_between_participants_in_one_save(superuser_client):
    party = PartyFactory(name="Testregio Inline")
    first = ParticipationFactory(party=party, share_percentage=Decimal("50"))
    second = ParticipationFactory(party=party, share_percentage=Decimal("50"))
    url = f"/admin/partners/party/{party.pk}/change/"
    data = {**party_form(superuser_client), **empty_inlines(superuser_client, url)}
    data.update({"participations-TOTAL_FORMS": "2", "participations-INITIAL_FORMS": "2", "slug": party.slug})
    for index, (participation, share) in enumerate([(first, "60"), (second, "40")]):
        data.update(
            {
                f"participations-{index}-id": participation.pk,
                f"participations-{index}-party": party.pk,
                f"participations-{index}-participant": participation.participant.pk,
                f"participations-{index}-governance_interest": "on",
                f"participations-{index}-financial_interest": "on",
                f"participations-{index}-share_percentage": share,
            }
        )
    response = superuser_client.post(url, data)
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.share_percentage, second.share_percentage) == (Decimal("60"), Decimal("40"))
