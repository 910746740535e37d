"""The TOTP step in front of the admin."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("tweestaps/", views.VerifyView.as_view(), name="two_factor"),
    path("tweestaps/instellen/", views.SetupView.as_view(), name="two_factor_setup"),
]
