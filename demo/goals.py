"""Demo doelen, indicatoren and belangen for the Groningen region of demo/register.py.

Illustrative targets and figures, not taken from the parties' jaarverslagen. They are chosen so that
every status occurs (behaald, deels behaald, niet behaald, niet bekend), in both directions, with a
shared and an own doel. Idempotent; parties or gemeenten that are missing are skipped.
"""

from collections import Counter
from datetime import date
from decimal import Decimal

from django.db import transaction

from governance.choices import CriterionGroup
from governance.goals import Direction, Unit
from governance.models import Criterion, Goal, GoalKind, Indicator, IndicatorValue, ParticipationGovernance
from partners.models import Participant, Participation, Party, PolicyArea

VRG = "Veiligheidsregio Groningen"
PGZ = "Publieke Gezondheid & Zorg Groningen"
ODG = "Omgevingsdienst Groningen"
BW = "Centrumgemeenteregeling Beschermd Wonen en Maatschappelijke Opvang Groningen"
ARCHIEVEN = "Groninger Archieven"
WARMTESTAD = "WarmteStad B.V."
ENERGIELOKET = "Stichting Regionaal Energieloket Groningen"
EFFECT, DOELSTELLING = GoalKind.EFFECT, GoalKind.DOELSTELLING
HOGER, LAGER = Direction.HOGER, Direction.LAGER

SHARED_INTEREST = {
    VRG: "Eén brandweer- en crisisorganisatie voor de hele provincie, met gelijke zorg in stad en ommeland en "
    "voldoende schaal voor specialistische taken.",
    PGZ: "Publieke gezondheid en jeugdgezondheidszorg op één niveau voor alle Groninger inwoners, met de "
    "deskundigheid die een gemeente alleen niet kan organiseren.",
    ODG: "Deskundige en onafhankelijke vergunningverlening, toezicht en handhaving milieu, zoals de "
    "Omgevingswet voor de basistaken vraagt.",
    WARMTESTAD: "Een betaalbaar en duurzaam warmtenet in de stad Groningen als alternatief voor aardgas.",
}


def years(source: str, rows: dict) -> list[tuple]:
    """{year: (streefwaarde, realisatie)} -> value rows; a realisatie is measured at the end of its year."""
    result = []
    for year, (target, actual) in rows.items():
        result.append(
            (
                year,
                None if target is None else Decimal(str(target)),
                None if actual is None else Decimal(str(actual)),
                f"{source} {year}" if actual is not None else "",
                date(year, 12, 31) if actual is not None else None,
            )
        )
    return result


