"""Import of the Vertegenwoordigers and Risico's sheets: Dutch labels in any case, matching on natural
keys, and every kind of bad input refused with its message while the register stays as it was."""

import datetime
from decimal import Decimal

import pytest

from governance.choices import Body, PersonFunction, SeatRole
from governance.models import Person, Seat
from importer.service import run_file
from partners.choices import LegalForm
from partners.models import Participant, Participation, Party
from risks.choices import RiskCategory, RiskStatus
from risks.models import Risk
from tests.importer.importing import HEADERS, csv_file, register_state, row, xlsx

pytestmark = pytest.mark.django_db

REP = "Vertegenwoordigers"
RISKS = "Risico's"


@pytest.fixture(autouse=True)
def register():
    """A party with Groningen and Het Hogeland as deelnemers, a person with a seat, and a risk."""
    party = Party.objects.create(name="Veiligheidsregio Test", slug="vr-test", legal_form=LegalForm.OPENBAAR_LICHAAM,
                                 seat="Groningen")  # fmt: skip
    groningen = Participant.objects.get(code="GM0014")
    Participation.objects.create(party=party, participant=groningen)
    Participation.objects.create(party=party, participant=Participant.objects.get(code="GM1966"))
    person = Person.objects.create(name="Karin Test", function=PersonFunction.BURGEMEESTER, municipality=groningen)
    Seat.objects.create(person=person, party=party, body=Body.ALGEMEEN_BESTUUR, role=SeatRole.VOORZITTER,
                        on_behalf_of=groningen, started_on=datetime.date(2023, 1, 1))  # fmt: skip
    Risk.objects.create(party=party, category=RiskCategory.FINANCIEEL, title="Tekort op de begroting", likelihood=3,
                        impact=4, amount_max=Decimal("250000"), identified_on=datetime.date(2024, 1, 15))  # fmt: skip
    return party


def seat_row(**values):
    base = {"naam": "Karin Test", "functie": "Burgemeester", "gemeente": "GM0014",
            "partij": "Veiligheidsregio Test", "orgaan": "Algemeen bestuur", "rol": "Voorzitter", "namens": "GM0014",
            "begindatum": "01-01-2023"}  # fmt: skip
    return row(REP, **{**base, **values})


def risk_row(**values):
    base = {"partij": "Veiligheidsregio Test", "titel": "Tekort op de begroting", "categorie": "Financieel",
            "kans": 3, "impact": 4, "financieel_gevolg_maximum": 250000,
            "datum_geidentificeerd": "15-01-2024"}  # fmt: skip
    return row(RISKS, **{**base, **values})


def imported(sheets: dict, headers: dict | None = None):
    report = run_file(data=xlsx(sheets, headers=headers), filename="register.xlsx", dry_run=False)
    assert report.ok, report.lines()
    return report


def refused(sheets: dict) -> list[str]:
    """Import the sheets; assert nothing was written and return the problems as 'sheet|row|column|message'."""
    before = register_state()
    report = run_file(data=xlsx(sheets), filename="register.xlsx", dry_run=False)
    assert not report.ok
    assert register_state() == before
    return [f"{p.sheet}|{p.row or ''}|{p.column}|{p.message}" for p in report.problems]


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


# --- what is accepted -------------------------------------------------------------------------


def test_people_seats_and_risks_are_read_with_dutch_labels_in_any_case(register):
    report = imported({
        REP: [
            seat_row(naam="Jan Nieuw", functie="WETHOUDER", gemeente="het hogeland", orgaan="dagelijks BESTUUR",
                     rol="", namens="Het Hogeland", begindatum=datetime.datetime(2024, 3, 1),
                     e_mailadres="jan@hogeland.nl"),
            seat_row(naam="Jan Nieuw", functie="wethouder", gemeente="GM1966", orgaan="Algemeen bestuur", rol="lid",
                     namens="1966", begindatum="01-03-2024", einddatum="31-12-2026", e_mailadres="jan@hogeland.nl"),
            row(REP, naam="Piet Extern", functie="extern"),
        ],
        "Risicos": [
            risk_row(titel="Garantstelling lening", deelnemer="Groningen", categorie="financieel",
                     kans="2 – klein", impact="zeer groot", financieel_gevolg_minimum="€ 100.000",
                     financieel_gevolg_maximum="1.000.000,00", status="BEHEERST", vertrouwelijk="ja",
                     datum_geidentificeerd="01-03-2025", laatst_beoordeeld="01-06-2025"),
        ],
    }, headers={"Risicos": HEADERS[RISKS]})  # fmt: skip

    assert vars(report.counts[REP]) == {"created": 3, "updated": 0, "unchanged": 0, "blank": 0}
    jan = Person.objects.get(name="Jan Nieuw")
    assert (jan.function, jan.municipality.code, jan.email) == (PersonFunction.WETHOUDER, "GM1966", "jan@hogeland.nl")
    seats = sorted(jan.seats.values_list("body", "role", "on_behalf_of__code", "ended_on"))
    assert seats == [
        (Body.ALGEMEEN_BESTUUR, SeatRole.LID, "GM1966", datetime.date(2026, 12, 31)),
        (Body.DAGELIJKS_BESTUUR, SeatRole.LID, "GM1966", None),
    ]
    assert Person.objects.get(name="Piet Extern").municipality is None
    risk = Risk.objects.get(title="Garantstelling lening")
    assert (risk.participation.participant.code, risk.likelihood, risk.impact) == ("GM0014", 2, 5)
    assert (risk.amount_min, risk.amount_max) == (Decimal("100000.00"), Decimal("1000000.00"))
    assert (risk.status, risk.confidential, risk.reviewed_on) == (RiskStatus.BEHEERST, True, datetime.date(2025, 6, 1))
    assert report.counts[RISKS].created == 1


