"""/openbaar/: the public register, without login, for the gemeenten that switched it on."""

from django.urls import path, re_path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.municipality, name="municipality"),
    re_path(r"^(?P<code>[^/]+)/verbonden-partijen\.(?P<fmt>csv|json)$", views.open_data, name="open_data"),
    path("<str:code>/partijen/<slug:slug>/", views.party, name="party"),
    path("<str:code>/paragrafen/<int:pk>.pdf", views.adopted_report, name="adopted_report"),
]
