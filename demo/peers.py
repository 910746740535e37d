"""Demo data for the peer comparison (partners/comparison.py): a kind on each Groninger demo party, and
parties of the same kinds in Drenthe, Fryslân and Overijssel, with bijdragen, inwonertallen and
balance figures, so that every kind has several peers. The demo users see none of these peers: the
comparison counts them in the median without naming them. Illustrative amounts, not real figures.
"""

from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from partners.choices import FigureKind, LegalForm, PartyKind
from partners.models import Participant, Participation, ParticipationFinancials, Party, PartyFinancials, Population

R, B = FigureKind.REALISATIE, FigureKind.BEGROTING
K = PartyKind

# The kind of each Groninger demo party (demo/register.py); parties not named here stay without one.
KINDS = {
    "Veiligheidsregio Groningen": K.VEILIGHEIDSREGIO,
    "Publieke Gezondheid & Zorg Groningen": K.GGD,
    "Omgevingsdienst Groningen": K.OMGEVINGSDIENST,
    "Noordelijk Belastingkantoor": K.BELASTINGSAMENWERKING,
    "Belastingsamenwerking Oost-Groningen": K.BELASTINGSAMENWERKING,
    "Werkvoorzieningschap Oost-Groningen": K.SOCIALE_WERKVOORZIENING,
    "Groninger Archieven": K.ARCHIEF,
    "Afvalbeheer Oost-Groningen": K.AFVALBEDRIJF,
    "Eems Dollard Regio": K.OVERIG,
}

# Province code -> (name in party names, the gemeenten taking part: the first ones of the province).
REGIONS = {"PV22": "Drenthe", "PV21": "Fryslân", "PV23": "IJsselland"}

# Per kind: the name pattern and the bijdrage per inwoner in the demo's first year (2021), in euros,
# per region, and the yearly growth in percent per region. Balance: eigen vermogen, vreemd vermogen
# and resultaat in euros per inwoner.
PEERS = {
    K.VEILIGHEIDSREGIO: ("Veiligheidsregio {}", [52, 61, 57], [3.0, 4.5, 2.2], (8, 30, "0.6")),
    K.GGD: ("GGD {}", [27, 31, 24], [2.5, 3.9, 1.8], (3, 9, "-0.4")),
    K.OMGEVINGSDIENST: ("Omgevingsdienst {}", [17, 22, 19], [4.0, 2.8, 5.1], (2, 7, "0.2")),
    K.BELASTINGSAMENWERKING: ("Belastingsamenwerking {}", [11, 9, 13], [1.5, 2.0, 2.5], (1, 4, "0.1")),
    K.SOCIALE_WERKVOORZIENING: ("Werkvoorziening {}", [38, 45, 33], [-1.0, 0.5, -2.0], (-2, 25, "-1.2")),
    K.ARCHIEF: ("Archief {}", [5, 7, 6], [2.0, 1.0, 3.0], (1, 3, "0.05")),
    K.AFVALBEDRIJF: ("Afvalbedrijf {}", [74, 88, 69], [3.5, 2.5, 4.0], (12, 40, "1.5")),
}
# The names of the parties outside the demo region.
PEER_NAMES = [pattern.format(region) for pattern, *_ in PEERS.values() for region in REGIONS.values()]
FIRST_YEAR = 2021
CONTRIBUTION_YEARS = [(2021, R), (2024, R), (2025, B), (2025, R), (2026, B)]
BALANCE_YEARS = [(2025, R), (2026, B)]
MEMBERS_PER_REGION = 6
SOURCE = "Demogegevens: afgeronde, illustratieve aantallen (geen CBS-cijfers)"


def _inhabitants(code: str, year: int) -> int:
    """A plausible, fixed inwonertal for a gemeente outside the demo region."""
    base = 15_000 + (int(code[2:]) * 7919) % 70_000
    return int((base * (1 + (year - 2025) * Decimal("0.002"))).quantize(Decimal("10"), rounding=ROUND_HALF_UP))


def _members() -> dict[str, list[Participant]]:
    today = date.today()
    found = {}
    for province in REGIONS:
        gemeenten = (
            Participant.objects.municipalities()
            .filter(province__code=province, started_on__lte=today)
            .exclude(ended_on__lte=today)
            .order_by("code")[:MEMBERS_PER_REGION]
        )
        found[province] = list(gemeenten)
    return found


def load_peers_demo() -> Counter:
    stats = Counter()
    for name, kind in KINDS.items():
        stats["soorten_bijgewerkt"] += Party.objects.filter(name=name).exclude(kind=kind).update(kind=kind)
    members = _members()
    population_years = sorted({year for year, _ in CONTRIBUTION_YEARS})
    all_members = [m for group in members.values() for m in group]
    have = set(
        Population.objects.filter(participant__in=all_members, year__in=population_years).values_list(
            "participant_id", "year"
        )
    )
    new_populations = [
        Population(participant=m, year=year, inhabitants=_inhabitants(m.code, year), source=SOURCE)
        for m in all_members
        for year in population_years
        if (m.pk, year) not in have
    ]
    Population.objects.bulk_create(new_populations)
    stats["inwonertallen_nieuw"] += len(new_populations)

    for kind, (pattern, rates, growths, balance) in PEERS.items():
        for index, (province, region) in enumerate(REGIONS.items()):
            name = pattern.format(region)
            party, created = Party.objects.get_or_create(
                name=name,
                defaults={
                    "legal_form": LegalForm.OPENBAAR_LICHAAM,
                    "seat": region if region != "IJsselland" else "Zwolle",
                    "kind": kind,
                    "founded_on": date(2004, 1, 1),
                },
            )
            if not created:
                continue
            stats["vergelijkingspartijen_nieuw"] += 1
            people = {m.pk: _inhabitants(m.code, 2025) for m in members[province]}
            total_people = sum(people.values())
            equity, liabilities, result = balance
            # The third region of a kind has no jaarrekening 2025 yet: a figure "niet bekend".
            for year, figure_kind in BALANCE_YEARS[: 2 if index < 2 else 1]:
                factor = 1 + index * Decimal("0.15")
                own = (equity * total_people * factor).quantize(Decimal("1"))
                PartyFinancials.objects.create(
                    party=party,
                    year=year,
                    kind=figure_kind,
                    equity_start=own,
                    equity_end=own,
                    liabilities_start=Decimal(liabilities * total_people),
                    liabilities_end=Decimal(liabilities * total_people),
                    result=(Decimal(result) * total_people * factor).quantize(Decimal("1")),
                )
            figures = []
            for member in members[province]:
                participation = Participation.objects.create(
                    party=party,
                    participant=member,
                    governance_interest=True,
                    financial_interest=True,
                    share_percentage=(Decimal(100) * people[member.pk] / total_people).quantize(
                        Decimal("0.01"), rounding="ROUND_DOWN"
                    ),
                )
                for year, figure_kind in CONTRIBUTION_YEARS:
                    growth = 1 + Decimal(str(growths[index])) / 100
                    rate = Decimal(rates[index]) * growth ** (year - FIRST_YEAR)
                    figures.append(
                        ParticipationFinancials(
                            participation=participation,
                            year=year,
                            kind=figure_kind,
                            contribution=(rate * _inhabitants(member.code, year)).quantize(Decimal("1")),
                        )
                    )
            ParticipationFinancials.objects.bulk_create(figures)
            stats["vergelijkingscijfers_nieuw"] += len(figures)
    return stats
