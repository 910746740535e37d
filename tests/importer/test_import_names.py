"""The import finds gemeenten and parties by the names people write: aliases, names without a province
suffix, earlier names in their year, abbreviations; and names the candidates when a name is ambiguous."""

import pytest

from importer.names import ALIASES
from importer.service import check
from partners.models import Participation, PartyFinancials
from tests.importer.importing import row, xlsx
from tests.partners.factories import PartyFactory

pytestmark = pytest.mark.django_db


def deelnames(*names, partij="GGD Test"):
    return xlsx(
        {
            "Partijen": [row("Partijen", naam="GGD Test", rechtsvorm="Openbaar lichaam", vestigingsplaats="Assen")],
            "Deelnames": [row("Deelnames", partij=partij, deelnemer=name) for name in names],
        }
    )


def messages(plan):
    return [p.message for p in plan.report.problems]


def test_den_haag_den_bosch_rijswijk_and_hengelo_are_the_cbs_gemeenten():
    plan = check(deelnames("Den Haag", "Den Bosch", "Rijswijk", "Hengelo", "'s-Gravenhage "), "d.xlsx")
    plan2 = check(deelnames("den haag", "Den Bosch", "Rijswijk", "Hengelo"), "d.xlsx")

    assert messages(plan) == ["'s-Gravenhage staat al op rij 2 als deelnemer in GGD Test."]
    plan2.apply()
    codes = set(Participation.objects.values_list("participant__code", "participant__name"))
    assert codes == {
        ("GM0518", "'s-Gravenhage"),
        ("GM0796", "'s-Hertogenbosch"),
        ("GM0603", "Rijswijk (ZH.)"),
        ("GM0164", "Hengelo (O.)"),
    }


def test_bergen_is_ambiguous_and_the_message_names_both_with_their_codes():
    plan = check(deelnames("Bergen"), "d.xlsx")
    assert messages(plan) == [
        "“Bergen” is niet eenduidig: bedoelt u Bergen (NH.) GM0373 of Bergen (L.) GM0893? Gebruik de volledige "
        "naam of de code."
    ]
    assert check(deelnames("Bergen (L.)"), "d.xlsx").report.ok


def test_an_unknown_name_suggests_the_closest_gemeenten_with_their_codes():
    plan = check(deelnames("Groningn"), "d.xlsx")
    assert messages(plan) == ["Onbekende gemeente of deelnemer “Groningn”. Bedoelt u Groningen GM0014?"]


def test_hengelo_is_looked_up_in_the_year_of_the_figures():
    # In 2003 two gemeenten were called Hengelo: Hengelo (Gld.) GM0248 until 2005, and today's Hengelo (O.).
    party = PartyFactory(name="Twente Milieu", legal_form="bv")
    figures = xlsx(
        {
            "Financiën deelname": [
                row("Financiën deelname", partij=party.name, deelnemer="Hengelo", jaar=2003, soort="Realisatie")
            ]
        }
    )
    assert (
        "is niet eenduidig: bedoelt u Hengelo (O.) GM0164 of Hengelo GM0248?" in messages(check(figures, "f.xlsx"))[0]
    )


def test_a_party_is_found_by_its_abbreviation_when_unique():
    PartyFactory(name="BNG Bank N.V.", abbreviation="BNG", legal_form="nv")
    figures = xlsx(
        {"Financiën partij": [row("Financiën partij", partij="BNG", jaar=2024, soort="Realisatie", resultaat="1.000")]}
    )
    plan = check(figures, "f.xlsx")
    assert plan.report.ok, messages(plan)
    plan.apply()
    assert PartyFinancials.objects.get().party.name == "BNG Bank N.V."


def test_an_abbreviation_of_two_parties_is_not_guessed():
    PartyFactory(name="BNG Bank N.V.", abbreviation="BNG", legal_form="nv")
    PartyFactory(name="Bank Nederlandse Gemeenten Holding", abbreviation="BNG", legal_form="bv")
    figures = xlsx({"Financiën partij": [row("Financiën partij", partij="BNG", jaar=2024, soort="Realisatie")]})
    assert "Er zijn meerdere partijen met de naam “BNG”" in messages(check(figures, "f.xlsx"))[0]


def test_every_alias_points_to_a_gemeente_of_the_reference_data():
    from partners.models import Participant

    names = set(Participant.objects.values_list("name", flat=True))
    assert set(ALIASES.values()) <= names


def test_the_check_report_shows_each_name_as_it_was_read_so_a_wrong_match_is_seen_before_confirming():
    PartyFactory(name="BNG Bank N.V.", abbreviation="BNG", legal_form="nv")
    data = xlsx(
        {
            "Partijen": [row("Partijen", naam="GGD Test", rechtsvorm="Openbaar lichaam", vestigingsplaats="Assen")],
            "Deelnames": [
                row("Deelnames", partij="GGD Test", deelnemer="Den Haag"),
                row("Deelnames", partij="GGD Test", deelnemer="GM0014"),
                row("Deelnames", partij="BNG", deelnemer="den haag"),
                row("Deelnames", partij="BNG", deelnemer="Rijswijk"),
            ],
        }
    )
    names = [
        (n["sheet"], n["row"], n["column"], n["entered"], n["found"], n["count"])
        for n in check(data, "d.xlsx").report.names
    ]
    # A code and a name written as the register writes it say themselves; each other name once.
    assert names == [
        ("Deelnames", 2, "Deelnemer", "Den Haag", "'s-Gravenhage GM0518", 2),
        ("Deelnames", 4, "Partij", "BNG", "BNG Bank N.V.", 2),
        ("Deelnames", 5, "Deelnemer", "Rijswijk", "Rijswijk (ZH.) GM0603", 1),
    ]


def test_the_report_page_lists_the_names_as_read(client, django_user_model):
    from django.contrib.auth.models import Group

    from importer.service import start
    from partners.roles import BEHEERDER
    from tests.conftest import pass_two_factor
    from tests.partners.pages import text

    user = django_user_model.objects.create_user(username="beheer", password="x")
    user.groups.add(Group.objects.get(name=BEHEERDER))
    run = start(data=deelnames("Den Bosch", "Bergen"), filename="d.xlsx", user=user)
    page = text(pass_two_factor(client, user).get(run.get_absolute_url()))
    assert "Namen anders geschreven dan in het register: zo worden ze gelezen" in page
    assert "Deelnames 2 Deelnemer Den Bosch 's-Hertogenbosch GM0796 1" in page
    assert "“Bergen” is niet eenduidig: bedoelt u Bergen (NH.) GM0373 of Bergen (L.) GM0893?" in page
