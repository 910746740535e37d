"""What a verbonden partij costs over time: the bijdrage per year (realisatie before begroting), per
inwoner, the change against the year before and the first year, and who pays what per inwoner."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from partners import costs, selectors
from partners.choices import FigureKind
from partners.models import Population

from .factories import (
    MunicipalityFactory,
    ParticipantFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PopulationFactory,
)
from .pages import row_of, table_rows, text
from .test_query_counts import count_queries

pytestmark = pytest.mark.django_db

D = Decimal
B, R = FigureKind.BEGROTING, FigureKind.REALISATIE


def pays(participation, year, kind, amount):
    ParticipationFinancialsFactory(participation=participation, year=year, kind=kind, contribution=D(amount))


@pytest.fixture
def region():
    """Party P with gemeente A (10.000 inwoners), gemeente B (30.000) and a waterschap; A also pays party Q."""
    party = PartyFactory(name="Regionale Testdienst")
    other = PartyFactory(name="Tweede Testregeling")
    a = MunicipalityFactory(name="Aadorp")
    b = MunicipalityFactory(name="Beestad")
    water = ParticipantFactory(name="Testwaterschap")
    pa = ParticipationFactory(party=party, participant=a)
    pb = ParticipationFactory(party=party, participant=b)
    pw = ParticipationFactory(party=party, participant=water)
    qa = ParticipationFactory(party=other, participant=a)
    pays(pa, 2024, R, "100000")
    pays(pa, 2025, B, "110000")
    pays(pa, 2025, R, "120000")  # the jaarrekening counts, not the begroting
    pays(pa, 2026, B, "125000")
    pays(pb, 2025, R, "240000")
    pays(pw, 2025, R, "50000")
    pays(qa, 2025, R, "30000")
    for year in (2024, 2025):
        PopulationFactory(participant=a, year=year, inhabitants=10_000)
        PopulationFactory(participant=b, year=year, inhabitants=30_000)
    return {"party": party, "other": other, "a": a, "b": b, "water": water}


def test_the_bijdrage_of_a_year_is_the_realisatie_when_there_is_one_else_the_begroting():
    party = PartyFactory()
    both, only_budget, empty_realisatie = (ParticipationFactory(party=party) for _ in range(3))
    pays(both, 2025, B, "110")
    pays(both, 2025, R, "120")
    pays(only_budget, 2025, B, "90")
    pays(empty_realisatie, 2025, B, "80")
    ParticipationFinancialsFactory(participation=empty_realisatie, year=2025, kind=R, contribution=None)

    rows = {row.participant.pk: row for row in selectors.party_costs(party=party, year=2025).comparison.rows}

    assert (rows[both.participant_id].amount, rows[both.participant_id].budgeted) == (D("120"), False)
    assert (rows[only_budget.participant_id].amount, rows[only_budget.participant_id].budgeted) == (D("90"), True)
    assert (rows[empty_realisatie.participant_id].amount, rows[empty_realisatie.participant_id].budgeted) == (
        D("80"),
        True,
    )


def test_per_inwoner_is_in_cents_and_unknown_without_inwoners_or_with_zero():
    assert costs.per_inhabitant(D("100000"), 30_000) == D("3.33")
    assert costs.per_inhabitant(D("100000"), None) is None
    assert costs.per_inhabitant(D("100000"), 0) is None


def test_a_gemeente_pays_per_year_per_inwoner_with_the_change_against_last_and_first_year(region):
    result = selectors.municipality_costs(municipality=region["a"])
    rows = {row.year: row for row in result.series}
    assert [row.year for row in result.series] == [2024, 2025, 2026]
    assert (rows[2024].amount, rows[2024].per_inhabitant) == (D("100000"), D("10.00"))
    # 120.000 to the party and 30.000 to the other, over its 10.000 inwoners counted once
    assert (rows[2025].amount, rows[2025].inhabitants, rows[2025].per_inhabitant) == (D("150000"), 10_000, D("15.00"))
    assert (rows[2025].change_previous, rows[2025].change_previous_pct) == (D("50000"), D("50.0"))
    assert rows[2026].budgeted and rows[2026].per_inhabitant is None  # no inwonertal for 2026
    assert (rows[2026].change_first, rows[2026].change_first_pct) == (D("25000"), D("25.0"))
    assert rows[2024].change_first is None


def test_the_gemeente_page_shows_the_bijdrage_per_year_and_per_inwoner(logged_in_client, region):
    response = logged_in_client.get(region["a"].get_tab_url("financien"))
    page = text(response)
    assert "Bijdragen door de jaren" in page
    assert row_of(response, "2025") == "2025 € 150.000 jaarrekening 10.000 € 15,00 + € 50.000 +50,0% + € 50.000 +50,0%"
    assert row_of(response, "2026").startswith("2026 € 125.000 begroting niet bekend niet bekend − € 25.000 −16,7%")
    assert "Regionale Testdienst € 100.000 € 120.000 € 125.000 b +25,0%" in table_rows(response)
    assert 'role="img"' in response.content.decode()


def test_the_regional_comparison_ranks_gemeenten_per_inwoner_against_the_weighted_average(region):
    comparison = selectors.party_costs(party=region["party"], year=2025).comparison
    assert [row.participant.name for row in comparison.rows] == ["Aadorp", "Beestad", "Testwaterschap"]
    assert [row.per_inhabitant for row in comparison.rows] == [D("12.00"), D("8.00"), None]
    assert comparison.average == D("9.00")  # 360.000 over 40.000 inwoners, not the mean of 12 and 8
    assert [row.difference for row in comparison.rows] == [D("3.00"), D("-1.00"), None]
    assert comparison.total == D("410000")


def test_a_comparison_of_many_deelnemers_lists_the_highest_and_counts_all(region):
    """Beyond the limit a factsheet lists the highest per inwoner; total and average stay over all."""
    comparison = costs.regional_comparison(
        party=region["party"],
        year=2025,
        rows=[
            costs.ComparisonRow(participant=municipality, amount=D(amount), budgeted=False, inhabitants=1_000)
            for municipality, amount in [(region["a"], "3000"), (region["b"], "1000"), (MunicipalityFactory(), "2000")]
        ]
        + [costs.ComparisonRow(participant=region["water"], amount=D("500"), budgeted=False, inhabitants=None)],
        chart_limit=2,
    )
    assert [row.participant for row in comparison.listed_rows] == [region["a"], comparison.rows[1].participant]
    assert [row.per_inhabitant for row in comparison.municipal_rows] == [D("3.00"), D("2.00")]
    assert (comparison.count, comparison.is_table_cut, comparison.is_chart_cut) == (4, True, True)
    assert comparison.total == D("6500")
    assert comparison.average == D("2.00")  # 6.000 over 3.000 inwoners: the cut-off gemeente counts too
    assert [row.difference for row in comparison.listed_rows] == [D("1.00"), D("0.00")]


def test_the_factsheet_shows_the_comparison_table_and_the_series_of_the_party(logged_in_client, region):
    response = logged_in_client.get(region["party"].get_tab_url("financien") + "?jaar=2025")
    rows = table_rows(response)
    assert "Aadorp € 120.000 jaarrekening 10.000 € 12,00 + € 3,00" in rows
    assert "Beestad € 240.000 jaarrekening 30.000 € 8,00 − € 1,00" in rows
    assert "Testwaterschap € 50.000 jaarrekening n.v.t. n.v.t. —" in rows
    assert row_of(response, "Totaal en gemiddelde") == "Totaal en gemiddelde € 410.000 € 9,00"
    # the waterschap pays, but is not divided by inwoners: 360.000 / 40.000
    assert (
        row_of(response, "2025") == "2025 € 410.000 jaarrekening 40.000 € 9,00 + € 310.000 +310,0% + € 310.000 +310,0%"
    )
    assert "Wie betaalt wat per inwoner in 2025" in text(response)


def test_a_year_without_bijdragen_says_so_on_the_factsheet(logged_in_client, region):
    response = logged_in_client.get(region["party"].get_tab_url("financien") + "?jaar=2030")
    assert "Voor 2030 zijn geen bijdragen van deelnemers geregistreerd." in text(response)


def test_a_population_of_zero_is_refused_in_dutch_by_the_form_and_the_database():
    gemeente = MunicipalityFactory()
    population = Population(participant=gemeente, year=2025, inhabitants=0)
    with pytest.raises(ValidationError) as error:
        population.full_clean()
    assert "Het aantal inwoners moet groter zijn dan 0" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        Population.objects.create(participant=gemeente, year=2025, inhabitants=0)
    assert not Population.objects.exists()


def test_the_admin_refuses_zero_and_text_as_inwoners_and_stores_nothing(superuser_client):
    gemeente = MunicipalityFactory(name="Nuldorp")
    url = reverse("admin:partners_participant_change", args=[gemeente.pk])
    base = {
        "kind": "gemeente",
        "code": gemeente.code,
        "name": "Nuldorp gewijzigd",
        "populations-TOTAL_FORMS": "2",
        "populations-INITIAL_FORMS": "0",
        "populations-MIN_NUM_FORMS": "0",
        "populations-MAX_NUM_FORMS": "1000",
        "populations-0-year": "2024",
        "populations-0-inhabitants": "12000",
        "populations-1-year": "2025",
    }
    response = superuser_client.post(url, base | {"populations-1-inhabitants": "0"})
    assert response.status_code == 200
    assert "Het aantal inwoners moet groter zijn dan 0" in text(response)
    response = superuser_client.post(url, base | {"populations-1-inhabitants": "twaalfduizend"})
    assert response.status_code == 200
    assert "Voer een geheel getal in." in text(response)
    gemeente.refresh_from_db()
    assert gemeente.name == "Nuldorp" and not Population.objects.exists()


def test_only_a_gemeente_has_an_inwonertal():
    population = Population(participant=ParticipantFactory(), year=2025, inhabitants=100)
    with pytest.raises(ValidationError, match="alleen per gemeente"):
        population.full_clean()


def build_costs(size):
    party = PartyFactory()
    for _ in range(size):
        participation = ParticipationFactory(party=party)
        for year in range(2020, 2020 + size):
            pays(participation, year, R, "1000")
            PopulationFactory(participant=participation.participant, year=year)
    return party


def test_the_cost_selectors_use_three_queries_however_many_deelnemers_and_years(django_assert_num_queries):
    few, many = build_costs(2), build_costs(12)
    for party in (few, many):
        with django_assert_num_queries(3):
            result = selectors.party_costs(party=party, year=2021)
            assert result.comparison.rows and result.series
        municipality = party.participations.first().participant
        with django_assert_num_queries(3):
            assert selectors.municipality_costs(municipality=municipality).series


def test_the_factsheet_and_gemeente_page_queries_stay_constant_as_years_and_deelnemers_grow(logged_in_client):
    few, many = build_costs(2), build_costs(12)
    assert count_queries(logged_in_client, few.get_tab_url("financien")) == count_queries(
        logged_in_client, many.get_tab_url("financien")
    )
    few_gemeente = few.participations.first().participant
    many_gemeente = many.participations.first().participant
    assert count_queries(logged_in_client, few_gemeente.get_tab_url("financien")) == count_queries(
        logged_in_client, many_gemeente.get_tab_url("financien")
    )


def test_the_factsheet_says_when_the_comparison_lists_only_the_highest(logged_in_client, region, monkeypatch):
    monkeypatch.setattr(selectors, "FACTSHEET_PARTICIPANTS", 2)
    response = logged_in_client.get(region["party"].get_tab_url("financien") + "?jaar=2025")
    assert "de 2 deelnemers met de hoogste bijdrage per inwoner" in text(response)
    assert "gaan over alle 3 deelnemers" in text(response)
    assert row_of(response, "Totaal en gemiddelde") == "Totaal en gemiddelde € 410.000 € 9,00"
    assert not any(row.startswith("Testwaterschap") for row in table_rows(response))
