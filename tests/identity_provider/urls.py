"""The provider's own login form and the endpoints of django-oidc-provider at the root (issuer = site URL)."""

from django.contrib.auth.views import LoginView
from django.urls import include, path

urlpatterns = [
    path("login/", LoginView.as_view(template_name="login.html"), name="login"),
    path("", include("oidc_provider.urls", namespace="oidc_provider")),
]
