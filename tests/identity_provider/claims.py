"""The claims of the test users, read at every request from the JSON file in IDP_CLAIMS, so a test can change
them between two logins: {"username": {"gemeente": "GM0014", "rollen": ["controller"], "amr": ["pwd"], …}}."""

import json
import os

from oidc_provider.lib.claims import ScopeClaims


def claims_of(username: str) -> dict:
    with open(os.environ["IDP_CLAIMS"], encoding="utf-8") as handle:
        return json.load(handle).get(username, {})


def userinfo(claims, user):
    """The standard claims (scope profile, email) from the file."""
    mine = claims_of(user.username)
    for name in ("given_name", "family_name", "email", "preferred_username"):
        claims[name] = mine.get(name, claims.get(name, ""))
    claims["name"] = " ".join(filter(None, [mine.get("given_name"), mine.get("family_name")]))
    return claims


class RegisterScopeClaims(ScopeClaims):
    """The scope "register": the gemeente (CBS code), the party and the roles of the user."""

    info_register = ("Register", "Gemeente, partij en rollen in het register verbonden partijen.")

    def scope_register(self):
        mine = claims_of(self.user.username)
        return {name: mine[name] for name in ("gemeente", "partij", "rollen") if name in mine}


def add_amr(id_token, user=None, **kwargs):
    """The authentication methods of this login (amr), as a provider with MFA reports them."""
    amr = claims_of(user.username).get("amr") if user is not None else None
    if amr:
        id_token["amr"] = amr
    return id_token