def test_a_person_is_matched_on_name_and_gemeente_and_a_seat_on_its_start(register):
    report = imported({REP: [
        seat_row(naam="karin test", e_mailadres="karin@groningen.nl", einddatum="31-12-2026"),
        seat_row(gemeente="Het Hogeland", namens="GM1966"),
    ]})  # fmt: skip

    assert vars(report.counts[REP]) == {"created": 1, "updated": 1, "unchanged": 0, "blank": 0}
    karin = Person.objects.get(name="karin test", municipality__code="GM0014")  # the name as the file spells it
    assert karin.email == "karin@groningen.nl"
    assert karin.seats.get().ended_on == datetime.date(2026, 12, 31)
    # A namesake acting for another gemeente is another person.
    assert Person.objects.filter(name__iexact="Karin Test").count() == 2


def test_a_risk_is_matched_on_party_title_and_participant(register):
    report = imported({RISKS: [
        risk_row(titel="tekort op de BEGROTING", kans=4, datum_geidentificeerd=None),
        risk_row(deelnemer="GM0014"),  # the same title on Groningen's own deelname is another risk
    ]})  # fmt: skip

    assert vars(report.counts[RISKS]) == {"created": 1, "updated": 1, "unchanged": 0, "blank": 0}
    whole = Risk.objects.get(participation__isnull=True)
    assert (whole.likelihood, whole.title) == (4, "tekort op de BEGROTING")
    assert whole.identified_on == datetime.date(2024, 1, 15)  # an empty date keeps the stored one
    assert Risk.objects.get(participation__participant__code="GM0014").identified_on == datetime.date(2024, 1, 15)


def test_a_seat_that_ends_where_the_next_starts_is_no_overlap(register):
    report = imported({REP: [
        seat_row(einddatum="31-12-2024"),
        seat_row(begindatum="01-01-2025"),
    ]})  # fmt: skip
    assert vars(report.counts[REP]) == {"created": 1, "updated": 1, "unchanged": 0, "blank": 0}


def test_csv_files_of_representatives_and_of_risks_are_recognised_by_their_headers(register):
    people = csv_file(["Naam", "Functie", "Gemeente"], [["Roos Nieuw", "Ambtenaar", "Groningen"]])
    risks = csv_file(["Partij", "Titel", "Categorie", "Kans", "Impact"],
                     [["Veiligheidsregio Test", "Uittreding", "Bestuurlijk", "1", "2"]])  # fmt: skip

    first = run_file(data=people, filename="export.csv", dry_run=False)
    second = run_file(data=risks, filename="export.csv", dry_run=False)

    assert list(first.counts) == [REP] and list(second.counts) == [RISKS]
    assert Person.objects.get(name="Roos Nieuw").function == PersonFunction.AMBTENAAR
    assert Risk.objects.get(title="Uittreding").category == RiskCategory.BESTUURLIJK


# --- what is refused ----------------------------------------------------------------------------


def test_an_unknown_gemeente_is_refused():
    problem = only(refused({REP: [seat_row(naam="Nieuw", gemeente="Atlantis")]}))
    assert problem == (
        f"{REP}|2|Gemeente|Onbekende gemeente of deelnemer “Atlantis”. Gebruik de CBS-code (GM0014) of de naam van "
        "een gemeente zoals die in het register staat."
    )


def test_a_provincie_is_not_a_gemeente_a_person_acts_for():
    problem = only(refused({REP: [seat_row(naam="Nieuw", gemeente="PV20")]}))
    assert problem == (
        f"{REP}|2|Gemeente|Groningen (PV20) is een provincie, geen gemeente. Vul een gemeente in, of laat de cel "
        "leeg bij een extern lid."
    )


