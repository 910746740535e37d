"""The access matrix (tests/test_access_matrix.py) for a raadslid or griffier of gemeente A: every row of
ROWS with the status he gets, read-only and the public version only (partners/scoping.py).

Each row of ROWS needs an expectation here (keyed by name, method and path): a new URL cannot go without
saying what the raad may open. 404 is the Dutch "Pagina niet gevonden", as for everyone else.

Where he gets less than a beleidsmedewerker of the same gemeente: the history of a party (who changed what),
the people pages (contact data), the signalen and their acknowledgement (the gemeente's own), the
weerstandsvermogen page (it counts the confidential risks; the paragraaf has the public version), the
internal paragraaf, and a report made for a beleidsmedewerker (who may see more).
"""

import pytest

from partners.roles import RAAD_GRIFFIE
from tests.test_access_matrix import ROWS, request, world  # noqa: F401 (world is the shared fixture)

pytestmark = pytest.mark.django_db

EXPECTED = {
    ("home", "get", "/"): 302,
    ("login", "get", "/inloggen/"): 200,
    ("logout", "post", "/uitloggen/"): 302,
    ("partners:party_list", "get", "/partijen/"): 200,
    ("partners:party_list", "get", "/partijen/?format=csv"): 200,
    ("partners:party_list", "get", "/partijen/?format=xlsx"): 200,
    ("reports:party_detail", "get", "/partijen/{party_a}/"): 200,
    ("reports:party_detail", "get", "/partijen/{shared}/"): 200,
    ("reports:party_detail", "get", "/partijen/{party_b}/"): 404,
    ("reports:party_participants", "get", "/partijen/{party_a}/deelnemers/"): 200,
    ("reports:party_participants", "get", "/partijen/{party_b}/deelnemers/"): 404,
    ("partners:party_comparison", "get", "/partijen/{party_a}/vergelijking/"): 200,
    ("partners:party_comparison", "get", "/partijen/{party_b}/vergelijking/"): 404,
    ("partners:party_comparison", "get", "/partijen/{party_a}/vergelijking/?jaar=abc"): 200,
    (
        "reports:party_history",
        "get",
        "/partijen/{party_a}/historie/",
    ): 404,
    (
        "reports:party_history",
        "get",
        "/partijen/{party_b}/historie/",
    ): 404,
    ("reports:party_finances", "get", "/partijen/{party_a}/financien/"): 200,
    ("reports:party_finances", "get", "/partijen/{shared}/financien/"): 200,
    ("reports:party_finances", "get", "/partijen/{party_b}/financien/"): 404,
    ("reports:party_goals", "get", "/partijen/{party_a}/doelen/"): 200,
    ("reports:party_goals", "get", "/partijen/{shared}/doelen/"): 200,
    ("reports:party_goals", "get", "/partijen/{party_b}/doelen/"): 404,
    ("reports:party_governance", "get", "/partijen/{party_a}/sturing/"): 200,
    ("reports:party_governance", "get", "/partijen/{shared}/sturing/"): 200,
    ("reports:party_governance", "get", "/partijen/{party_b}/sturing/"): 404,
    ("reports:party_risks", "get", "/partijen/{party_a}/risicos/"): 200,
    ("reports:party_risks", "get", "/partijen/{shared}/risicos/"): 200,
    ("reports:party_risks", "get", "/partijen/{party_b}/risicos/"): 404,
    ("reports:party_detail", "get", "/partijen/{party_b}/?peildatum=2025-12-31"): 404,
    ("partners:municipality_list", "get", "/gemeenten/"): 200,
    ("reports:municipality_detail", "get", "/gemeenten/{a}/"): 200,
    ("reports:municipality_detail", "get", "/gemeenten/{b}/"): 404,
    ("reports:municipality_detail", "get", "/gemeenten/GM9999/"): 404,
    ("reports:municipality_participations", "get", "/gemeenten/{a}/deelnames/"): 200,
    ("reports:municipality_participations", "get", "/gemeenten/{b}/deelnames/"): 404,
    ("reports:municipality_participations", "get", "/gemeenten/GM9999/deelnames/"): 404,
    ("reports:municipality_finances", "get", "/gemeenten/{a}/financien/"): 200,
    ("reports:municipality_finances", "get", "/gemeenten/{b}/financien/"): 404,
    ("reports:municipality_finances", "get", "/gemeenten/GM9999/financien/"): 404,
    ("reports:municipality_governance", "get", "/gemeenten/{a}/sturing/"): 200,
    ("reports:municipality_governance", "get", "/gemeenten/{b}/sturing/"): 404,
    ("reports:municipality_governance", "get", "/gemeenten/GM9999/sturing/"): 404,
    ("reports:municipality_risks", "get", "/gemeenten/{a}/risicos/"): 200,
    ("reports:municipality_risks", "get", "/gemeenten/{b}/risicos/"): 404,
    ("reports:municipality_risks", "get", "/gemeenten/GM9999/risicos/"): 404,
    ("reports:municipality_history", "get", "/gemeenten/{a}/historie/"): 200,
    (
        "reports:municipality_history",
        "get",
        "/gemeenten/{b}/historie/",
    ): 404,
    (
        "reports:municipality_history",
        "get",
        "/gemeenten/GM9999/historie/",
    ): 404,
    ("partners:municipality_comparison", "get", "/gemeenten/{a}/vergelijking/"): 200,
    ("partners:municipality_comparison", "get", "/gemeenten/{b}/vergelijking/"): 404,
    ("partners:municipality_comparison", "get", "/gemeenten/GM9999/vergelijking/"): 404,
    ("importer:import", "get", "/import/"): 404,
    ("importer:import_template", "get", "/import/sjabloon.xlsx"): 404,
    ("importer:import_report", "get", "/import/{run}/"): 404,
    ("importer:import_confirm", "post", "/import/{run}/bevestigen/"): 404,
    ("reports:my_jobs", "get", "/rapporten/"): 200,
    ("reports:job_status", "get", "/rapporten/{job}/"): 404,
    ("reports:job_file", "get", "/rapporten/{job}/bestand"): 404,
    ("reports:job_status", "get", "/rapporten/{job_a}/"): 404,
    ("reports:job_file", "get", "/rapporten/{job_a}/bestand"): 404,
    ("governance:person_list", "get", "/personen/"): 404,
    ("governance:person_detail", "get", "/personen/{person_a}/"): 404,
    ("governance:person_detail", "get", "/personen/{person_b}/"): 404,
    ("governance:person_detail", "get", "/personen/{person_b_shared}/"): 404,
    ("reports:municipality_goals", "get", "/gemeenten/{a}/doelen/"): 200,
    ("reports:municipality_goals", "get", "/gemeenten/{b}/doelen/"): 404,
    ("reports:municipality_goals", "get", "/gemeenten/GM9999/doelen/"): 404,
    ("governance:dashboard", "get", "/gemeenten/{a}/dashboard/"): 200,
    ("governance:dashboard", "get", "/gemeenten/{b}/dashboard/"): 404,
    ("governance:deadlines_ics", "get", "/gemeenten/{a}/deadlines.ics"): 200,
    ("governance:deadlines_ics", "get", "/gemeenten/{b}/deadlines.ics"): 404,
    ("governance:deadlines_ics", "get", "/gemeenten/{a}/deadlines.ics?token={token_a}"): 200,
    ("governance:deadlines_ics", "get", "/gemeenten/{b}/deadlines.ics?token={token_b}"): 404,
    ("governance:renew_feed_token", "post", "/gemeenten/{a}/dashboard/agenda-adres/"): 302,
    ("governance:renew_feed_token", "post", "/gemeenten/{b}/dashboard/agenda-adres/"): 404,
    ("governance:warnings", "get", "/signalen/"): 404,
    ("governance:warnings", "get", "/signalen/?gemeente={b}"): 404,
    (
        "governance:acknowledge_warning",
        "post",
        "/gemeenten/{a}/signalen/bevestigen/",
    ): 404,
    (
        "governance:acknowledge_warning",
        "post",
        "/gemeenten/{b}/signalen/bevestigen/",
    ): 404,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/begroting"): 200,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/begroting.pdf"): 200,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/jaarstukken.xlsx"): 200,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/jaarstukken.csv"): 200,
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/begroting?versie=intern"): 404,
    ("reports:paragraph_report", "get", "/gemeenten/{b}/rapportage/2025/begroting"): 404,
    ("reports:paragraph_report", "get", "/gemeenten/{b}/rapportage/2025/begroting.pdf"): 404,
    ("reports:paragraph_report", "get", "/gemeenten/{b}/rapportage/2025/begroting.csv"): 404,
    ("reports:adopted_reports", "get", "/gemeenten/{a}/rapportage/vastgesteld/"): 200,
    ("reports:adopted_reports", "get", "/gemeenten/{b}/rapportage/vastgesteld/"): 404,
    ("reports:adopted_report_pdf", "get", "/gemeenten/{a}/rapportage/vastgesteld/999999.pdf"): 404,
    ("reports:adopt_report", "post", "/gemeenten/{a}/rapportage/2025/begroting/vaststellen"): 403,
    ("reports:adopt_report", "post", "/gemeenten/{b}/rapportage/2025/begroting/vaststellen"): 404,
    ("reports:factsheet_pdf", "get", "/partijen/{party_a}/factsheet.pdf"): 200,
    ("reports:factsheet_pdf", "get", "/partijen/{shared}/factsheet.pdf?gemeente={a}"): 200,
    ("reports:factsheet_pdf", "get", "/partijen/{shared}/factsheet.pdf?gemeente={b}"): 404,
    ("reports:factsheet_pdf", "get", "/partijen/{party_b}/factsheet.pdf"): 404,
    ("risks:risk_list", "get", "/risicos/"): 200,
    ("risks:risk_list", "get", "/risicos/?format=csv"): 200,
    ("risks:risk_detail", "get", "/risicos/{risk_a}/"): 200,
    ("risks:risk_detail", "get", "/risicos/{risk_a_confidential}/"): 404,
    ("risks:risk_detail", "get", "/risicos/{risk_b}/"): 404,
    ("risks:risk_detail", "get", "/risicos/{risk_on_b_in_shared}/"): 404,
    (
        "risks:resistance",
        "get",
        "/gemeenten/{a}/weerstandsvermogen/",
    ): 404,
    (
        "risks:resistance",
        "get",
        "/gemeenten/{b}/weerstandsvermogen/",
    ): 404,
    ("risks:level_styles", "get", "/risicos/niveaus.css"): 200,
    ("api:openapi", "get", "/api/v1/openapi.json"): 200,
    ("api:partijen", "get", "/api/v1/partijen"): 200,
    ("api:partij", "get", "/api/v1/partijen/{party_a}"): 200,
    ("api:partij", "get", "/api/v1/partijen/{party_b}"): 404,
    ("api:deelnames", "get", "/api/v1/deelnames"): 200,
    ("api:financiele_gegevens", "get", "/api/v1/financiele-gegevens"): 200,
    ("api:vertegenwoordiging", "get", "/api/v1/vertegenwoordiging"): 200,
    ("api:documenten", "get", "/api/v1/documenten"): 200,
    ("api:risicos", "get", "/api/v1/risicos"): 200,
    ("api:partijen", "post", "/api/v1/partijen"): 405,
    ("api:unknown", "get", "/api/v2/partijen"): 404,
    ("public:index", "get", "/openbaar/"): 200,
    ("public:municipality", "get", "/openbaar/{a}/"): 200,
    ("public:municipality", "get", "/openbaar/{b}/"): 404,
    ("public:municipality", "get", "/openbaar/GM9999/"): 404,
    ("public:party", "get", "/openbaar/{a}/partijen/{party_a}/"): 200,
    ("public:party", "get", "/openbaar/{a}/partijen/{shared}/"): 200,
    ("public:party", "get", "/openbaar/{a}/partijen/{party_b}/"): 404,
    ("public:party", "get", "/openbaar/{b}/partijen/{party_b}/"): 404,
    ("public:adopted_report", "get", "/openbaar/{a}/paragrafen/{adopted_a}.pdf"): 200,
    ("public:adopted_report", "get", "/openbaar/{a}/paragrafen/{adopted_b}.pdf"): 404,
    ("public:adopted_report", "get", "/openbaar/{b}/paragrafen/{adopted_b}.pdf"): 404,
    ("public:open_data", "get", "/openbaar/{a}/verbonden-partijen.csv"): 200,
    ("public:open_data", "get", "/openbaar/{a}/verbonden-partijen.json"): 200,
    ("public:open_data", "get", "/openbaar/{b}/verbonden-partijen.json"): 404,
    ("accounts:oidc_login", "get", "/inloggen/oidc/gemeente/"): 302,
    ("accounts:oidc_login", "get", "/inloggen/oidc/onbekend/"): 404,
    ("accounts:oidc_callback", "get", "/inloggen/oidc/gemeente/callback/"): 400,
    ("accounts:oidc_callback", "get", "/inloggen/oidc/gemeente/callback/?code=x&state=y"): 400,
    ("accounts:oidc_callback", "get", "/inloggen/oidc/onbekend/callback/"): 404,
    ("accounts:two_factor", "get", "/tweestaps/"): 404,
    ("accounts:two_factor_setup", "get", "/tweestaps/instellen/"): 404,
    ("admin:index", "get", "/admin/"): 403,
    ("admin:admin_logentry_changelist", "get", "/admin/admin/logentry/"): 403,
    ("admin:auth_user_changelist", "get", "/admin/auth/user/"): 403,
    # Added with the bronhouder: the shared factsheet and risk, the API's rows and writes, Aanleveren.
    ("reports:factsheet_pdf", "get", "/partijen/{shared}/factsheet.pdf"): 200,
    ("risks:risk_detail", "get", "/risicos/{risk_shared}/"): 200,
    ("api:financiele_gegevens_detail", "get", "/api/v1/financiele-gegevens/{figures_shared}"): 200,
    ("api:financiele_gegevens_detail", "get", "/api/v1/financiele-gegevens/{figures_b}"): 404,
    ("api:document", "get", "/api/v1/documenten/{document_shared}"): 200,
    ("api:risico", "get", "/api/v1/risicos/{risk_shared}"): 200,
    ("api:risico", "get", "/api/v1/risicos/{risk_a_confidential}"): 404,
    # Writing through the API takes a party's key: a session never writes.
    ("api:financiele_gegevens", "post", "/api/v1/financiele-gegevens"): 403,
    ("api:financiele_gegevens_detail", "patch", "/api/v1/financiele-gegevens/{figures_shared}"): 403,
    ("api:documenten", "post", "/api/v1/documenten"): 403,
    ("api:document", "patch", "/api/v1/documenten/{document_shared}"): 403,
    ("api:risicos", "post", "/api/v1/risicos"): 403,
    ("api:risico", "patch", "/api/v1/risicos/{risk_shared}"): 403,
    # Aanleveren is the bronhouder's.
    ("supply:supply_home", "get", "/aanleveren/"): 404,
    ("supply:supply_party", "get", "/aanleveren/{shared}/"): 404,
    ("supply:supply_party", "get", "/aanleveren/{party_a}/"): 404,
    ("supply:supply_new", "get", "/aanleveren/{shared}/cijfers/nieuw/"): 404,
    ("supply:supply_new", "get", "/aanleveren/{shared}/zienswijzen/nieuw/"): 404,
    ("supply:supply_new", "get", "/aanleveren/{shared}/onbekend/nieuw/"): 404,
    ("supply:supply_new", "post", "/aanleveren/{shared}/risicos/nieuw/"): 404,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/cijfers/{figures_shared}/"): 404,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/cijfers/{figures_b}/"): 404,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/documenten/{document_shared}/"): 404,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/zienswijzen/{opinion_shared}/"): 404,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/risicos/{risk_shared}/"): 404,
    ("supply:supply_edit", "get", "/aanleveren/{shared}/risicos/{risk_on_b_in_shared}/"): 404,
    ("supply:supply_token_create", "post", "/aanleveren/{shared}/sleutels/"): 404,
    ("supply:supply_token_revoke", "post", "/aanleveren/{shared}/sleutels/{token_shared}/intrekken/"): 404,
}


