"""A centrumgemeenteregeling (Wgr art. 8 lid 4): no organ, no cycle, no vermogen ("n.v.t."), and the
centrumgemeente receives the bijdragen of the others instead of paying one to itself."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from demo.governance import load_governance_demo
from demo.register import load_demo
from governance import agenda
from importer.service import run_file
from partners.choices import FigureKind, LegalForm
from partners.models import Participant, ParticipationFinancials, Party, PartyFinancials
from tests.importer.importing import row, xlsx
from tests.partners.factories import ParticipationFactory, PartyFactory
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

CENTRUM = "Centrumgemeenteregeling Beschermd Wonen en Maatschappelijke Opvang Groningen"


@pytest.fixture
def demo():
    load_demo()
    load_governance_demo()
    return Party.objects.get(name=CENTRUM)


def test_the_demo_centrumgemeenteregeling_shows_no_cycle_and_vermogen_n_v_t(logged_in_client, demo):
    page = text(logged_in_client.get(demo.get_tab_url("sturing")))
    assert "geen eigen orgaan, begroting of jaarrekening (Wgr art. 8 lid 4)" in page
    assert "Termijnen voor de begroting" not in page and "Kaderbrief" not in page
    assert "te laat" not in page
    page = text(logged_in_client.get(demo.get_tab_url("financien")))
    assert "Eigen en vreemd vermogen: n.v.t." in page
    assert "Groningen n.v.t. centrumgemeente, ontvangt de bijdragen" in page  # the costs table
    assert "niet bekend — 247" not in page
    assert "n.v.t. (centrumgemeente, ontvangt de bijdragen)" in text(
        logged_in_client.get(demo.get_tab_url("deelnemers"))
    )


def test_the_centrumgemeente_pays_no_bijdrage_to_itself_in_the_demo(demo):
    own = ParticipationFinancials.objects.filter(
        participation__party=demo, participation__participant=demo.central_municipality
    )
    assert own.exists()
    assert not own.filter(contribution__gt=0).exists()
    assert ParticipationFinancials.objects.filter(participation__party=demo, contribution__gt=0).count() > 0


def test_the_dashboard_of_the_demo_gemeente_lists_only_parties_with_a_cycle(demo):
    from governance import law

    groningen = demo.central_municipality
    board = agenda.municipality_dashboard(municipality=groningen, today=datetime.date(2026, 3, 1))
    items = [i for i in board.upcoming + board.overdue if i.source != agenda.Source.AFSPRAAK]
    assert items
    assert all(law.has_cycle(i.party.legal_form, by_regeling=i.party.cycle_by_regeling) for i in items)
    assert CENTRUM not in {i.party.name for i in items}


def test_the_centrumgemeente_page_shows_the_task_and_the_bijdragen_it_receives(logged_in_client, demo):
    groningen = demo.central_municipality
    received = sum(
        ParticipationFinancials.objects.filter(
            participation__party=demo, year=2026, kind=FigureKind.BEGROTING, contribution__isnull=False
        ).values_list("contribution", flat=True),
        Decimal(0),
    )
    page = text(logged_in_client.get(groningen.get_tab_url("deelnames") + "?jaar=2026"))
    assert "Taken als centrumgemeente" in page
    euros = f"€ {int(received):,}".replace(",", ".")
    assert f"{CENTRUM} 9 {euros}" in page
    assert "Centrumgemeenteregeling (centrumgemeente)" in page


def test_a_deelnemer_sees_what_it_pays_to_the_centrumgemeente(logged_in_client, demo):
    veendam = Participant.objects.get(code="GM0047")
    paid = ParticipationFinancials.objects.get(
        participation__party=demo, participation__participant=veendam, year=2026, kind=FigureKind.BEGROTING
    ).contribution
    assert paid > 0
    page = text(logged_in_client.get(veendam.get_absolute_url() + "?jaar=2026"))
    assert f"€ {int(paid):,}".replace(",", ".") in page
    assert "Taken als centrumgemeente" not in page


def test_the_paragraaf_of_the_centrumgemeente_says_n_v_t_and_what_it_receives(logged_in_client, demo):
    groningen = demo.central_municipality
    page = text(logged_in_client.get(f"/gemeenten/{groningen.code}/rapportage/2026/begroting"))
    assert "n.v.t.: Groningen is de centrumgemeente en voert de taken uit in de eigen begroting" in page
    assert "ontvangt € " in page
    assert "n.v.t.: zonder eigen vermogen geen waarde van het belang" in page


def test_a_bijdrage_of_the_centrumgemeente_to_itself_is_refused():
    party = PartyFactory(centrum=True, name="Regeling Leerplicht")
    own = ParticipationFactory(party=party, participant=party.central_municipality)
    figures = ParticipationFinancials(participation=own, year=2026, contribution=Decimal("1000"))
    with pytest.raises(ValidationError) as error:
        figures.full_clean()
    assert "is de centrumgemeente van Regeling Leerplicht en betaalt geen bijdrage aan zichzelf" in str(error.value)
    ParticipationFinancials(participation=own, year=2026, contribution=None).full_clean()


@pytest.mark.parametrize("legal_form", [LegalForm.CENTRUMGEMEENTEREGELING, LegalForm.GEMEENSCHAPPELIJK_ORGAAN])
def test_vermogen_of_a_regeling_without_legal_personality_is_refused(legal_form):
    extra = {"centrum": True} if legal_form == LegalForm.CENTRUMGEMEENTEREGELING else {"legal_form": legal_form}
    party = PartyFactory(**extra)
    with pytest.raises(ValidationError) as error:
        PartyFinancials(party=party, year=2026, equity_start=Decimal("5")).full_clean()
    assert "n.v.t." in str(error.value)


def test_the_import_refuses_a_bijdrage_of_the_centrumgemeente_to_itself():
    party = PartyFactory(centrum=True, name="Regeling Leerplicht", central_municipality__name="Centrumstad")
    ParticipationFactory(party=party, participant=party.central_municipality)
    data = xlsx(
        {
            "Financiën deelname": [
                row(
                    "Financiën deelname",
                    partij="Regeling Leerplicht",
                    deelnemer=party.central_municipality.code,
                    jaar=2026,
                    soort="Begroting",
                    bijdrage=1000,
                )
            ]
        }
    )
    report = run_file(data=data, filename="register.xlsx", dry_run=False)
    assert not report.ok
    assert any("Centrumstad is de centrumgemeente van Regeling Leerplicht" in p.message for p in report.problems)
    assert not ParticipationFinancials.objects.exists()


def test_the_paragraaf_overview_of_the_centrumgemeente_prints_n_v_t_not_niet_bekend(demo):
    from reports.paragraph import paragraph_report

    report = paragraph_report(municipality=demo.central_municipality, year=2026, variant="begroting", internal=True)
    section = next(s for s in report.parties if s.party == demo)
    assert section.row.is_central
    assert not section.contribution_applies  # the overview's bijdrage cell: n.v.t.
    assert not section.interest_applies  # belang 1-1 and 31-12: n.v.t.
    assert not section.dividend_applies  # no dividend column value
    # Nothing of the regeling counts as an unknown in the totals, and it leaves no gap in the check.
    assert all(gap.party_name != demo.name for gap in report.gaps)
    category = next(c for c in report.categories if section in c.parties)
    assert category.total_contribution.unknown == 0
    assert category.total_interest_start.unknown == 0


def test_the_factsheet_pdf_of_the_centrumgemeente_names_the_bijdragen_it_receives(logged_in_client, demo):
    from partners.selectors import party_detail_queryset
    from reports.factsheet import assemble_factsheet

    party = party_detail_queryset(year=2026).get(pk=demo.pk)
    sheet = assemble_factsheet(
        party=party, year=2026, user=None, today=datetime.date(2026, 3, 1), gemeente=demo.central_municipality
    )
    assert sheet.municipality.row.is_central
    assert not sheet.municipality.row.contribution_applies
    # The centrumgemeente's own row is not among the bijdragen counted as unknown.
    assert sheet.total_contribution.count == len([r for r in sheet.rows if not r.is_central])
    assert sheet.total_contribution.amount > 0
