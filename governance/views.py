"""Pages of governance: a person's seats (nevenfuncties)."""

from django.utils import timezone
from django.views.generic import DetailView

from . import selectors


class PersonDetailView(DetailView):
    template_name = "governance/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return selectors.person_detail_queryset(today=timezone.localdate())
