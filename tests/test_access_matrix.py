"""Who may open what: every URL of the application against every kind of user (partners/scoping.py).

Each row names a URL pattern, a request and the expected status for, in this order:

    anonymous · beleidsmedewerker of gemeente A · controller of gemeente A · beheerder · superuser

404 means the Dutch "Pagina niet gevonden", never a 403: a page out of a user's scope does not
exist for them. The admin is the one exception everybody knows exists: a logged-in user who is not
staff gets the Dutch 403 "Geen toegang" there, not a login form.
The test walks the URL resolver and fails when a pattern has no row, so a new
page cannot go without its access rules.
"""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from api.models import ApiToken
from core.models import Job
from governance.calendar import feed_token
from governance.models import CycleDocument, Opinion
from importer import service
from partners import scoping
from partners.roles import BEHEERDER, BELEIDSMEDEWERKER, CONTROLLER
from public.models import PublicRegister
from reports.models import AdoptedReport
from tests.conftest import pass_two_factor
from tests.governance.factories import AssessmentFactory, ParticipationGovernanceFactory, PersonFactory, SeatFactory
from tests.importer.importing import row, xlsx
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory, PartyFinancialsFactory
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db

USERS = ["anonymous", "beleid_a", "controller_a", "beheer", "superuser"]
YEAR = 2025

INTERNAL = "302 404 200 200 200"  # the version with confidential risks

