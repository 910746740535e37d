"""The factsheet and the gemeente page keep their costly parts (costs over all deelnemers, the
wijzigingshistorie) until the register changes: a repeated request is cheaper, a change shows at once,
and a cached part never shows one user what another may see."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import F

from core import peildatum, register_cache
from core.models import DataVersion
from partners.choices import FigureKind
from partners.models import Party
from partners.roles import BELEIDSMEDEWERKER, CONTROLLER
from tests.core.test_peildatum import MOMENT, at, change_everything, register_of_teststad
from tests.partners.factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
)
from tests.partners.pages import table_rows, text
from tests.partners.test_query_counts import count_queries
from tests.reports.test_reports import YEAR
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def party():
    party = PartyFactory(name="Omgevingsdienst Testland")
    stad = MunicipalityFactory(name="Teststad")
    participation = ParticipationFactory(party=party, participant=stad, share_percentage=Decimal("60"))
    ParticipationFactory(party=party, participant=MunicipalityFactory(name="Testdorp"), share_percentage=Decimal("40"))
    ParticipationFinancialsFactory(
        participation=participation, year=2025, kind=FigureKind.BEGROTING, contribution=Decimal("250000")
    )
    return party


def cost_row(response, year: int) -> str:
    """The row of `year` in the table of bijdragen per year."""
    return next(row for row in table_rows(response) if row.startswith(f"{year} €"))


def test_a_repeated_factsheet_is_the_same_page_from_fewer_queries(logged_in_client, party):
    url = party.get_tab_url("financien")
    first = logged_in_client.get(url)
    queries = count_queries(logged_in_client, url)
    again = logged_in_client.get(url)

    assert without_csrf_token(again) == without_csrf_token(first)
    assert "<table" in again.content.decode() and "&lt;table" not in again.content.decode()
    assert not re.search(r"\{[#%{]", again.content.decode())  # no template source in the page
    register_cache.bump_version()
    assert count_queries(logged_in_client, url) > queries  # after a change it is read and rendered anew


def test_the_factsheet_for_another_url_reuses_the_costs_and_history(logged_in_client, party):
    first = count_queries(logged_in_client, party.get_tab_url("financien") + "?jaar=2025")
    other = count_queries(logged_in_client, party.get_tab_url("financien") + "?jaar=2025&zetels=alle")
    # 3 queries for the costs over all deelnemers (tests/partners/test_query_counts.py)
    assert other == first - 3


def test_a_changed_bijdrage_shows_on_the_factsheet_and_the_gemeente_page_at_once(logged_in_client, party):
    stad = party.participations.get(participant__name="Teststad")
    assert "€ 250.000" in cost_row(logged_in_client.get(party.get_tab_url("financien")), 2025)
    assert "€ 250.000" in cost_row(logged_in_client.get(stad.participant.get_tab_url("financien")), 2025)

    figure = stad.financials.get(year=2025)
    figure.contribution = Decimal("275000")
    figure.save()

    assert "€ 275.000" in cost_row(logged_in_client.get(party.get_tab_url("financien")), 2025)
    assert "€ 275.000" in cost_row(logged_in_client.get(stad.participant.get_tab_url("financien")), 2025)
    history = text(logged_in_client.get(party.get_tab_url("historie")))
    assert "€ 250.000" in history and "€ 275.000" in history


def test_a_beleidsmedewerker_never_gets_the_history_cached_for_a_controller(client, make_user, party):
    stad = party.participations.get(participant__name="Teststad").participant
    controller = make_user("controller", role=CONTROLLER, municipalities=[stad])
    beleid = make_user("beleid", role=BELEIDSMEDEWERKER, municipalities=[stad])
    RiskFactory(party=party, title="Geheime garantstelling", confidential=True)

    client.force_login(controller)
    assert "Geheime garantstelling" in text(client.get(party.get_tab_url("historie")))
    client.force_login(beleid)
    page = text(client.get(party.get_tab_url("historie")))

    assert "Omgevingsdienst Testland" in page and "Geheime garantstelling" not in page


def test_a_change_in_a_transaction_replaces_the_version_again_when_it_commits(
    party, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            party.seat = "Assen"
            party.save()
            during = register_cache.data_version()  # what a request reading before the commit uses
    assert register_cache.data_version() != during


def test_a_change_committed_by_another_process_shows_at_once(logged_in_client, party):
    """Another gunicorn worker or `import_register` on the command line has its own cache; the
    counter in the database tells this process that its cached pages are stale."""
    url = party.get_absolute_url()
    logged_in_client.get(url)
    Party.objects.filter(pk=party.pk).update(seat="Veendam")  # as another process would, no signal here
    assert "Veendam" not in text(logged_in_client.get(url))  # this process has not been told

    DataVersion.objects.update(counter=F("counter") + 1)  # what the other process does after its commit

    assert "Veendam" in text(logged_in_client.get(url))


def test_the_counter_rises_when_the_change_commits_not_before(party, django_capture_on_commit_callbacks):
    before = DataVersion.objects.values_list("counter", flat=True).first() or 0
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            party.seat = "Assen"
            party.save()
            assert (DataVersion.objects.values_list("counter", flat=True).first() or 0) == before
    assert DataVersion.objects.values_list("counter", flat=True).first() > before


def test_a_login_keeps_the_cache_and_a_renamed_user_empties_it(client, make_user):
    user = make_user("anna", role=BELEIDSMEDEWERKER)
    before = register_cache.data_version()
    client.force_login(user)  # saves the login time
    assert register_cache.data_version() == before

    user.last_name = "de Vries"  # the history names who made a change
    user.save()
    assert register_cache.data_version() != before


def test_the_factsheet_at_a_peildatum_and_today_each_show_their_own_costs(logged_in_client):
    with at(MOMENT):
        _, gr = register_of_teststad()
    change_everything(gr)  # the bijdrage rises from € 1.234.567 to € 2.000.000
    url = gr.party.get_tab_url("financien")

    today = cost_row(logged_in_client.get(url), YEAR)
    then = cost_row(logged_in_client.get(url + "?peildatum=2025-12-31"), YEAR)
    today_again = cost_row(logged_in_client.get(url), YEAR)

    assert "€ 2.000.000" in today and "€ 2.000.000" in today_again
    assert "€ 1.234.567" in then and "€ 2.000.000" not in then


def without_csrf_token(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_a_repeated_gemeente_page_is_the_same_page_from_fewer_queries(logged_in_client, party):
    stad = party.participations.get(participant__name="Teststad").participant
    url = stad.get_tab_url("deelnames")
    first = logged_in_client.get(url)
    queries = count_queries(logged_in_client, url)
    again = logged_in_client.get(url)

    assert without_csrf_token(again) == without_csrf_token(first)
    assert "<table" in again.content.decode() and "&lt;table" not in again.content.decode()
    assert not re.search(r"\{[#%{]", again.content.decode())  # no template source in the page
    assert "Omgevingsdienst Testland" in text(again)
    register_cache.bump_version()
    assert count_queries(logged_in_client, url) > queries  # after a change it is read and rendered anew


def test_the_factsheet_is_rendered_anew_on_a_new_day(logged_in_client, party, monkeypatch):
    """Deadlines count down in days: yesterday's rendering is not today's."""
    url = party.get_absolute_url()
    logged_in_client.get(url)
    cached = count_queries(logged_in_client, url)
    tomorrow = peildatum.today() + datetime.timedelta(days=1)
    monkeypatch.setattr(peildatum, "today", lambda: tomorrow)
    assert count_queries(logged_in_client, url) > cached
