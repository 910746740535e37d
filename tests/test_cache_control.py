"""Every response behind the login says `Cache-Control: private, no-store`: pages, exports, PDFs,
the import, the admin and the agenda feed read with a token. The login page, the risk-level
stylesheet, the static files, the public register and the API read without login keep their own caching.

The URLs are those of the access matrix (tests/test_access_matrix.py), for every kind of user.
"""

import pytest

from tests import test_access_matrix as matrix

pytestmark = pytest.mark.django_db

world = matrix.world  # the same gemeenten, parties, risks, import and users as the access matrix

# Views open without login that keep their own Cache-Control.
PUBLIC = {
    "login": "max-age=0, no-cache, no-store, must-revalidate, private",  # Django's never_cache
    "risks:level_styles": "no-cache",  # revalidated with its ETag
    "api:openapi": "no-cache",  # the same document for everybody
}


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize(
    ("name", "method", "path"),
    [row[:3] for row in matrix.ROWS],
    ids=[f"{name} {method} {path}" for name, method, path, _ in matrix.ROWS],
)
def test_every_response_behind_the_login_is_private_and_not_stored(client, world, name, method, path):
    url = path.format(**world)
    wrong = []
    for who in matrix.USERS:
        response = matrix.request(client, method, url, world["users"][who])
        anonymous_api = name.startswith("api:") and name not in PUBLIC and who == "anonymous"
        if name.startswith("public:") or (anonymous_api and response.status_code == 200):
            # The public register and the open API: the same for everybody, kept a few minutes; a 404 revalidated.
            expected = {"public", "max-age=300"} if response.status_code == 200 else {"no-cache"}
            if directives(response) != expected:
                wrong.append(
                    f"{who} ({response.status_code}): {response.get('Cache-Control')!r} in plaats van {expected}"
                )
        elif name in PUBLIC:
            expected = {part.strip() for part in PUBLIC[name].split(",")}
            if directives(response) != expected:
                wrong.append(f"{who}: {response.get('Cache-Control')!r} in plaats van {PUBLIC[name]!r}")
        elif not {"private", "no-store"} <= directives(response):
            wrong.append(f"{who} ({response.status_code}): {response.get('Cache-Control')!r}")
    assert not wrong, f"{method.upper()} {url}: " + "; ".join(wrong)


def test_the_feed_read_with_a_token_by_a_calendar_program_is_not_stored(client, world):
    response = client.get(f"/gemeenten/{world['a']}/deadlines.ics?token={world['token_a']}")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert {"private", "no-store"} <= directives(response)


def test_an_unknown_address_is_not_stored_either(client, world):
    client.force_login(world["users"]["beleid_a"])

    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    assert {"private", "no-store"} <= directives(response)


def test_static_files_keep_their_public_caching(client, settings, tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "app.css").write_text("body { color: #000; }")
    settings.STATIC_ROOT = tmp_path  # WhiteNoise reads it when the client's first request loads the middleware

    response = client.get("/static/css/app.css")

    assert response.status_code == 200
    assert "public" in directives(response) and "no-store" not in directives(response)