# name, method, path (formatted with the world below), expected statuses in USERS order.
ROWS = [
    ("home", "get", "/", "302 302 302 302 302"),
    ("login", "get", "/inloggen/", "200 200 200 200 200"),
    ("logout", "post", "/uitloggen/", "302 302 302 302 302"),
    ("partners:party_list", "get", "/partijen/", "302 200 200 200 200"),
    ("partners:party_list", "get", "/partijen/?format=csv", "302 200 200 200 200"),
    ("partners:party_list", "get", "/partijen/?format=xlsx", "302 200 200 200 200"),
    ("reports:party_detail", "get", "/partijen/{party_a}/", "302 200 200 200 200"),
    ("reports:party_detail", "get", "/partijen/{shared}/", "302 200 200 200 200"),
    ("reports:party_detail", "get", "/partijen/{party_b}/", "302 404 404 200 200"),
    ("reports:party_participants", "get", "/partijen/{party_a}/deelnemers/", "302 200 200 200 200"),
    ("reports:party_participants", "get", "/partijen/{party_b}/deelnemers/", "302 404 404 200 200"),
    ("partners:party_comparison", "get", "/partijen/{party_a}/vergelijking/", "302 200 200 200 200"),
    ("partners:party_comparison", "get", "/partijen/{party_b}/vergelijking/", "302 404 404 200 200"),
    ("partners:party_comparison", "get", "/partijen/{party_a}/vergelijking/?jaar=abc", "302 200 200 200 200"),
    ("reports:party_history", "get", "/partijen/{party_a}/historie/", "302 200 200 200 200"),
    ("reports:party_history", "get", "/partijen/{party_b}/historie/", "302 404 404 200 200"),
    ("reports:party_finances", "get", "/partijen/{party_a}/financien/", "302 200 200 200 200"),
    ("reports:party_finances", "get", "/partijen/{shared}/financien/", "302 200 200 200 200"),
    ("reports:party_finances", "get", "/partijen/{party_b}/financien/", "302 404 404 200 200"),
    ("reports:party_goals", "get", "/partijen/{party_a}/doelen/", "302 200 200 200 200"),
    ("reports:party_goals", "get", "/partijen/{shared}/doelen/", "302 200 200 200 200"),
    ("reports:party_goals", "get", "/partijen/{party_b}/doelen/", "302 404 404 200 200"),
    ("reports:party_governance", "get", "/partijen/{party_a}/sturing/", "302 200 200 200 200"),
    ("reports:party_governance", "get", "/partijen/{shared}/sturing/", "302 200 200 200 200"),
    ("reports:party_governance", "get", "/partijen/{party_b}/sturing/", "302 404 404 200 200"),
    ("reports:party_risks", "get", "/partijen/{party_a}/risicos/", "302 200 200 200 200"),
    ("reports:party_risks", "get", "/partijen/{shared}/risicos/", "302 200 200 200 200"),
    ("reports:party_risks", "get", "/partijen/{party_b}/risicos/", "302 404 404 200 200"),
    ("reports:party_detail", "get", "/partijen/{party_b}/?peildatum=2025-12-31", "302 404 404 404 404"),
    ("partners:municipality_list", "get", "/gemeenten/", "302 200 200 200 200"),
    ("reports:municipality_detail", "get", "/gemeenten/{a}/", "302 200 200 200 200"),
    ("reports:municipality_detail", "get", "/gemeenten/{b}/", "302 404 404 200 200"),
    ("reports:municipality_detail", "get", "/gemeenten/GM9999/", "302 404 404 404 404"),
    ("reports:municipality_participations", "get", "/gemeenten/{a}/deelnames/", "302 200 200 200 200"),
    ("reports:municipality_participations", "get", "/gemeenten/{b}/deelnames/", "302 404 404 200 200"),
    ("reports:municipality_participations", "get", "/gemeenten/GM9999/deelnames/", "302 404 404 404 404"),
    ("reports:municipality_finances", "get", "/gemeenten/{a}/financien/", "302 200 200 200 200"),
    ("reports:municipality_finances", "get", "/gemeenten/{b}/financien/", "302 404 404 200 200"),
    ("reports:municipality_finances", "get", "/gemeenten/GM9999/financien/", "302 404 404 404 404"),
    ("reports:municipality_governance", "get", "/gemeenten/{a}/sturing/", "302 200 200 200 200"),
    ("reports:municipality_governance", "get", "/gemeenten/{b}/sturing/", "302 404 404 200 200"),
    ("reports:municipality_governance", "get", "/gemeenten/GM9999/sturing/", "302 404 404 404 404"),
    ("reports:municipality_risks", "get", "/gemeenten/{a}/risicos/", "302 200 200 200 200"),
    ("reports:municipality_risks", "get", "/gemeenten/{b}/risicos/", "302 404 404 200 200"),
    ("reports:municipality_risks", "get", "/gemeenten/GM9999/risicos/", "302 404 404 404 404"),
    ("reports:municipality_history", "get", "/gemeenten/{a}/historie/", "302 200 200 200 200"),
    ("reports:municipality_history", "get", "/gemeenten/{b}/historie/", "302 404 404 200 200"),
    ("reports:municipality_history", "get", "/gemeenten/GM9999/historie/", "302 404 404 404 404"),
    ("partners:municipality_comparison", "get", "/gemeenten/{a}/vergelijking/", "302 200 200 200 200"),
    ("partners:municipality_comparison", "get", "/gemeenten/{b}/vergelijking/", "302 404 404 200 200"),
    ("partners:municipality_comparison", "get", "/gemeenten/GM9999/vergelijking/", "302 404 404 404 404"),
    ("importer:import", "get", "/import/", "302 404 404 200 200"),
    ("importer:import_template", "get", "/import/sjabloon.xlsx", "302 404 404 200 200"),
    ("importer:import_report", "get", "/import/{run}/", "302 404 404 200 200"),
    ("importer:import_confirm", "post", "/import/{run}/bevestigen/", "302 404 404 302 302"),
    ("reports:my_jobs", "get", "/rapporten/", "302 200 200 200 200"),
    # A job is for its owner and whoever sees the same (a beheerder sees what a superuser sees).
    ("reports:job_status", "get", "/rapporten/{job}/", "302 404 404 200 200"),
    ("reports:job_file", "get", "/rapporten/{job}/bestand", "302 404 404 200 200"),
    ("reports:job_status", "get", "/rapporten/{job_a}/", "302 200 404 404 404"),
    ("reports:job_file", "get", "/rapporten/{job_a}/bestand", "302 200 404 404 404"),
    ("governance:person_list", "get", "/personen/", "302 200 200 200 200"),
    ("governance:person_detail", "get", "/personen/{person_a}/", "302 200 200 200 200"),
    ("governance:person_detail", "get", "/personen/{person_b}/", "302 404 404 200 200"),
    ("governance:person_detail", "get", "/personen/{person_b_shared}/", "302 200 200 200 200"),
    ("reports:municipality_goals", "get", "/gemeenten/{a}/doelen/", "302 200 200 200 200"),
    ("reports:municipality_goals", "get", "/gemeenten/{b}/doelen/", "302 404 404 200 200"),
    ("reports:municipality_goals", "get", "/gemeenten/GM9999/doelen/", "302 404 404 404 404"),
    ("governance:dashboard", "get", "/gemeenten/{a}/dashboard/", "302 200 200 200 200"),
    ("governance:dashboard", "get", "/gemeenten/{b}/dashboard/", "302 404 404 200 200"),
    ("governance:deadlines_ics", "get", "/gemeenten/{a}/deadlines.ics", "302 200 200 200 200"),
    ("governance:deadlines_ics", "get", "/gemeenten/{b}/deadlines.ics", "302 404 404 200 200"),
    ("governance:deadlines_ics", "get", "/gemeenten/{a}/deadlines.ics?token={token_a}", "200 200 200 200 200"),
    ("governance:deadlines_ics", "get", "/gemeenten/{b}/deadlines.ics?token={token_b}", "404 404 404 200 200"),
    ("governance:renew_feed_token", "post", "/gemeenten/{a}/dashboard/agenda-adres/", "302 302 302 302 302"),
    ("governance:renew_feed_token", "post", "/gemeenten/{b}/dashboard/agenda-adres/", "302 404 404 302 302"),
    # Signalen: the overview shows the user's own gemeenten (another's code in ?gemeente= is ignored);
    # acknowledging is for a beleidsmedewerker or controller of the gemeente (an empty note: 400).
    ("governance:warnings", "get", "/signalen/", "302 200 200 200 200"),
    ("governance:warnings", "get", "/signalen/?gemeente={b}", "302 200 200 200 200"),
    ("governance:acknowledge_warning", "post", "/gemeenten/{a}/signalen/bevestigen/", "302 400 400 403 403"),
    ("governance:acknowledge_warning", "post", "/gemeenten/{b}/signalen/bevestigen/", "302 404 404 403 403"),
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/begroting", "302 200 200 200 200"),
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/begroting.pdf", "302 200 200 200 200"),
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/jaarstukken.xlsx", "302 200 200 200 200"),
    ("reports:paragraph_report", "get", "/gemeenten/{a}/rapportage/2025/jaarstukken.csv", "302 200 200 200 200"),
    (
        "reports:paragraph_report",
        "get",
        "/gemeenten/{a}/rapportage/2025/begroting?versie=intern",
        "302 404 200 200 200",
    ),
    ("reports:paragraph_report", "get", "/gemeenten/{b}/rapportage/2025/begroting", "302 404 404 200 200"),
    ("reports:paragraph_report", "get", "/gemeenten/{b}/rapportage/2025/begroting.pdf", "302 404 404 200 200"),
    ("reports:paragraph_report", "get", "/gemeenten/{b}/rapportage/2025/begroting.csv", "302 404 404 200 200"),
    ("reports:adopted_reports", "get", "/gemeenten/{a}/rapportage/vastgesteld/", "302 200 200 200 200"),
    ("reports:adopted_reports", "get", "/gemeenten/{b}/rapportage/vastgesteld/", "302 404 404 200 200"),
    ("reports:adopted_report_pdf", "get", "/gemeenten/{a}/rapportage/vastgesteld/999999.pdf", "302 404 404 404 404"),
    # Vaststellen: controllers and beheerders of the gemeente; refused (back to the report) while gaps remain.
    ("reports:adopt_report", "post", "/gemeenten/{a}/rapportage/2025/begroting/vaststellen", "302 403 302 302 302"),
    ("reports:adopt_report", "post", "/gemeenten/{b}/rapportage/2025/begroting/vaststellen", "302 404 404 302 302"),
    ("reports:factsheet_pdf", "get", "/partijen/{party_a}/factsheet.pdf", "302 200 200 200 200"),
    ("reports:factsheet_pdf", "get", "/partijen/{shared}/factsheet.pdf", "302 200 200 200 200"),
    ("reports:factsheet_pdf", "get", "/partijen/{shared}/factsheet.pdf?gemeente={a}", "302 200 200 200 200"),
    ("reports:factsheet_pdf", "get", "/partijen/{shared}/factsheet.pdf?gemeente={b}", "302 404 404 200 200"),
    ("reports:factsheet_pdf", "get", "/partijen/{party_b}/factsheet.pdf", "302 404 404 200 200"),
    ("risks:risk_list", "get", "/risicos/", "302 200 200 200 200"),
    ("risks:risk_list", "get", "/risicos/?format=csv", "302 200 200 200 200"),
    ("risks:risk_detail", "get", "/risicos/{risk_a}/", "302 200 200 200 200"),
    ("risks:risk_detail", "get", "/risicos/{risk_a_confidential}/", "302 404 200 200 200"),
    ("risks:risk_detail", "get", "/risicos/{risk_b}/", "302 404 404 200 200"),
    ("risks:risk_detail", "get", "/risicos/{risk_on_b_in_shared}/", "302 404 404 200 200"),
    ("risks:risk_detail", "get", "/risicos/{risk_shared}/", "302 200 200 200 200"),
    ("risks:resistance", "get", "/gemeenten/{a}/weerstandsvermogen/", "302 200 200 200 200"),
    ("risks:resistance", "get", "/gemeenten/{b}/weerstandsvermogen/", "302 404 404 200 200"),
    ("risks:level_styles", "get", "/risicos/niveaus.css", "200 200 200 200 200"),
    # The API (api/): for logged-in users, scoped as the pages; errors as problem+json, never a login page.
    ("api:openapi", "get", "/api/v1/openapi.json", "200 200 200 200 200"),
    # Without login the API reads the public registers that are on (gemeente A's, not B's); risks stay closed.
    ("api:partijen", "get", "/api/v1/partijen", "200 200 200 200 200"),
    ("api:partij", "get", "/api/v1/partijen/{party_a}", "200 200 200 200 200"),
    ("api:partij", "get", "/api/v1/partijen/{party_b}", "404 404 404 200 200"),
    ("api:deelnames", "get", "/api/v1/deelnames", "200 200 200 200 200"),
    ("api:financiele_gegevens", "get", "/api/v1/financiele-gegevens", "200 200 200 200 200"),
    ("api:vertegenwoordiging", "get", "/api/v1/vertegenwoordiging", "200 200 200 200 200"),
    ("api:documenten", "get", "/api/v1/documenten", "200 200 200 200 200"),
    ("api:risicos", "get", "/api/v1/risicos", "403 200 200 200 200"),
    ("api:partijen", "post", "/api/v1/partijen", "405 405 405 405 405"),
    ("api:financiele_gegevens_detail", "get", "/api/v1/financiele-gegevens/{figures_shared}", "200 200 200 200 200"),
    ("api:financiele_gegevens_detail", "get", "/api/v1/financiele-gegevens/{figures_b}", "404 404 404 200 200"),
    ("api:document", "get", "/api/v1/documenten/{document_shared}", "200 200 200 200 200"),
    ("api:risico", "get", "/api/v1/risicos/{risk_shared}", "403 200 200 200 200"),
    ("api:risico", "get", "/api/v1/risicos/{risk_a_confidential}", "403 404 200 200 200"),
    # Writing through the API needs a party's key (tests/api/test_api_writes.py): a session never writes.
    ("api:financiele_gegevens", "post", "/api/v1/financiele-gegevens", "403 403 403 403 403"),
    ("api:financiele_gegevens_detail", "patch", "/api/v1/financiele-gegevens/{figures_shared}", "403 403 403 403 403"),
    ("api:documenten", "post", "/api/v1/documenten", "403 403 403 403 403"),
    ("api:document", "patch", "/api/v1/documenten/{document_shared}", "403 403 403 403 403"),
    ("api:risicos", "post", "/api/v1/risicos", "403 403 403 403 403"),
    ("api:risico", "patch", "/api/v1/risicos/{risk_shared}", "403 403 403 403 403"),
    # Aanleveren: only for a party's bronhouder (tests/test_access_matrix_bronhouder.py); a beheerder uses the admin.
    ("supply:supply_home", "get", "/aanleveren/", "302 404 404 404 404"),
    ("supply:supply_party", "get", "/aanleveren/{shared}/", "302 404 404 404 404"),
    ("supply:supply_party", "get", "/aanleveren/{party_a}/", "302 404 404 404 404"),
    ("supply:supply_new", "get", "/aanleveren/{shared}/cijfers/nieuw/", "302 404 404 404 404"),
    ("supply:supply_new", "get", "/aanleveren/{shared}/zienswijzen/nieuw/", "302 404 404 404 404"),
    ("supply:supply_new", "get", "/aanleveren/{shared}/onbekend/nieuw/", "302 404 404 404 404"),
    ("supply:supply_new", "post", "/aanleveren/{shared}/risicos/nieuw/", "302 404 404 404 404"),
    ("supply:supply_edit", "get", "/aanleveren/{shared}/cijfers/{figures_shared}/", "302 404 404 404 404"),
    ("supply:supply_edit", "get", "/aanleveren/{shared}/cijfers/{figures_b}/", "302 404 404 404 404"),
    ("supply:supply_edit", "get", "/aanleveren/{shared}/documenten/{document_shared}/", "302 404 404 404 404"),
    ("supply:supply_edit", "get", "/aanleveren/{shared}/zienswijzen/{opinion_shared}/", "302 404 404 404 404"),
    ("supply:supply_edit", "get", "/aanleveren/{shared}/risicos/{risk_shared}/", "302 404 404 404 404"),
    ("supply:supply_edit", "get", "/aanleveren/{shared}/risicos/{risk_on_b_in_shared}/", "302 404 404 404 404"),
    ("supply:supply_token_create", "post", "/aanleveren/{shared}/sleutels/", "302 404 404 404 404"),
    (
        "supply:supply_token_revoke",
        "post",
        "/aanleveren/{shared}/sleutels/{token_shared}/intrekken/",
        "302 404 404 404 404",
    ),
    ("api:unknown", "get", "/api/v2/partijen", "404 404 404 404 404"),
    # The public register (public/): open to all for gemeente A, whose register is on; B's is off.
    ("public:index", "get", "/openbaar/", "200 200 200 200 200"),
    ("public:municipality", "get", "/openbaar/{a}/", "200 200 200 200 200"),
    ("public:municipality", "get", "/openbaar/{b}/", "404 404 404 404 404"),
    ("public:municipality", "get", "/openbaar/GM9999/", "404 404 404 404 404"),
    ("public:party", "get", "/openbaar/{a}/partijen/{party_a}/", "200 200 200 200 200"),
    ("public:party", "get", "/openbaar/{a}/partijen/{shared}/", "200 200 200 200 200"),
    ("public:party", "get", "/openbaar/{a}/partijen/{party_b}/", "404 404 404 404 404"),
    ("public:party", "get", "/openbaar/{b}/partijen/{party_b}/", "404 404 404 404 404"),
    ("public:adopted_report", "get", "/openbaar/{a}/paragrafen/{adopted_a}.pdf", "200 200 200 200 200"),
    ("public:adopted_report", "get", "/openbaar/{a}/paragrafen/{adopted_b}.pdf", "404 404 404 404 404"),
    ("public:adopted_report", "get", "/openbaar/{b}/paragrafen/{adopted_b}.pdf", "404 404 404 404 404"),
    ("public:open_data", "get", "/openbaar/{a}/verbonden-partijen.csv", "200 200 200 200 200"),
    ("public:open_data", "get", "/openbaar/{a}/verbonden-partijen.json", "200 200 200 200 200"),
    ("public:open_data", "get", "/openbaar/{b}/verbonden-partijen.json", "404 404 404 404 404"),
    # The TOTP step before the admin: staff only; staff here have passed it, so it sends them on.
    ("accounts:two_factor", "get", "/tweestaps/", "302 404 404 302 302"),
    ("accounts:two_factor_setup", "get", "/tweestaps/instellen/", "302 404 404 302 302"),
    # Login through an identity provider (OIDC_PROVIDERS, set in the world below): open to everyone, as the
    # login page is; the start sends the browser to the provider, a callback without its answer is refused.
    ("accounts:oidc_login", "get", "/inloggen/oidc/gemeente/", "302 302 302 302 302"),
    ("accounts:oidc_login", "get", "/inloggen/oidc/onbekend/", "404 404 404 404 404"),
    ("accounts:oidc_callback", "get", "/inloggen/oidc/gemeente/callback/", "400 400 400 400 400"),
    ("accounts:oidc_callback", "get", "/inloggen/oidc/gemeente/callback/?code=x&state=y", "400 400 400 400 400"),
    ("accounts:oidc_callback", "get", "/inloggen/oidc/onbekend/callback/", "404 404 404 404 404"),
    # The admin is Django's own; a few rows show that only staff get in and who reads the logboek.
    ("admin:index", "get", "/admin/", "302 403 403 200 200"),
    ("admin:admin_logentry_changelist", "get", "/admin/admin/logentry/", "302 403 403 200 200"),
    ("admin:auth_user_changelist", "get", "/admin/auth/user/", "302 403 403 403 200"),
]