# (party, own gemeente or None, kind, programma code, title, description, indicatoren)
# indicator: (name, unit, direction, value rows)
GOALS = [
    (
        VRG, None, EFFECT, "1", "Snelle hulp bij brand en ongevallen",
        "De brandweer is binnen de wettelijke opkomsttijd ter plaatse, in stad en ommeland.",
        [
            ("Opkomsten binnen de normtijd", Unit.PROCENT, HOGER, years("Jaarverslag VRG", {
                2022: (80, 76.5), 2023: (80, 78.2), 2024: (82, 80.1), 2025: (82, 83.0), 2026: (84, None),
            })),
            ("Gemiddelde opkomsttijd eerste tankautospuit", Unit.MINUTEN, LAGER, years("Jaarverslag VRG", {
                2023: (8, 8.9), 2024: (8, 8.6), 2025: (8, 8.5), 2026: (8, None),
            })),
        ],
    ),
    (
        VRG, None, DOELSTELLING, "1", "Toezicht op risicovolle gebouwen",
        "Controles brandveiligheid bij gebouwen met een verhoogd risico (zorg, hoogbouw, evenementen).",
        [
            ("Uitgevoerde controles risicovolle objecten", Unit.AANTAL, HOGER, years("Jaarverslag VRG", {
                2023: (450, 455), 2024: (480, 402), 2025: (500, 410), 2026: (500, None),
            })),
        ],
    ),
    (
        VRG, "GM1969", DOELSTELLING, "1", "Brandweerposten in de dorpen blijven bemand",
        "Eigen doel van Westerkwartier: geen sluiting van posten in het landelijk gebied.",
        [
            ("Bemande posten in Westerkwartier", Unit.AANTAL, HOGER, years("Kazernerapportage VRG", {
                2024: (6, 6), 2025: (6, 6),
            })),
        ],
    ),
    (
        PGZ, None, EFFECT, "7", "Gezond opgroeien",
        "Alle kinderen worden gezien door de jeugdgezondheidszorg en zijn beschermd tegen infectieziekten.",
        [
            ("Bereik jeugdgezondheidszorg 0–4 jaar", Unit.PROCENT, HOGER, years("Jaarverslag GGD", {
                2022: (95, 96.1), 2023: (95, 95.4), 2024: (95, 94.8), 2025: (95, 95.2),
            })),
            ("Vaccinatiegraad BMR op 2-jarige leeftijd", Unit.PROCENT, HOGER, years("RIVM-rapportage", {
                2022: (90, 88.1), 2023: (90, 86.9), 2024: (90, 86.0), 2025: (92, None),
            })),
        ],
    ),
    (
        PGZ, None, DOELSTELLING, "6", "Toezicht op de kinderopvang volgens de wet",
        "Elke kinderopvanglocatie wordt jaarlijks geïnspecteerd (Wet kinderopvang).",
        [
            ("Locaties kinderopvang geïnspecteerd", Unit.PROCENT, HOGER, years("Jaarverslag GGD", {
                2023: (100, 100), 2024: (100, 100), 2025: (100, 98.5),
            })),
        ],
    ),
    (
        ODG, None, DOELSTELLING, "7", "Vergunningen op tijd en met kwaliteit",
        "Vergunningen binnen de wettelijke termijn en tevreden aanvragers.",
        [
            ("Vergunningen binnen de wettelijke termijn", Unit.PROCENT, HOGER, years("Jaarverslag ODG", {
                2022: (95, 81), 2023: (95, 84), 2024: (95, 83), 2025: (95, 79), 2026: (95, None),
            })),
            ("Klanttevredenheid aanvragers", Unit.CIJFER, HOGER, years("Klantonderzoek ODG", {
                2023: (7.5, 7.1), 2025: (7.5, 7.3),
            })),
        ],
    ),
    (
        BW, None, EFFECT, "6", "Meer mensen wonen weer zelfstandig",
        "Cliënten van beschermd wonen stromen door naar een eigen woning met begeleiding.",
        [
            ("Uitstroom naar zelfstandig wonen", Unit.AANTAL, HOGER, years("Monitor beschermd wonen", {
                2023: (120, 131), 2024: (140, 152), 2025: (150, 158), 2026: (160, None),
            })),
            ("Gemiddelde wachttijd beschermd wonen", Unit.DAGEN, LAGER, years("Monitor beschermd wonen", {
                2024: (60, 74), 2025: (60, 63),
            })),
        ],
    ),
    (
        ARCHIEVEN, None, DOELSTELLING, "5", "Archieven digitaal raadpleegbaar",
        "Inwoners en onderzoekers vinden de archieven online.",
        [
            ("Gedigitaliseerde archieven", Unit.PROCENT, HOGER, years("Jaarverslag Groninger Archieven", {
                2023: (40, 38), 2024: (50, 51), 2025: (60, 62),
            })),
        ],
    ),
    (
        WARMTESTAD, None, EFFECT, "7", "Aardgasvrije wijken",
        "Woningen en gebouwen op het warmtenet in plaats van op aardgas.",
        [
            ("Aangesloten woningequivalenten", Unit.AANTAL, HOGER, years("Jaarverslag WarmteStad", {
                2022: (6000, 5200), 2023: (8000, 6900), 2024: (10000, 8100), 2025: (12000, 9300),
            })),
        ],
    ),
    (
        WARMTESTAD, "GM0014", DOELSTELLING, "8", "Betaalbare warmte voor huurders",
        "Eigen doel van Groningen: huurders op het warmtenet betalen niet meer dan met aardgas.",
        [
            ("Warmtetarief ten opzichte van de gasreferentie", Unit.PROCENT, LAGER, years("Tarievenbesluit ACM", {
                2024: (100, 97), 2025: (100, 99),
            })),
        ],
    ),
    (
        ENERGIELOKET, None, DOELSTELLING, "8", "Huishoudens geholpen met energiebesparing",
        "Onafhankelijk advies over isoleren en verduurzamen.",
        [
            ("Huishoudens geadviseerd", Unit.AANTAL, HOGER, years("Jaarverslag Energieloket", {
                2026: (4000, None),
            })),
        ],
    ),
]  # fmt: skip

