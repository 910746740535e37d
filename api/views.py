"""The endpoints of /api/v1: thin generic views over the same scoped querysets as the pages
(partners/scoping.py), so a user reads through the API exactly what the register shows him.

Without login the API reads as the public register does (public/): the parties, deelnames, figures,
documents and office holders of the gemeenten that switched their register on, within the public rate
limit and cacheable by proxies; risks stay for logged-in users."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import exceptions, generics, permissions, throttling

from accounts.private_cache import private_without_login
from governance.models import CycleDocument, Seat
from partners import scoping
from partners.models import Participation, Party, PartyFinancials
from public import ratelimit
from public import selectors as public_selectors
from risks.models import Risk
from supply import rules

from . import filters, serializers
from .permissions import WritesWithPartyKey
from .problems import problem_response

API_VERSION = "1.0.0"


class VersionHeaderMixin:
    """Every answer names the full version of the API (NL GOV API Design Rules, /core/version-header)."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = API_VERSION
        return response


class TooManyRequests(exceptions.Throttled):
    default_detail = "Te veel verzoeken zonder inloggen vanaf dit adres."
    extra_detail_singular = "Probeer het over {wait} seconde opnieuw."
    extra_detail_plural = "Probeer het over {wait} seconden opnieuw."


class PublicRateThrottle(throttling.BaseThrottle):
    """The public rate limit (public/ratelimit.py) for requests without login; logged-in users are not limited."""

    def allow_request(self, request, view):
        if request.user.is_authenticated:
            return True
        self.seconds = ratelimit.retry_after(request)
        return self.seconds is None

    def wait(self):
        return self.seconds


class PublicReadMixin(VersionHeaderMixin):
    """Open without login, reading as the public register; a public answer may be kept by proxies."""

    permission_classes = [permissions.AllowAny]
    throttle_classes = [PublicRateThrottle]

    @property
    def reader(self):
        user = self.request.user
        if user.is_authenticated:
            return user
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI document is made without a database
            return scoping.PublicReader(frozenset())
        if not hasattr(self, "_public_reader"):
            self._public_reader = public_selectors.public_reader()
        return self._public_reader

    def throttled(self, request, wait):
        raise TooManyRequests(wait)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if not request.user.is_authenticated and response.status_code == 200:
            request._request.public_view = True  # accounts/private_cache.py: not private, the same for all
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response


@method_decorator(private_without_login, name="dispatch")
class ApiList(PublicReadMixin, generics.ListAPIView):
    filter_backends = [DjangoFilterBackend]


@method_decorator(private_without_login, name="dispatch")
class ApiDetail(PublicReadMixin, generics.RetrieveAPIView):
    pass


WRITE_DESCRIPTION = (
    " Schrijven (POST, PATCH) alleen met de API-sleutel van een bronhouder (Authorization: Token <sleutel>), "
    "voor de eigen partij; de rij heet dan aangeleverd door die partij. Een fout in de gegevens geeft 400 met "
    "per veld de reden, en dan is niets opgeslagen."
)


class SuppliedWrites:
    """A collection a party's key may add to (POST) and a row it may change (PATCH): only rows of the key's
    party that the party keeps itself (supply/rules.py); any other row answers 404."""

    # Reading as the other endpoints (also without login, as the public register); writing with a party's key.
    permission_classes = [WritesWithPartyKey]
    rows_of_party = None  # supply.rules function: party -> queryset of the rows it may change

    def writable(self):
        return type(self).rows_of_party(self.request.auth.party)


@method_decorator(private_without_login, name="dispatch")
class ApiWritableList(SuppliedWrites, PublicReadMixin, generics.ListCreateAPIView):
    filter_backends = [DjangoFilterBackend]


@method_decorator(private_without_login, name="dispatch")
class ApiWritableDetail(SuppliedWrites, PublicReadMixin, generics.RetrieveUpdateAPIView):
    http_method_names = ["get", "patch", "head", "options"]
    lookup_url_kwarg = "id"

    def get_queryset(self):
        if self.request.method == "PATCH":
            return self.writable()
        return self.readable()


def parties_of(user):
    return scoping.visible_parties(user, Party.objects.select_related("policy_area", "central_municipality"))


@extend_schema_view(
    get=extend_schema(
        summary="Partijen",
        description="De verbonden partijen die de gebruiker mag zien; zonder inloggen die van de gemeenten met "
        "een openbaar register.",
    )
)
class PartyList(ApiList):
    serializer_class = serializers.PartySerializer
    filterset_class = filters.PartyFilter

    def get_queryset(self):
        return parties_of(self.reader).order_by("name", "pk")


@extend_schema_view(get=extend_schema(summary="Partij", description="Eén partij, op haar identificatie."))
class PartyDetail(ApiDetail):
    serializer_class = serializers.PartySerializer
    lookup_field = "slug"
    lookup_url_kwarg = "identificatie"

    def get_queryset(self):
        return parties_of(self.reader)


@extend_schema_view(get=extend_schema(summary="Deelnames", description="De deelnemers van de zichtbare partijen."))
class ParticipationList(ApiList):
    serializer_class = serializers.ParticipationSerializer
    filterset_class = filters.ParticipationFilter

    def get_queryset(self):
        return (
            Participation.objects.filter(scoping.party_q(self.reader))
            .select_related("party", "participant")
            .order_by("party__name", "participant__name", "pk")
        )


