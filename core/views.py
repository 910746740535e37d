"""Base views of every app: the year a page shows, and a filtered list that also exports."""

from django.http import Http404
from django_filters.views import FilterView

from .exports import EXPORT_FORMATS, Column, export_response
from .periods import parse_year, report_year


class YearMixin:
    """The year a page shows: `?jaar=` when it is a valid year, else the report year."""

    @property
    def year(self) -> int:
        return parse_year(self.request.GET.get("jaar")) or report_year()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["year"] = self.year
        context["year_invalid"] = "jaar" in self.request.GET and parse_year(self.request.GET["jaar"]) is None
        return context


class ExportableFilterView(FilterView):
    """A filtered list that also downloads as CSV or XLSX (`?format=`), with the same filters."""

    export_filename = "export"
    export_title = "Export"

    def get_export_columns(self) -> list[Column]:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt is None:
            return super().get(request, *args, **kwargs)
        if fmt not in EXPORT_FORMATS:
            raise Http404(f"Onbekend exportformaat “{fmt}”; kies csv of xlsx.")
        filterset = self.get_filterset(self.get_filterset_class())
        rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        return export_response(fmt, self.get_export_columns(), rows, self.export_filename, self.export_title)
