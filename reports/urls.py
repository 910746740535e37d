"""URLs of the pages that combine the apps: factsheet, history, gemeente page and the reports."""

from django.urls import path, re_path

from . import views

app_name = "reports"

urlpatterns = [
    path("partijen/<slug:slug>/", views.PartyDetailView.as_view(), name="party_detail"),
    path("partijen/<slug:slug>/historie/", views.PartyHistoryView.as_view(), name="party_history"),
    path("partijen/<slug:slug>/factsheet.pdf", views.FactsheetPdfView.as_view(), name="factsheet_pdf"),
    path("gemeenten/<str:code>/", views.MunicipalityDetailView.as_view(), name="municipality_detail"),
    re_path(
        r"^gemeenten/(?P<code>[^/]+)/rapportage/(?P<year>\d{4})/(?P<variant>begroting|jaarstukken)(?:\.(?P<fmt>pdf|xlsx|csv))?$",
        views.ParagraphReportView.as_view(),
        name="paragraph_report",
    ),
    re_path(
        r"^gemeenten/(?P<code>[^/]+)/rapportage/(?P<year>\d{4})/(?P<variant>begroting|jaarstukken)/vaststellen$",
        views.AdoptReportView.as_view(),
        name="adopt_report",
    ),
    path("gemeenten/<str:code>/rapportage/vastgesteld/", views.AdoptedReportListView.as_view(), name="adopted_reports"),
    path(
        "gemeenten/<str:code>/rapportage/vastgesteld/<int:pk>.pdf",
        views.AdoptedReportPdfView.as_view(),
        name="adopted_report_pdf",
    ),
]
