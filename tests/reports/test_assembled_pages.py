"""The factsheet and the gemeente page get all their data from one assembly (reports/factsheet.py and
reports/pages.py): rendering their templates with that context runs no query, so no template tag
reaches into the database."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from partners.roles import BELEIDSMEDEWERKER
from reports.views import MunicipalityDetailView, PartyDetailView
from tests.governance.factories import (
    AssessmentFactory,
    CycleDocumentFactory,
    IndicatorValueFactory,
    ParticipationGovernanceFactory,
    SeatFactory,
)
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
)
from tests.partners.pages import text
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    gemeente = MunicipalityFactory(name="Teststad")
    party = PartyFactory(name="Veiligheidsregio Testland")
    own = ParticipationFactory(party=party, participant=gemeente, share_percentage=Decimal("60"))
    ParticipationFactory(party=party, participant=MunicipalityFactory(name="Anderstad"))
    ParticipationFinancialsFactory(participation=own, year=2025)
    PartyFinancialsFactory(party=party, year=2025)
    SeatFactory(participation=own)
    ParticipationGovernanceFactory(participation=own)
    CycleDocumentFactory(party=party)
    AssessmentFactory(participation=own)
    IndicatorValueFactory(indicator__goal__party=party)
    RiskFactory(party=party, title="Brandkazerne verouderd", amount_max=Decimal("250000"))
    return gemeente, party


class _Rendered:
    def __init__(self, body: str):
        self.content = body.encode()


def _request(user, path):
    request = RequestFactory().get(path)
    request.user = user
    request.peildatum, request.peildatum_error = None, None
    return request


def _assembled(view_class, request, **kwargs):
    view = view_class()
    view.setup(request, **kwargs)
    view.object = view.get_object()
    context = view.get_context_data(object=view.object)
    # The content the view caches is rendered from exactly this context.
    return view.content_template, view.content_context(dict(context))


@pytest.mark.parametrize("who", ["beheerder", "beleidsmedewerker"])
def test_the_factsheet_template_runs_no_query_with_the_assembled_context(
    register, make_user, superuser, django_assert_num_queries, who
):
    gemeente, party = register
    user = superuser if who == "beheerder" else make_user("anna", role=BELEIDSMEDEWERKER, municipalities=[gemeente])
    request = _request(user, f"/partijen/{party.slug}/")
    template, context = _assembled(PartyDetailView, request, slug=party.slug)
    with django_assert_num_queries(0):
        page = render_to_string(template, context, request=request)
    shown = text(_Rendered(page))
    assert "Veiligheidsregio Testland" in shown and "Teststad" in shown
    assert "Vertegenwoordiging" in shown and "Planning en control" in shown and "Monitoring" in shown
    assert "Risico's" in shown and "Doelen en resultaten" in shown


@pytest.mark.parametrize("who", ["beheerder", "beleidsmedewerker"])
def test_the_gemeente_page_template_runs_no_query_with_the_assembled_context(
    register, make_user, superuser, django_assert_num_queries, who
):
    gemeente, party = register
    user = superuser if who == "beheerder" else make_user("anna", role=BELEIDSMEDEWERKER, municipalities=[gemeente])
    request = _request(user, f"/gemeenten/{gemeente.code}/")
    template, context = _assembled(MunicipalityDetailView, request, code=gemeente.code)
    with django_assert_num_queries(0):
        page = render_to_string(template, context, request=request)
    shown = text(_Rendered(page))
    assert "Veiligheidsregio Testland" in shown
    assert "Risicoprofiel" in shown and "Risico's van de partijen" in shown


def test_the_assembled_factsheet_shows_the_seat_and_the_scan_of_the_gemeente(register, superuser):
    gemeente, party = register
    request = _request(superuser, f"/partijen/{party.slug}/")
    template, context = _assembled(PartyDetailView, request, slug=party.slug)
    sheet = context["sheet"]
    sections = sheet.sections
    assert [seat.on_behalf_of for seat in sections.representation.seats] == [gemeente]
    assert [m.municipality for m in sections.monitoring] == [gemeente]
    assert sections.risks["heatmap"].total == 1
    assert sections.cycle.documents and sheet.goals.shared


def _deelname_loads(queries) -> list[str]:
    """The queries that load deelnames themselves (not a join or subquery through them)."""
    return [q["sql"] for q in queries if re.match(r'SELECT (?:(?!\bFROM\b).)* FROM "partners_participation"', q["sql"])]


def test_the_gemeente_page_loads_the_deelnames_of_the_gemeente_once(register, superuser, client):
    gemeente, _ = register
    client.force_login(superuser)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/gemeenten/{gemeente.code}/")

    assert response.status_code == 200
    assert len(_deelname_loads(queries)) == 1
    shown = text(response)
    assert "Veiligheidsregio Testland" in shown and "Risicoprofiel" in shown


def test_the_gemeente_page_takes_the_same_number_of_queries_for_more_deelnames(register, superuser, client):
    gemeente, _ = register
    client.force_login(superuser)

    def queries_with(extra: int) -> int:
        for n in range(extra):
            own = ParticipationFactory(party=PartyFactory(name=f"Partij {extra}-{n}"), participant=gemeente)
            ParticipationFinancialsFactory(participation=own, year=2025)
            ParticipationGovernanceFactory(participation=own)
            SeatFactory(participation=own)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/gemeenten/{gemeente.code}/").status_code == 200
        return len(queries)

    assert queries_with(1) == queries_with(5)
