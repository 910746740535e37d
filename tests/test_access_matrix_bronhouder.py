"""The access matrix (tests/test_access_matrix.py) for one more kind of user: the bronhouder of the shared
party, a user of a party and of no gemeente (partners.UserParty). He sees his own party and its public facts,
keeps its record on the Aanleveren pages, and sees no gemeente's internal data: those answer the Dutch 404.

Every row of ROWS needs an expectation here (keyed by name, method and path), so a new URL cannot go
without saying what a bronhouder gets.
"""

import pytest

from partners.models import Party
from partners.roles import BRONHOUDER
from tests.test_access_matrix import (
    ROWS,
    request,
    world,  # noqa: F401  (the same world, as a fixture)
)

pytestmark = pytest.mark.django_db

NO = 404  # out of his scope: as if it did not exist

EXPECTED = {
    ("home", "get", "/"): 302,
    ("login", "get", "/inloggen/"): 200,
    ("logout", "post", "/uitloggen/"): 302,
    ("partners:party_list", "get", "/partijen/"): 200,
    ("partners:party_list", "get", "/partijen/?format=csv"): 200,
    ("partners:party_list", "get", "/partijen/?format=xlsx"): 200,
    ("reports:party_detail", "get", "/partijen/{party_a}/"): NO,
    ("reports:party_detail", "get", "/partijen/{shared}/"): 200,
    ("reports:party_detail", "get", "/partijen/{party_b}/"): NO,
    ("reports:party_participants", "get", "/partijen/{party_a}/deelnemers/"): NO,
    ("reports:party_participants", "get", "/partijen/{party_b}/deelnemers/"): NO,
    ("partners:party_comparison", "get", "/partijen/{party_a}/vergelijking/"): NO,
    ("partners:party_comparison", "get", "/partijen/{party_b}/vergelijking/"): NO,
    ("partners:party_comparison", "get", "/partijen/{party_a}/vergelijking/?jaar=abc"): NO,
    ("reports:party_history", "get", "/partijen/{party_a}/historie/"): NO,
    ("reports:party_history", "get", "/partijen/{party_b}/historie/"): NO,
    ("reports:party_finances", "get", "/partijen/{party_a}/financien/"): NO,
    ("reports:party_finances", "get", "/partijen/{shared}/financien/"): 200,
    ("reports:party_finances", "get", "/partijen/{party_b}/financien/"): NO,
    ("reports:party_goals", "get", "/partijen/{party_a}/doelen/"): NO,
    ("reports:party_goals", "get", "/partijen/{shared}/doelen/"): 200,
    ("reports:party_goals", "get", "/partijen/{party_b}/doelen/"): NO,
    ("reports:party_governance", "get", "/partijen/{party_a}/sturing/"): NO,
    ("reports:party_governance", "get", "/partijen/{shared}/sturing/"): 200,
    ("reports:party_governance", "get", "/partijen/{party_b}/sturing/"): NO,
    ("reports:party_risks", "get", "/partijen/{party_a}/risicos/"): NO,
    ("reports:party_risks", "get", "/partijen/{shared}/risicos/"): 200,
    ("reports:party_risks", "get", "/partijen/{party_b}/risicos/"): NO,
    ("reports:party_detail", "get", "/partijen/{party_b}/?peildatum=2025-12-31"): NO,
    # The list of gemeenten opens, empty: no gemeente is his (the menu does not offer it).
    ("partners:municipality_list", "get", "/gemeenten/"): 200,
    ("reports:municipality_detail", "get", "/gemeenten/{a}/"): NO,
    ("reports:municipality_detail", "get", "/gemeenten/{b}/"): NO,
    ("reports:municipality_detail", "get", "/gemeenten/GM9999/"): NO,
    ("reports:municipality_participations", "get", "/gemeenten/{a}/deelnames/"): NO,
    ("reports:municipality_participations", "get", "/gemeenten/{b}/deelnames/"): NO,
    ("reports:municipality_participations", "get", "/gemeenten/GM9999/deelnames/"): NO,
    ("reports:municipality_finances", "get", "/gemeenten/{a}/financien/"): NO,
    ("reports:municipality_finances", "get", "/gemeenten/{b}/financien/"): NO,
    ("reports:municipality_finances", "get", "/gemeenten/GM9999/financien/"): NO,
    ("reports:municipality_governance", "get", "/gemeenten/{a}/sturing/"): NO,
    ("reports:municipality_governance", "get", "/gemeenten/{b}/sturing/"): NO,
    ("reports:municipality_governance", "get", "/gemeenten/GM9999/sturing/"): NO,
    ("reports:municipality_risks", "get", "/gemeenten/{a}/risicos/"): NO,
    ("reports:municipality_risks", "get", "/gemeenten/{b}/risicos/"): NO,
    ("reports:municipality_risks", "get", "/gemeenten/GM9999/risicos/"): NO,
    ("reports:municipality_history", "get", "/gemeenten/{a}/historie/"): NO,
    ("reports:municipality_history", "get", "/gemeenten/{b}/historie/"): NO,
    ("reports:municipality_history", "get", "/gemeenten/GM9999/historie/"): NO,
    ("partners:municipality_comparison", "get", "/gemeenten/{a}/vergelijking/"): NO,
    ("partners:municipality_comparison", "get", "/gemeenten/{b}/vergelijking/"): NO,
    ("partners:municipality_comparison", "get", "/gemeenten/GM9999/vergelijking/"): NO,
    ("importer:import", "get", "/import/"): NO,
    ("importer:import_template", "get", "/import/sjabloon.xlsx"): NO,
    ("importer:import_report", "get", "/import/{run}/"): NO,
    ("importer:import_confirm", "post", "/import/{run}/bevestigen/"): NO,
    ("reports:my_jobs", "get", "/rapporten/"): 200,
    ("reports:job_status", "get", "/rapporten/{job}/"): NO,
    ("reports:job_file", "get", "/rapporten/{job}/bestand"): NO,
    ("reports:job_status", "get", "/rapporten/{job_a}/"): NO,
    ("reports:job_file", "get", "/rapporten/{job_a}/bestand"): NO,
    ("governance:person_list", "get", "/personen/"): 200,
    ("governance:person_detail", "get", "/personen/{person_a}/"): NO,
    ("governance:person_detail", "get", "/personen/{person_b}/"): NO,
    # A seat in his party is a public office of the party.
    ("governance:person_detail", "get", "/personen/{person_b_shared}/"): 200,
    ("reports:municipality_goals", "get", "/gemeenten/{a}/doelen/"): NO,
    ("reports:municipality_goals", "get", "/gemeenten/{b}/doelen/"): NO,
    ("reports:municipality_goals", "get", "/gemeenten/GM9999/doelen/"): NO,
    ("governance:dashboard", "get", "/gemeenten/{a}/dashboard/"): NO,
    ("governance:dashboard", "get", "/gemeenten/{b}/dashboard/"): NO,
    ("governance:deadlines_ics", "get", "/gemeenten/{a}/deadlines.ics"): NO,
    ("governance:deadlines_ics", "get", "/gemeenten/{b}/deadlines.ics"): NO,
    # Logged in, his own scope counts, not a token of another user.
    ("governance:deadlines_ics", "get", "/gemeenten/{a}/deadlines.ics?token={token_a}"): NO,
    ("governance:deadlines_ics", "get", "/gemeenten/{b}/deadlines.ics?token={token_b}"): NO,
    ("governance:renew_feed_token", "post", "/gemeenten/{a}/dashboard/agenda-adres/"): NO,
    ("governance:renew_feed_token", "post", "/gemeenten/{b}/dashboard/agenda-adres/"): NO,
    ("governance:warnings", "get", "/signalen/"): 200,
    ("governance:warnings", "get", "/signalen/?gemeente={b}"): 200,
    ("governance:acknowledge_warning", "post", "/gemeenten/{a}/signalen/bevestigen/"): NO,
    ("governance:acknowledge_warning", "post", "/gemeenten/{b}/signalen/bevestigen/"): NO,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/begroting"): NO,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/begroting.pdf"): NO,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/jaarstukken.xlsx"): NO,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/jaarstukken.csv"): NO,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/begroting?versie=intern"): NO,
    ("reports:paragraph_report", "get", "/gemeenten/{b}/rapportage/2025/begroting"): NO,
    ("reports:paragraph_report", "get", "/gemeenten/{b}/rapportage/2025/begroting.pdf"): NO,
    ("reports:paragraph_report", "get", "/gemeenten/{b}/rapportage/2025/begroting.csv"): NO,
    ("reports:adopted_reports", "get", "/gemeenten/{a}/rapportage/vastgesteld/"): NO,
    ("reports:adopted_reports", "get", "/gemeenten/{b}/rapportage/vastgesteld/"): NO,
    ("reports:adopted_report_pdf", "get", "/gemeenten/{a}/rapportage/vastgesteld/999999.pdf"): NO,
    ("reports:adopt_report", "post", "/gemeenten/{a}/rapportage/2025/begroting/vaststellen"): NO,
    ("reports:adopt_report", "post", "/gemeenten/{b}/rapportage/2025/begroting/vaststellen"): NO,
    ("reports:factsheet_pdf", "get", "/partijen/{party_a}/factsheet.pdf"): NO,
    ("reports:factsheet_pdf", "get", "/partijen/{shared}/factsheet.pdf"): 200,
    ("reports:factsheet_pdf", "get", "/partijen/{shared}/factsheet.pdf?gemeente={a}"): NO,
    ("reports:factsheet_pdf", "get", "/partijen/{shared}/factsheet.pdf?gemeente={b}"): NO,
    ("reports:factsheet_pdf", "get", "/partijen/{party_b}/factsheet.pdf"): NO,
    ("risks:risk_list", "get", "/risicos/"): 200,
    ("risks:risk_list", "get", "/risicos/?format=csv"): 200,
    ("risks:risk_detail", "get", "/risicos/{risk_a}/"): NO,
    ("risks:risk_detail", "get", "/risicos/{risk_a_confidential}/"): NO,
    ("risks:risk_detail", "get", "/risicos/{risk_b}/"): NO,
    # A risk on one gemeente's deelname is that gemeente's; a risk of the whole party is his party's.
    ("risks:risk_detail", "get", "/risicos/{risk_on_b_in_shared}/"): NO,
    ("risks:risk_detail", "get", "/risicos/{risk_shared}/"): 200,
    ("risks:resistance", "get", "/gemeenten/{a}/weerstandsvermogen/"): NO,
    ("risks:resistance", "get", "/gemeenten/{b}/weerstandsvermogen/"): NO,
    ("risks:level_styles", "get", "/risicos/niveaus.css"): 200,
    ("api:openapi", "get", "/api/v1/openapi.json"): 200,
    ("api:partijen", "get", "/api/v1/partijen"): 200,
    ("api:partij", "get", "/api/v1/partijen/{party_a}"): NO,
    ("api:partij", "get", "/api/v1/partijen/{party_b}"): NO,
    ("api:deelnames", "get", "/api/v1/deelnames"): 200,
    ("api:financiele_gegevens", "get", "/api/v1/financiele-gegevens"): 200,
    ("api:vertegenwoordiging", "get", "/api/v1/vertegenwoordiging"): 200,
    ("api:documenten", "get", "/api/v1/documenten"): 200,
    ("api:risicos", "get", "/api/v1/risicos"): 200,
    ("api:partijen", "post", "/api/v1/partijen"): 405,
    ("api:financiele_gegevens_detail", "get", "/api/v1/financiele-gegevens/{figures_shared}"): 200,
    ("api:financiele_gegevens_detail", "get", "/api/v1/financiele-gegevens/{figures_b}"): NO,
    ("api:document", "get", "/api/v1/documenten/{document_shared}"): 200,
    ("api:risico", "get", "/api/v1/risicos/{risk_shared}"): 200,
    ("api:risico", "get", "/api/v1/risicos/{risk_a_confidential}"): NO,
    # His session reads; writing needs his party's key (tests/api/test_api_writes.py).
    ("api:financiele_gegevens", "post", "/api/v1/financiele-gegevens"): 403,
    ("api:financiele_gegevens_detail", "patch", "/api/v1/financiele-gegevens/{figures_shared}"): 403,
    ("api:documenten", "post", "/api/v1/documenten"): 403,
    ("api:document", "patch", "/api/v1/documenten/{document_shared}"): 403,
    ("api:risicos", "post", "/api/v1/risicos"): 403,
    ("api:risico", "patch", "/api/v1/risicos/{risk_shared}"): 403,
    ("api:unknown", "get", "/api/v2/partijen"): NO,
    # Aanleveren: his party's record. A single party: /aanleveren/ sends him straight to it.
    ("supply:supply_home", "get", "/aanleveren/"): 302,
    ("supply:supply_party", "get", "/aanleveren/{shared}/"): 200,
    ("supply:supply_party", "get", "/aanleveren/{party_a}/"): NO,
    ("supply:supply_new", "get", "/aanleveren/{shared}/cijfers/nieuw/"): 200,
    ("supply:supply_new", "get", "/aanleveren/{shared}/zienswijzen/nieuw/"): NO,
    ("supply:supply_new", "get", "/aanleveren/{shared}/onbekend/nieuw/"): NO,
    ("supply:supply_new", "post", "/aanleveren/{shared}/risicos/nieuw/"): 200,  # empty: the form with its messages
    ("supply:supply_edit", "get", "/aanleveren/{shared}/cijfers/{figures_shared}/"): 200,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/cijfers/{figures_b}/"): NO,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/documenten/{document_shared}/"): 200,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/zienswijzen/{opinion_shared}/"): 200,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/risicos/{risk_shared}/"): 200,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/risicos/{risk_on_b_in_shared}/"): NO,
    ("supply:supply_token_create", "post", "/aanleveren/{shared}/sleutels/"): 302,  # no name: back, with the message
    ("supply:supply_token_revoke", "post", "/aanleveren/{shared}/sleutels/{token_shared}/intrekken/"): 302,
    ("accounts:two_factor", "get", "/tweestaps/"): NO,
    ("accounts:two_factor_setup", "get", "/tweestaps/instellen/"): NO,
    ("admin:index", "get", "/admin/"): 403,
    ("admin:admin_logentry_changelist", "get", "/admin/admin/logentry/"): 403,
    ("admin:auth_user_changelist", "get", "/admin/auth/user/"): 403,
    # The public register is the same for everyone, logged in or not (gemeente A's is on, B's is off).
    ("public:index", "get", "/openbaar/"): 200,
    ("public:municipality", "get", "/openbaar/{a}/"): 200,
    ("public:municipality", "get", "/openbaar/{b}/"): NO,
    ("public:municipality", "get", "/openbaar/GM9999/"): NO,
    ("public:party", "get", "/openbaar/{a}/partijen/{party_a}/"): 200,
    ("public:party", "get", "/openbaar/{a}/partijen/{shared}/"): 200,
    ("public:party", "get", "/openbaar/{a}/partijen/{party_b}/"): NO,
    ("public:party", "get", "/openbaar/{b}/partijen/{party_b}/"): NO,
    ("public:adopted_report", "get", "/openbaar/{a}/paragrafen/{adopted_a}.pdf"): 200,
    ("public:adopted_report", "get", "/openbaar/{a}/paragrafen/{adopted_b}.pdf"): NO,
    ("public:adopted_report", "get", "/openbaar/{b}/paragrafen/{adopted_b}.pdf"): NO,
    ("public:open_data", "get", "/openbaar/{a}/verbonden-partijen.csv"): 200,
    ("public:open_data", "get", "/openbaar/{a}/verbonden-partijen.json"): 200,
    ("public:open_data", "get", "/openbaar/{b}/verbonden-partijen.json"): NO,
    # Logging in through an identity provider while logged in: as any logged-in user.
    ("accounts:oidc_login", "get", "/inloggen/oidc/gemeente/"): 302,
    ("accounts:oidc_login", "get", "/inloggen/oidc/onbekend/"): NO,
    ("accounts:oidc_callback", "get", "/inloggen/oidc/gemeente/callback/"): 400,
    ("accounts:oidc_callback", "get", "/inloggen/oidc/gemeente/callback/?code=x&state=y"): 400,
    ("accounts:oidc_callback", "get", "/inloggen/oidc/onbekend/callback/"): NO,
}


