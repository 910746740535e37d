"""Aanleveren: a party's bronhouder keeps the party's own record; every deelnemer sees what he supplied at
once, with "aangeleverd door"; bad input loses nothing; the history names who and on whose behalf."""

import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from governance.models import CycleDocument, Opinion
from partners.models import PartyFinancials
from partners.roles import BEHEERDER, BELEIDSMEDEWERKER, BRONHOUDER
from tests.conftest import pass_two_factor
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory, PartyFinancialsFactory

pytestmark = pytest.mark.django_db

YEAR = 2026


@pytest.fixture
def region(make_user):
    party = PartyFactory(name="Veiligheidsregio Proefland")
    gemeenten = [MunicipalityFactory(code=f"GM83{n:02d}", name=f"Proefgemeente {n}") for n in range(1, 4)]
    for gemeente in gemeenten:
        ParticipationFactory(party=party, participant=gemeente, share_percentage=Decimal("30"))
    return {
        "party": party,
        "gemeenten": gemeenten,
        "readers": [make_user(f"beleid_{g.code}", role=BELEIDSMEDEWERKER, municipalities=[g]) for g in gemeenten],
        "bronhouder": make_user(
            "vr_bronhouder", role=BRONHOUDER, parties=[party], first_name="Marieke", last_name="Dijkstra"
        ),
    }


