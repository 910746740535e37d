"""The TOTP step in front of the admin, and the login through a gemeente's identity provider."""

from django.urls import path

from . import oidc_login, views

app_name = "accounts"

urlpatterns = [
    path("tweestaps/", views.VerifyView.as_view(), name="two_factor"),
    path("tweestaps/instellen/", views.SetupView.as_view(), name="two_factor_setup"),
    path("inloggen/oidc/<slug:provider>/", oidc_login.ProviderLoginView.as_view(), name="oidc_login"),
    path("inloggen/oidc/<slug:provider>/callback/", oidc_login.ProviderCallbackView.as_view(), name="oidc_callback"),
]
