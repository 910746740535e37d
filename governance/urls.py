"""URLs of governance."""

from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("personen/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
]
