"""Login through a gemeente's identity provider (OpenID Connect): the providers of this installation, and
how a provider's claims become the user's gemeenten, party and role.

The claims are the source of truth at every login: the user's gemeenten, party and groups are set to
exactly what they say, so a gemeente or role taken away at the provider is gone here at the next login.
The models of the register are looked up by name (apps.get_model), as roles.py names its apps: accounts
sits below partners and imports nothing from it.
"""

import json
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

# The groups a claim may give (partners/roles.py by name). The bronhouder and the raadslid/griffie join as
# soon as their groups exist in the database; a role whose group does not exist is unknown.
KNOWN_ROLES = ("beleidsmedewerker", "controller", "beheerder", "bronhouder", "raadslid/griffie")
# The role that maintains the register: staff, so it reaches /admin/ as the password beheerder does.
STAFF_ROLE = "beheerder"

SECOND_FACTOR_CHOICES = ("register", "provider", "amr")
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")

DEFAULT_CLAIMS = {
    "municipality": "gemeente",
    "party": "partij",
    "roles": "rollen",
    "username": "preferred_username",
    "email": "email",
    "given_name": "given_name",
    "family_name": "family_name",
}


@dataclass(frozen=True)
class Provider:
    """One identity provider as configured in OIDC_PROVIDERS (README, "Inloggen via de eigen organisatie")."""

    key: str
    name: str
    client_id: str
    client_secret: str
    issuer: str = ""
    authorization_endpoint: str = ""
    token_endpoint: str = ""
    userinfo_endpoint: str = ""
    jwks_uri: str = ""
    scopes: str = "openid profile email"
    sign_algo: str = "RS256"
    pkce: bool = True
    claims: dict = field(default_factory=lambda: dict(DEFAULT_CLAIMS))
    # Claim value -> group name, for a provider whose role values differ from the register's group names.
    role_map: dict = field(default_factory=dict)
    # "register": the register's own TOTP step still applies (default); "provider": the provider's login
    # counts as the second factor (its MFA is enforced for everyone); "amr": it counts when the ID token's
    # amr claim names one of amr_values.
    second_factor: str = "register"
    amr_values: tuple = ("mfa", "otp", "hwk", "sc")

    @property
    def discovered(self) -> bool:
        """Whether the endpoints come from the issuer's discovery document."""
        return not (self.authorization_endpoint and self.token_endpoint and self.userinfo_endpoint)


def parse_providers(raw) -> list[dict]:
    """Check the providers of OIDC_PROVIDERS (a JSON text or a list) and return them as plain dicts.

    Raises ImproperlyConfigured with a Dutch message naming the provider and the key at fault."""
    if not raw:
        return []
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ImproperlyConfigured(f"OIDC_PROVIDERS is geen geldige JSON: {exc}") from None
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list):
        raise ImproperlyConfigured("OIDC_PROVIDERS moet een JSON-lijst van inlogdiensten zijn.")
    seen = set()
    providers = []
    for number, entry in enumerate(raw, start=1):
        providers.append(_check(entry, number, seen))
    return providers


def _check(entry, number, seen) -> dict:
    if not isinstance(entry, dict):
        raise ImproperlyConfigured(f"OIDC_PROVIDERS: inlogdienst {number} is geen JSON-object.")
    label = f"OIDC_PROVIDERS: inlogdienst {entry.get('key') or number}"
    known = set(Provider.__dataclass_fields__)
    unknown = sorted(set(entry) - known)
    if unknown:
        raise ImproperlyConfigured(
            f"{label}: onbekende sleutel(s) {', '.join(unknown)}; mogelijk: {', '.join(sorted(known))}."
        )
    for required in ("key", "name", "client_id", "client_secret"):
        if not isinstance(entry.get(required), str) or not entry[required].strip():
            raise ImproperlyConfigured(f"{label}: '{required}' ontbreekt.")
    if not KEY_PATTERN.match(entry["key"]):
        raise ImproperlyConfigured(
            f"{label}: 'key' mag alleen kleine letters, cijfers en streepjes bevatten (hooguit 40), bv. groningen."
        )
    if entry["key"] in seen:
        raise ImproperlyConfigured(f"{label}: 'key' komt twee keer voor.")
    seen.add(entry["key"])
    endpoints = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint")
    if not entry.get("issuer") and not all(entry.get(name) for name in endpoints):
        raise ImproperlyConfigured(
            f"{label}: geef 'issuer' (de endpoints komen dan uit /.well-known/openid-configuration) of alle drie "
            f"{', '.join(endpoints)}."
        )
    for name in ("issuer", *endpoints, "jwks_uri"):
        value = entry.get(name, "")
        if value and not (isinstance(value, str) and value.startswith(("https://", "http://"))):
            raise ImproperlyConfigured(f"{label}: '{name}' moet een adres zijn dat met https:// begint.")
    checked = dict(entry)
    checked["claims"] = {**DEFAULT_CLAIMS, **entry.get("claims", {})}
    if set(checked["claims"]) - set(DEFAULT_CLAIMS):
        extra = ", ".join(sorted(set(checked["claims"]) - set(DEFAULT_CLAIMS)))
        raise ImproperlyConfigured(f"{label}: onbekende claim(s) {extra}; mogelijk: {', '.join(DEFAULT_CLAIMS)}.")
    if not isinstance(entry.get("role_map", {}), dict):
        raise ImproperlyConfigured(
            f'{label}: \'role_map\' moet een object zijn, bv. {{"VP_Beleid": "beleidsmedewerker"}}.'
        )
    second = entry.get("second_factor", "register")
    if second not in SECOND_FACTOR_CHOICES:
        raise ImproperlyConfigured(f"{label}: 'second_factor' is een van {', '.join(SECOND_FACTOR_CHOICES)}.")
    algo = entry.get("sign_algo", "RS256")
    if not isinstance(algo, str) or not algo.startswith(("RS", "ES", "HS")):
        raise ImproperlyConfigured(f"{label}: 'sign_algo' is bv. RS256, ES256 of HS256.")
    if algo.startswith(("RS", "ES")) and not (entry.get("jwks_uri") or entry.get("issuer")):
        raise ImproperlyConfigured(f"{label}: {algo} vraagt 'jwks_uri' of 'issuer'.")
    if "amr_values" in entry:
        checked["amr_values"] = tuple(entry["amr_values"])
    return checked


