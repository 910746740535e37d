"""Nothing unfinished reaches a user: no "te verifiëren", "TODO" or "verify" on any main page or in
any PDF of the demo, and the legal sources printed are the articles themselves (governance/law.py)."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from demo.goals import load_goals_demo
from demo.governance import load_governance_demo
from demo.register import load_demo
from demo.risks import load_risk_demo
from partners.models import Party
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

UNFINISHED = re.compile(r"te\s+verifi[eë]ren|\btodo\b|\bverify\b|\bfixme\b|\bxxx\b", re.IGNORECASE)
APRIL_2026 = datetime.date(2026, 4, 1)


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: APRIL_2026)
    load_demo()
    load_governance_demo()
    load_risk_demo()
    load_goals_demo()


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def unfinished(content: str) -> list[str]:
    return [content[max(0, m.start() - 60) : m.end() + 60] for m in UNFINISHED.finditer(content)]


def test_the_scan_finds_what_it_looks_for():
    assert unfinished("Wgr art. 34b (te verifiëren)") and unfinished("TODO: bron") and unfinished("to verify")
    assert not unfinished("Tweestapsverificatie instellen; Wgr art. 34b")


def test_no_page_of_the_demo_shows_an_unfinished_remark(logged_in_client, demo):
    urls = ["/partijen/", "/gemeenten/", "/risicos/", "/personen/"]
    for code in ("GM0014", "GM0047", "GM0003"):
        urls += [f"/gemeenten/{code}/", f"/gemeenten/{code}/dashboard/", f"/gemeenten/{code}/weerstandsvermogen/"]
        urls += [f"/gemeenten/{code}/rapportage/2026/begroting", f"/gemeenten/{code}/rapportage/2025/jaarstukken"]
    urls += [party.get_absolute_url() for party in Party.objects.all()]
    found = {}
    for url in urls:
        response = logged_in_client.get(url)
        assert response.status_code == 200, url
        if hits := unfinished(text(response)):
            found[url] = hits
    feed = logged_in_client.get("/gemeenten/GM0014/deadlines.ics").content.decode()
    if hits := unfinished(feed):
        found["ics"] = hits
    assert found == {}


def test_no_pdf_of_the_demo_shows_an_unfinished_remark(logged_in_client, demo):
    urls = [
        "/gemeenten/GM0014/rapportage/2026/begroting.pdf",
        "/gemeenten/GM0014/rapportage/2025/jaarstukken.pdf",
    ]
    urls += [f"/partijen/{slug}/factsheet.pdf?jaar=2026" for slug in Party.objects.values_list("slug", flat=True)[:6]]
    found = {url: hits for url in urls if (hits := unfinished(pdf_text(logged_in_client.get(url))))}
    assert found == {}


def test_the_dashboard_and_the_paragraaf_pdf_cite_the_articles(logged_in_client, demo):
    response = logged_in_client.get("/gemeenten/GM0014/dashboard/")
    page = text(response)
    assert "Wgr art. 34b" in page  # kaderbrief 2027 before 30 April 2026
    assert "Wgr art. 35 lid 1; Wgr art. 34 lid 2" in page  # latest day for the ontwerpbegroting 2027
    assert "Wgr art. 34 lid 3" in page  # jaarrekening 2025 to GS
    board = response.context["dashboard"]
    listed = {item.party.name for item in board.upcoming + board.overdue}
    assert "Centrumgemeenteregeling Beschermd Wonen en Maatschappelijke Opvang Groningen" not in listed  # no cycle
    pdf = pdf_text(logged_in_client.get("/gemeenten/GM0014/rapportage/2026/begroting.pdf"))
    flat = " ".join(pdf.split())
    assert "Wgr art. 34b" in flat and "Wgr art. 34 lid 2" in flat and "Wgr art. 34 lid 3" in flat
