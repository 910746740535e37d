"""URLs of the import of an existing register (/import/)."""

from django.urls import path

from . import views

app_name = "importer"

urlpatterns = [
    path("import/", views.ImportStartView.as_view(), name="import"),
    path("import/sjabloon.xlsx", views.ImportTemplateView.as_view(), name="import_template"),
    path("import/<uuid:pk>/", views.ImportReportView.as_view(), name="import_report"),
    path("import/<uuid:pk>/bevestigen/", views.ImportConfirmView.as_view(), name="import_confirm"),
]
