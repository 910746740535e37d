"""The OpenID Connect login (authorization code flow with PKCE) through mozilla-django-oidc, for several
providers at once: the library is built for one, so its views and backend are subclassed to read their
settings from the provider named in the URL (/inloggen/oidc/<provider>/ and …/callback/).

Every failure ends on a Dutch page (accounts/oidc_error.html) and logs nobody in: an error answer
from the provider, a state that this browser did not start, a token whose signature, nonce, issuer or
audience is wrong, a provider that cannot be reached, and claims that give no role or no gemeente/party.
"""

import functools
import logging
import re
from urllib.parse import parse_qs, urlsplit

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.views.generic import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from . import oidc
from .models import ProviderIdentity
from .private_cache import private_without_login

logger = logging.getLogger(__name__)

BACKEND = "accounts.oidc_login.ProviderBackend"
# Session keys: the provider of this login, and whether its second factor counts (the user's pk).
PROVIDER_SESSION_KEY = "oidc_provider"
SECOND_FACTOR_SESSION_KEY = "oidc_second_factor"
DISCOVERY_SECONDS = 60 * 60


class Unreachable(Exception):
    """The provider's discovery document could not be read."""


def endpoints(provider: oidc.Provider) -> dict:
    """The provider's endpoints: as configured, or from its discovery document (cached for an hour)."""
    configured = {
        "issuer": provider.issuer,
        "authorization_endpoint": provider.authorization_endpoint,
        "token_endpoint": provider.token_endpoint,
        "userinfo_endpoint": provider.userinfo_endpoint,
        "jwks_uri": provider.jwks_uri,
    }
    if not provider.discovered and (provider.jwks_uri or provider.sign_algo.startswith("HS")):
        return configured
    cache_key = f"oidc-discovery:{provider.issuer}"
    document = cache.get(cache_key)
    if document is None:
        url = provider.issuer.rstrip("/") + "/.well-known/openid-configuration"
        try:
            response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise Unreachable(str(exc)) from exc
        cache.set(cache_key, document, DISCOVERY_SECONDS)
    return {name: value or document.get(name, "") for name, value in configured.items()}


def callback_url(request, provider: oidc.Provider) -> str:
    return request.build_absolute_uri(reverse("accounts:oidc_callback", args=[provider.key]))


