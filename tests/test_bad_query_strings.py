"""Every list, filter, report and import page answers arbitrary query strings and path values with
200, 400 or 404 and a Dutch page, never with a server error (property-based, hypothesis)."""

import uuid
from types import SimpleNamespace
from urllib.parse import quote, urlencode

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from partners.choices import BbvCategory, LegalForm, PartyStatus
from risks.choices import RiskCategory, RiskStatus
from tests.bad_input import NASTY, depths, query, run_settings, values
from tests.governance.factories import PersonFactory, SeatFactory
from tests.partners.factories import ParticipationFinancialsFactory, sample_register
from tests.risks.factories import MeasureFactory, RiskFactory

pytestmark = pytest.mark.django_db

DUTCH_ERROR_PAGES = {400: "Ongeldig verzoek", 403: "Geen toegang", 404: "Pagina niet gevonden"}


@pytest.fixture
def register():
    """A small register with something behind every filter: parties, gemeenten, risks, people, seats."""
    parties = sample_register()
    risk = RiskFactory(party=parties["vr"], title="Tekort op de begroting")
    MeasureFactory(risk=risk)
    RiskFactory(party=parties["bank"], confidential=True)
    seat = SeatFactory(participation__party=parties["vr"])
    PersonFactory(municipality=parties["dorp"])
    ParticipationFinancialsFactory(participation__party=parties["bank"], participation__participant=parties["stad"])
    return {**parties, "risk": risk, "person": seat.person}


def pages(register) -> dict[str, tuple[str, dict[str, list[str]]]]:
    """Every page that reads its query string, by name: its address, its parameters and some valid values."""
    dorp, vr = register["dorp"].code, register["vr"].slug
    years = ["2024", "2025", "2026"]
    formats = ["csv", "xlsx"]
    report = f"/gemeenten/{dorp}/rapportage/2025"
    return {
        "/partijen/": (
            "/partijen/",
            {
                "q": ["Testland", "27008387"],
                "deelnemer": [dorp, register["stad"].code],
                "rechtsvorm": list(LegalForm.values),
                "bbv_categorie": list(BbvCategory.values),
                "beleidsveld": ["1", "2"],
                "status": list(PartyStatus.values),
                "o": ["naam", "-gemeenten", "beleidsveld,-status"],
                "page": ["1", "2", "last"],
                "jaar": years,
                "format": formats,
            },
        ),
        "/gemeenten/": (
            "/gemeenten/",
            {"q": ["Test", dorp], "provincie": ["PV20"], "alleen_deelnemend": ["true", "false"], "page": []},
        ),
        "gemeentepagina": (f"/gemeenten/{dorp}/", {"jaar": years}),
        "dashboard": (f"/gemeenten/{dorp}/dashboard/", {}),
        "weerstandsvermogen": (f"/gemeenten/{dorp}/weerstandsvermogen/", {"jaar": years}),
        "deadlines.ics": (f"/gemeenten/{dorp}/deadlines.ics", {"token": []}),
        "/risicos/": (
            "/risicos/",
            {
                "q": ["Tekort"],
                "gemeente": [dorp],
                "partij": [vr],
                "categorie": list(RiskCategory.values),
                "niveau": ["laag", "hoog"],
                "status": list(RiskStatus.values),
                "maatregelen": ["met", "zonder"],
                "herbeoordeling_verlopen": ["ja", "nee"],
                "vertrouwelijk": ["ja", "nee"],
                "kans": ["1", "5"],
                "impact": ["1", "5"],
                "o": ["-score", "partij"],
                "page": ["1"],
                "format": formats,
            },
        ),
        "risico": (f"/risicos/{register['risk'].pk}/", {}),
        "/personen/": ("/personen/", {"q": ["Test"], "gemeente": [dorp], "functie": ["wethouder"], "page": ["1"]}),
        "persoon": (f"/personen/{register['person'].pk}/", {}),
        "factsheet": (f"/partijen/{vr}/", {"jaar": years}),
        "deelnemers": (f"/partijen/{vr}/deelnemers/", {"jaar": years, "page": ["1", "2", "last"]}),
        "factsheet.pdf": (f"/partijen/{vr}/factsheet.pdf", {"jaar": years, "gemeente": [dorp]}),
        "paragraaf begroting": (f"{report}/begroting", {"versie": ["intern", "openbaar"]}),
        "paragraaf jaarstukken": (f"{report}/jaarstukken", {"versie": ["intern"]}),
        "paragraaf xlsx": (f"{report}/begroting.xlsx", {"versie": ["intern"]}),
        "paragraaf csv": (f"{report}/jaarstukken.csv", {"versie": ["intern"]}),
        "/import/": ("/import/", {}),
        "importsjabloon": ("/import/sjabloon.xlsx", {"met": ["register"]}),
        "importverslag": (f"/import/{uuid.uuid4()}/", {}),
        "beheer partijen": (
            "/admin/partners/party/",
            {"q": ["Test"], "legal_form__exact": list(LegalForm.values), "o": ["1", "-2"]},
        ),
        "beheer deelnames": (
            "/admin/partners/participation/",
            {"q": ["Test"], "governance_interest__exact": ["0", "1"], "p": ["1"]},
        ),
        "beheer risico's": ("/admin/risks/risk/", {"q": ["Tekort"], "status__exact": list(RiskStatus.values)}),
        "beheer personen": ("/admin/governance/person/", {"q": ["Test"], "function__exact": ["wethouder"]}),
        "beheer zetels": (
            "/admin/governance/seat/",
            {"q": ["Test"], "started_on__year": ["2022"], "started_on__month": ["4"]},
        ),
        "beheer autocomplete": (
            "/admin/autocomplete/",
            {
                "term": ["Test"],
                "app_label": ["partners"],
                "model_name": ["party"],
                "field_name": ["central_municipality"],
            },
        ),
    }


