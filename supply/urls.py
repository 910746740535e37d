"""URLs of Aanleveren (a party's bronhouder keeps its record)."""

from django.urls import path

from . import views

app_name = "supply"

urlpatterns = [
    path("aanleveren/", views.SupplyHomeView.as_view(), name="supply_home"),
    path("aanleveren/<slug:slug>/", views.SupplyPartyView.as_view(), name="supply_party"),
    path("aanleveren/<slug:slug>/sleutels/", views.TokenCreateView.as_view(), name="supply_token_create"),
    path(
        "aanleveren/<slug:slug>/sleutels/<int:pk>/intrekken/",
        views.TokenRevokeView.as_view(),
        name="supply_token_revoke",
    ),
    path("aanleveren/<slug:slug>/<str:kind>/nieuw/", views.SupplyEditView.as_view(), name="supply_new"),
    path("aanleveren/<slug:slug>/<str:kind>/<int:pk>/", views.SupplyEditView.as_view(), name="supply_edit"),
]
