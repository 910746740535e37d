"""Gemeenten through time (partners/data/gemeenten-sinds-2000.csv): a gemeente takes part only while it
exists, pages of a year show the gemeenten and names of that year, and the import answers in Dutch
when a row names a gemeente for a year it no longer (or not yet) existed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from importer.service import run_file
from partners.choices import ParticipantKind
from partners.models import Participant, Participation, ParticipationFinancials
from partners.reference_data import parse_earlier_names
from tests.importer.importing import row, xlsx
from tests.partners.factories import ParticipationFactory, PartyFactory
from tests.partners.pages import text
from tests.reports.test_reports import pdf_text

pytestmark = pytest.mark.django_db

D = datetime.date


def gemeente(name: str) -> Participant:
    return Participant.objects.get(kind=ParticipantKind.GEMEENTE, name=name)


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_migrate_loads_the_608_gemeenten_since_2000_with_their_dates_and_earlier_names():
    municipalities = Participant.objects.municipalities()
    assert municipalities.count() == 608
    assert municipalities.filter(ended_on__isnull=True).count() == 342
    assert gemeente("Weesp").ended_on == D(2022, 3, 24)
    assert gemeente("Appingedam").ended_on == D(2021, 1, 1)
    assert gemeente("Eemsdelta").started_on == D(2021, 1, 1)
    hengelo = Participant.objects.get(code="GM0164")
    assert hengelo.earlier_names == [{"naam": "Hengelo", "tot_en_met": 2024}]
    assert (hengelo.name_in(2024), hengelo.name_in(2025)) == ("Hengelo", "Hengelo (O.)")


def test_an_earlier_name_in_another_form_is_refused():
    with pytest.raises(ValueError, match="niet de vorm"):
        parse_earlier_names("Hengelo tot 2024")


def test_a_gemeente_cannot_join_after_it_ceased_to_exist():
    participation = Participation(party=PartyFactory(), participant=gemeente("Weesp"), joined_on=D(2023, 1, 1))
    with pytest.raises(ValidationError) as error:
        participation.full_clean()
    assert "Weesp bestaat sinds 24-03-2022 niet meer: een toetreding op 01-01-2023 kan niet." in messages(error.value)


def test_a_gemeente_cannot_join_before_it_existed():
    participation = Participation(party=PartyFactory(), participant=gemeente("Eemsdelta"), joined_on=D(2020, 6, 1))
    with pytest.raises(ValidationError) as error:
        participation.full_clean()
    assert "Eemsdelta bestaat pas sinds 01-01-2021" in messages(error.value)


def test_a_former_gemeente_takes_part_in_the_years_it_existed():
    appingedam = gemeente("Appingedam")
    participation = ParticipationFactory(participant=appingedam, joined_on=D(2010, 1, 1))
    participation.full_clean()
    assert Participation.objects.active_in_year(2020).filter(pk=participation.pk).exists()
    assert not Participation.objects.active_in_year(2021).filter(pk=participation.pk).exists()
    with pytest.raises(ValidationError) as error:
        ParticipationFinancials(participation=participation, year=2021, contribution=Decimal(1)).full_clean()
    assert "Appingedam bestaat sinds 01-01-2021 niet meer: cijfers over 2021 kunnen niet." in messages(error.value)


def test_the_list_of_gemeenten_shows_those_of_today_or_of_the_chosen_year(logged_in_client):
    today = text(logged_in_client.get("/gemeenten/?q=dam"))
    assert "Eemsdelta" not in today  # not matched by "dam"
    assert "Appingedam" not in today and "Amsterdam" in today
    in_2020 = text(logged_in_client.get("/gemeenten/?q=delf&jaar=2020"))
    assert "Delfzijl" in in_2020
    assert "Eemsdelta" not in text(logged_in_client.get("/gemeenten/?q=eems&jaar=2020"))
    assert "Eemsdelta" in text(logged_in_client.get("/gemeenten/?q=eems&jaar=2021"))


def test_a_merged_gemeente_says_when_and_into_which_gemeente(logged_in_client):
    appingedam, eemsdelta = gemeente("Appingedam"), gemeente("Eemsdelta")
    page = text(logged_in_client.get(appingedam.get_absolute_url()))
    assert "Appingedam bestaat sinds 01-01-2021 niet meer (herindeling" in page
    appingedam.successor = eemsdelta
    appingedam.full_clean()
    appingedam.save()
    page = text(logged_in_client.get(appingedam.get_absolute_url()))
    assert "Appingedam bestaat sinds 01-01-2021 niet meer: opgegaan in Eemsdelta (herindeling)" in page
    assert "Gemeente Appingedam" in page and "2020" in page  # opens on its last year


def test_a_successor_needs_an_einddatum():
    groningen = gemeente("Groningen")
    groningen.successor = gemeente("Eemsdelta")
    with pytest.raises(ValidationError) as error:
        groningen.full_clean()
    assert "Vul de einddatum in" in messages(error.value)


def test_a_renamed_gemeente_keeps_its_code_and_shows_the_name_of_the_year(logged_in_client):
    hengelo = Participant.objects.get(code="GM0164")
    assert "Gemeente Hengelo In 2020 heette de gemeente Hengelo; nu Hengelo (O.)" in text(
        logged_in_client.get(hengelo.get_absolute_url() + "?jaar=2020")
    )
    assert "Gemeente Hengelo (O.)" in text(logged_in_client.get(hengelo.get_absolute_url() + "?jaar=2025"))
    participation = ParticipationFactory(participant=hengelo, party__name="Regio Twente test")
    page = text(logged_in_client.get(participation.party.get_tab_url("deelnemers") + "?jaar=2020"))
    assert "Hengelo Ja" in page or "Hengelo ja" in page


def report_url(*, code, year, variant, fmt=None):
    return f"/gemeenten/{code}/rapportage/{year}/{variant}" + (f".{fmt}" if fmt else "")


def figures_row(participant, year, amount=1000):
    return row(
        "Financiën deelname",
        partij="Regio Test",
        deelnemer=participant,
        jaar=year,
        soort="Begroting",
        bijdrage=amount,
    )


def test_the_import_answers_that_weesp_no_longer_exists_in_2023():
    ParticipationFactory(party__name="Regio Test", participant=gemeente("Weesp"))
    report = run_file(data=xlsx({"Financiën deelname": [figures_row("Weesp", 2023)]}), filename="r.xlsx", dry_run=False)
    assert not report.ok
    assert [p.message for p in report.problems] == [
        "Weesp bestaat sinds 24-03-2022 niet meer: cijfers over 2023 kunnen niet."
    ]
    assert not ParticipationFinancials.objects.exists()


def test_the_import_refuses_a_toetreding_of_a_gemeente_after_its_einddatum():
    PartyFactory(name="Regio Test")
    data = xlsx(
        {"Deelnames": [row("Deelnames", partij="Regio Test", deelnemer="GM0003", datum_toetreding="2021-06-01")]}
    )
    report = run_file(data=data, filename="r.xlsx", dry_run=False)
    assert not report.ok
    assert "Appingedam bestaat sinds 01-01-2021 niet meer" in report.problems[0].message
    assert not Participation.objects.exists()


def test_a_register_of_2020_before_the_herindeling_is_imported_and_reported_for_that_year(logged_in_client):
    """Appingedam, Delfzijl and Loppersum merged into Eemsdelta on 1 January 2021."""
    data = xlsx(
        {
            "Partijen": [
                row("Partijen", naam="Afvalschap Eemsmond", rechtsvorm="Openbaar lichaam", vestigingsplaats="Delfzijl")
            ],
            "Deelnames": [
                row("Deelnames", partij="Afvalschap Eemsmond", deelnemer=name, aandeel="33,3%")
                for name in ("Appingedam", "Delfzijl", "Loppersum")
            ],
            "Financiën deelname": [
                row(
                    "Financiën deelname",
                    partij="Afvalschap Eemsmond",
                    deelnemer="Appingedam",
                    jaar=2020,
                    soort="Begroting",
                    bijdrage=412345,
                )
            ],
        }
    )
    report = run_file(data=data, filename="register-2020.xlsx", dry_run=False)
    assert report.ok, report.problems
    appingedam = gemeente("Appingedam")
    page = text(logged_in_client.get(report_url(code=appingedam.code, year=2020, variant="begroting")))
    assert "Afvalschap Eemsmond" in page and "€ 412.345" in page
    _, pages = pdf_text(
        logged_in_client.get(report_url(code=appingedam.code, year=2020, variant="begroting", fmt="pdf"))
    )
    pdf = " ".join(pages)
    assert "Appingedam" in pdf and "Afvalschap Eemsmond" in pdf and "412.345" in pdf
    # In 2021 Appingedam no longer exists: no participation runs, the page says so.
    page = text(logged_in_client.get(appingedam.get_absolute_url() + "?jaar=2021"))
    assert "Appingedam bestaat sinds 01-01-2021 niet meer: in 2021 nam zij nergens aan deel." in page


def test_the_import_finds_a_renamed_gemeente_by_its_earlier_name_but_asks_for_the_code_when_two_match():
    PartyFactory(name="Regio Test")
    data = xlsx({"Deelnames": [row("Deelnames", partij="Regio Test", deelnemer="Laren")]})
    report = run_file(data=data, filename="r.xlsx", dry_run=False)
    assert report.ok, report.problems
    assert Participation.objects.get().participant.code == "GM0417"  # Laren (NH.), called Laren until 2024
    # "Hengelo" was both GM0248 (Gelderland, until 2005) and GM0164 (Hengelo (O.) until 2024).
    # Today only Hengelo (O.) carries the name; in 2003 both did (the year of a figure counts).
    figure = row("Financiën deelname", partij="Regio Test", deelnemer="Hengelo", jaar=2003, soort="Realisatie")
    data = xlsx({"Financiën deelname": [figure]})
    report = run_file(data=data, filename="r.xlsx", dry_run=False)
    assert not report.ok
    assert "niet eenduidig" in report.problems[0].message and "GM0164" in report.problems[0].message


def test_the_participants_of_a_party_say_when_a_gemeente_ceased_to_exist(logged_in_client):
    participation = ParticipationFactory(participant=gemeente("Weesp"), party__name="Regio Weesp")
    page = text(logged_in_client.get(participation.party.get_tab_url("deelnemers") + "?jaar=2021"))
    assert "Weesp bestaat sinds 24-3-2022 niet meer" in page