def providers(raw=None) -> list[Provider]:
    """The configured providers, in the order of the configuration (the order of the buttons)."""
    from django.conf import settings

    return [Provider(**entry) for entry in parse_providers(settings.OIDC_PROVIDERS if raw is None else raw)]


def provider(key: str) -> Provider | None:
    return next((found for found in providers() if found.key == key), None)


# --- From claims to the user's gemeenten, party and role -----------------------------------------------


class Refused(Exception):
    """The claims give the user no place in the register: no account, and this Dutch reason on the page."""


def values(claims: dict, name: str) -> list[str]:
    """A claim as a list of strings: providers send a list, a string or a space- or comma-separated string."""
    value = claims.get(name) if name else None
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in re.split(r"[\s,]+", value) if part]
    if isinstance(value, list | tuple):
        return [str(part).strip() for part in value if str(part).strip()]
    return [str(value)]


def cbs_code(value: str) -> str:
    """A gemeente as the CBS code in the register (GM0014): "14", "0014" and "gm0014" all mean that one."""
    digits = value.upper().removeprefix("GM")
    return f"GM{digits.zfill(4)}" if digits.isdigit() else value.upper()


def roles_from_claims(provider: Provider, claims: dict):
    """The auth groups the claims give: each role value by name (or through role_map), only known roles."""
    group_model = apps.get_model("auth", "Group")
    names = {provider.role_map.get(value, value).lower() for value in values(claims, provider.claims["roles"])}
    return list(group_model.objects.filter(name__in=names & set(KNOWN_ROLES)).order_by("name"))


def municipalities_from_claims(provider: Provider, claims: dict):
    """The gemeenten of the register whose CBS code the claim names (unknown codes are left out)."""
    participant = apps.get_model("partners", "Participant")
    codes = {cbs_code(value) for value in values(claims, provider.claims["municipality"])}
    return list(participant.objects.filter(kind="gemeente", code__in=codes).order_by("code"))


def parties_from_claims(provider: Provider, claims: dict) -> list:
    """The parties the claim names (a bronhouder's, partners.UserParty), by slug or else by name."""
    wanted = values(claims, provider.claims["party"])
    if not wanted:
        return []
    party = apps.get_model("partners", "Party")
    return list(party.objects.filter(slug__in=wanted).order_by("pk")) or list(
        party.objects.filter(name__in=wanted).order_by("pk")
    )


def set_user_parties(user, parties) -> None:
    """Make the user's parties exactly these (partners.UserParty, the bronhouder's link to his party)."""
    model = apps.get_model("partners", "UserParty")
    model.objects.filter(user=user).exclude(party__in=parties).delete()
    have = set(model.objects.filter(user=user).values_list("party_id", flat=True))
    model.objects.bulk_create(model(user=user, party=party) for party in parties if party.pk not in have)


def set_user_municipalities(user, municipalities) -> None:
    """Make the user's gemeenten exactly these (partners.UserMunicipality)."""
    model = apps.get_model("partners", "UserMunicipality")
    model.objects.filter(user=user).exclude(municipality__in=municipalities).delete()
    have = set(model.objects.filter(user=user).values_list("municipality_id", flat=True))
    model.objects.bulk_create(
        model(user=user, municipality=municipality) for municipality in municipalities if municipality.pk not in have
    )


@dataclass
class Place:
    """What the claims give a user in the register."""

    groups: list
    municipalities: list
    parties: list


def place_from_claims(provider: Provider, claims: dict) -> Place:
    """Read the claims; refuse (Refused, with a Dutch reason) a user they give no role or no gemeente/party."""
    place = Place(
        groups=roles_from_claims(provider, claims),
        municipalities=municipalities_from_claims(provider, claims),
        parties=parties_from_claims(provider, claims),
    )
    if not place.groups:
        given = ", ".join(values(claims, provider.claims["roles"])) or "geen"
        raise Refused(
            f"{provider.name} geeft u geen rol in het register (ontvangen: {given}). Vraag de beheerder van uw "
            "accounts bij uw organisatie om een van de rollen beleidsmedewerker, controller of beheerder."
        )
    if not place.municipalities and not place.parties:
        given = ", ".join(values(claims, provider.claims["municipality"]) + values(claims, provider.claims["party"]))
        raise Refused(
            f"{provider.name} koppelt u aan geen gemeente of partij die in het register staat "
            f"(ontvangen: {given or 'geen'}). Vraag de beheerder van uw accounts om de juiste CBS-code."
        )
    return place


@transaction.atomic
def apply_place(user, place: Place) -> None:
    """Set the user's groups, gemeenten and parties to exactly what the claims say, and staff to the role."""
    staff = any(group.name == STAFF_ROLE for group in place.groups)
    if user.is_staff != staff:
        user.is_staff = staff
        user.save(update_fields=["is_staff"])
    if set(user.groups.values_list("pk", flat=True)) != {group.pk for group in place.groups}:
        user.groups.set(place.groups)
    set_user_municipalities(user, place.municipalities)
    set_user_parties(user, place.parties)