def financials_of(user):
    return PartyFinancials.objects.filter(scoping.party_q(user)).select_related("party", "supplied_by")


@extend_schema_view(
    get=extend_schema(summary="Financiële gegevens", description="Begroting en realisatie van de partijen per jaar."),
    post=extend_schema(
        summary="Financiële gegevens aanleveren",
        description="Nieuwe cijfers van één jaar en soort van de partij." + WRITE_DESCRIPTION,
    ),
)
class FinancialsList(ApiWritableList):
    serializer_class = serializers.PartyFinancialsSerializer
    filterset_class = filters.FinancialsFilter
    rows_of_party = rules.financials_of

    def get_queryset(self):
        return financials_of(self.reader).order_by("party__name", "-year", "kind", "pk")


@extend_schema_view(
    get=extend_schema(summary="Financiële gegevens (één rij)", description="De cijfers van één jaar en soort."),
    patch=extend_schema(
        summary="Financiële gegevens wijzigen", description="Alleen de meegegeven velden." + WRITE_DESCRIPTION
    ),
)
class FinancialsDetail(ApiWritableDetail):
    serializer_class = serializers.PartyFinancialsSerializer
    rows_of_party = rules.financials_of

    def readable(self):
        return financials_of(self.reader)


@extend_schema_view(
    get=extend_schema(summary="Vertegenwoordiging", description="Wie namens welke deelnemer in welk orgaan zit.")
)
class SeatList(ApiList):
    serializer_class = serializers.SeatSerializer
    filterset_class = filters.SeatFilter

    def get_queryset(self):
        seats = Seat.objects.visible_to(self.reader)
        if not self.request.user.is_authenticated:
            # Of people, the public register names only office holders, in the seats they hold for its gemeenten.
            seats = seats.filter(
                on_behalf_of_id__in=self.reader.municipality_ids, person__function__in=public_selectors.OFFICE_HOLDERS
            )
        return seats.select_related("party", "person", "on_behalf_of").order_by(
            "party__name", "body", "started_on", "pk"
        )


def documents_of(user):
    return CycleDocument.objects.filter(scoping.party_q(user)).select_related("party", "supplied_by")


@extend_schema_view(
    get=extend_schema(summary="Documenten", description="Documenten van de P&C-cyclus die de partijen sturen."),
    post=extend_schema(
        summary="Document aanleveren",
        description="Een nieuw document van de P&C-cyclus (kaderbrief, ontwerpbegroting, jaarrekening …) met zijn "
        "data." + WRITE_DESCRIPTION,
    ),
)
class DocumentList(ApiWritableList):
    serializer_class = serializers.CycleDocumentSerializer
    filterset_class = filters.DocumentFilter
    rows_of_party = rules.documents_of

    def get_queryset(self):
        return documents_of(self.reader).order_by("party__name", "-year", "kind", "pk")


@extend_schema_view(
    get=extend_schema(summary="Document", description="Eén document van de P&C-cyclus."),
    patch=extend_schema(
        summary="Document wijzigen", description="Bijvoorbeeld de datum van verzending." + WRITE_DESCRIPTION
    ),
)
class DocumentDetail(ApiWritableDetail):
    serializer_class = serializers.CycleDocumentSerializer
    rows_of_party = rules.documents_of

    def readable(self):
        return documents_of(self.reader)


def risks_of(user):
    return Risk.objects.visible_to(user).select_related("party", "supplied_by")


@extend_schema_view(
    get=extend_schema(
        summary="Risico's",
        description="De risico's die voor de gemeenten van de gebruiker wegen; vertrouwelijke alleen voor "
        "controllers en beheerders. Alleen na inloggen: risico's staan niet in het openbaar register.",
    ),
    post=extend_schema(
        summary="Risico aanleveren",
        description="Een risico van de hele partij, niet vertrouwelijk." + WRITE_DESCRIPTION,
    ),
)
class RiskList(ApiWritableList):
    # Risks are never part of the public register: reading them asks a login (or a party's key).
    permission_classes = [permissions.IsAuthenticated, WritesWithPartyKey]
    serializer_class = serializers.RiskSerializer
    filterset_class = filters.RiskFilter
    rows_of_party = rules.risks_of

    def get_queryset(self):
        return risks_of(self.reader).order_by("party__name", "title", "pk")


@extend_schema_view(
    get=extend_schema(summary="Risico", description="Eén risico."),
    patch=extend_schema(
        summary="Risico wijzigen",
        description="Alleen een risico dat de partij zelf heeft aangeleverd." + WRITE_DESCRIPTION,
    ),
)
class RiskDetail(ApiWritableDetail):
    permission_classes = [permissions.IsAuthenticated, WritesWithPartyKey]  # never in the public register
    serializer_class = serializers.RiskSerializer
    rows_of_party = rules.risks_of

    def readable(self):
        return risks_of(self.reader)


@method_decorator(login_not_required, name="dispatch")
class OpenApiDocument(VersionHeaderMixin, SpectacularAPIView):
    """The OpenAPI 3.1 document, public: it describes the API, it holds no data."""

    permission_classes = []
    authentication_classes = []
    renderer_classes = [OpenApiJsonRenderer]

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The same for everybody and it changes only with a release: revalidated, never stale.
        patch_cache_control(response, no_cache=True)
        return response


@private_without_login
def unknown(request, path=""):
    return problem_response(404, "Dit adres bestaat niet in de API.", instance=request.get_full_path())