_ANY = SimpleNamespace(code="GM0000", slug="partij", pk=0)
PAGE_NAMES = list(pages(dict.fromkeys(["dorp", "stad", "vr", "risk", "person"], _ANY)))


def assert_answered(response):
    """200 with the whole body readable, or a 4xx with the Dutch error page; never a 5xx."""
    assert response.status_code < 500, response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.status_code in DUTCH_ERROR_PAGES:
        assert DUTCH_ERROR_PAGES[response.status_code] in body.decode()
    else:
        # The admin sends an invalid filter to ?e=1 and a list page to the login only when logged out.
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert "/inloggen/" not in response["Location"]


@pytest.mark.pdf
@pytest.mark.parametrize("examples", depths())
@pytest.mark.parametrize("page", PAGE_NAMES)
def test_no_query_string_gives_a_server_error(page, examples, register, superuser_client):
    url, params = pages(register)[page]
    superuser_client.raise_request_exception = False

    @run_settings(examples)
    @given(pairs=query(params))
    @example(pairs=[(key, "\x00") for key in params] or [("x", "\x00")])
    @example(pairs=[(key, "x" * 5000) for key in params])
    @example(pairs=[("page", "-1"), ("p", "-1"), ("jaar", "²")])
    @example(pairs=[("page", "99999999999999999999"), ("jaar", "99999999999999999999")])
    def check(pairs):
        assert_answered(superuser_client.get(f"{url}?{urlencode(pairs)}"))

    check()


@pytest.mark.pdf
@pytest.mark.parametrize("examples", depths())
def test_raw_query_strings_with_broken_percent_encoding_give_no_server_error(examples, register, superuser_client):
    """Bytes that are not UTF-8 (%ff), half escapes (%4) and separators without values."""
    urls = [url for url, _params in pages(register).values()]
    raw = st.lists(
        st.one_of(st.sampled_from(["%ff", "%fe%ff", "%4", "%", "&", "=", "==", ";", "+", "%00", "%C0%AF", "%e2%80"]),
                  st.text(st.characters(codec="ascii", exclude_characters="#"), max_size=8)),
        max_size=12,
    ).map("".join)  # fmt: skip

    @run_settings(examples)
    @given(url=st.sampled_from(urls), raw=raw)
    def check(url, raw):
        assert_answered(superuser_client.get(f"{url}?{raw}"))

    check()


