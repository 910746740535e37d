"""Doelen, indicatoren and belangen: editing in the admin (bad input refused in Dutch, nothing stored
half), the doelen on the factsheet and the page /gemeenten/<code>/doelen/ per begrotingsprogramma."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from governance.models import Criterion, Goal, Indicator, IndicatorValue, ParticipationGovernance
from partners.models import PolicyArea
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory
from tests.partners.pages import table_rows, text
from tests.partners.test_query_counts import count_queries

from .factories import GoalFactory, IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    party = PartyFactory(name="Veiligheidsregio Test", founded_on=datetime.date(2015, 1, 1))
    return IndicatorFactory(goal=GoalFactory(party=party), name="Opkomst binnen normtijd", unit="procent")


def value_rows(*rows):
    data = {
        "values-TOTAL_FORMS": str(len(rows)),
        "values-INITIAL_FORMS": "0",
        "values-MIN_NUM_FORMS": "0",
        "values-MAX_NUM_FORMS": "1000",
    }
    for i, (year, target, actual, source, measured_on) in enumerate(rows):
        data |= {
            f"values-{i}-year": year,
            f"values-{i}-target": target,
            f"values-{i}-actual": actual,
            f"values-{i}-source": source,
            f"values-{i}-measured_on": measured_on,
        }
    return data


def post_indicator(client, indicator, *rows, name="Gewijzigde naam"):
    url = reverse("admin:governance_indicator_change", args=[indicator.pk])
    form = {"goal": indicator.goal.pk, "name": name, "unit": indicator.unit, "direction": indicator.direction}
    return client.post(url, form | {"order": "0"} | value_rows(*rows))


def assert_nothing_stored(indicator):
    indicator.refresh_from_db()
    assert indicator.name == "Opkomst binnen normtijd"
    assert not IndicatorValue.objects.exists()


def test_a_realisatie_for_a_year_before_the_party_existed_is_refused_and_nothing_is_stored(superuser_client, indicator):
    response = post_indicator(
        superuser_client,
        indicator,
        ("2024", "80", "82", "Jaarverslag", "31-12-2024"),
        ("2012", "", "70", "Oud", "31-12-2012"),
    )
    assert response.status_code == 200
    assert (
        "Een realisatie voor 2012 kan niet: Veiligheidsregio Test bestaat sinds 01-01-2015. Kies 2015 of later."
        in text(response)
    )
    assert_nothing_stored(indicator)


def test_a_figure_that_does_not_fit_the_unit_is_refused_in_dutch(superuser_client, indicator):
    response = post_indicator(superuser_client, indicator, ("2024", "80", "120", "Jaarverslag", "31-12-2024"))
    assert response.status_code == 200
    assert "120 past niet bij de eenheid procent: de waarde ligt tussen 0 en 100." in text(response)
    assert_nothing_stored(indicator)


def test_text_in_a_number_field_is_refused_in_dutch(superuser_client, indicator):
    response = post_indicator(superuser_client, indicator, ("2024", "tachtig", "82", "Jaarverslag", "31-12-2024"))
    assert response.status_code == 200
    assert "Voer een getal in." in text(response)
    assert_nothing_stored(indicator)


def test_a_realisatie_needs_a_source_and_a_date_in_its_year(superuser_client, indicator):
    response = post_indicator(superuser_client, indicator, ("2024", "80", "82", "", "31-12-2023"))
    page = text(response)
    assert "Geef de bron van de realisatie." in page
    assert "De peildatum 31-12-2023 ligt vóór 2024" in page
    assert_nothing_stored(indicator)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(indicator=indicator, year=2024, actual=Decimal("82"))


def test_a_valid_indicator_with_its_years_is_stored(superuser_client, indicator):
    response = post_indicator(
        superuser_client,
        indicator,
        ("2024", "80", "82,5", "Jaarverslag 2024", "31-12-2024"),
        ("2026", "84", "", "", ""),
    )
    assert response.status_code == 302
    assert list(indicator.values.order_by("year").values_list("year", "target", "actual")) == [
        (2024, Decimal("80"), Decimal("82.5")),
        (2026, Decimal("84"), None),
    ]


def test_an_own_doel_of_a_gemeente_that_does_not_take_part_is_refused(superuser_client):
    party = PartyFactory()
    outsider = MunicipalityFactory(name="Buitendorp")
    response = superuser_client.post(
        reverse("admin:governance_goal_add"),
        {
            "party": party.pk,
            "municipality": outsider.pk,
            "kind": "doelstelling",
            "title": "Eigen doel",
            "policy_area": PolicyArea.objects.get(code="1").pk,
            "order": "0",
            "indicators-TOTAL_FORMS": "0",
            "indicators-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert f"Buitendorp neemt niet deel in {party}; kies een deelnemer." in text(response)
    assert not Goal.objects.exists()


def goal_with_status(party, title, area_code, target, actual, municipality=None, unit="procent"):
    goal = GoalFactory(
        party=party, title=title, policy_area=PolicyArea.objects.get(code=area_code), municipality=municipality
    )
    IndicatorValueFactory(indicator=IndicatorFactory(goal=goal, unit=unit), target=target, actual=actual)
    return goal


@pytest.fixture
def gemeente_with_goals():
    """A gemeente in two parties; goals with every status; another gemeente's own goal."""
    stad = MunicipalityFactory(name="Doelstad")
    dorp = MunicipalityFactory(name="Doeldorp")
    brandweer = PartyFactory(name="Brandweer Test")
    ggd = PartyFactory(name="GGD Test")
    zonder = PartyFactory(name="Partij Zonder Doelen")
    for party in (brandweer, ggd, zonder):
        ParticipationFactory(party=party, participant=stad)
    ParticipationFactory(party=brandweer, participant=dorp)
    goal_with_status(brandweer, "Snelle hulp", "1", 80, 85)
    goal_with_status(brandweer, "Toezicht gebouwen", "1", 500, 410, unit="aantal")
    goal_with_status(ggd, "Gezond opgroeien", "7", 95, 90)
    goal_with_status(ggd, "Eigen doel van de stad", "7", 10, None, municipality=stad)
    goal_with_status(brandweer, "Eigen doel van het dorp", "1", 6, 6, municipality=dorp)
    governance = ParticipationGovernance.objects.create(
        participation=brandweer.participations.get(participant=stad),
        own_interest="Specialistische zorg voor de stad",
        interest_divergence="Het dorp wil alle posten houden",
    )
    governance.motives.set(Criterion.objects.filter(name__in=["Kwaliteit", "Kwetsbaarheid"]))
    return {"stad": stad, "dorp": dorp, "brandweer": brandweer}