def test_an_unknown_party_is_refused_for_a_seat_and_for_a_risk():
    problems = refused({REP: [seat_row(partij="Nergens")], RISKS: [risk_row(partij="Nergens")]})
    message = (
        "Partij|Onbekende partij “Nergens”. Zet de partij op het tabblad Partijen of gebruik de naam zoals die in "
        "het register staat."
    )
    assert problems == [f"{REP}|2|{message}", f"{RISKS}|2|{message}"]


def test_a_kans_class_outside_1_to_5_is_refused_with_the_classes():
    problem = only(refused({RISKS: [risk_row(kans=7)]}))
    assert problem == (
        f"{RISKS}|2|Kans|“7” is geen kansklasse; kies een kansklasse van 1 tot en met 5: 1 – zeer klein; 2 – klein; "
        "3 – gemiddeld; 4 – groot; 5 – zeer groot."
    )


def test_an_impact_by_an_unknown_name_is_refused():
    problem = only(refused({RISKS: [risk_row(impact="catastrofaal")]}))
    assert problem.startswith(f"{RISKS}|2|Impact|“catastrofaal” is geen impactklasse; kies een impactklasse van 1")


def test_a_minimum_above_the_maximum_is_refused():
    problem = only(refused({RISKS: [risk_row(financieel_gevolg_minimum="300.000")]}))
    assert problem == (
        f"{RISKS}|2|Financieel gevolg minimum|Het minimum ligt boven het maximum van het financiële gevolg."
    )


def test_a_minimum_without_a_maximum_is_refused():
    problem = only(refused({RISKS: [risk_row(financieel_gevolg_minimum="1.000", financieel_gevolg_maximum=None)]}))
    assert problem == (
        f"{RISKS}|2|Financieel gevolg maximum|Vul bij een minimum ook het maximum in (bij één bedrag alleen het "
        "maximum)."
    )


def test_a_negative_consequence_is_refused():
    problem = only(refused({RISKS: [risk_row(financieel_gevolg_maximum="-5.000")]}))
    assert problem == f"{RISKS}|2|Financieel gevolg maximum|Een financieel gevolg kan niet negatief zijn."


def test_text_in_an_amount_column_is_refused():
    problem = only(refused({RISKS: [risk_row(financieel_gevolg_maximum="ongeveer een ton")]}))
    assert problem.startswith(f"{RISKS}|2|Financieel gevolg maximum|“ongeveer een ton” is geen bedrag; verwacht")


def test_a_review_before_the_identification_is_refused_with_the_constraint_message():
    problem = only(refused({RISKS: [risk_row(laatst_beoordeeld="01-01-2020")]}))
    assert problem == f"{RISKS}|2|Laatst beoordeeld|De datum van beoordeling ligt vóór de datum van identificatie."


def test_a_risk_on_a_deelname_that_does_not_exist_is_refused():
    problem = only(refused({RISKS: [risk_row(deelnemer="Almere")]}))
    assert problem == (
        f"{RISKS}|2|Deelnemer|Almere neemt niet deel in Veiligheidsregio Test. Zet de deelname op het tabblad "
        "Deelnames."
    )


def test_the_same_risk_twice_in_the_file_names_the_first_row():
    problem = only(refused({RISKS: [risk_row(titel="Nieuw risico"), risk_row(titel="nieuw RISICO")]}))
    assert problem == (
        f"{RISKS}|3|Titel|Dit risico (partij, titel en deelnemer) staat al op rij 2; geef elk risico van een partij "
        "een eigen titel."
    )


def test_an_unknown_category_and_an_unknown_body_list_the_allowed_values():
    problems = refused({RISKS: [risk_row(categorie="Juridisch")], REP: [seat_row(orgaan="Raad van bestuur")]})
    assert problems == [
        f"{RISKS}|2|Categorie|“Juridisch” is geen bekende categorie; kies uit: Bestuurlijk; Beleidsmatig; Financieel.",
        f"{REP}|2|Orgaan|“Raad van bestuur” is geen bekend orgaan; kies uit: Algemeen bestuur; Dagelijks bestuur; "
        "Bestuur van een bedrijfsvoeringsorganisatie; Algemene vergadering van aandeelhouders; Raad van toezicht / "
        "commissarissen; Gemeenschappelijke adviescommissie; Ambtelijk overleg.",
    ]


