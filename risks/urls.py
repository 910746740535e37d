"""URLs of the risk register and the weerstandsvermogen page."""

from django.urls import path

from . import views

app_name = "risks"

urlpatterns = [
    path("risicos/niveaus.css", views.level_styles, name="level_styles"),
    path("risicos/", views.RiskListView.as_view(), name="risk_list"),
    path("risicos/<int:pk>/", views.RiskDetailView.as_view(), name="risk_detail"),
    path("gemeenten/<str:code>/weerstandsvermogen/", views.ResistanceView.as_view(), name="resistance"),
]
