"""Demo data of the financial interests of gemeente Groningen and of figures it declared "niet bekend".

Enexis carries every kind of interest at once (aandelen, an aandeelhouderslening, a garantie, and
dividend from demo/register.py); BNG Bank has aandelen. Some figures the parties do not publish are
recorded as deliberately "niet bekend", with the reason, so the demo paragraaf is complete.
"""

from collections import Counter
from decimal import Decimal

from partners.choices import FinancialInterestForm
from partners.interests import Art15Field, DeclaredUnknown, FinancialInterest
from partners.models import Participation

GRONINGEN = "GM0014"
YEARS = (2024, 2025, 2026)

# Aandeelhouderslening to Enexis: repaid in yearly instalments (restant 1-1 per year).
LOAN_PRINCIPAL = Decimal("3600000")
LOAN_BALANCE = {2024: Decimal("2400000"), 2025: Decimal("1800000"), 2026: Decimal("1200000"), 2027: Decimal("600000")}

DECLARED = [
    (
        "Regionaal Inkoopbureau Groninger Gemeenten",
        [Art15Field.EIGEN_VERMOGEN, Art15Field.VREEMD_VERMOGEN],
        "de begroting van het inkoopbureau geeft geen balans; de jaarrekening wordt in juni vastgesteld",
    ),
    (
        "Veiligheidsregio Groningen",
        [Art15Field.VREEMD_VERMOGEN],
        "de begroting van de veiligheidsregio vermeldt het vreemd vermogen niet",
    ),
    ("Eems Dollard Regio", [Art15Field.VREEMD_VERMOGEN], "de EDR publiceert geen balans in haar begroting"),
    (
        "Eems Dollard Regio",
        [Art15Field.VERTEGENWOORDIGING],
        "de gemeente heeft na de raadsverkiezingen nog geen nieuw lid van de raad van de EDR aangewezen",
    ),
    (
        "Stichting Regionaal Energieloket Groningen",
        [Art15Field.VERTEGENWOORDIGING],
        "de gemeente is subsidiegever, niet vertegenwoordigd in het bestuur van de stichting",
    ),
]


def _participation(name: str) -> Participation | None:
    return Participation.objects.filter(party__name=name, participant__code=GRONINGEN).select_related("party").first()


def _sync(stats: Counter, participation: Participation, year: int, form: str, values: dict) -> None:
    _, created = FinancialInterest.objects.update_or_create(
        participation=participation, year=year, form=form, defaults=values
    )
    stats["financiële belangen nieuw" if created else "financiële belangen"] += created


def load_interests_demo() -> Counter:
    stats = Counter()
    for name in ("Enexis Holding N.V.", "BNG Bank N.V."):
        participation = _participation(name)
        if participation is None or not participation.shares_count:
            continue
        paid_in = participation.shares_count * (participation.nominal_value or Decimal("0"))
        for year in YEARS:
            shares = {
                "shares_count": participation.shares_count,
                "nominal_value": participation.nominal_value,
                "paid_in": paid_in,
                "book_value_start": paid_in,
                "book_value_end": paid_in,
            }
            _sync(stats, participation, year, FinancialInterestForm.KAPITAAL, shares)
    enexis = _participation("Enexis Holding N.V.")
    if enexis is not None:
        for year in YEARS:
            loan = {
                "principal": LOAN_PRINCIPAL,
                "balance_start": LOAN_BALANCE[year],
                "balance_end": LOAN_BALANCE[year + 1],
                "book_value_start": LOAN_BALANCE[year],
                "book_value_end": LOAN_BALANCE[year + 1],
                "note": "Aandeelhouderslening na de verkoop van Essent, aflossing in gelijke jaarlijkse termijnen",
            }
            _sync(stats, enexis, year, FinancialInterestForm.LENING, loan)
            guarantee = {
                "amount": Decimal("750000"),
                "note": "Garantstelling voor de financiering van een netverzwaring in de regio",
            }
            _sync(stats, enexis, year, FinancialInterestForm.GARANTIE, guarantee)
    for name, fields, reason in DECLARED:
        participation = _participation(name)
        if participation is None:
            continue
        for year in YEARS:
            for field in fields:
                _, created = DeclaredUnknown.objects.update_or_create(
                    participation=participation, year=year, field=field, defaults={"reason": reason}
                )
                stats["bewust niet bekend"] += created
    return stats
