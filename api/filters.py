"""Query parameters of the API's collections (django-filter), with Dutch names."""

import django_filters

from governance.models import CycleDocument, Seat
from partners.models import Participation, Party, PartyFinancials
from risks.models import Risk


class PartyFilter(django_filters.FilterSet):
    rechtsvorm = django_filters.CharFilter(field_name="legal_form")
    status = django_filters.CharFilter(field_name="status")
    deelnemer = django_filters.CharFilter(
        field_name="participations__participant__code", distinct=True, label="CBS-code van een deelnemer"
    )

    class Meta:
        model = Party
        fields = ["rechtsvorm", "status", "deelnemer"]


class ByParty(django_filters.FilterSet):
    partij = django_filters.CharFilter(field_name="party__slug", label="identificatie van de partij")


class ParticipationFilter(ByParty):
    deelnemer = django_filters.CharFilter(field_name="participant__code", label="CBS-code van de deelnemer")

    class Meta:
        model = Participation
        fields = ["partij", "deelnemer"]


class FinancialsFilter(ByParty):
    jaar = django_filters.NumberFilter(field_name="year")
    soort = django_filters.CharFilter(field_name="kind")

    class Meta:
        model = PartyFinancials
        fields = ["partij", "jaar", "soort"]


class SeatFilter(ByParty):
    namens = django_filters.CharFilter(field_name="on_behalf_of__code", label="CBS-code van de deelnemer")

    class Meta:
        model = Seat
        fields = ["partij", "namens"]


class DocumentFilter(ByParty):
    jaar = django_filters.NumberFilter(field_name="year")
    soort = django_filters.CharFilter(field_name="kind")

    class Meta:
        model = CycleDocument
        fields = ["partij", "jaar", "soort"]


class RiskFilter(ByParty):
    status = django_filters.CharFilter(field_name="status")

    class Meta:
        model = Risk
        fields = ["partij", "status"]