# (party, gemeente) -> (eigen belang, motieven (4 K's), waar de belangen uiteenlopen)
INTERESTS = {
    (VRG, "GM0014"): (
        "De stedelijke risico's (binnenstad, Zernike, hoogbouw, evenementen) vragen specialistische "
        "brandweerzorg die de stad alleen niet kan dragen.",
        ["Kwaliteit", "Kwetsbaarheid"],
        "De ommelandgemeenten willen alle posten in de dorpen houden; Groningen weegt de kosten per inwoner "
        "zwaarder. Besproken bij de kaderbrief 2026.",
    ),
    (VRG, "GM1969"): (
        "Korte opkomsttijden in het landelijk gebied en behoud van de vrijwillige brandweer in de dorpen.",
        ["Klantgerichtheid", "Kwetsbaarheid"],
        "Westerkwartier wil geen posten sluiten, ook als dat de bijdrage per inwoner verhoogt.",
    ),
    (PGZ, "GM0014"): (
        "Jeugdgezondheidszorg dicht bij de wijkteams van de stad.",
        ["Kwaliteit", "Kosten"],
        "",
    ),
    (WARMTESTAD, "GM0014"): (
        "Aardgasvrije stad in 2035 met een warmtenet in publieke handen.",
        ["Kwaliteit", "Klantgerichtheid"],
        "De mede-aandeelhouder stuurt op rendement, de gemeente op betaalbaarheid voor huurders.",
    ),
}


@transaction.atomic
def load_goals_demo() -> Counter:
    """Bring the demo doelen, indicatoren and belangen in line with the lists above."""
    stats = Counter()
    names = {row[0] for row in GOALS} | {party for party, _ in INTERESTS}
    parties = {p.name: p for p in Party.objects.filter(name__in=names)}
    areas = {a.code: a for a in PolicyArea.objects.all()}
    codes = {row[1] for row in GOALS if row[1]} | {code for _, code in INTERESTS}
    participants = {p.code: p for p in Participant.objects.filter(code__in=codes)}

    for name, text in SHARED_INTEREST.items():
        if name in parties and parties[name].shared_interest != text:
            parties[name].shared_interest = text
            parties[name].save(update_fields=["shared_interest"])
            stats["gedeelde_belangen"] += 1

    for order, (name, code, kind, area, title, description, indicators) in enumerate(GOALS):
        if name not in parties or area not in areas or (code and code not in participants):
            continue
        goal, created = Goal.objects.update_or_create(
            party=parties[name],
            municipality=participants.get(code),
            title=title,
            defaults={"kind": kind, "policy_area": areas[area], "description": description, "order": order},
        )
        stats["doelen"] += int(created)
        for position, (indicator_name, unit, direction, rows) in enumerate(indicators):
            indicator, created = Indicator.objects.update_or_create(
                goal=goal, name=indicator_name, defaults={"unit": unit, "direction": direction, "order": position}
            )
            stats["indicatoren"] += int(created)
            for year, target, actual, source, measured_on in rows:
                _, created = IndicatorValue.objects.update_or_create(
                    indicator=indicator,
                    year=year,
                    defaults={"target": target, "actual": actual, "source": source, "measured_on": measured_on},
                )
                stats["streefwaarden_en_realisaties"] += int(created)

    motives = {c.name: c for c in Criterion.objects.filter(group=CriterionGroup.VIER_K, municipality=None)}
    for (name, code), (own, chosen, divergence) in INTERESTS.items():
        participation = Participation.objects.filter(party__name=name, participant__code=code).first()
        if participation is None:
            continue
        governance, created = ParticipationGovernance.objects.get_or_create(participation=participation)
        if (governance.own_interest, governance.interest_divergence) != (own, divergence):
            governance.own_interest, governance.interest_divergence = own, divergence
            governance.save(update_fields=["own_interest", "interest_divergence"])
        wanted = {motives[m].pk for m in chosen if m in motives}
        if set(governance.motives.values_list("pk", flat=True)) != wanted:
            governance.motives.set(wanted)
        stats["eigen_belangen"] += int(created)
    return stats
