"""No count, level or amount derived from a confidential risk reaches a user who may not see it
(README "Rollen en gemeenten"), apart from the one line of the weerstandsvermogen: the risk-profile
proposal, the paragraaf's cover note and its weerstandsvermogen note count only what he may see."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from partners.roles import BELEIDSMEDEWERKER, CONTROLLER
from tests.governance.factories import ParticipationGovernanceFactory
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory
from tests.partners.pages import text
from tests.reports.test_reports import pdf_text
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db

YEAR = 2025
NOTE = "Het voorstel van het register rekent alleen met de risico's die u mag zien"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(make_user):
    """Eigenstad holds 10% of a party with one small public risk and three large confidential ones."""
    own = MunicipalityFactory(code="GM8101", name="Eigenstad")
    participation = ParticipationFactory(
        party=PartyFactory(name="Afvalbedrijf"), participant=own, share_percentage=Decimal("10")
    )
    ParticipationGovernanceFactory(participation=participation)  # no profile set by hand: follows the proposal
    RiskFactory(party=participation.party, title="Hogere tarieven", likelihood=1, impact=2, amount_max=100_000)
    for n in range(3):
        RiskFactory(
            party=participation.party,
            title=f"Geheime claim {n}",
            likelihood=5,
            impact=5,
            amount_max=Decimal("40000000"),
            confidential=True,
        )
    return {
        "municipality": own,
        "party": participation.party,
        "beleid": make_user("beleid", role=BELEIDSMEDEWERKER, municipalities=[own]),
        "controller": make_user("controller", role=CONTROLLER, municipalities=[own]),
    }


def read(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return text(response)


@pytest.mark.parametrize("order", [("beleid", "controller"), ("controller", "beleid")])
def test_the_risk_profile_proposal_counts_confidential_risks_only_for_who_may_see_them(client, world, order):
    urls = [f"{place.get_tab_url('sturing')}?jaar={YEAR}" for place in (world["party"], world["municipality"])]
    for who in order:  # each page is cached per kind of user: whoever comes first, each gets his own
        for url in urls:
            page = read(client, world[who], url)
            if who == "controller":
                assert "hoog 3 risico's met niveau zeer hoog; blootstelling € 12,0 mln" in page, url
                assert NOTE not in page
            else:
                assert (
                    "laag geen open risico's met niveau midden of hoger; blootstelling € 10.000; "
                    "geen bijdrage of belang bekend"
                ) in page, url
                assert "met niveau zeer hoog" not in page
                assert "12,0 mln" not in page and "Geheime claim" not in page
                assert f"{NOTE}, niet met vertrouwelijke risico's; voor een controller kan het daarom anders" in page


def report_url(municipality, fmt=None, **query):
    kwargs = {"code": municipality.code, "year": str(YEAR), "variant": "begroting"}
    path = reverse("reports:paragraph_report", kwargs=kwargs) + (f".{fmt}" if fmt else "")
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.pdf
@pytest.mark.parametrize("order", [("beleid", "controller"), ("controller", "beleid")])
def test_the_public_paragraph_tells_how_many_confidential_risks_it_leaves_out_only_to_who_may_see_them(
    client, world, order
):
    for who in order:  # the PDF is cached: the beleidsmedewerker never gets the controller's
        client.force_login(world[who])
        preview = text(client.get(report_url(world["municipality"])))
        _, pages = pdf_text(client.get(report_url(world["municipality"], fmt="pdf")))
        for found in (preview, " ".join(" ".join(pages).split())):
            assert "Geheime claim" not in found
            assert "De 1 open risico van de verbonden partijen in deze paragraaf" in found
            assert "Vertrouwelijke risico's tellen hier niet mee." in found
            if who == "controller":
                assert "In deze openbare versie zijn 3 vertrouwelijke risico's weggelaten." in found
            else:
                assert "Vertrouwelijke risico's staan niet in deze openbare versie." in found
                assert "weggelaten" not in found and "3 vertrouwelijke" not in found


def test_the_paragraph_counts_risks_of_an_unknown_share_without_the_confidential_ones(client, world):
    unknown = ParticipationFactory(
        party=PartyFactory(name="Zonder aandeel"), participant=world["municipality"], share_percentage=None
    )
    RiskFactory(party=unknown.party, title="Openbaar, aandeel onbekend")
    RiskFactory(party=unknown.party, title="Geheim, aandeel onbekend", confidential=True)
    public = read(client, world["beleid"], report_url(world["municipality"]))
    assert "1 risico telt niet mee omdat het aandeel van de gemeente niet bekend is." in public
    internal = read(client, world["controller"], report_url(world["municipality"], versie="intern"))
    assert "2 risico's tellen niet mee omdat het aandeel van de gemeente niet bekend is." in internal