def test_every_row_of_the_matrix_says_what_a_bronhouder_gets():
    missing = [row[:3] for row in ROWS if row[:3] not in EXPECTED]
    assert not missing, f"Geen verwachting voor de bronhouder bij: {missing}"
    stale = set(EXPECTED) - {row[:3] for row in ROWS}
    assert not stale, f"Verwachting zonder rij in ROWS: {sorted(stale)}"


@pytest.fixture
def bronhouder(world, make_user):  # noqa: F811
    return make_user("bronhouder_shared", role=BRONHOUDER, parties=[Party.objects.get(slug=world["shared"])])


@pytest.mark.parametrize(
    ("name", "method", "path"), [row[:3] for row in ROWS], ids=[f"{n} {m} {p}" for n, m, p, _ in ROWS]
)
def test_the_bronhouder_gets_the_expected_status(client, world, bronhouder, name, method, path):  # noqa: F811
    url = path.format(**world)
    response = request(client, method, url, bronhouder)
    assert response.status_code == EXPECTED[(name, method, path)], f"{method.upper()} {url}"
    if name.startswith("api:") and response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
    elif response.status_code == 404:
        assert "Pagina niet gevonden" in response.content.decode()


def test_what_the_bronhouder_sees_of_his_party_and_what_not(client, world, bronhouder):  # noqa: F811
    client.force_login(bronhouder)
    html = client.get("/partijen/").content.decode()
    assert "Gedeelde regeling" in html and world["party_a"] not in html and world["party_b"] not in html
    risks = client.get("/risicos/").content.decode()
    assert "Risico van de regeling" in risks
    assert "Garantie B" not in risks and "Geheim risico A" not in risks and "Openbaar risico A" not in risks
    sturing = client.get(f"/partijen/{world['shared']}/sturing/").content.decode()
    assert "Beoordeling door" not in sturing
    page = client.get(f"/partijen/{world['shared']}/deelnemers/").content.decode()
    assert "Aastad" in page and "Beedorp" in page, "the deelnemers of his party are public facts"
    assert f'href="/gemeenten/{world["a"]}/"' not in page, "but their pages are not his"
    header = client.get("/partijen/").content.decode()
    assert "Partij Gedeelde regeling" in header and "Aanleveren" in header and ">Gemeenten</a></li>" not in header