def flat(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").split())


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return flat(response.content.decode())


def supply_figures(client, region, **values):
    data = {"year": YEAR, "kind": "begroting", "result": "-123456", "source": "Begroting 2026, vastgesteld door het AB"}
    data.update(values)
    return client.post(f"/aanleveren/{region['party'].slug}/cijfers/nieuw/", data)


def test_a_bronhouders_figure_appears_at_once_on_every_deelnemers_factsheet_and_paragraaf(client, region):
    party = region["party"]
    urls = {
        reader: (f"/partijen/{party.slug}/financien/", f"/gemeenten/{gemeente.code}/rapportage/{YEAR}/begroting")
        for reader, gemeente in zip(region["readers"], region["gemeenten"], strict=True)
    }
    for reader, (factsheet, paragraaf) in urls.items():  # every page rendered and cached before the change
        client.force_login(reader)
        assert "aangeleverd door" not in page(client, factsheet) + page(client, paragraaf)

    client.force_login(region["bronhouder"])
    response = supply_figures(client, region)
    assert response.status_code == 302
    figures = PartyFinancials.objects.get(party=party, year=YEAR)
    supplied = figures.supplied_text
    assert supplied.startswith("aangeleverd door Veiligheidsregio Proefland op ")

    for reader, (factsheet, paragraaf) in urls.items():
        client.force_login(reader)
        sheet = page(client, factsheet)
        assert "€ -123.456" in sheet or "-€ 123.456" in sheet or "− € 123.456" in sheet, sheet[:2000]
        assert supplied in sheet
        report = page(client, paragraaf)
        assert f"Bron cijfers partij begroting {YEAR}; {supplied}" in report, reader.username


@pytest.mark.pdf
def test_the_paragraaf_pdf_of_each_deelnemer_prints_who_supplied_the_figures(client, region):
    client.force_login(region["bronhouder"])
    supply_figures(client, region)
    supplied = PartyFinancials.objects.get().supplied_text
    for reader, gemeente in zip(region["readers"], region["gemeenten"], strict=True):
        client.force_login(reader)
        response = client.get(f"/gemeenten/{gemeente.code}/rapportage/{YEAR}/begroting.pdf")
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
        assert supplied in text, gemeente.name


def test_bad_input_keeps_every_value_and_names_each_problem_in_dutch(client, region):
    client.force_login(region["bronhouder"])
    response = supply_figures(client, region, year="tweeduizend", liabilities_end="-5", source_date="31-02-2026")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is niets opgeslagen." in html
    assert "Voer een geheel getal in." in html and "Voer een geldige datum in." in html
    assert 'value="tweeduizend"' in html and 'value="Begroting 2026, vastgesteld door het AB"' in html
    assert 'value="-123456"' in html
    assert not PartyFinancials.objects.exists()
    # Negative vreemd vermogen: the rule of the model, at its field or over the form, not an error page.
    response = supply_figures(client, region, liabilities_end="-5")
    assert response.status_code == 200 and "Vreemd vermogen kan niet negatief zijn." in response.content.decode()
    PartyFinancialsFactory(party=region["party"], year=YEAR)
    response = supply_figures(client, region)
    assert response.status_code == 200
    assert "Voor deze partij bestaan al cijfers van deze soort voor dit jaar." in response.content.decode()


def test_the_answer_to_a_zienswijze_changes_only_the_answer_and_the_history_says_on_whose_behalf(client, region):
    party, gemeente = region["party"], region["gemeenten"][0]
    document = CycleDocument.objects.create(party=party, kind="ontwerpbegroting", year=YEAR + 1, sent_on="2026-04-15")
    opinion = Opinion.objects.create(
        document=document, municipality=gemeente, status="verzonden", council_decision_on="2026-06-20",
        sent_on="2026-06-25", text="De raad vraagt om een lagere bijdrage.",
    )  # fmt: skip
    client.force_login(region["bronhouder"])
    url = f"/aanleveren/{party.slug}/zienswijzen/{opinion.pk}/"
    response = client.post(url, {"board_answer": "Het bestuur verlaagt de bijdrage niet.", "answered_on": "2026-06-01"})
    assert "De reactie kan niet vóór de zienswijze zijn gegeven (verzonden op 25-06-2026)." in response.content.decode()
    response = client.post(
        url, {"board_answer": "Het bestuur verlaagt de bijdrage niet.", "answered_on": "2026-07-02", "text": "Weg"}
    )
    assert response.status_code == 302
    opinion.refresh_from_db()
    assert opinion.text == "De raad vraagt om een lagere bijdrage.", "the zienswijze itself stays the gemeente's"
    assert opinion.board_answer == "Het bestuur verlaagt de bijdrage niet." and opinion.supplied_by == party

    client.force_login(region["readers"][1])
    sturing = page(client, f"/partijen/{party.slug}/sturing/")
    assert "reactie bestuur 2-7-2026 (aangeleverd door Veiligheidsregio Proefland op " in sturing
    history = page(client, f"/partijen/{party.slug}/historie/")
    assert f"Marieke Dijkstra namens Veiligheidsregio Proefland · Zienswijze van {gemeente.name}" in history


def test_a_beheerders_own_edit_is_not_aangeleverd_door_de_partij(client, region, make_user):
    client.force_login(region["bronhouder"])
    supply_figures(client, region)
    figures = PartyFinancials.objects.get()
    assert figures.supplied_by == region["party"]
    beheer = make_user("beheer_vr", role=BEHEERDER, is_staff=True)
    pass_two_factor(client, beheer)
    change = f"/admin/partners/partyfinancials/{figures.pk}/change/"
    form = {
        "party": region["party"].pk,
        "year": YEAR,
        "kind": "begroting",
        "result": "-100000",
        "source": figures.source,
    }
    assert client.post(change, form).status_code == 302
    figures.refresh_from_db()
    assert figures.result == Decimal("-100000") and figures.supplied_by is None and figures.supplied_text == ""


def test_a_gemeente_risk_and_another_party_stay_out_of_reach(client, region, make_user):
    other = ParticipationFactory(participant=region["gemeenten"][0]).party
    client.force_login(region["bronhouder"])
    assert client.get(f"/aanleveren/{other.slug}/").status_code == 404
    response = client.post(
        f"/aanleveren/{region['party'].slug}/risicos/nieuw/",
        {"category": "financieel", "title": "Loonkosten", "likelihood": 3, "impact": 2, "status": "open",
         "identified_on": "2026-11-01", "confidential": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    risk = region["party"].risks.get()
    assert not risk.confidential and risk.participation is None and risk.supplied_by == region["party"]


def test_a_new_api_key_is_shown_once_and_only_its_hash_is_kept(client, region):
    client.force_login(region["bronhouder"])
    url = f"/aanleveren/{region['party'].slug}/"
    client.post(url + "sleutels/", {"naam": "Financieel systeem"})
    first = client.get(url).content.decode()
    key = re.search(r'<code class="api-key">([^<]+)</code>', first).group(1)
    token = region["party"].api_tokens.get()
    assert key not in (token.key_hash, token.prefix) and key.startswith(token.prefix)
    assert key not in client.get(url).content.decode(), "shown once"
    assert client.get("/api/v1/partijen", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
