"""URLs of the register."""

from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("partijen/", views.PartyListView.as_view(), name="party_list"),
    path("partijen/<slug:slug>/vergelijking/", views.PartyComparisonView.as_view(), name="party_comparison"),
    path("gemeenten/", views.MunicipalityListView.as_view(), name="municipality_list"),
    path(
        "gemeenten/<str:code>/vergelijking/",
        views.MunicipalityComparisonView.as_view(),
        name="municipality_comparison",
    ),
]
