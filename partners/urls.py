"""URLs of the register."""

from django.urls import path

from . import import_views, views

app_name = "partners"

urlpatterns = [
    path("partijen/", views.PartyListView.as_view(), name="party_list"),
    path("partijen/<slug:slug>/", views.PartyDetailView.as_view(), name="party_detail"),
    path("partijen/<slug:slug>/deelnemers/", views.PartyParticipantsView.as_view(), name="party_participants"),
    path("partijen/<slug:slug>/historie/", views.PartyHistoryView.as_view(), name="party_history"),
    path("gemeenten/", views.MunicipalityListView.as_view(), name="municipality_list"),
    path("gemeenten/<str:code>/", views.MunicipalityDetailView.as_view(), name="municipality_detail"),
    path("import/", import_views.ImportStartView.as_view(), name="import"),
    path("import/sjabloon.xlsx", import_views.ImportTemplateView.as_view(), name="import_template"),
    path("import/<uuid:pk>/", import_views.ImportReportView.as_view(), name="import_report"),
    path("import/<uuid:pk>/bevestigen/", import_views.ImportConfirmView.as_view(), name="import_confirm"),
]
