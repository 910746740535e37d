"""The Financiële belangen and Niet bekend sheets: dry run, every error of a row, all rows or none, and
the same file again changes nothing."""

from decimal import Decimal

import pytest

from importer.service import check, run_file
from partners.interests import DeclaredUnknown, FinancialInterest
from partners.models import Participant
from tests.importer.importing import HEADERS, register_state, row, xlsx
from tests.partners.factories import ParticipationFactory, PartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bng(db):
    party = PartyFactory(name="BNG Bank N.V.", abbreviation="BNG", legal_form="nv")
    for code in ("GM0518", "GM0796"):  # 's-Gravenhage, 's-Hertogenbosch
        ParticipationFactory(party=party, participant=Participant.objects.get(code=code))
    return party


def messages(data):
    return [f"{p.sheet}|{p.row}|{p.column}|{p.message}" for p in check(data, "f.xlsx").report.problems]


def interest(**values):
    return row("Financiële belangen", **values)


INTERESTS = [
    interest(partij="BNG", deelnemer="Den Haag", jaar=2025, vorm="Kapitaalverstrekking / aandelen",
             aantal_aandelen="1.254.000", nominale_waarde_per_aandeel="2,50", gestort_bedrag="3.135.000",
             boekwaarde_1_1="3.135.000", boekwaarde_31_12="3.135.000"),
    interest(partij="BNG", deelnemer="Den Haag", jaar=2025, vorm="Lening", hoofdsom_lening="3.600.000",
             restant_lening_1_1="2.400.000", restant_lening_31_12="1.800.000", toelichting="Achtergestelde lening"),
    interest(partij="BNG", deelnemer="Den Haag", jaar=2025, vorm="Lening", hoofdsom_lening="1.000.000",
             toelichting="Tweede lening"),
    interest(partij="BNG Bank N.V.", deelnemer="Den Bosch", jaar=2025, vorm="Garantstelling",
             bedrag_garantie_of_aansprakelijkheid="750.000"),
]  # fmt: skip


def test_financial_interests_are_imported_once_and_two_loans_are_told_apart_by_their_toelichting(bng):
    data = xlsx({"Financiële belangen": INTERESTS})
    assert check(data, "f.xlsx").report.counts["Financiële belangen"].created == 4
    assert not FinancialInterest.objects.exists()  # the dry run writes nothing

    report = run_file(data=data, filename="f.xlsx", dry_run=False)

    assert report.ok, report.lines()
    shares = FinancialInterest.objects.get(form="kapitaal")
    assert (shares.participation.participant.code, shares.shares_count, shares.nominal_value, shares.paid_in) == (
        "GM0518", 1_254_000, Decimal("2.50"), Decimal("3135000"),
    )  # fmt: skip
    assert sorted(FinancialInterest.objects.filter(form="lening").values_list("note", "principal")) == [
        ("Achtergestelde lening", Decimal("3600000")),
        ("Tweede lening", Decimal("1000000")),
    ]
    assert FinancialInterest.objects.get(form="garantie").amount == 750_000
    before = register_state()
    again = run_file(data=data, filename="f.xlsx", dry_run=False)
    assert again.counts["Financiële belangen"].unchanged == 4
    assert register_state() == before


def test_one_interest_of_a_form_is_updated_whatever_its_toelichting_and_amounts_may_be_in_thousands(bng):
    run_file(data=xlsx({"Financiële belangen": INTERESTS[:1]}), filename="f.xlsx", dry_run=False)
    headers = [h if h != "Gestort bedrag" else "Gestort bedrag (x € 1.000)" for h in HEADERS["Financiële belangen"]]
    changed = interest(partij="BNG", deelnemer="GM0518", jaar=2025, vorm="kapitaal", aantal_aandelen=1_254_000,
                       gestort_bedrag="3.200", toelichting="Aandelen BNG")  # fmt: skip

    plan = check(xlsx({"Financiële belangen": [changed]}, headers={"Financiële belangen": headers}), "f.xlsx")

    assert plan.report.ok, plan.report.lines()
    assert plan.report.counts["Financiële belangen"].updated == 1
    plan.apply()
    shares = FinancialInterest.objects.get()
    assert (shares.paid_in, shares.note, shares.nominal_value) == (Decimal("3200000"), "Aandelen BNG", None)


