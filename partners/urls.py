"""URLs of the register."""

from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("partijen/", views.PartyListView.as_view(), name="party_list"),
    path("partijen/<slug:slug>/", views.PartyDetailView.as_view(), name="party_detail"),
    path("partijen/<slug:slug>/deelnemers/", views.PartyParticipantsView.as_view(), name="party_participants"),
    path("partijen/<slug:slug>/historie/", views.PartyHistoryView.as_view(), name="party_history"),
    path("gemeenten/", views.MunicipalityListView.as_view(), name="municipality_list"),
    path("gemeenten/<str:code>/", views.MunicipalityDetailView.as_view(), name="municipality_detail"),
]
