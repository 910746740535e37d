"""/api/v1: the major version in the path and no trailing slash (NL GOV API Design Rules, /core/uri-version
and /core/no-trailing-slash); the OpenAPI document at /api/v1/openapi.json (/core/doc-openapi)."""

from django.urls import path, re_path

from . import views

app_name = "api"

urlpatterns = [
    path("v1/openapi.json", views.OpenApiDocument.as_view(), name="openapi"),
    path("v1/partijen", views.PartyList.as_view(), name="partijen"),
    path("v1/partijen/<slug:identificatie>", views.PartyDetail.as_view(), name="partij"),
    path("v1/deelnames", views.ParticipationList.as_view(), name="deelnames"),
    path("v1/financiele-gegevens", views.FinancialsList.as_view(), name="financiele_gegevens"),
    path("v1/financiele-gegevens/<int:id>", views.FinancialsDetail.as_view(), name="financiele_gegevens_detail"),
    path("v1/vertegenwoordiging", views.SeatList.as_view(), name="vertegenwoordiging"),
    path("v1/documenten", views.DocumentList.as_view(), name="documenten"),
    path("v1/documenten/<int:id>", views.DocumentDetail.as_view(), name="document"),
    path("v1/risicos", views.RiskList.as_view(), name="risicos"),
    path("v1/risicos/<int:id>", views.RiskDetail.as_view(), name="risico"),
    re_path(r"^(?P<path>.*)$", views.unknown, name="unknown"),
]