def app_pattern_names(patterns=None, namespace="") -> set[str]:
    """Every named URL pattern outside Django's admin."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= app_pattern_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_pattern_of_the_application_has_a_row_in_the_matrix():
    missing = app_pattern_names() - {name for name, *_ in ROWS}
    assert not missing, f"Geen rij in de toegangsmatrix voor: {sorted(missing)}"


@pytest.fixture
def world(make_user, superuser, settings):
    """Gemeente A and B, a party of each, a party they share, risks, people and an import; one identity provider."""
    settings.OIDC_PROVIDERS = [
        {
            "key": "gemeente",
            "name": "Gemeente Aastad",
            "client_id": "register",
            "client_secret": "geheim",
            "authorization_endpoint": "https://login.aastad.example/authorize",
            "token_endpoint": "https://login.aastad.example/token",
            "userinfo_endpoint": "https://login.aastad.example/userinfo",
            "jwks_uri": "https://login.aastad.example/jwks",
        }
    ]
    a = MunicipalityFactory(code="GM8001", name="Aastad")
    b = MunicipalityFactory(code="GM8002", name="Beedorp")
    party_a = ParticipationFactory(participant=a, share_percentage=Decimal("40")).party
    party_b = ParticipationFactory(participant=b, share_percentage=Decimal("40")).party
    shared = PartyFactory(name="Gedeelde regeling")
    ParticipationFactory(party=shared, participant=a, share_percentage=Decimal("30"))
    shared_b = ParticipationFactory(party=shared, participant=b, share_percentage=Decimal("30"))
    users = {
        "anonymous": None,
        "beleid_a": make_user("beleid_a", role=BELEIDSMEDEWERKER, municipalities=[a]),
        "controller_a": make_user("controller_a", role=CONTROLLER, municipalities=[a]),
        "beheer": make_user("beheer", role=BEHEERDER, is_staff=True),
        "superuser": superuser,
    }
    workbook = xlsx(
        {"Partijen": [row("Partijen", naam="GGD Matrix", rechtsvorm="Openbaar lichaam", vestigingsplaats="Ee")]}
    )
    run = service.start(data=workbook, filename="matrix.xlsx", user=superuser)
    PublicRegister.objects.create(municipality=a, enabled=True)
    PublicRegister.objects.create(municipality=b, enabled=False)
    document_shared = CycleDocument.objects.create(party=shared, kind="ontwerpbegroting", year=YEAR + 1)
    return {
        "adopted_a": adopted_report(a, superuser).pk,
        "adopted_b": adopted_report(b, superuser).pk,
        "job": finished_job(superuser, "superuser").pk,
        "job_a": finished_job(users["beleid_a"], "beleid_a").pk,
        "users": users,
        "a": a.code,
        "b": b.code,
        "party_a": party_a.slug,
        "party_b": party_b.slug,
        "shared": shared.slug,
        "run": run.pk,
        "person_a": PersonFactory(municipality=a).pk,
        "person_b": PersonFactory(municipality=b).pk,
        "person_b_shared": SeatFactory(participation=shared_b).person.pk,
        "token_a": feed_token(a, user=users["beleid_a"]),
        "token_b": feed_token(b, user=users["beleid_a"]),
        "risk_a": RiskFactory(party=party_a, title="Openbaar risico A").pk,
        "risk_a_confidential": RiskFactory(party=party_a, title="Geheim risico A", confidential=True).pk,
        "risk_b": RiskFactory(party=party_b, title="Risico B").pk,
        "risk_on_b_in_shared": RiskFactory(party=shared, participation=shared_b, title="Garantie B").pk,
        # What the shared party supplies itself (supply/rules.py): its figures, documents, answers, risks.
        # Beheerst, so that the counts of open risks below stay those of gemeente A.
        "risk_shared": RiskFactory(
            party=shared, title="Risico van de regeling", supplied_by=shared, status="beheerst"
        ).pk,
        "figures_shared": PartyFinancialsFactory(party=shared, year=YEAR).pk,
        "figures_b": PartyFinancialsFactory(party=party_b, year=YEAR).pk,
        "document_shared": document_shared.pk,
        "opinion_shared": Opinion.objects.create(document=document_shared, municipality=b).pk,
        "token_shared": ApiToken.issue(name="Matrix", party=shared, created_by=superuser)[0].pk,
    }


def adopted_report(municipality, user):
    body = b"%PDF-1.7 vastgestelde paragraaf"
    return AdoptedReport.objects.create(
        municipality=municipality,
        year=YEAR,
        kind="begroting",
        version=1,
        adopted_on=timezone.localdate(),
        pdf=body,
        sha256=AdoptedReport.digest(body),
        stored_by=user,
        peildatum=timezone.localdate(),
    )


def finished_job(owner, name):
    return Job.objects.create(
        kind="factsheet-pdf",
        title=f"Factsheet van {name}",
        key=name,
        data_version="1",
        visibility=scoping.visibility_key(owner),
        owner=owner,
        status=Job.Status.DONE,
        steps_done=1,
        result=b"%PDF-1.7",
        filename=f"{name}.pdf",
        content_type="application/pdf",
        finished_at=timezone.now(),
    )


def request(client, method, path, user):
    client.logout()
    if user is not None and user.is_staff:
        pass_two_factor(client, user)  # staff as they use the admin: past the TOTP step
    elif user is not None:
        client.force_login(user)
    response = getattr(client, method)(path)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response


@pytest.mark.parametrize(
    ("name", "method", "path", "expected"), ROWS, ids=[f"{name} {method} {path}" for name, method, path, _ in ROWS]
)
def test_each_user_gets_the_expected_status(client, world, name, method, path, expected):
    url = path.format(**world)
    wrong = []
    for who, status in zip(USERS, expected.split(), strict=True):
        response = request(client, method, url, world["users"][who])
        if response.status_code != int(status):
            wrong.append(f"{who}: {response.status_code} in plaats van {status}")
        elif name.startswith("api:") and response.status_code >= 400:
            assert response["Content-Type"] == "application/problem+json", f"{who} kreeg geen problem+json"
        elif response.status_code == 404:
            assert "Pagina niet gevonden" in response.content.decode(), f"{who} kreeg geen Nederlandse 404"
        elif response.status_code == 403 and name.startswith("admin:") and who in ("beleid_a", "controller_a"):
            assert "alleen voor functioneel beheerders" in response.content.decode(), f"{who} kreeg geen uitleg"
        elif (
            response.status_code == 302
            and who == "anonymous"
            and name not in ("login", "logout", "accounts:oidc_login")
        ):
            logins = ("/inloggen/?next=", "/admin/login/?next=") if name.startswith("admin:") else ("/inloggen/?next=",)
            assert response["Location"].startswith(logins), response["Location"]
    assert not wrong, f"{method.upper()} {url}: " + "; ".join(wrong)


# --- What a scoped user sees inside the pages that do open -----------------------------------------


@pytest.fixture
def beleid_client(client, world):
    client.force_login(world["users"]["beleid_a"])
    return client


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8-sig")


def test_the_party_list_and_its_export_show_only_the_parties_of_the_users_gemeenten(beleid_client, world):
    html = page(beleid_client, "/partijen/")
    assert "Gedeelde regeling" in html and world["party_a"] in html
    assert world["party_b"] not in html
    csv = page(beleid_client, "/partijen/?format=csv")
    assert world["party_b"] not in csv and "Gedeelde regeling" in csv


def test_a_party_list_filter_on_another_gemeente_finds_nothing_and_does_not_offer_it(beleid_client, world):
    html = page(beleid_client, f"/partijen/?deelnemer={world['b']}")
    assert "Gedeelde regeling" not in html
    assert f'value="{world["b"]}"' not in html and f'value="{world["a"]}"' in html
    assert "Gedeelde regeling" not in page(beleid_client, f"/partijen/?deelnemer={world['b']}&format=csv")


def test_the_gemeente_list_shows_only_the_users_own_gemeenten(beleid_client):
    html = page(beleid_client, "/gemeenten/")
    assert "Aastad" in html and "Beedorp" not in html


def test_a_beleidsmedewerker_never_sees_a_confidential_risk_in_lists_exports_or_counts(client, world):
    for who, sees in [("beleid_a", False), ("controller_a", True)]:
        client.force_login(world["users"][who])
        html = page(client, "/risicos/")
        assert ("Geheim risico A" in html) is sees
        assert "Openbaar risico A" in html and "Risico B" not in html and "Garantie B" not in html
        assert ("Geheim risico A" in page(client, "/risicos/?format=csv")) is sees
        assert ("Vertrouwelijk" in html) is sees  # the filter on confidentiality is not even offered
        party = page(client, f"/partijen/{world['party_a']}/risicos/")
        # The party's heatmap counts its open risks: 2 for the controller, 1 for the beleidsmedewerker.
        assert ("alle 2 open risico's" in party) is sees
        assert ("het open risico<" in party) is not sees


@pytest.mark.parametrize("order", [("controller_a", "beleid_a"), ("beleid_a", "controller_a")])
def test_a_page_rendered_for_one_user_is_never_served_to_a_user_who_may_see_less(client, world, order):
    """Factsheet and gemeente page are cached until the register changes (core/register_cache.py),
    per kind of user: whoever comes first, each sees their own risks and count of open risks."""
    for who in order:
        client.force_login(world["users"][who])
        sees = who == "controller_a"
        for url in (f"/partijen/{world['party_a']}/risicos/", f"/gemeenten/{world['a']}/risicos/"):
            html = page(client, url)
            assert sees or "Geheim risico A" not in html, (who, url)
            assert (">alle 2 open risico" in html or ">alle 3 open risico" in html) is sees, (who, url)
        # The overview counts the open risks too, cached under its own URL.
        overview = page(client, f"/partijen/{world['party_a']}/")
        assert ("2 open risico" in overview) is sees and ("1 open risico" in overview) is not sees, who


def test_the_weerstandsvermogen_counts_a_confidential_risk_without_naming_it_to_a_beleidsmedewerker(client, world):
    client.force_login(world["users"]["beleid_a"])
    html = page(client, f"/gemeenten/{world['a']}/weerstandsvermogen/")
    assert "Openbaar risico A" in html and "Geheim risico A" not in html
    assert "1 vertrouwelijk risico" in html
    client.force_login(world["users"]["controller_a"])
    html = page(client, f"/gemeenten/{world['a']}/weerstandsvermogen/")
    assert "Geheim risico A" in html and "vertrouwelijk risico (" not in html


def test_a_shared_party_names_the_other_gemeente_without_linking_to_its_page(beleid_client, world):
    html = page(beleid_client, f"/partijen/{world['shared']}/deelnemers/")
    assert "Beedorp" in html
    assert f'href="/gemeenten/{world["b"]}/"' not in html
    assert f'href="/gemeenten/{world["a"]}/"' in html


def test_a_shared_party_shows_only_the_users_own_sturing_and_monitoring(beleid_client, world):
    shared = ParticipationFactory._meta.model.objects.filter(party__slug=world["shared"])
    for participation in shared:
        ParticipationGovernanceFactory(participation=participation, risk_profile_reason=f"Reden {participation}")
        AssessmentFactory(party=participation.party, municipality=participation.participant)
    html = page(beleid_client, f"/partijen/{world['shared']}/sturing/")
    assert "Beoordeling door Aastad" in html
    assert "Beoordeling door Beedorp" not in html


def test_a_shared_party_shows_the_shared_doelen_and_only_the_users_own_doelen_and_belang(beleid_client, world):
    from governance.models import Goal

    party = PartyFactory._meta.model.objects.get(slug=world["shared"])
    area = party.goals.model.policy_area.field.related_model.objects.get(code="1")
    Goal.objects.create(party=party, title="Gedeeld doel van allen", policy_area=area)
    for participation in party.participations.select_related("participant"):
        name = participation.participant.name
        Goal.objects.create(
            party=party, title=f"Eigen doel van {name}", policy_area=area, municipality=participation.participant
        )
        ParticipationGovernanceFactory(participation=participation, own_interest=f"Eigen belang van {name}")
    html = page(beleid_client, f"/partijen/{world['shared']}/doelen/")
    assert "Gedeeld doel van allen" in html
    assert "Eigen doel van Aastad" in html and "Eigen belang van Aastad" in html
    assert "Eigen doel van Beedorp" not in html and "Eigen belang van Beedorp" not in html


def test_the_people_list_shows_people_of_the_users_gemeenten_and_members_of_their_parties(beleid_client, world):
    from governance.models import Person

    html = page(beleid_client, "/personen/")
    assert Person.objects.get(pk=world["person_a"]).name in html
    assert Person.objects.get(pk=world["person_b_shared"]).name in html
    assert Person.objects.get(pk=world["person_b"]).name not in html
    assert f'value="{world["b"]}"' not in html


def test_the_header_names_the_users_gemeente_and_role(beleid_client):
    html = page(beleid_client, "/partijen/")
    assert "Gemeente Aastad" in html.split("</header>")[0]
    assert "beleidsmedewerker" in html.split("</header>")[0]


def test_a_user_without_a_gemeente_sees_an_empty_register_and_says_so(client, make_user, world):
    client.force_login(make_user("nieuw", role=BELEIDSMEDEWERKER))
    html = page(client, "/partijen/")
    assert "Geen gemeente gekoppeld" in html
    assert "Gedeelde regeling" not in html
    assert client.get(f"/gemeenten/{world['a']}/").status_code == 404


# --- Scoping costs the same number of queries however many rows there are ---------------------------


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    return len(queries)


def grow(world, times):
    """More parties and risks on both sides of the scope."""
    from partners.models import Participant

    a, b = Participant.objects.get(code=world["a"]), Participant.objects.get(code=world["b"])
    for _ in range(times):
        for municipality in (a, b):
            participation = ParticipationFactory(participant=municipality, share_percentage=Decimal("10"))
            RiskFactory(party=participation.party)
            RiskFactory(party=participation.party, confidential=True)
            SeatFactory(participation=participation)


@pytest.mark.parametrize(
    "url", ["/partijen/", "/partijen/?format=xlsx", "/risicos/", "/risicos/?format=csv", "/personen/", "/gemeenten/"]
)
def test_scoped_lists_use_the_same_number_of_queries_for_few_and_many_rows(beleid_client, world, url):
    few = count_queries(beleid_client, url)
    grow(world, 20)
    assert count_queries(beleid_client, url) == few


def test_the_scoped_gemeente_page_and_factsheet_use_the_same_number_of_queries_as_rows_grow(beleid_client, world):
    urls = [
        f"/gemeenten/{world['a']}/?jaar={YEAR}",
        f"/partijen/{world['shared']}/",
        f"/gemeenten/{world['a']}/doelen/",
    ]
    few = [count_queries(beleid_client, url) for url in urls]
    grow(world, 10)
    assert [count_queries(beleid_client, url) for url in urls] == few
