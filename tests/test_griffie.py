"""A raadslid or griffier (partners/roles.py RAAD_GRIFFIE) reads his gemeente's register as the public paragraaf
shows it: never a confidential risk or the internal report, in no page, export, PDF or API answer, and none of
what the gemeente keeps for itself (signalen, aandachtspunten, monitoring, the history with its authors)."""

import io
import json

import pytest
from pypdf import PdfReader

from governance.choices import OpinionStatus
from partners.models import Participant, Party
from partners.roles import BELEIDSMEDEWERKER, RAAD_GRIFFIE
from tests import test_access_matrix as matrix
from tests.governance.factories import AssessmentFactory, CycleDocumentFactory, OpinionFactory
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

# The world of the access matrix: gemeente A with "Geheim risico A" (confidential) and "Openbaar risico A".
world = matrix.world
YEAR = matrix.YEAR

SECRET = "Geheim risico A"


@pytest.fixture
def griffie_client(client, world, make_user):
    a = Participant.objects.get(code=world["a"])
    client.force_login(make_user("griffie_a", role=RAAD_GRIFFIE, municipalities=[a]))
    return client


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"] == "application/pdf":
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return content.decode("utf-8-sig")


def test_the_griffie_never_sees_a_confidential_risk_in_pages_exports_or_the_api(griffie_client, world):
    a, party = world["a"], world["party_a"]
    urls = [
        "/risicos/",
        "/risicos/?format=csv",
        "/risicos/?format=xlsx",
        f"/partijen/{party}/",
        f"/partijen/{party}/risicos/",
        f"/gemeenten/{a}/",
        f"/gemeenten/{a}/risicos/",
        f"/gemeenten/{a}/rapportage/{YEAR}/begroting",
        f"/gemeenten/{a}/rapportage/{YEAR}/begroting.csv",
        "/api/v1/risicos",
    ]
    for url in urls:
        response = griffie_client.get(url)
        assert response.status_code == 200, url
        if not url.endswith("xlsx"):
            assert SECRET not in body(response), url
    # The public risk is there: the pages are not simply empty.
    assert "Openbaar risico A" in body(griffie_client.get("/risicos/"))
    titles = [risk["titel"] for risk in json.loads(griffie_client.get("/api/v1/risicos").content)["resultaten"]]
    assert sorted(titles) == ["Openbaar risico A", "Risico van de regeling"]  # A's and the shared party's
    assert griffie_client.get(f"/risicos/{world['risk_a_confidential']}/").status_code == 404


@pytest.mark.pdf
def test_the_griffie_gets_the_public_paragraaf_as_pdf_and_never_the_internal_one(griffie_client, world):
    url = f"/gemeenten/{world['a']}/rapportage/{YEAR}/begroting"
    pdf = body(griffie_client.get(f"{url}.pdf?actueel"))  # made now, not the vastgestelde versie
    assert "Openbaar risico A" in pdf and SECRET not in pdf and "openbare versie" in pdf
    for internal in (f"{url}?versie=intern", f"{url}.pdf?versie=intern", f"{url}.csv?versie=intern"):
        assert griffie_client.get(internal).status_code == 404, internal
    html = body(griffie_client.get(url))
    assert "Interne versie" not in html


def test_the_griffie_sees_no_signalen_aandachtspunten_monitoring_or_history(griffie_client, world, make_user):
    party = Party.objects.get(slug=world["party_a"])
    a = Participant.objects.get(code=world["a"])
    AssessmentFactory(participation=party.participations.get(participant=a))
    overview = body(griffie_client.get(f"/partijen/{party.slug}/"))
    assert "Aandachtspunten" not in overview and "Signalen" not in overview
    assert f"/partijen/{party.slug}/historie/" not in overview  # no history tab
    sturing = body(griffie_client.get(f"/partijen/{party.slug}/sturing/"))
    assert "Beoordeling door" not in sturing and ">Monitoring<" not in sturing
    gemeente = body(griffie_client.get(f"/gemeenten/{a.code}/"))
    assert "Aandachtspunten" not in gemeente
    header = gemeente.split("</header>")[0]
    assert "raadslid/griffie" in header and "/signalen/" not in header and "/personen/" not in header
    # A beleidsmedewerker of the same gemeente does see them, from the same cache.
    griffie_client.force_login(make_user("beleid_x", role=BELEIDSMEDEWERKER, municipalities=[a]))
    assert "Beoordeling door" in body(griffie_client.get(f"/partijen/{party.slug}/sturing/"))
    assert "Aandachtspunten" in body(griffie_client.get(f"/partijen/{party.slug}/"))


def test_the_griffie_reads_the_gemeentes_events_but_not_its_change_history_with_authors(
    griffie_client, world, make_user
):
    a = Participant.objects.get(code=world["a"])
    participation = a.participations.first()
    participation.votes = 7
    participation.save()
    historie = text(griffie_client.get(f"/gemeenten/{a.code}/historie/"))
    assert "Historie van" in historie and "Wijzigingshistorie" not in historie and "Aantal stemmen" not in historie
    griffie_client.force_login(make_user("beleid_h", role=BELEIDSMEDEWERKER, municipalities=[a]))
    assert "Aantal stemmen: leeg → wordt 7" in text(griffie_client.get(f"/gemeenten/{a.code}/historie/"))


def test_the_griffie_reads_the_zienswijzen_and_answers_and_the_deadlines_of_his_gemeente(griffie_client, world):
    party = Party.objects.get(slug=world["party_a"])
    a = Participant.objects.get(code=world["a"])
    document = CycleDocumentFactory(party=party, year=YEAR + 1, title="Ontwerpbegroting voor de raad")
    OpinionFactory(
        document=document, municipality=a, status=OpinionStatus.VERZONDEN, board_answer="Antwoord van het bestuur"
    )
    sturing = body(griffie_client.get(f"/partijen/{party.slug}/sturing/"))
    assert "Antwoord van het bestuur" in sturing
    assert griffie_client.get(f"/gemeenten/{a.code}/dashboard/").status_code == 200
    feed = griffie_client.get(f"/gemeenten/{a.code}/deadlines.ics")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