def test_interest_rows_report_every_error_and_write_nothing(bng):
    before = register_state()
    data = xlsx(
        {
            "Financiële belangen": [
                interest(
                    partij="BNG",
                    deelnemer="Bergen",
                    jaar=2025,
                    vorm="Obligatie",
                    gestort_bedrag="veel",
                    boekwaarde_1_1="-1",
                ),
                interest(partij="BNG", deelnemer="Rijswijk", jaar=2025, vorm="Lening", hoofdsom_lening="-5"),
                INTERESTS[1],
                INTERESTS[1],
            ]
        }
    )
    found = messages(data)
    assert found[:4] == [
        "Financiële belangen|2|Deelnemer|“Bergen” is niet eenduidig: bedoelt u Bergen (NH.) GM0373 of Bergen (L.) "
        "GM0893? Gebruik de volledige naam of de code.",
        "Financiële belangen|2|Vorm|“Obligatie” is geen bekende vorm; kies uit: Kapitaalverstrekking / aandelen; "
        "Lening; Garantstelling; Borgstelling; Aansprakelijkheid voor tekorten.",
        "Financiële belangen|2|Gestort bedrag|“veel” is geen bedrag; verwacht een bedrag in euro's, zoals "
        "1.234.567,89 of € 1.234,50 (punten voor duizendtallen, een komma voor centen).",
        "Financiële belangen|2|Boekwaarde 1-1|Bedragen van een financieel belang kunnen niet negatief zijn.",
    ], found
    assert found[4:] == [
        "Financiële belangen|3|Hoofdsom lening|Bedragen van een financieel belang kunnen niet negatief zijn.",
        "Financiële belangen|3|Deelnemer|Rijswijk (ZH.) neemt niet deel in BNG Bank N.V. Zet de deelname op het "
        "tabblad Deelnames.",
        "Financiële belangen|5|Toelichting|Dit belang (deelnemer, jaar, vorm en toelichting) staat al op rij 4; geef "
        "twee belangen van dezelfde vorm in één jaar elk een eigen toelichting.",
    ], found
    assert not run_file(data=data, filename="f.xlsx", dry_run=False).ok
    assert register_state() == before


def test_figures_declared_niet_bekend_with_their_reason_are_imported_once(bng):
    data = xlsx(
        {
            "Niet bekend": [
                row("Niet bekend", partij="BNG", deelnemer="Den Haag", jaar=2025, gegeven="Vreemd vermogen",
                    reden="De jaarrekening 2025 is nog niet vastgesteld."),
                row("Niet bekend", partij="BNG", deelnemer="Den Bosch", jaar=2025, gegeven="resultaat",
                    reden="Niet gepubliceerd."),
            ]
        }
    )  # fmt: skip
    report = run_file(data=data, filename="f.xlsx", dry_run=False)
    assert report.ok, report.lines()
    assert sorted(DeclaredUnknown.objects.values_list("participation__participant__code", "field", "reason")) == [
        ("GM0518", "vreemd_vermogen", "De jaarrekening 2025 is nog niet vastgesteld."),
        ("GM0796", "resultaat", "Niet gepubliceerd."),
    ]
    before = register_state()
    assert run_file(data=data, filename="f.xlsx", dry_run=False).counts["Niet bekend"].unchanged == 2
    assert register_state() == before


def test_a_niet_bekend_without_reason_or_twice_is_refused(bng):
    data = xlsx(
        {
            "Niet bekend": [
                row("Niet bekend", partij="BNG", deelnemer="Den Haag", jaar=2025, gegeven="Eigen vermogen"),
                row("Niet bekend", partij="BNG", deelnemer="Den Haag", jaar=2025, gegeven="Eigen vermogen", reden="x"),
                row("Niet bekend", partij="BNG", deelnemer="GM0518", jaar=2025, gegeven="Eigen vermogen", reden="y"),
            ]
        }
    )
    assert messages(data) == [
        "Niet bekend|2|Reden|Verplicht: vul “Reden” in.",
        "Niet bekend|4|Gegeven|Dit gegeven van 's-Gravenhage over 2025 staat al op rij 3.",
    ]
