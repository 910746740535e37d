"""Security headers on every page: CSP without inline code, no framing, no referrer to other sites."""

import re

import pytest

from risks.models import RiskLevel

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_without_inline_code(client):
    response = client.get("/inloggen/")

    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy


def test_pages_may_not_be_framed_and_send_no_referrer_to_other_sites(client):
    response = client.get("/inloggen/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_with_ssl_redirect_plain_http_goes_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/inloggen/")

    assert response.status_code == 301
    assert response.url == "https://testserver/inloggen/"


def test_behind_a_proxy_the_https_header_is_trusted_only_when_set(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    assert client.get("/inloggen/", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert client.get("/inloggen/", HTTP_X_FORWARDED_PROTO="http").status_code == 301


def test_the_risk_level_colours_come_from_a_stylesheet(client):
    response = client.get("/risicos/niveaus.css")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    assert ".risk-level--laag { background: #d8efd3; color: #1b4a17; }" in css
    assert ".risk-level--zeer_hoog a { color: #ffffff; }" in css


def test_the_level_stylesheet_answers_not_modified_when_unchanged_and_follows_a_change(client):
    first = client.get("/risicos/niveaus.css")

    assert client.get("/risicos/niveaus.css", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    RiskLevel.objects.filter(code="laag").update(background="#e0f0e0")
    changed = client.get("/risicos/niveaus.css", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "#e0f0e0" in changed.content.decode()


def test_a_colour_that_is_not_plain_css_is_left_out_of_the_stylesheet(client):
    RiskLevel.objects.filter(code="hoog").update(background="red;}a{")  # fits the column of seven characters

    css = client.get("/risicos/niveaus.css").content.decode()

    assert "risk-level--hoog" not in css
    assert "red;" not in css
    assert "risk-level--laag" in css


@pytest.mark.parametrize("url", ["/partijen/", "/risicos/", "/gemeenten/"])
def test_register_pages_have_no_inline_styles_or_scripts(logged_in_client, url):
    page = logged_in_client.get(url).content.decode()

    assert not re.search(r"\sstyle=", page)
    assert "<style" not in page
    assert not re.search(r"<script(?![^>]*\ssrc=)", page)