def test_the_doelen_page_groups_the_goals_by_programma_with_their_status(logged_in_client, gemeente_with_goals):
    response = logged_in_client.get(
        reverse("reports:municipality_goals", kwargs={"code": gemeente_with_goals["stad"].code})
    )
    assert response.status_code == 200
    page = text(response)
    assert page.index("Programma 1 Veiligheid") < page.index("Brandweer Test : Snelle hulp behaald")
    assert page.index("Brandweer Test : Toezicht gebouwen niet behaald") < page.index("Programma 7 Volksgezondheid")
    assert "GGD Test : Gezond opgroeien deels behaald" in page
    assert "GGD Test : Eigen doel van de stad niet bekend doelstelling eigen doel van Doelstad" in page
    assert "Eigen doel van het dorp" not in page  # another gemeente's own doel
    assert "behaald 1 deels behaald 1 niet behaald 1 niet bekend 1" in page
    assert "Deels behaald: de streefwaarde is gemist, maar met hooguit 10% van de streefwaarde." in page
    assert (
        "Verbonden partijen zonder doelen Van deze partijen is nog niet vastgelegd wat ze moeten bereiken: "
        "Partij Zonder Doelen" in page
    )
    assert any(row.endswith("2025 500 410 niet behaald Testjaarverslag, 31-12-2025") for row in table_rows(response))


def test_the_doelen_page_is_a_404_for_an_unknown_gemeente(logged_in_client):
    assert logged_in_client.get("/gemeenten/GM9999/doelen/").status_code == 404


