"""The register's API (/api/v1): the OpenAPI document is valid and every documented endpoint answers with
what it documents; users read what the pages show them, errors are Dutch problem details, pages are linked."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext, override
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from api.models import ApiToken
from governance.models import CycleDocument
from partners.roles import BELEIDSMEDEWERKER, BRONHOUDER, CONTROLLER
from tests.governance.factories import SeatFactory
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    PartyFactory,
    PartyFinancialsFactory,
)
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db

OPENAPI = "/api/v1/openapi.json"


@pytest.fixture
def world(make_user):
    a = MunicipalityFactory(code="GM8101", name="Apistad")
    b = MunicipalityFactory(code="GM8102", name="Bedorp")
    shared = PartyFactory(name="Gedeelde API-regeling")
    own = ParticipationFactory(party=shared, participant=a, share_percentage=Decimal("60"))
    ParticipationFactory(party=shared, participant=b, share_percentage=Decimal("40"))
    other = ParticipationFactory(participant=b, party=PartyFactory(name="Regeling van Bedorp")).party
    PartyFinancialsFactory(party=shared, year=2025, result=Decimal("-125000.50"))
    PartyFinancialsFactory(party=other, year=2025)
    SeatFactory(participation=own)
    CycleDocument.objects.create(party=shared, kind="begroting", year=2026, title="Begroting 2026")
    RiskFactory(party=shared, title="Openbaar API-risico")
    RiskFactory(party=shared, title="Geheim API-risico", confidential=True)
    RiskFactory(party=other, title="Risico van Bedorp")
    bronhouder = make_user("api_bronhouder", role=BRONHOUDER, parties=[shared])
    token, key = ApiToken.issue(name="Financieel systeem", party=shared, created_by=bronhouder)
    return {
        "shared": shared,
        "other": other,
        "beleid": make_user("api_beleid", role=BELEIDSMEDEWERKER, municipalities=[a]),
        "controller": make_user("api_controller", role=CONTROLLER, municipalities=[a]),
        "bronhouder": bronhouder,
        "key": key,
    }


@pytest.fixture
def spec(client):
    response = client.get(OPENAPI)
    assert response.status_code == 200 and response["API-Version"] == "1.0.0"
    return json.loads(response.content)


def validator_for(spec, schema):
    """A validator of `schema` (a reference into the document) whose $refs resolve within the document."""
    registry = Registry().with_resource("urn:openapi", DRAFT202012.create_resource(spec))
    return Draft202012Validator(schema, registry=registry)


def response_schema(spec, path, status, media_type, method="get"):
    """The schema of an answer, as a reference into the document (JSON Pointer, RFC 6901)."""
    assert media_type in spec["paths"][path][method]["responses"][str(status)]["content"], (path, status)
    parts = ["paths", path, method, "responses", str(status), "content", media_type, "schema"]
    pointer = "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)
    return {"$ref": f"urn:openapi#/{pointer}"}


def test_the_openapi_document_is_valid_openapi_31_and_public(spec):
    validate_spec(spec)
    assert spec["openapi"].startswith("3.1") and spec["info"]["version"] == "1.0.0"
    paths = set(spec["paths"])
    assert {"/api/v1/partijen", "/api/v1/partijen/{identificatie}", "/api/v1/risicos"} <= paths
    assert all(not path.endswith("/") for path in paths), "no trailing slashes (NL GOV /core/no-trailing-slash)"


def request_schema(spec, path, method):
    parts = ["paths", path, method, "requestBody", "content", "application/json", "schema"]
    pointer = "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)
    return {"$ref": f"urn:openapi#/{pointer}"}


# A valid body for each documented write (POST on a collection, PATCH on one of its rows).
WRITES = {
    ("/api/v1/financiele-gegevens", "post"): {
        "jaar": 2027, "soort": "begroting", "eigenVermogenBegin": "1000000.00", "resultaat": "-2500.00",
        "bron": "Ontwerpbegroting 2027", "bronDatum": "2026-04-15",
    },
    ("/api/v1/financiele-gegevens/{id}", "patch"): {"resultaat": "12345.67"},
    ("/api/v1/documenten", "post"): {"soort": "kaderbrief", "jaar": 2028, "verzondenOp": "2027-01-20"},
    ("/api/v1/documenten/{id}", "patch"): {"vastgesteldOp": "2026-07-02"},
    ("/api/v1/risicos", "post"): {"categorie": "financieel", "titel": "Loonkosten hoger", "kans": 3, "impact": 2},
    ("/api/v1/risicos/{id}", "patch"): {"kans": 4},
}  # fmt: skip


def test_every_documented_endpoint_answers_as_its_schema_says(client, world, spec):
    shared = world["shared"]
    ids = {
        "/api/v1/financiele-gegevens/{id}": shared.financials.get().pk,
        "/api/v1/documenten/{id}": shared.cycle_documents.get().pk,
        "/api/v1/risicos/{id}": None,  # the risk the POST below supplies: a party changes only its own
    }
    writes = [(path, method) for path, item in spec["paths"].items() for method in item if method in ("post", "patch")]
    assert sorted(writes) == sorted(WRITES), "every documented write has a body in WRITES, and only those"
    key = {"HTTP_AUTHORIZATION": f"Token {world['key']}"}
    for path, method in sorted(writes, key=lambda w: w[1] == "patch"):  # the POSTs first
        body = WRITES[(path, method)]
        assert not list(validator_for(spec, request_schema(spec, path, method)).iter_errors(body)), path
        url = path.replace("{id}", str(ids.get(path)))
        response = getattr(client, method)(url, json.dumps(body), content_type="application/json", **key)
        status = 201 if method == "post" else 200
        assert response.status_code == status, (url, response.content)
        answer = json.loads(response.content)
        errors = list(
            validator_for(spec, response_schema(spec, path, status, "application/json", method)).iter_errors(answer)
        )
        assert not errors, f"{method} {url}: {errors[0].message}"
        assert answer["partij"] == shared.slug and answer["aangeleverdDoor"] == shared.slug
        if path == "/api/v1/risicos":
            ids["/api/v1/risicos/{id}"] = answer["id"]
    client.force_login(world["controller"])
    for path in spec["paths"]:
        url = path.replace("{identificatie}", world["shared"].slug).replace("{id}", str(ids.get(path)))
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/json" and response["API-Version"] == "1.0.0"
        body = json.loads(response.content)
        errors = list(validator_for(spec, response_schema(spec, path, 200, "application/json")).iter_errors(body))
        assert not errors, f"{url}: {errors[0].message}"
        if "resultaten" in body:
            assert body["resultaten"], f"{url}: the world has rows for every collection"
    # The check can fail: an answer that is not what the document says is caught.
    wrong = {"aantal": "zes", "volgende": None, "vorige": None, "resultaten": [{"naam": 1}]}
    schema = response_schema(spec, "/api/v1/partijen", 200, "application/json")
    assert len(list(validator_for(spec, schema).iter_errors(wrong))) >= 2


def test_every_documented_endpoint_answers_anonymous_requests_as_its_schema_says(client, world, spec):
    """Without login the API reads the public register of the gemeenten that switched it on (public/)."""
    from partners.models import Participant
    from public.models import PublicRegister

    PublicRegister.objects.create(municipality=Participant.objects.get(code="GM8101"), enabled=True)
    for path in spec["paths"]:
        url = path.replace("{identificatie}", world["shared"].slug)
        if "{id}" in path:  # one row: the first the collection gives without login
            rows = client.get(path.removesuffix("/{id}")).json().get("resultaten") or [{"id": 1}]
            url = path.replace("{id}", str(rows[0]["id"]))
        response = client.get(url)
        body = json.loads(response.content)
        if path.startswith("/api/v1/risicos"):
            assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"
            schema = response_schema(spec, path, 403, "application/problem+json")
        else:
            assert response.status_code == 200, url
            assert response["Content-Type"] == "application/json" and response["API-Version"] == "1.0.0"
            schema = response_schema(spec, path, 200, "application/json")
        errors = list(validator_for(spec, schema).iter_errors(body))
        assert not errors, f"{url}: {errors[0].message}"
    names = [p["naam"] for p in client.get("/api/v1/partijen").json()["resultaten"]]
    assert names == ["Gedeelde API-regeling"], "only the parties of the gemeente with a public register"
    assert client.get(f"/api/v1/partijen/{world['other'].slug}").status_code == 404


def test_errors_are_dutch_problem_details_as_documented(client, world, spec):
    anonymous = client.get("/api/v1/risicos")  # risks are never open without login
    assert anonymous.status_code == 403 and anonymous["Content-Type"] == "application/problem+json"
    assert json.loads(anonymous.content)["detail"] == "Authenticatiegegevens zijn niet opgegeven."
    # The API's own texts do not change Django's Dutch in the forms of the register.
    with override("nl"):
        assert gettext("This field is required.") == "Dit veld is verplicht."

    client.force_login(world["beleid"])
    missing = client.get(f"/api/v1/partijen/{world['other'].slug}")
    body = json.loads(missing.content)
    assert missing.status_code == 404 and body["title"] == "Niet gevonden"
    schema = response_schema(spec, "/api/v1/partijen/{identificatie}", 404, "application/problem+json")
    assert not list(validator_for(spec, schema).iter_errors(body))

    bad_page = client.get("/api/v1/partijen?pagina=99")
    assert bad_page.status_code == 404 and json.loads(bad_page.content)["detail"] == "Pagina 99 bestaat niet."
    bad_year = client.get("/api/v1/financiele-gegevens?jaar=twintig")
    problem = json.loads(bad_year.content)
    assert bad_year.status_code == 400 and problem["invalidParams"][0]["name"] == "jaar"
    schema = response_schema(spec, "/api/v1/financiele-gegevens", 400, "application/problem+json")
    assert not list(validator_for(spec, schema).iter_errors(problem))

    unknown = client.get("/api/v1/onbekend")
    assert unknown.status_code == 404 and unknown["Content-Type"] == "application/problem+json"
    assert json.loads(unknown.content)["detail"] == "Dit adres bestaat niet in de API."


def test_a_user_reads_only_what_the_register_shows_him(client, world):
    client.force_login(world["beleid"])
    names = [p["naam"] for p in client.get("/api/v1/partijen").json()["resultaten"]]
    assert names == ["Gedeelde API-regeling"]
    deelnemers = {d["deelnemerCode"] for d in client.get("/api/v1/deelnames").json()["resultaten"]}
    assert deelnemers == {"GM8101", "GM8102"}, "every deelnemer of a visible party, as the factsheet names them"
    figures = client.get("/api/v1/financiele-gegevens").json()["resultaten"]
    assert [(f["partij"], f["resultaat"]) for f in figures] == [(world["shared"].slug, "-125000.50")]
    risks = {r["titel"] for r in client.get("/api/v1/risicos").json()["resultaten"]}
    assert risks == {"Openbaar API-risico"}
    client.force_login(world["controller"])
    risks = {r["titel"] for r in client.get("/api/v1/risicos").json()["resultaten"]}
    assert risks == {"Openbaar API-risico", "Geheim API-risico"}


def test_a_collection_is_paged_with_links_in_body_and_headers(client, world, django_user_model):
    superuser = django_user_model.objects.create_superuser(username="api_super", password="x" * 16)
    for n in range(4):
        PartyFactory(name=f"Regeling {n}")
    client.force_login(superuser)
    first = client.get("/api/v1/partijen?paginaGrootte=2")
    body = first.json()
    assert body["aantal"] == 6 and len(body["resultaten"]) == 2 and body["vorige"] is None
    assert body["volgende"].endswith("/api/v1/partijen?pagina=2&paginaGrootte=2")
    assert first["X-Total-Count"] == "6" and 'rel="next"' in first["Link"]
    last = client.get("/api/v1/partijen?pagina=3&paginaGrootte=2").json()
    assert last["volgende"] is None and last["vorige"] is not None


@pytest.mark.parametrize(
    "path",
    ["/api/v1/partijen", "/api/v1/deelnames", "/api/v1/financiele-gegevens", "/api/v1/vertegenwoordiging",
     "/api/v1/documenten", "/api/v1/risicos"],
)  # fmt: skip
def test_a_collection_takes_the_same_number_of_queries_as_rows_grow(client, world, path):
    client.force_login(world["controller"])

    def count():
        client.get(path)  # the user's groups and gemeenten are read once per request, as on every page
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    before = count()
    for n in range(5):
        party = ParticipationFactory(participant=world["beleid"].municipality_links.get().municipality).party
        PartyFinancialsFactory(party=party, year=2024 + n % 2)
        SeatFactory(participation=party.participations.get())
        CycleDocument.objects.create(party=party, kind="jaarrekening", year=2025)
        RiskFactory(party=party)
    assert count() == before