PATHS = [
    "/gemeenten/{}/",
    "/gemeenten/{}/dashboard/",
    "/gemeenten/{}/deadlines.ics",
    "/gemeenten/{}/weerstandsvermogen/",
    "/gemeenten/{}/rapportage/2025/begroting",
    "/gemeenten/{}/rapportage/2025/jaarstukken.pdf",
    "/gemeenten/GM9000/rapportage/{}/begroting",
    "/partijen/{}/",
    "/partijen/{}/deelnemers/",
    "/partijen/{}/factsheet.pdf",
    "/personen/{}/",
    "/risicos/{}/",
    "/import/{}/",
    "/admin/partners/party/{}/change/",
    "/admin/partners/participant/{}/change/",
    "/admin/governance/person/{}/change/",
    "/admin/risks/risk/{}/change/",
]


@pytest.mark.parametrize("examples", depths())
def test_no_value_in_the_path_gives_a_server_error(examples, register, superuser_client):
    """Codes, slugs, numbers and years in the address: unknown ones are a 404, never a 500."""

    @run_settings(examples)
    @given(template=st.sampled_from(PATHS), value=st.one_of(st.sampled_from(NASTY), values()).filter(bool))
    @example(template="/gemeenten/{}/", value="GM9000\x00")
    @example(template="/personen/{}/", value="99999999999999999999999")
    @example(template="/gemeenten/GM9000/rapportage/{}/begroting", value="١٢٣٤")
    def check(template, value):
        assert_answered(superuser_client.get(template.format(quote(value, safe=""))))

    check()


@pytest.mark.pdf
def test_a_year_in_superscript_or_arabic_digits_is_ignored_not_a_server_error(register, logged_in_client):
    """'²'.isdigit() is true but int('²') fails: the year from ?jaar= is read from ASCII digits only."""
    response = logged_in_client.get(f"/gemeenten/{register['dorp'].code}/", {"jaar": "²"})
    assert response.status_code == 200
    assert "geen geldig jaar" in response.content.decode() or response.context["year_invalid"]
    assert response.context["year"] == 2025
    assert logged_in_client.get(f"/partijen/{register['vr'].slug}/factsheet.pdf", {"jaar": "٢٠٢٥"}).status_code == 200


@pytest.mark.pdf
def test_a_nul_character_in_the_address_is_refused_with_a_dutch_400(register, logged_in_client):
    """PostgreSQL refuses NUL in text; a lookup with one used to fail with a database error."""
    for url in [
        f"/gemeenten/{register['dorp'].code}%00/",
        f"/gemeenten/{register['dorp'].code}/rapportage/2025/begroting.pdf?x=%00",
        f"/partijen/{register['vr'].slug}/factsheet.pdf?gemeente=GM9000%00",
        "/partijen/?q=%00",
    ]:
        response = logged_in_client.get(url)
        assert response.status_code == 400, url
        assert "ongeldig teken (NUL)" in response.content.decode()


def test_no_nul_check_for_an_ordinary_address(register, logged_in_client):
    assert logged_in_client.get("/partijen/", {"q": "Testland"}).status_code == 200


@pytest.mark.parametrize("year", ["9999", "99999999999999999999", "-99999999999999999999"])
def test_an_impossible_year_in_the_admin_date_hierarchy_is_an_invalid_filter(year, register, superuser_client):
    """Django's date hierarchy turned ?started_on__year=9999 (no year after it) and a year beyond the
    C long range into a server error; now they are the admin's own 'invalid filter' answer."""
    for url in ["/admin/governance/seat/", "/admin/risks/risk/"]:
        field = "started_on" if "seat" in url else "identified_on"
        response = superuser_client.get(url, {f"{field}__year": year, f"{field}__month": "12"})
        assert response.status_code == 302
        assert response["Location"].endswith("?e=1")
