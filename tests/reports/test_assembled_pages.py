"""Each tab of the factsheet and of the gemeente page gets all its data from one assembly
(reports/factsheet.py, reports/overview.py and reports/pages.py), and only its own part: rendering its
template with that context runs no query, so no template tag reaches into the database."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from partners.roles import BELEIDSMEDEWERKER
from reports import views
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


# Each tab of the party's page, the path under its overview and what it shows of the register above.
PARTY_TABS = [
    (views.PartyDetailView, "", ["Wat is het", "Teststad", "Wie vertegenwoordigt", "Open risico's"]),
    (views.PartyFinancesView, "financien/", ["Financiële kengetallen", "Kosten door de jaren"]),
    (views.PartyGoalsView, "doelen/", ["Doelen en resultaten"]),
    (views.PartyGovernanceView, "sturing/", ["Vertegenwoordiging", "Planning en control", "Monitoring"]),
    (views.PartyRisksView, "risicos/", ["Risico's"]),
]
MUNICIPALITY_TABS = [
    (views.MunicipalityDetailView, "", ["Wie vertegenwoordigt ons", "Aandachtspunten"]),
    (views.MunicipalityParticipationsView, "deelnames/", ["Veiligheidsregio Testland"]),
    (views.MunicipalityFinancesView, "financien/", ["Bijdragen door de jaren"]),
    (views.MunicipalityGovernanceView, "sturing/", ["Risicoprofiel", "Wie zit waar"]),
    (views.MunicipalityRisksView, "risicos/", ["Risico's van de partijen"]),
    (views.MunicipalityHistoryView, "historie/", ["Historie"]),
]


@pytest.mark.parametrize(("view", "tab", "shows"), PARTY_TABS, ids=[tab or "overzicht" for _, tab, _ in PARTY_TABS])
@pytest.mark.parametrize("who", ["beheerder", "beleidsmedewerker"])
def test_the_factsheet_template_runs_no_query_with_the_assembled_context(
    register, make_user, superuser, django_assert_num_queries, who, view, tab, shows
):
    gemeente, party = register
    user = superuser if who == "beheerder" else make_user("anna", role=BELEIDSMEDEWERKER, municipalities=[gemeente])
    request = _request(user, f"/partijen/{party.slug}/{tab}")
    template, context = _assembled(view, request, slug=party.slug)
    with django_assert_num_queries(0):
        page = render_to_string(template, context, request=request)
    shown = text(_Rendered(page))
    for words in shows:
        assert words in shown, f"{words} ontbreekt op {tab or 'het overzicht'}"


@pytest.mark.parametrize(
    ("view", "tab", "shows"), MUNICIPALITY_TABS, ids=[tab or "overzicht" for _, tab, _ in MUNICIPALITY_TABS]
)
@pytest.mark.parametrize("who", ["beheerder", "beleidsmedewerker"])
def test_the_gemeente_page_template_runs_no_query_with_the_assembled_context(
    register, make_user, superuser, django_assert_num_queries, who, view, tab, shows
):
    gemeente, party = register
    user = superuser if who == "beheerder" else make_user("anna", role=BELEIDSMEDEWERKER, municipalities=[gemeente])
    request = _request(user, f"/gemeenten/{gemeente.code}/{tab}")
    template, context = _assembled(view, request, code=gemeente.code)
    with django_assert_num_queries(0):
        page = render_to_string(template, context, request=request)
    shown = text(_Rendered(page))
    for words in shows:
        assert words in shown, f"{words} ontbreekt op {tab or 'het overzicht'}"


def test_the_assembled_factsheet_shows_the_seat_and_the_scan_of_the_gemeente(register, superuser):
    gemeente, party = register
    request = _request(superuser, f"/partijen/{party.slug}/sturing/")
    template, context = _assembled(views.PartyGovernanceView, request, slug=party.slug)
    sections = context["sheet"].sections
    assert [seat.on_behalf_of for seat in sections.representation.seats] == [gemeente]
    assert [m.municipality for m in sections.monitoring] == [gemeente]
    assert sections.cycle.documents
    request = _request(superuser, f"/partijen/{party.slug}/risicos/")
    template, context = _assembled(views.PartyRisksView, request, slug=party.slug)
    assert context["sheet"].sections.risks["heatmap"].total == 1
    request = _request(superuser, f"/partijen/{party.slug}/doelen/")
    template, context = _assembled(views.PartyGoalsView, request, slug=party.slug)
    assert context["sheet"].goals.shared


def test_each_tab_of_the_factsheet_assembles_only_its_own_part(register, superuser):
    _, party = register
    loaded = {}
    for view, tab, _ in PARTY_TABS[1:]:
        request = _request(superuser, f"/partijen/{party.slug}/{tab}")
        sheet = _assembled(view, request, slug=party.slug)[1]["sheet"]
        sections = sheet.sections
        loaded[tab] = {
            name
            for name, value in (
                ("deelnemers", sheet.rows),
                ("financien", sheet.costs),
                ("doelen", sheet.goals),
                ("sturing", sections.representation or sections.cycle or sections.monitoring),
                ("risicos", sections.risks),
            )
            if value
        }
    assert loaded == {
        "financien/": {"financien"},
        "doelen/": {"doelen"},
        "sturing/": {"sturing"},
        "risicos/": {"risicos"},
    }


def _deelname_loads(queries) -> list[str]:
    """The queries that load deelnames themselves (not a join or subquery through them)."""
    return [q["sql"] for q in queries if re.match(r'SELECT (?:(?!\bFROM\b).)* FROM "partners_participation"', q["sql"])]


# The overview also shows the coming deadlines, which the dashboard's agenda loads as it does for the
# dashboard (governance/agenda.py); the query count of the overview is held constant below.
@pytest.mark.parametrize(("tab", "shows"), [("deelnames/", "Veiligheidsregio Testland"), ("sturing/", "Risicoprofiel")])
def test_the_gemeente_page_loads_the_deelnames_of_the_gemeente_once(register, superuser, client, tab, shows):
    gemeente, _ = register
    client.force_login(superuser)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/gemeenten/{gemeente.code}/{tab}")

    assert response.status_code == 200
    assert len(_deelname_loads(queries)) == 1
    assert shows in text(response)


@pytest.mark.parametrize("tab", ["", "deelnames/", "financien/", "doelen/", "sturing/", "risicos/", "historie/"])
def test_the_gemeente_page_takes_the_same_number_of_queries_for_more_deelnames(register, superuser, client, tab):
    gemeente, _ = register
    client.force_login(superuser)

    def queries_with(extra: int) -> int:
        for n in range(extra):
            own = ParticipationFactory(party=PartyFactory(name=f"Partij {extra}-{n}"), participant=gemeente)
            ParticipationFinancialsFactory(participation=own, year=2025)
            ParticipationGovernanceFactory(participation=own)
            SeatFactory(participation=own)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/gemeenten/{gemeente.code}/{tab}").status_code == 200
        return len(queries)

    assert queries_with(1) == queries_with(5)