def username_for(provider: oidc.Provider, claims: dict) -> str:
    """A new user's username: the provider's key and his name there (preferred_username, else sub), in the
    characters Django allows, made unique with a number. The login itself never looks at it."""
    name = claims.get(provider.claims["username"]) or claims.get("sub", "")
    name = re.sub(r"[^\w.@+-]", "", str(name))[:100] or "gebruiker"
    base = f"{provider.key}.{name}"
    candidate, number = base, 1
    user_model = get_user_model()
    while user_model.objects.filter(username=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class ProviderBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend for one provider at a time. Django builds it without arguments to
    load the user of a session (get_user); the callback builds it with the provider of its URL."""

    def __init__(self, provider: oidc.Provider | None = None):
        self.UserModel = get_user_model()
        self.provider = provider
        self.id_claims = {}
        if provider is not None:
            found = endpoints(provider)
            self.issuer = found["issuer"]
            self.OIDC_OP_TOKEN_ENDPOINT = found["token_endpoint"]
            self.OIDC_OP_USER_ENDPOINT = found["userinfo_endpoint"]
            self.OIDC_OP_JWKS_ENDPOINT = found["jwks_uri"] or None
            self.OIDC_RP_CLIENT_ID = provider.client_id
            self.OIDC_RP_CLIENT_SECRET = provider.client_secret
            self.OIDC_RP_SIGN_ALGO = provider.sign_algo
            self.OIDC_RP_IDP_SIGN_KEY = None

    def get_settings(self, attr, *args):
        """The library's settings, for this provider (an instance method in place of its staticmethod)."""
        own = {
            "OIDC_RP_SCOPES": self.provider.scopes if self.provider else "openid",
            "OIDC_TIMEOUT": settings.OIDC_TIMEOUT,
            "OIDC_USE_NONCE": True,
            "OIDC_VERIFY_SSL": True,
            "OIDC_CREATE_USER": True,
            "OIDC_STORE_ACCESS_TOKEN": False,
            "OIDC_STORE_ID_TOKEN": False,
            "OIDC_TOKEN_USE_BASIC_AUTH": False,
        }
        return own[attr] if attr in own else import_from_settings(attr, *args)

    def authenticate(self, request, oidc_provider=None, nonce=None, code_verifier=None):
        """The code of the callback for tokens, the ID token checked, the user found or made.

        Named arguments that a password login never passes, so Django never asks this backend about one.
        Raises oidc.Refused, SuspiciousOperation or requests.RequestException; the callback shows why."""
        if self.provider is None or oidc_provider != self.provider.key:
            return None
        self.request = request
        payload = {
            "client_id": self.OIDC_RP_CLIENT_ID,
            "client_secret": self.OIDC_RP_CLIENT_SECRET,
            "grant_type": "authorization_code",
            "code": request.GET.get("code", ""),
            "redirect_uri": callback_url(request, self.provider),
        }
        if code_verifier is not None:
            payload["code_verifier"] = code_verifier
        token_info = self.get_token(payload)
        id_token, access_token = token_info.get("id_token"), token_info.get("access_token")
        if not id_token or not access_token:
            raise SuspiciousOperation("The token answer holds no id_token or access_token.")
        self.id_claims = self.verify_token(id_token, nonce=nonce)
        self.check_issuer_and_audience(self.id_claims)
        return self.get_or_create_user(access_token, id_token, self.id_claims)

    def get_user(self, user_id):
        """As Django's own backend: a user made inactive loses his session at the next request (the library
        would keep loading him)."""
        return ModelBackend.get_user(self, user_id)

    def check_issuer_and_audience(self, claims: dict) -> None:
        """OpenID Connect Core 3.1.3.7: the token is from this issuer and for this client (the library
        leaves the audience unchecked)."""
        audience = claims.get("aud")
        audience = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audience:
            raise SuspiciousOperation("The ID token is not meant for this client (aud).")
        if self.issuer and claims.get("iss", "").rstrip("/") != self.issuer.rstrip("/"):
            raise SuspiciousOperation("The ID token comes from another issuer (iss).")

    def verify_claims(self, claims):
        """The userinfo is about the person of the ID token (OpenID Connect Core 5.3.2)."""
        return bool(claims.get("sub")) and claims.get("sub") == self.id_claims.get("sub")

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(
            provider_identities__provider=self.provider.key, provider_identities__subject=claims["sub"]
        )

    def describe_user_by_claims(self, claims):
        return f"sub {claims.get('sub')} at {self.provider.key}"

    @transaction.atomic
    def create_user(self, claims):
        place = oidc.place_from_claims(self.provider, claims)  # refuses before anything is made
        user = self.UserModel.objects.create_user(username_for(self.provider, claims))
        ProviderIdentity.objects.create(user=user, provider=self.provider.key, subject=claims["sub"])
        return self.update_user(user, claims, place=place)

    def update_user(self, user, claims, place=None):
        """Names, e-mail, role, gemeenten and party from the claims, as they are today."""
        if not user.is_active:
            raise oidc.Refused("Uw account in het register is uitgeschakeld. Vraag een functioneel beheerder.")
        fields = {
            "first_name": str(claims.get(self.provider.claims["given_name"]) or "")[:150],
            "last_name": str(claims.get(self.provider.claims["family_name"]) or "")[:150],
            "email": str(claims.get(self.provider.claims["email"]) or "")[:254],
        }
        changed = [name for name, value in fields.items() if getattr(user, name) != value]
        for name in changed:
            setattr(user, name, fields[name])
        if changed:
            user.save(update_fields=changed)
        try:
            place = place or oidc.place_from_claims(self.provider, claims)
        except oidc.Refused:
            # The claims took the role or every gemeente away: so does the register.
            oidc.apply_place(user, oidc.Place(groups=[], municipalities=[], parties=[]))
            raise
        oidc.apply_place(user, place)
        return user

    def second_factor_passed(self) -> bool:
        """Whether this login counts as the second factor (the provider's "second_factor" setting)."""
        if self.provider.second_factor == "provider":
            return True
        if self.provider.second_factor == "amr":
            return bool(set(oidc.values(self.id_claims, "amr")) & set(self.provider.amr_values))
        return False


def failure(request, provider, reason: str, *, status: int):
    """The Dutch error page. Nobody is logged in by a failure; a session already open in this browser stays
    (logging it out would let any link to a callback end someone's session)."""
    context = {"reason": reason, "provider": provider, "providers": oidc.providers()}
    return render(request, "accounts/oidc_error.html", context, status=status)


def unreachable(request, provider):
    return failure(
        request,
        provider,
        f"{provider.name} is nu niet bereikbaar of gaf een onverwacht antwoord. Probeer het over een paar minuten "
        "opnieuw, of log in met uw gebruikersnaam en wachtwoord als u die hebt.",
        status=502,
    )


class ProviderMixin:
    """The provider named in the URL; an unknown key is the Dutch 404."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.provider = oidc.provider(kwargs.get("provider", ""))
        if self.provider is None:
            raise Http404("Deze inlogdienst bestaat niet.")


# Open without login, and never stored: the answers carry state, codes and the user's session.
@method_decorator(private_without_login, name="dispatch")
class ProviderLoginView(ProviderMixin, OIDCAuthenticationRequestView):
    """/inloggen/oidc/<provider>/: to the provider's login, with state, nonce and PKCE kept in the session."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the library reads its one provider here; ours is known in setup()

    def get_settings(self, attr, *args):
        own = {
            "OIDC_RP_SCOPES": self.provider.scopes,
            "OIDC_USE_NONCE": True,
            "OIDC_USE_PKCE": self.provider.pkce,
            # The library reverses this name without arguments; the real, per-provider redirect_uri replaces
            # it in get_extra_params.
            "OIDC_AUTHENTICATION_CALLBACK_URL": "login",
        }
        return own[attr] if attr in own else import_from_settings(attr, *args)

    def get_extra_params(self, request):
        return {"redirect_uri": callback_url(request, self.provider)}

    def get(self, request, provider):
        try:
            self.OIDC_OP_AUTH_ENDPOINT = endpoints(self.provider)["authorization_endpoint"]
        except Unreachable as exc:
            logger.warning("OIDC discovery of %s failed: %s", self.provider.key, exc)
            return unreachable(request, self.provider)
        self.OIDC_RP_CLIENT_ID = self.provider.client_id
        response = super().get(request)
        # Bind the state to this provider: a state begun at one provider is refused at another's callback.
        state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
        request.session["oidc_states"][state]["provider"] = self.provider.key
        request.session.modified = True
        return response


# Open without login, and never stored: the answers carry state, codes and the user's session.
@method_decorator(private_without_login, name="dispatch")
class ProviderCallbackView(ProviderMixin, OIDCAuthenticationCallbackView):
    """/inloggen/oidc/<provider>/callback/: the provider's answer. The library's checks of state, nonce and
    token, with a Dutch page for each way it can go wrong instead of a bare redirect or a 400."""

    def get(self, request, provider):
        self.request = request
        states = request.session.get("oidc_states")
        state = request.GET.get("state", "")
        started = states.pop(state, None) if isinstance(states, dict) else None
        if started is not None:
            request.session.modified = True  # a state is used once, also when the answer is an error
        if request.GET.get("error") and started is not None:
            text = request.GET.get("error_description") or request.GET["error"]
            return failure(
                request,
                self.provider,
                f"{self.provider.name} heeft het inloggen niet toegestaan ({text[:200]}). Het inloggen is gestopt.",
                status=403,
            )
        if not request.GET.get("code") or started is None or started.get("provider") != self.provider.key:
            return failure(
                request,
                self.provider,
                "Deze inlogpoging is niet in deze browser begonnen, al gebruikt of verlopen. Begin opnieuw op de "
                "inlogpagina.",
                status=400,
            )
        try:
            backend = ProviderBackend(self.provider)
            user = backend.authenticate(
                request,
                oidc_provider=self.provider.key,
                nonce=started.get("nonce"),
                code_verifier=started.get("code_verifier"),
            )
        except oidc.Refused as exc:
            logger.info("OIDC login at %s refused: %s", self.provider.key, exc)
            return failure(request, self.provider, str(exc), status=403)
        except (SuspiciousOperation, jwt.PyJWTError, KeyError, TypeError) as exc:
            logger.warning("OIDC answer of %s rejected: %s", self.provider.key, exc)
            return failure(
                request,
                self.provider,
                f"Het antwoord van {self.provider.name} kon niet worden gecontroleerd (ondertekening, nonce, "
                "afzender of ontvanger klopt niet). Het inloggen is gestopt; begin opnieuw op de inlogpagina.",
                status=400,
            )
        except requests.HTTPError as exc:
            logger.warning("OIDC exchange with %s refused: %s", self.provider.key, exc)
            if exc.response is not None and 400 <= exc.response.status_code < 500:
                return failure(
                    request,
                    self.provider,
                    f"{self.provider.name} heeft deze inlogpoging niet aanvaard (de code is verlopen, al gebruikt of "
                    "hoort bij een andere poging). Het inloggen is gestopt; begin opnieuw op de inlogpagina.",
                    status=400,
                )
            return unreachable(request, self.provider)
        except (requests.RequestException, ValueError, Unreachable) as exc:
            logger.warning("OIDC exchange with %s failed: %s", self.provider.key, exc)
            return unreachable(request, self.provider)
        if user is None or not user.is_active:
            return failure(request, self.provider, "U kunt met dit account niet inloggen in het register.", status=403)
        user.backend = BACKEND
        self.user = user
        response = self.login_success()
        request.session[PROVIDER_SESSION_KEY] = self.provider.key
        if backend.second_factor_passed():
            request.session[SECOND_FACTOR_SESSION_KEY] = str(user.pk)
        else:
            request.session.pop(SECOND_FACTOR_SESSION_KEY, None)
        return response


def _with_provider_second_factor(user, session):
    if user.is_authenticated and session.get(SECOND_FACTOR_SESSION_KEY) == str(user.pk):
        user.is_verified = lambda: True
    return user


class ProviderSecondFactorMiddleware:
    """After django-otp's middleware: a session whose login through a provider counts as the second factor
    (second_factor "provider", or "amr" with a matching amr claim) is verified, as after the TOTP step."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SECOND_FACTOR_SESSION_KEY) and hasattr(request, "user"):
            request.user = SimpleLazyObject(functools.partial(_with_provider_second_factor, request.user, session))
        return self.get_response(request)
