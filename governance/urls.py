"""URLs of governance."""

from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("personen/", views.PersonListView.as_view(), name="person_list"),
    path("personen/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("gemeenten/<str:code>/dashboard/", views.MunicipalityDashboardView.as_view(), name="dashboard"),
    path("signalen/", views.RegionalWarningsView.as_view(), name="warnings"),
    path(
        "gemeenten/<str:code>/signalen/bevestigen/",
        views.AcknowledgeWarningView.as_view(),
        name="acknowledge_warning",
    ),
    path("gemeenten/<str:code>/deadlines.ics", views.DeadlinesFeedView.as_view(), name="deadlines_ics"),
    path("gemeenten/<str:code>/dashboard/agenda-adres/", views.RenewFeedTokenView.as_view(), name="renew_feed_token"),
]
