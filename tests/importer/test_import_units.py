"""Amounts in thousands or millions, as published paragrafen print them: a unit per column or per sheet,
stored in euros and shown in the check report as they will be stored."""

import pytest

from importer.models import ImportRun
from importer.service import check, start
from importer.values import split_unit
from partners.models import ParticipationFinancials, PartyFinancials
from tests.importer.importing import HEADERS, row, xlsx
from tests.partners.factories import ParticipationFactory, PartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deelname(db):
    from partners.models import Participant

    party = PartyFactory(name="Veiligheidsregio Haaglanden", legal_form="openbaar_lichaam")
    return ParticipationFactory(party=party, participant=Participant.objects.get(code="GM0518"))


def figures_with_headers(headers, *values):
    return xlsx({"Financiën deelname": list(values)}, headers={"Financiën deelname": headers})


def test_a_column_in_thousands_is_stored_in_euros(deelname):
    headers = [h if h != "Bijdrage" else "Bijdrage (x € 1.000)" for h in HEADERS["Financiën deelname"]]
    data = figures_with_headers(
        headers,
        row(
            "Financiën deelname",
            partij="Veiligheidsregio Haaglanden",
            deelnemer="Den Haag",
            jaar=2024,
            soort="Realisatie",
            bijdrage="3.014",
            dividend="12.500",
        ),
    )
    plan = check(data, "f.xlsx")
    assert plan.report.ok, plan.report.problems
    plan.apply()
    figure = ParticipationFinancials.objects.get()
    assert (figure.contribution, figure.dividend) == (3_014_000, 12_500)  # the dividend column has no unit
    assert plan.report.conversions == [
        {
            "sheet": "Financiën deelname",
            "row": 2,
            "column": "Bijdrage",
            "unit": "x € 1.000",
            "entered": "3.014",
            "stored": "€ 3.014.000",
        }
    ]


def test_a_sheet_in_millions_applies_to_all_its_amount_columns(deelname):
    party = PartyFactory(name="BNG Bank N.V.", abbreviation="BNG", legal_form="nv")
    workbook = xlsx(
        {
            "Financiën partij (x € 1 mln)": [
                row(
                    "Financiën partij",
                    partij="BNG",
                    jaar=2024,
                    soort="Realisatie",
                    resultaat="2,5",
                    eigen_vermogen_31_12=5123,
                )
            ]
        },
        headers={"Financiën partij (x € 1 mln)": HEADERS["Financiën partij"]},
    )
    plan = check(workbook, "f.xlsx")
    assert plan.report.ok, plan.report.problems
    plan.apply()
    figure = PartyFinancials.objects.get(party=party)
    assert (figure.result, figure.equity_end) == (2_500_000, 5_123_000_000)


def test_a_unit_on_a_column_without_amounts_is_refused(deelname):
    headers = [h if h != "Jaar" else "Jaar (x € 1.000)" for h in HEADERS["Financiën deelname"]]
    plan = check(figures_with_headers(headers), "f.xlsx")
    assert [p.message for p in plan.report.problems] == [
        "De kolom “Jaar” heeft een eenheid (x € 1.000), maar bevat geen bedragen."
    ]


def test_the_check_report_shows_the_amounts_as_they_will_be_stored(deelname, client, django_user_model):
    from django.contrib.auth.models import Group

    from partners.roles import BEHEERDER
    from tests.conftest import pass_two_factor
    from tests.partners.pages import text

    headers = [h if h != "Bijdrage" else "Bijdrage (bedragen x € 1.000)" for h in HEADERS["Financiën deelname"]]
    data = figures_with_headers(
        headers,
        row(
            "Financiën deelname",
            partij="Veiligheidsregio Haaglanden",
            deelnemer="Den Haag",
            jaar=2024,
            soort="Realisatie",
            bijdrage="3.014",
        ),
    )
    user = django_user_model.objects.create_user(username="beheer", password="x")
    user.groups.add(Group.objects.get(name=BEHEERDER))
    run = start(data=data, filename="f.xlsx", user=user)
    page = text(pass_two_factor(client, user).get(run.get_absolute_url()))
    assert "Financiën deelname 2 Bijdrage x € 1.000 3.014 € 3.014.000" in page
    assert ImportRun.objects.get().conversions[0]["stored"] == "€ 3.014.000"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Bijdrage (x € 1.000)", ("Bijdrage", 1000)),
        ("Bijdrage (bedragen x € 1.000)", ("Bijdrage", 1000)),
        ("Resultaat x €1.000.000", ("Resultaat", 1_000_000)),
        ("Resultaat (€ mln)", ("Resultaat", 1_000_000)),
        ("Eigen vermogen 31-12", ("Eigen vermogen 31-12", 1)),
    ],
)
def test_units_are_read_as_paragrafen_print_them(header, expected):
    assert split_unit(header) == expected
