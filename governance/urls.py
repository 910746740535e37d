"""URLs of governance."""

from django.urls import path, re_path

from . import report_views, views

app_name = "governance"

urlpatterns = [
    path("personen/", views.PersonListView.as_view(), name="person_list"),
    path("personen/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("gemeenten/<str:code>/dashboard/", views.MunicipalityDashboardView.as_view(), name="dashboard"),
    path("gemeenten/<str:code>/doelen/", views.MunicipalityGoalsView.as_view(), name="municipality_goals"),
    path("gemeenten/<str:code>/deadlines.ics", views.DeadlinesFeedView.as_view(), name="deadlines_ics"),
    path("gemeenten/<str:code>/dashboard/agenda-adres/", views.RenewFeedTokenView.as_view(), name="renew_feed_token"),
    re_path(
        r"^gemeenten/(?P<code>[^/]+)/rapportage/(?P<year>\d{4})/(?P<variant>begroting|jaarstukken)(?:\.(?P<fmt>pdf|xlsx|csv))?$",
        report_views.ParagraphReportView.as_view(),
        name="paragraph_report",
    ),
    path("partijen/<slug:slug>/factsheet.pdf", report_views.FactsheetPdfView.as_view(), name="factsheet_pdf"),
]