def key(row):
    name, method, path, _ = row
    return (name, method, path)


def test_every_row_of_the_access_matrix_has_an_expectation_for_the_griffie():
    missing = [key(row) for row in ROWS if key(row) not in EXPECTED]
    assert not missing, f"Geen verwachting voor raadslid/griffie bij: {missing}"
    stale = set(EXPECTED) - {key(row) for row in ROWS}
    assert not stale, f"Verwachting zonder rij in ROWS: {sorted(stale)}"


@pytest.fixture
def griffie(world, make_user):  # noqa: F811
    from partners.models import Participant

    return make_user("griffie_a", role=RAAD_GRIFFIE, municipalities=[Participant.objects.get(code=world["a"])])


@pytest.mark.parametrize("row", ROWS, ids=[f"{name} {method} {path}" for name, method, path, _ in ROWS])
def test_the_griffie_gets_the_expected_status(client, world, griffie, row):  # noqa: F811
    name, method, path, _ = row
    expected = EXPECTED.get(key(row))
    if expected is None:
        pytest.fail(f"Geen verwachting voor raadslid/griffie bij {key(row)}")
    url = path.format(**world)
    response = request(client, method, url, griffie)
    assert response.status_code == expected, f"{method.upper()} {url}: {response.status_code} in plaats van {expected}"
    if name.startswith("api:") and response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
    elif response.status_code == 404:
        assert "Pagina niet gevonden" in response.content.decode()
