"""Root URLs: the register, the admin and login; everything else lives in the apps."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from accounts.forms import LoginForm
from accounts.views import RegisterLoginView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="partners:party_list", permanent=False), name="home"),
    path("inloggen/", RegisterLoginView.as_view(authentication_form=LoginForm), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("openbaar/", include("public.urls")),
    path("", include("partners.urls")),
    path("", include("governance.urls")),
    path("", include("risks.urls")),
    path("", include("importer.urls")),
    path("", include("reports.urls")),
    path("", include("supply.urls")),
]
