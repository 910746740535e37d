"""The public register (/openbaar/): a gemeente's verbonden partijen without login, once its beheerder switched
it on; nothing unpublished, nothing confidential, no person but office holders in their office; rate-limited,
cached under the register's data version, and the open API reading the same."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.choices import OpinionStatus, PersonFunction
from governance.deadlines import DocumentKind
from partners.roles import BELEIDSMEDEWERKER
from public.models import PublicRegister
from reports.models import AdoptedReport
from tests.governance.factories import (
    AssessmentFactory,
    CycleDocumentFactory,
    OpinionFactory,
    ParticipationGovernanceFactory,
    PersonFactory,
    SeatFactory,
)
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory, PartyFinancialsFactory
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    open_ = MunicipalityFactory(code="GM8201", name="Openstad")
    closed = MunicipalityFactory(code="GM8202", name="Dichtdorp")
    party = PartyFactory(name="Regio Openheid", public_interest="Samen brandweerzorg")
    own = ParticipationFactory(party=party, participant=open_, share_percentage=Decimal("55"))
    other = ParticipationFactory(party=party, participant=closed, share_percentage=Decimal("45"))
    closed_only = ParticipationFactory(participant=closed, party=PartyFactory(name="Alleen van Dichtdorp")).party
    PartyFinancialsFactory(party=party, year=2025, result=Decimal("123456"))
    RiskFactory(party=party, title="Geheim tekort", confidential=True)
    RiskFactory(party=party, title="Openbaar risico van de partij")
    wethouder = PersonFactory(name="Wethouder Wilma", function=PersonFunction.WETHOUDER, municipality=open_)
    wethouder.email = "wilma@example.org"
    wethouder.save()
    SeatFactory(participation=own, person=wethouder)
    ambtenaar = PersonFactory(name="Ambtenaar Arend", function=PersonFunction.AMBTENAAR, municipality=open_)
    SeatFactory(participation=own, person=ambtenaar)
    SeatFactory(participation=other, person=PersonFactory(name="Wethouder van Dichtdorp", municipality=closed))
    ParticipationGovernanceFactory(participation=own, risk_profile_reason="Interne afweging risicoprofiel")
    AssessmentFactory(participation=own)
    today = timezone.localdate()
    document = CycleDocumentFactory(party=party, year=today.year, title="Ontwerpbegroting openbaar")
    OpinionFactory(
        document=document, municipality=open_, status=OpinionStatus.VERZONDEN, council_decision_on=today,
        sent_on=today, board_answer="Het bestuur neemt de zienswijze over.", answered_on=today,
    )  # fmt: skip
    other_document = CycleDocumentFactory(party=party, year=today.year, kind="jaarrekening", title="Jaarrekening")
    OpinionFactory(
        document=other_document, municipality=open_, status=OpinionStatus.IN_VOORBEREIDING,
        text="Concepttekst van de zienswijze", board_answer="Nog geheim antwoord",
    )  # fmt: skip
    PublicRegister.objects.create(municipality=open_, enabled=True)
    PublicRegister.objects.create(municipality=closed, enabled=False)
    body = b"%PDF-1.7 openbare versie"
    report = AdoptedReport.objects.create(
        municipality=open_, year=2025, kind="jaarstukken", version=1, adopted_on=today, pdf=body,
        sha256=AdoptedReport.digest(body), peildatum=today,
    )  # fmt: skip
    return {"open": open_, "closed": closed, "party": party, "closed_only": closed_only, "report": report}


def text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8-sig")


def test_the_index_lists_only_gemeenten_whose_register_is_on(client, world):
    html = text(client.get("/openbaar/"))
    assert "Gemeente Openstad" in html and "Dichtdorp" not in html


def test_the_gemeente_page_lists_its_parties_and_its_vastgestelde_paragraaf(client, world):
    html = text(client.get("/openbaar/GM8201/"))
    assert "Regio Openheid" in html and "55%" in html
    assert "Alleen van Dichtdorp" not in html
    assert f"/openbaar/GM8201/paragrafen/{world['report'].pk}.pdf" in html
    pdf = client.get(f"/openbaar/GM8201/paragrafen/{world['report'].pk}.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content == b"%PDF-1.7 openbare versie"


def test_the_party_page_shows_public_fields_and_office_holders_only(client, world):
    html = text(client.get(f"/openbaar/GM8201/partijen/{world['party'].slug}/"))
    assert "Samen brandweerzorg" in html and "Dichtdorp" in html  # a deelnemer is a public fact of the party
    assert "Wethouder Wethouder Wilma: lid algemeen bestuur" in html
    assert "€ 123.456" in html
    assert "Het bestuur neemt de zienswijze over." in html
    for secret in (
        "Geheim tekort",  # a confidential risk
        "Openbaar risico",  # risks are not part of the public register at all
        "Ambtenaar Arend",  # not an office holder
        "wilma@example.org",  # contact data
        "Wethouder van Dichtdorp",  # a seat on behalf of a gemeente that did not publish
        "Interne afweging",  # the gemeente's own sturing
        "Concepttekst",
        "Nog geheim antwoord",  # a zienswijze still in preparation
        "Beoordeling",
    ):
        assert secret not in html, secret


def test_figures_the_party_supplied_itself_say_so_on_the_public_page(client, world):
    party = world["party"]
    PartyFinancialsFactory(party=party, year=2026, supplied_by=party, supplied_at=timezone.now())
    html = text(client.get(f"/openbaar/GM8201/partijen/{party.slug}/"))
    today = timezone.localdate().strftime("%d-%m-%Y")
    assert html.count("aangeleverd door") == 1  # the 2025 figures are the register's own
    assert f'<span class="supplied">aangeleverd door Regio Openheid op {today}</span>' in html


def test_a_gemeente_whose_register_is_off_answers_the_dutch_404_everywhere(client, world):
    closed, party = world["closed"], world["closed_only"]
    for url in (
        "/openbaar/GM8202/",
        f"/openbaar/GM8202/partijen/{party.slug}/",
        f"/openbaar/GM8201/partijen/{party.slug}/",
        "/openbaar/GM8202/verbonden-partijen.csv",
        f"/openbaar/GM8202/paragrafen/{world['report'].pk}.pdf",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Pagina niet gevonden" in text(response) and "openbaar" in text(response)
    PublicRegister.objects.filter(municipality=closed).update(enabled=True)
    PublicRegister.objects.get(municipality=closed).save()  # as the admin saves it: the cache follows
    assert client.get("/openbaar/GM8202/").status_code == 200


def test_switching_a_register_off_takes_it_offline_at_once_despite_the_cache(client, world):
    assert client.get("/openbaar/GM8201/").status_code == 200
    register = PublicRegister.objects.get(municipality=world["open"])
    register.enabled = False
    register.save()
    assert client.get("/openbaar/GM8201/").status_code == 404
    assert "Openstad" not in text(client.get("/openbaar/"))


def test_open_data_as_csv_and_json(client, world):
    csv = text(client.get("/openbaar/GM8201/verbonden-partijen.csv"))
    assert csv.splitlines()[0].startswith("Identificatie;Naam;")
    assert "Regio Openheid" in csv and ";55,0000;" in csv and "Alleen van Dichtdorp" not in csv
    data = json.loads(client.get("/openbaar/GM8201/verbonden-partijen.json").content)
    assert data["gemeente"] == {"code": "GM8201", "naam": "Openstad"}
    assert [row["naam"] for row in data["deelnames"]] == ["Regio Openheid"]
    assert data["deelnames"][0]["aandeelPercentage"] == "55.0000"


def test_public_pages_are_cacheable_and_a_logged_in_visitor_gets_the_same_bytes(client, world, make_user):
    anonymous = client.get("/openbaar/GM8201/")
    assert anonymous["Cache-Control"] == "public, max-age=300"
    client.force_login(make_user("iemand", role=BELEIDSMEDEWERKER, municipalities=[world["open"]]))
    logged_in = client.get("/openbaar/GM8201/")
    assert logged_in.content == anonymous.content and "iemand" not in text(logged_in)


def test_too_many_requests_get_a_dutch_429_with_retry_after(client, world, settings):
    settings.PUBLIC_RATE_LIMIT = 3
    statuses = [client.get("/openbaar/", REMOTE_ADDR="10.9.9.1").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/openbaar/GM8201/", REMOTE_ADDR="10.9.9.1")
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 61
    assert "Te veel verzoeken" in text(refused) and "no-store" in refused["Cache-Control"]
    # Another address has its own count; so does the API, which answers a problem detail.
    assert client.get("/openbaar/", REMOTE_ADDR="10.9.9.2").status_code == 200
    for _ in range(3):
        client.get("/api/v1/partijen", REMOTE_ADDR="10.9.9.3")
    api = client.get("/api/v1/partijen", REMOTE_ADDR="10.9.9.3")
    assert api.status_code == 429 and api["Content-Type"] == "application/problem+json"
    assert api["Retry-After"] and json.loads(api.content)["title"] == "Te veel verzoeken"


def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_saw(client, world, settings):
    settings.PUBLIC_RATE_LIMIT = 1
    settings.PUBLIC_CLIENT_IP_HEADER = "X-Forwarded-For"
    first = client.get("/openbaar/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 2.2.2.2")
    # A client that puts another address in front of the header is still counted as 2.2.2.2.
    second = client.get("/openbaar/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 2.2.2.2")
    third = client.get("/openbaar/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="3.3.3.3")
    assert [first.status_code, second.status_code, third.status_code] == [200, 429, 200]


def test_the_api_without_login_reads_the_public_registers_only(client, world):
    names = [p["naam"] for p in client.get("/api/v1/partijen").json()["resultaten"]]
    assert names == ["Regio Openheid"]
    seats = client.get("/api/v1/vertegenwoordiging").json()["resultaten"]
    assert [(s["naam"], s["functie"], s["namens"]) for s in seats] == [("Wethouder Wilma", "wethouder", "GM8201")]
    assert client.get(f"/api/v1/partijen/{world['closed_only'].slug}").status_code == 404
    risks = client.get("/api/v1/risicos")
    assert risks.status_code == 403 and risks["Content-Type"] == "application/problem+json"
    assert client.get("/api/v1/partijen")["Cache-Control"] == "public, max-age=300"


def test_the_public_pages_use_the_same_number_of_queries_as_rows_grow(client, world, django_assert_max_num_queries):
    from django.core.cache import cache

    def count(url):
        cache.clear()  # measure the page as it is built, not as it is served from the cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    party_url = f"/openbaar/GM8201/partijen/{world['party'].slug}/"
    urls = ["/openbaar/", "/openbaar/GM8201/", party_url, "/openbaar/GM8201/verbonden-partijen.json"]
    few = [count(url) for url in urls]
    year = timezone.localdate().year
    taken = {(DocumentKind.ONTWERPBEGROTING.value, year), ("jaarrekening", year)}
    free = [(kind.value, y) for kind in DocumentKind for y in (year, year - 1) if (kind.value, y) not in taken]
    for n in range(8):
        ParticipationFactory(participant=world["open"], party=PartyFactory(name=f"Extra {n}"))
        ParticipationFactory(party=world["party"], participant=MunicipalityFactory())
        kind, on = free[n]
        CycleDocumentFactory(party=world["party"], year=on, kind=kind, title=f"Document {n}")
    assert [count(url) for url in urls] == few


def test_a_beheerder_switches_a_register_on_in_the_admin_and_it_is_recorded(client, world, superuser_client, superuser):
    gemeente = MunicipalityFactory(code="GM8203", name="Nieuwstad")
    response = superuser_client.post(
        "/admin/public/publicregister/add/", {"municipality": gemeente.pk, "enabled": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    register = PublicRegister.objects.get(municipality=gemeente)
    assert register.enabled and register.enabled_by == superuser and register.enabled_on is not None
    assert client.get("/openbaar/GM8203/").status_code == 200
