"""URLs of the pages that combine the apps: factsheet, history, gemeente page and the reports."""

from django.urls import path, re_path

from . import job_views, views

app_name = "reports"

urlpatterns = [
    # The party's page: an overview and its tabs (reports/tabs.py), each at its own URL.
    path("partijen/<slug:slug>/", views.PartyDetailView.as_view(), name="party_detail"),
    path("partijen/<slug:slug>/deelnemers/", views.PartyParticipantsView.as_view(), name="party_participants"),
    path("partijen/<slug:slug>/financien/", views.PartyFinancesView.as_view(), name="party_finances"),
    path("partijen/<slug:slug>/doelen/", views.PartyGoalsView.as_view(), name="party_goals"),
    path("partijen/<slug:slug>/sturing/", views.PartyGovernanceView.as_view(), name="party_governance"),
    path("partijen/<slug:slug>/risicos/", views.PartyRisksView.as_view(), name="party_risks"),
    path("partijen/<slug:slug>/historie/", views.PartyHistoryView.as_view(), name="party_history"),
    path("partijen/<slug:slug>/factsheet.pdf", views.FactsheetPdfView.as_view(), name="factsheet_pdf"),
    # The gemeente's page: an overview and its tabs.
    path("gemeenten/<str:code>/", views.MunicipalityDetailView.as_view(), name="municipality_detail"),
    path(
        "gemeenten/<str:code>/deelnames/",
        views.MunicipalityParticipationsView.as_view(),
        name="municipality_participations",
    ),
    path("gemeenten/<str:code>/financien/", views.MunicipalityFinancesView.as_view(), name="municipality_finances"),
    path("gemeenten/<str:code>/doelen/", views.MunicipalityGoalsView.as_view(), name="municipality_goals"),
    path("gemeenten/<str:code>/sturing/", views.MunicipalityGovernanceView.as_view(), name="municipality_governance"),
    path("gemeenten/<str:code>/risicos/", views.MunicipalityRisksView.as_view(), name="municipality_risks"),
    path("gemeenten/<str:code>/historie/", views.MunicipalityHistoryView.as_view(), name="municipality_history"),
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

urlpatterns += [
    path("rapporten/", job_views.MyJobsView.as_view(), name="my_jobs"),
    path("rapporten/<uuid:pk>/", job_views.JobStatusView.as_view(), name="job_status"),
    path("rapporten/<uuid:pk>/bestand", job_views.JobFileView.as_view(), name="job_file"),
]