def test_a_seat_overlapping_a_stored_seat_is_refused_with_the_models_message():
    problem = only(refused({REP: [seat_row(begindatum="01-06-2024")]}))
    assert problem == (
        f"{REP}|2|Begindatum|Karin Test is in deze periode al voorzitter van het algemeen bestuur van "
        "Veiligheidsregio Test (01-01-2023 zonder einddatum). Laat de zetels niet overlappen: pas de begin- of "
        "einddatum aan."
    )


def test_overlapping_seats_within_the_file_are_refused_on_the_later_row_which_does_not_count():
    sheets = {REP: [
        seat_row(naam="Nieuw", orgaan="Dagelijks bestuur", rol="Lid", begindatum="01-01-2024", einddatum="31-12-2025"),
        seat_row(naam="Nieuw", orgaan="Dagelijks bestuur", rol="Lid", begindatum="01-06-2025"),
    ]}  # fmt: skip
    problem = only(refused(sheets))
    report = run_file(data=xlsx(sheets), filename="register.xlsx", dry_run=True)
    assert vars(report.counts[REP]) == {"created": 1, "updated": 0, "unchanged": 0, "blank": 0}
    assert problem == (
        f"{REP}|3|Begindatum|Nieuw is in deze periode al lid van het dagelijks bestuur van Veiligheidsregio Test "
        "(01-01-2024 tot en met 31-12-2025). Laat de zetels niet overlappen: pas de begin- of einddatum aan."
    )


def test_a_seat_ending_before_it_starts_is_refused():
    problem = only(refused({REP: [seat_row(orgaan="Dagelijks bestuur", einddatum="31-12-2022")]}))
    assert problem == f"{REP}|2|Einddatum|De einddatum van de zetel ligt vóór de begindatum."


def test_a_seat_on_behalf_of_a_non_participant_is_refused():
    problem = only(refused({REP: [seat_row(orgaan="Dagelijks bestuur", namens="Almere")]}))
    assert problem == (
        f"{REP}|2|Namens|Almere neemt niet deel in Veiligheidsregio Test; kies een deelnemer, zet de "
        "deelname op het tabblad Deelnames of laat “Namens” leeg."
    )


def test_a_seat_without_body_or_start_is_refused():
    problems = refused({REP: [seat_row(orgaan=None, begindatum=None)]})
    assert problems == [
        f"{REP}|2|Orgaan|Verplicht bij een zetel: vul “Orgaan” in.",
        f"{REP}|2|Begindatum|Verplicht bij een zetel: vul “Begindatum” in.",
    ]


def test_seat_columns_without_a_party_are_refused():
    problem = only(refused({REP: [seat_row(partij=None)]}))
    assert problem.startswith(f"{REP}|2|Partij|Vul de partij in bij een zetel (Orgaan, Namens, Begindatum")


def test_one_person_with_two_functions_is_refused():
    problem = only(refused({REP: [
        seat_row(naam="Nieuw"),
        seat_row(naam="Nieuw", functie="Raadslid", orgaan="Dagelijks bestuur"),
    ]}))  # fmt: skip
    assert problem == (
        f"{REP}|3|Functie|Nieuw staat op rij 2 met functie “Burgemeester”, hier met “Raadslid”. Vul per persoon op "
        "elke rij dezelfde functie, e-mail en telefoon in."
    )


def test_an_unknown_function_is_refused_with_the_functions():
    problem = only(refused({REP: [row(REP, naam="Nieuw", functie="Directeur")]}))
    assert problem == (
        f"{REP}|2|Functie|“Directeur” is geen bekende functie; kies uit: Burgemeester; Wethouder; Raadslid; "
        "Ambtenaar; Extern."
    )


def test_a_bad_email_address_is_refused():
    problem = only(refused({REP: [row(REP, naam="Nieuw", functie="Extern", e_mailadres="geen-adres")]}))
    assert problem == f"{REP}|2|E-mailadres|Voer een geldig e-mailadres in."


def test_the_register_in_the_template_takes_the_same_queries_for_few_and_many_people_seats_and_risks(register):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from importer.workbook import template_workbook

    groningen = Participant.objects.get(code="GM0014")
    sizes = []
    for extra in (1, 10):
        for i in range(extra):
            person = Person.objects.create(name=f"Extra {extra}-{i}", function=PersonFunction.RAADSLID,
                                           municipality=groningen)  # fmt: skip
            Seat.objects.create(person=person, party=register, body=Body.ADVIESCOMMISSIE, on_behalf_of=groningen,
                                started_on=datetime.date(2024, 1, 1))  # fmt: skip
            Risk.objects.create(party=register, participation=register.participations.get(participant=groningen),
                                category=RiskCategory.BESTUURLIJK, title=f"Extra {extra}-{i}", likelihood=1,
                                impact=1)  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            template_workbook(with_register=True)
        sizes.append(len(queries))
    assert sizes[0] == sizes[1]