def test_the_factsheet_shows_shared_and_own_goals_charts_and_the_belangen(logged_in_client, gemeente_with_goals):
    response = logged_in_client.get(gemeente_with_goals["brandweer"].get_tab_url("doelen"))
    page = text(response)
    body = response.content.decode()
    assert "Doelen en resultaten" in page
    assert "Snelle hulp behaald doelstelling" in page
    assert "Eigen doelen van gemeenten Eigen doel van het dorp behaald doelstelling eigen doel van Doeldorp" in page
    assert "Doelstad Specialistische zorg voor de stad Kwaliteit, Kwetsbaarheid Het dorp wil alle posten houden" in (
        table_rows(response)
    )
    assert body.count('class="chart-svg"') >= 3
    assert 'font-family="DejaVu Sans, Arial, sans-serif"' in body


def build_goals(size):
    gemeente = MunicipalityFactory()
    party = PartyFactory()
    ParticipationFactory(party=party, participant=gemeente)
    for index in range(size):
        goal = GoalFactory(party=party, policy_area=PolicyArea.objects.get(code=str(index % 9)))
        for _ in range(2):
            indicator = IndicatorFactory(goal=goal)
            for year in range(2020, 2020 + size):
                IndicatorValueFactory(indicator=indicator, year=year)
    return gemeente, party


def test_the_doelen_page_and_factsheet_queries_stay_constant_as_goals_and_years_grow(logged_in_client):
    few_gemeente, few_party = build_goals(2)
    many_gemeente, many_party = build_goals(10)
    url = "/gemeenten/{}/doelen/"
    few = count_queries(logged_in_client, url.format(few_gemeente.code))
    many = count_queries(logged_in_client, url.format(many_gemeente.code))
    assert few == many
    assert many <= 9  # session, user, groups, gemeente, parties, doelen, indicatoren, years (+1 spare)
    assert count_queries(logged_in_client, few_party.get_tab_url("doelen")) == count_queries(
        logged_in_client, many_party.get_tab_url("doelen")
    )


def test_the_admin_lists_filter_goals_on_programma_and_status(superuser_client, gemeente_with_goals):
    response = superuser_client.get(reverse("admin:governance_goal_changelist") + "?status=niet_behaald")
    page = text(response)
    assert "Toezicht gebouwen" in page and "Snelle hulp" not in page
    area = PolicyArea.objects.get(code="7")
    response = superuser_client.get(reverse("admin:governance_goal_changelist") + f"?policy_area__id__exact={area.pk}")
    page = text(response)
    assert "Gezond opgroeien" in page and "Snelle hulp" not in page
    response = superuser_client.get(reverse("admin:governance_indicator_changelist") + "?status=behaald")
    assert response.status_code == 200
    assert Indicator.objects.count() == 5


def test_the_goal_admin_edits_indicators_inline_and_the_party_admin_lists_its_goals(
    superuser_client, gemeente_with_goals
):
    goal = Goal.objects.get(title="Snelle hulp")
    response = superuser_client.get(reverse("admin:governance_goal_change", args=[goal.pk]))
    assert response.status_code == 200
    assert 'name="indicators-0-name"' in response.content.decode()
    response = superuser_client.get(reverse("admin:partners_party_change", args=[goal.party.pk]))
    assert 'name="goals-0-title"' in response.content.decode()


def test_a_new_indicator_with_a_year_before_the_party_existed_is_refused_too(superuser_client, indicator):
    response = superuser_client.post(
        reverse("admin:governance_indicator_add"),
        {"goal": indicator.goal.pk, "name": "Nieuwe indicator", "unit": "aantal", "direction": "lager", "order": "0"}
        | value_rows(("2014", "3", "2,5", "Oud verslag", "31-12-2014")),
    )
    page = text(response)
    assert "Een realisatie voor 2014 kan niet: Veiligheidsregio Test bestaat sinds 01-01-2015." in page
    assert "2,5 past niet bij de eenheid aantal: een aantal is een geheel getal." in page
    assert not Indicator.objects.filter(name="Nieuwe indicator").exists()
