"""Demo data of the register: the ten gemeenten of provincie Groningen, their verbonden partijen and four demo users.

The parties, their participants and the figures are written out below as plain data; `load_demo()`
brings the database in line with it (idempotent, matched on natural keys). Names of real
organisations are used to make the demo recognisable; shares, figures and KvK-numbers are
illustrative and not taken from their jaarstukken.
"""

from collections import Counter
from datetime import UTC, date, datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from partners.choices import FigureKind, FinancialInterestForm, LegalForm, ParticipantKind, PartyStatus, RegelingKind
from partners.models import (
    Participant,
    Participation,
    ParticipationFinancials,
    Party,
    PartyFinancials,
    PolicyArea,
    Population,
    UserMunicipality,
    UserParty,
)
from partners.roles import BEHEERDER, BELEIDSMEDEWERKER, BRONHOUDER, CONTROLLER, RAAD_GRIFFIE, ensure_roles

B, R = FigureKind.BEGROTING, FigureKind.REALISATIE
OL = LegalForm.OPENBAAR_LICHAAM
KAPITAAL = FinancialInterestForm.KAPITAAL
GARANTIE = FinancialInterestForm.GARANTIE
AANSPRAKELIJKHEID = FinancialInterestForm.AANSPRAKELIJKHEID

# (year, kind) rows the demo fills: jaarrekening 2024 and 2025, begroting 2025 and 2026.
YEARS = [(2024, R), (2025, B), (2025, R), (2026, B)]


def mln(amount) -> Decimal:
    """An amount in millions of euros, written as a string to stay exact: mln("4.8")."""
    return Decimal(str(amount)) * 1_000_000


# The gemeenten of provincie Groningen (created by the reference data migration) and their
# approximate population, used as the key for the contributions to the regional GRs.
POPULATION = {
    "GM0014": 245_000,  # Groningen
    "GM1969": 65_800,  # Westerkwartier
    "GM1952": 61_600,  # Midden-Groningen
    "GM1966": 47_900,  # Het Hogeland
    "GM1979": 45_700,  # Eemsdelta
    "GM1895": 39_100,  # Oldambt
    "GM0037": 31_900,  # Stadskanaal
    "GM0047": 28_000,  # Veendam
    "GM1950": 26_500,  # Westerwolde
    "GM0765": 12_400,  # Pekela
}
GEMEENTEN = tuple(POPULATION)
# Inwonertallen per year for the bijdrage per inwoner: POPULATION is 1 January 2025; the other
# years follow from a yearly growth (the city grows, the eastern and northern gemeenten shrink a
# little). Rounded demo figures, not CBS figures: the source says so.
POPULATION_YEARS = range(2022, 2027)
POPULATION_GROWTH = {"GM0014": Decimal("0.009"), "GM1969": Decimal("0.004"), "GM1952": Decimal("0.001")}
DEFAULT_GROWTH = Decimal("-0.003")
POPULATION_SOURCE = "Demogegevens: afgeronde, illustratieve aantallen (geen CBS-cijfers)"


def population_of(code: str, year: int) -> int:
    growth = 1 + POPULATION_GROWTH.get(code, DEFAULT_GROWTH)
    return int((POPULATION[code] * growth ** (year - 2025)).quantize(Decimal("10"), rounding=ROUND_HALF_UP))


PROVINCIE = "PV20"
OOST_GRONINGEN = ("GM1895", "GM0765", "GM0037", "GM0047", "GM1950")
NOORD_WEST = ("GM1966", "GM1979", "GM1969")

# Deelnemers that are not gemeenten or provincies; created by the demo (matched on code).
EXTRA_PARTICIPANTS = [
    {"code": "WS-NZV", "kind": ParticipantKind.WATERSCHAP, "name": "Waterschap Noorderzijlvest"},
    {"code": "WS-HAA", "kind": ParticipantKind.WATERSCHAP, "name": "Waterschap Hunze en Aa's"},
    {"code": "RIJK", "kind": ParticipantKind.RIJK, "name": "Staat der Nederlanden"},
]


def members(codes, *, votes=None, overrides=None, **common) -> list[dict]:
    """One participation per gemeente in `codes`, all alike except for `overrides` per code.

    votes: None, a number for everyone, or "gewogen" (one vote per 25.000 inhabitants, at least one)."""
    rows = []
    for code in codes:
        row = {"participant": code, **common}
        if votes == "gewogen":
            row["votes"] = max(1, round(POPULATION[code] / 25_000))
        elif votes is not None:
            row["votes"] = votes
        row.update((overrides or {}).get(code, {}))
        rows.append(row)
    return rows


def by_population(codes, *, total="100", **kwargs) -> list[dict]:
    """Like `members`, with shares that split `total` percent by population (rounded down to two
    decimals, the rest to the largest gemeente, so the shares add up to exactly `total`)."""
    total = Decimal(total)
    inhabitants = sum(POPULATION[code] for code in codes)
    shares = {
        code: (total * POPULATION[code] / inhabitants).quantize(Decimal("0.01"), rounding=ROUND_DOWN) for code in codes
    }
    shares[max(codes, key=POPULATION.get)] += total - sum(shares.values())
    rows = members(codes, **kwargs)
    for row in rows:
        row.setdefault("share_percentage", shares[row["participant"]])
    return rows


def shareholders(total_shares: int, holdings: dict, *, nominal_value: str, **common) -> list[dict]:
    """Participations of shareholders: number of shares, nominal value and the percentage they make."""
    return [
        {
            "participant": code,
            "shares_count": count,
            "votes": count,  # one vote per share in the AvA
            "nominal_value": Decimal(nominal_value),
            "share_percentage": (Decimal(100) * count / total_shares).quantize(Decimal("0.0001"), rounding=ROUND_DOWN),
            "financial_interest_form": KAPITAAL,
            **common,
        }
        for code, count in holdings.items()
    ]


def figures(equity_start, equity_end, liabilities_start, liabilities_end, result) -> dict:
    """A party's balance and result for one year; None means "niet bekend"."""
    return {
        "equity_start": equity_start,
        "equity_end": equity_end,
        "liabilities_start": liabilities_start,
        "liabilities_end": liabilities_end,
        "result": result,
    }


AB_DB_GRONINGEN = {"GM0014": {"governance_interest_note": "Burgemeester lid AB; voorzitter AB en DB"}}
UITTREDING_GR = (
    "Uittreding na een besluit van de raad, op zijn vroegst per 1 januari van het tweede jaar daarna. "
    "De uittredende deelnemer betaalt de kosten die het algemeen bestuur als gevolg van de uittreding "
    "vaststelt (Wgr art. 9)."
)

PARTIES = [
    # --- 1. Gemeenschappelijke regelingen -------------------------------------------------------
    {
        "name": "Veiligheidsregio Groningen",
        "regeling_kind": RegelingKind.COLLEGEREGELING,
        "abbreviation": "VRG",
        "legal_form": OL,
        "seat": "Groningen",
        "policy_area": "1",
        "founded_on": date(2010, 10, 1),
        "website": "https://www.veiligheidsregiogroningen.nl/",
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR641225",
        "public_interest": "Brandweerzorg, rampenbestrijding, crisisbeheersing en geneeskundige hulpverlening "
        "in de provincie Groningen.",
        "purpose": "Uitvoering van de taken van de Wet veiligheidsregio's: een veilige regio door "
        "risicobeheersing, incidentbestrijding en voorbereiding op rampen en crises.",
        "transferred_powers": "Taken en bevoegdheden uit de Wet veiligheidsregio's (art. 10), waaronder het "
        "instellen en in stand houden van de brandweer en de GHOR. De burgemeesters vormen het algemeen bestuur.",
        "exit_conditions": "Deelname is wettelijk verplicht (Wet veiligheidsregio's art. 9); uittreden is niet "
        "mogelijk. Wijziging van de regeling vraagt instemming van alle colleges.",
        "participations": by_population(
            GEMEENTEN,
            votes=1,
            governance_interest_note="Burgemeester lid AB",
            financial_interest_form=AANSPRAKELIJKHEID,
            financial_interest_note="Bijdrage naar verdeelsleutel; aansprakelijk voor tekorten naar rato.",
            overrides=AB_DB_GRONINGEN,
        ),
        "contributions": {
            (2024, R): mln("44.1"),
            (2025, B): mln("46.2"),
            (2025, R): mln("46.45"),
            (2026, B): mln("48.9"),
        },
        "financials": {
            (2024, R): figures(mln("3.1"), mln("3.4"), mln("25.6"), mln("24.8"), 310_000),
            # The vreemd vermogen is not in the begroting of the veiligheidsregio ("niet bekend").
            (2025, B): figures(mln("3.4"), mln("3.2"), None, None, 154_000),
            (2025, R): figures(mln("3.4"), mln("3.65"), mln("24.8"), mln("23.9"), 250_000),
            (2026, B): figures(mln("3.65"), mln("3.5"), None, None, 0),
        },
    },
    {
        "name": "Publieke Gezondheid & Zorg Groningen",
        "abbreviation": "GGD Groningen",
        "legal_form": OL,
        "seat": "Groningen",
        "policy_area": "7",
        "founded_on": date(2015, 1, 1),
        "website": "https://ggd.groningen.nl/",
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR358270",
        "public_interest": "Bescherming en bevordering van de publieke gezondheid: infectieziektebestrijding, "
        "jeugdgezondheidszorg, medische milieukunde en toezicht op de kinderopvang.",
        "purpose": "Uitvoering van de taken van de GGD uit de Wet publieke gezondheid voor de Groninger gemeenten.",
        "transferred_powers": "Taken uit de Wet publieke gezondheid (art. 2, 5, 6 en 14) en het toezicht op de "
        "kinderopvang namens de colleges.",
        "exit_conditions": "Gemeenten moeten een GGD in stand houden (Wpg art. 14). " + UITTREDING_GR,
        "participations": by_population(
            GEMEENTEN,
            votes="gewogen",
            governance_interest_note="Wethouder volksgezondheid lid AB",
            financial_interest_form=AANSPRAKELIJKHEID,
            overrides={"GM0014": {"governance_interest_note": "Wethouder volksgezondheid lid AB en voorzitter DB"}},
        ),
        "contributions": {
            (2024, R): mln("33.4"),
            (2025, B): mln("35.1"),
            (2025, R): mln("35.6"),
            (2026, B): mln("37.3"),
        },
        "financials": {
            (2024, R): figures(mln("2.2"), mln("2.6"), mln("17.9"), mln("18.4"), 420_000),
            (2025, B): figures(mln("2.6"), mln("2.6"), mln("18.4"), mln("18.0"), 0),
            (2025, R): figures(mln("2.6"), mln("2.35"), mln("18.4"), mln("19.1"), -250_000),
            (2026, B): figures(mln("2.35"), mln("2.35"), mln("19.1"), mln("18.7"), 0),
        },
    },
    {
        "name": "Omgevingsdienst Groningen",
        "abbreviation": "ODG",
        "legal_form": OL,
        "seat": "Veendam",
        "policy_area": "7",
        "founded_on": date(2013, 12, 19),
        "website": "https://www.omgevingsdienst.nl/",
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR318552",
        "public_interest": "Vergunningverlening, toezicht en handhaving op het gebied van milieu en de fysieke "
        "leefomgeving voor de provincie en de Groninger gemeenten.",
        "purpose": "Uitvoering van het basistakenpakket VTH (Omgevingswet) en van de aanvullende taken die "
        "deelnemers inbrengen.",
        "transferred_powers": "Mandaat voor de VTH-basistaken milieu; de bevoegdheden blijven bij colleges en "
        "Gedeputeerde Staten.",
        "exit_conditions": "Voor de basistaken is deelname verplicht (Omgevingswet art. 18.21). " + UITTREDING_GR,
        "participations": [
            {
                "participant": PROVINCIE,
                "share_percentage": Decimal("38.50"),
                "votes": 4,
                "governance_interest_note": "Gedeputeerde milieu lid AB en voorzitter DB",
                "financial_interest_form": AANSPRAKELIJKHEID,
            },
            *by_population(
                GEMEENTEN,
                total="61.50",
                votes=1,
                governance_interest_note="Wethouder milieu lid AB",
                financial_interest_form=AANSPRAKELIJKHEID,
            ),
        ],
        "contributions": {
            (2024, R): mln("21.0"),
            (2025, B): mln("22.3"),
            (2025, R): mln("22.8"),
            (2026, B): mln("23.6"),
        },
        "financials": {
            (2024, R): figures(mln("1.4"), mln("1.5"), mln("6.2"), mln("6.6"), 95_000),
            (2025, B): figures(mln("1.5"), mln("1.5"), mln("6.6"), mln("6.4"), 0),
            (2025, R): figures(mln("1.5"), mln("1.1"), mln("6.6"), mln("7.3"), -410_000),
            (2026, B): figures(mln("1.1"), mln("1.2"), mln("7.3"), mln("7.0"), 100_000),
        },
    },
    {
        "name": "Noordelijk Belastingkantoor",
        "abbreviation": "NBK",
        "legal_form": OL,
        "seat": "Groningen",
        "policy_area": "0",
        "founded_on": date(2008, 1, 1),
        "website": "https://www.noordelijkbelastingkantoor.nl/",
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR87213",
        "public_interest": "Doelmatige heffing en invordering van waterschapsbelastingen en gemeentelijke "
        "belastingen, en uitvoering van de Wet WOZ.",
        "purpose": "Gezamenlijke belastingorganisatie van waterschappen en gemeenten in Noord-Nederland.",
        "transferred_powers": "Heffing en invordering van belastingen (Gemeentewet art. 231, Waterschapswet "
        "art. 123) en de taken van de Wet WOZ.",
        "exit_conditions": UITTREDING_GR + " Een uittredende deelnemer draagt drie jaar de vaste lasten mee.",
        "participations": [
            {
                "participant": "WS-NZV",
                "share_percentage": Decimal("29.00"),
                "votes": 3,
                "governance_interest_note": "Lid dagelijks bestuur waterschap is voorzitter AB",
                "financial_interest_form": AANSPRAKELIJKHEID,
                "joined_on": date(2008, 1, 1),
            },
            {
                "participant": "WS-HAA",
                "share_percentage": Decimal("24.00"),
                "votes": 3,
                "governance_interest_note": "Lid dagelijks bestuur waterschap lid AB",
                "financial_interest_form": AANSPRAKELIJKHEID,
                "joined_on": date(2008, 1, 1),
            },
            *by_population(
                ("GM1966", "GM1969", "GM1952"),
                total="30.00",
                votes=1,
                governance_interest_note="Wethouder financiën lid AB",
                financial_interest_form=AANSPRAKELIJKHEID,
            ),
            # Joined when the Belastingsamenwerking Oost-Groningen ended.
            *by_population(
                ("GM1895", "GM0765", "GM0047"),
                total="17.00",
                votes=1,
                governance_interest_note="Wethouder financiën lid AB",
                financial_interest_form=AANSPRAKELIJKHEID,
                joined_on=date(2024, 1, 1),
            ),
        ],
        "contributions": {
            (2024, R): mln("14.2"),
            (2025, B): mln("15.1"),
            (2025, R): mln("15.0"),
            (2026, B): mln("15.7"),
        },
        "financials": {
            (2024, R): figures(850_000, 910_000, mln("4.4"), mln("4.2"), 60_000),
            (2025, B): figures(910_000, 910_000, mln("4.2"), mln("4.0"), 0),
            (2025, R): figures(910_000, 980_000, mln("4.2"), mln("3.9"), 70_000),
            (2026, B): figures(980_000, 980_000, mln("3.9"), mln("3.7"), 0),
        },
    },
    {
        "name": "Werkvoorzieningschap Oost-Groningen",
        "abbreviation": "WOG",
        "legal_form": OL,
        "seat": "Winschoten",
        "policy_area": "6",
        "founded_on": date(1998, 1, 1),
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR12873",
        "public_interest": "Arbeid voor inwoners met een arbeidsbeperking (Wet sociale werkvoorziening en "
        "Participatiewet).",
        "purpose": "Uitvoering van de Wsw voor de zittende medewerkers en beschut werk voor de deelnemers.",
        "transferred_powers": "Uitvoering van de Wet sociale werkvoorziening, met uitzondering van de "
        "verordenende bevoegdheid.",
        "exit_conditions": UITTREDING_GR + " Bij uittreding neemt de gemeente haar Wsw-medewerkers mee.",
        "participations": by_population(
            ("GM1895", "GM0765", "GM0047", "GM1950"),
            votes=2,
            governance_interest_note="Wethouder werk en inkomen lid AB",
            financial_interest_form=AANSPRAKELIJKHEID,
            financial_interest_note="Tekorten worden naar rato van het aantal Wsw-medewerkers aangezuiverd.",
        ),
        "contributions": {(2024, R): mln("6.8"), (2025, B): mln("6.3"), (2025, R): mln("6.45"), (2026, B): mln("5.9")},
        "financials": {
            (2024, R): figures(mln("2.1"), mln("1.95"), mln("7.6"), mln("7.4"), -150_000),
            (2025, B): figures(mln("1.95"), mln("1.8"), mln("7.4"), mln("7.0"), -150_000),
            (2025, R): figures(mln("1.95"), mln("1.7"), mln("7.4"), mln("7.2"), -250_000),
            (2026, B): figures(mln("1.7"), mln("1.6"), mln("7.2"), mln("6.8"), -100_000),
        },
    },
    {
        "name": "Groninger Archieven",
        "abbreviation": "GA",
        "legal_form": OL,
        "seat": "Groningen",
        "policy_area": "5",
        "founded_on": date(2001, 1, 1),
        "website": "https://www.groningerarchieven.nl/",
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR10453",
        "public_interest": "Beheer en openbaarheid van de archieven van rijk en gemeente in Groningen.",
        "purpose": "Regionaal historisch centrum: archiefbewaarplaats van het Rijk in de provincie en van de "
        "gemeente Groningen (Archiefwet 1995).",
        "transferred_powers": "Zorg voor de archiefbewaarplaats en de taken van de gemeentearchivaris.",
        "exit_conditions": "Opzegging met een termijn van vijf jaar; de archieven keren terug naar de eigenaar.",
        "participations": [
            {
                "participant": "GM0014",
                "share_percentage": Decimal("42.00"),
                "governance_interest_note": "Wethouder cultuur lid bestuur",
                "votes": 1,
                "financial_interest_form": AANSPRAKELIJKHEID,
            },
            {
                "participant": "RIJK",
                "share_percentage": Decimal("58.00"),
                "governance_interest_note": "Vertegenwoordiger van de minister van OCW lid bestuur",
                "votes": 1,
                "financial_interest_form": AANSPRAKELIJKHEID,
            },
        ],
        "contributions": {(2024, R): mln("5.5"), (2025, B): mln("5.8"), (2025, R): mln("5.85"), (2026, B): mln("6.0")},
        "financials": {
            (2024, R): figures(640_000, 690_000, mln("2.1"), mln("2.0"), 50_000),
            (2025, B): figures(690_000, 690_000, mln("2.0"), mln("1.9"), 0),
            (2025, R): figures(690_000, 720_000, mln("2.0"), mln("2.2"), 30_000),
            (2026, B): figures(720_000, 720_000, mln("2.2"), mln("2.1"), 0),
        },
    },
    {
        "name": "Belastingsamenwerking Oost-Groningen",
        "abbreviation": "BOG",
        "legal_form": OL,
        "seat": "Veendam",
        "policy_area": "0",
        "status": PartyStatus.BEEINDIGD,
        "founded_on": date(2012, 1, 1),
        "ended_on": date(2023, 12, 31),
        "public_interest": "Heffing en invordering van gemeentelijke belastingen en uitvoering van de Wet WOZ.",
        "purpose": "Opgeheven per 31 december 2023; de taken zijn overgegaan naar het Noordelijk Belastingkantoor.",
        "transferred_powers": "Heffing en invordering van gemeentelijke belastingen.",
        "exit_conditions": "Liquidatieplan vastgesteld door het algemeen bestuur; het liquidatiesaldo is naar "
        "rato verdeeld.",
        "participations": by_population(
            ("GM1895", "GM0765", "GM0047"),
            votes=1,
            governance_interest_note="Wethouder financiën lid AB (tot de opheffing)",
            financial_interest_form=AANSPRAKELIJKHEID,
            left_on=date(2023, 12, 31),
        ),
    },
    {
        "name": "Afvalbeheer Oost-Groningen",
        "abbreviation": "AOG",
        "legal_form": LegalForm.BEDRIJFSVOERINGSORGANISATIE,
        "regeling_kind": RegelingKind.COLLEGEREGELING,
        "seat": "Veendam",
        "policy_area": "7",
        "founded_on": date(2016, 1, 1),
        "website": "https://www.afvalbeheer-oostgroningen.nl/",
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR401187",
        "public_interest": "Inzameling en verwerking van huishoudelijk afval en beheer van de milieustraten.",
        "purpose": "Uitvoering van de afvalinzameling voor de deelnemende gemeenten (Wet milieubeheer art. 10.21).",
        "transferred_powers": "Geen bevoegdheden; de bedrijfsvoeringsorganisatie voert uit in opdracht en de "
        "afvalstoffenverordening blijft bij de raden.",
        "exit_conditions": UITTREDING_GR + " De uittredende gemeente neemt een evenredig deel van het wagenpark over.",
        "participations": by_population(
            OOST_GRONINGEN,
            votes=1,
            governance_interest_note="Wethouder afval lid bestuur",
            financial_interest_form=AANSPRAKELIJKHEID,
        ),
        "contributions": {
            (2024, R): mln("19.8"),
            (2025, B): mln("21.4"),
            (2025, R): mln("21.9"),
            (2026, B): mln("22.7"),
        },
        "financials": {
            # Two deficits in a row (rising processing tariffs): the demo's "negatief resultaat" signal.
            (2024, R): figures(mln("2.6"), mln("2.5"), mln("12.3"), mln("13.1"), -110_000),
            (2025, B): figures(mln("2.5"), mln("2.5"), mln("13.1"), mln("14.0"), 0),
            (2025, R): figures(mln("2.5"), mln("2.3"), mln("13.1"), mln("14.6"), -180_000),
            (2026, B): figures(mln("2.3"), mln("2.3"), mln("14.6"), mln("15.2"), 0),
        },
    },
    {
        "name": "Shared Service Centrum Ommelanden",
        "abbreviation": "SSC Ommelanden",
        "legal_form": LegalForm.BEDRIJFSVOERINGSORGANISATIE,
        "regeling_kind": RegelingKind.COLLEGEREGELING,
        "seat": "Winsum",
        "policy_area": "0",
        "founded_on": date(2019, 1, 1),
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR620391",
        "public_interest": "Een robuuste en betaalbare bedrijfsvoering (ICT, inkoop, salarisadministratie) voor "
        "drie plattelandsgemeenten.",
        "purpose": "Gezamenlijke uitvoering van ICT, informatiebeveiliging, inkoop en personeels- en "
        "salarisadministratie.",
        "transferred_powers": "Geen; mandaat voor inkoop en personeelsadministratie.",
        "exit_conditions": UITTREDING_GR + " Frictiekosten voor vijf jaar komen voor rekening van de uittreder.",
        "participations": by_population(
            NOORD_WEST,
            votes=1,
            governance_interest_note="Gemeentesecretaris lid bestuur",
            financial_interest_form=AANSPRAKELIJKHEID,
        ),
        "contributions": {(2024, R): mln("8.6"), (2025, B): mln("9.1"), (2025, R): mln("9.4"), (2026, B): mln("9.8")},
        "financials": {
            (2024, R): figures(400_000, 450_000, mln("3.1"), mln("3.3"), 50_000),
            (2025, B): figures(450_000, 450_000, mln("3.3"), mln("3.2"), 0),
            (2025, R): figures(450_000, 380_000, mln("3.3"), mln("3.6"), -70_000),
            (2026, B): figures(380_000, 380_000, mln("3.6"), mln("3.4"), 0),
        },
    },
    {
        "name": "Centrumgemeenteregeling Beschermd Wonen en Maatschappelijke Opvang Groningen",
        "abbreviation": "BW/MO",
        "legal_form": LegalForm.CENTRUMGEMEENTEREGELING,
        "regeling_kind": RegelingKind.COLLEGEREGELING,
        "central_municipality": "GM0014",
        "seat": "Groningen",
        "policy_area": "6",
        "founded_on": date(2015, 1, 1),
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR356211",
        "public_interest": "Beschermd wonen, maatschappelijke opvang en vrouwenopvang voor kwetsbare inwoners "
        "van de hele provincie (Wmo 2015).",
        "purpose": "De gemeente Groningen voert als centrumgemeente de regionale taken uit; de middelen worden "
        "vanaf 2023 stapsgewijs over alle gemeenten verdeeld (objectief verdeelmodel).",
        "transferred_powers": "Mandaat aan het college van Groningen voor toegang, inkoop en toezicht op "
        "beschermd wonen en maatschappelijke opvang.",
        "exit_conditions": "Opzegging per 1 januari, met een termijn van twee jaar; lopende contracten worden "
        "naar rato afgewikkeld.",
        "participations": by_population(
            GEMEENTEN,
            governance_interest_note="Wethouder zorg in het regionaal bestuurlijk overleg",
            financial_interest_form=AANSPRAKELIJKHEID,
            financial_interest_note="Tekorten worden naar rato van het inwonertal verdeeld.",
            overrides={
                "GM0014": {
                    "governance_interest_note": "Centrumgemeente: voert de taken uit en zit het "
                    "bestuurlijk overleg voor"
                }
            },
        ),
        "contributions": {
            (2024, R): mln("71.5"),
            (2025, B): mln("74.2"),
            (2025, R): mln("75.9"),
            (2026, B): mln("77.0"),
        },
        # No organ of its own, so no balance sheet (Wgr art. 8 lid 4).
    },
    {
        "name": "Regionaal Inkoopbureau Groninger Gemeenten",
        "abbreviation": "RIGG",
        "legal_form": LegalForm.GEMEENSCHAPPELIJK_ORGAAN,
        "seat": "Groningen",
        "policy_area": "6",
        "founded_on": date(2015, 1, 1),
        "website": "https://www.rigg.nl/",
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR359914",
        "public_interest": "Gezamenlijke inkoop en contractbeheer van specialistische jeugdhulp en Wmo-voorzieningen.",
        "purpose": "Inkopen, contracteren en monitoren van regionale jeugdhulp namens de tien gemeenten.",
        "transferred_powers": "Mandaat voor inkoop en contractbeheer; het gemeenschappelijk orgaan heeft geen "
        "rechtspersoonlijkheid en de gemeente Groningen is werkgever.",
        "exit_conditions": UITTREDING_GR,
        "participations": by_population(
            GEMEENTEN,
            votes=1,
            governance_interest_note="Wethouder jeugd lid gemeenschappelijk orgaan",
            financial_interest_form=AANSPRAKELIJKHEID,
        ),
        "contributions": {(2024, R): mln("3.4"), (2025, B): mln("3.6"), (2025, R): mln("3.55"), (2026, B): mln("3.8")},
        # Without legal personality there is no balance sheet of its own: equity and debt stay unknown.
        "financials": {
            (2025, B): figures(None, None, None, None, 0),
            (2025, R): figures(None, None, None, None, 50_000),
            (2026, B): figures(None, None, None, None, 0),
        },
    },
    {
        "name": "Regeling Leerlingenvervoer Noord-Groningen",
        "abbreviation": "",
        "legal_form": LegalForm.REGELING_ZONDER_MEER,
        "seat": "Winsum",
        "policy_area": "4",
        "founded_on": date(2019, 8, 1),
        "regulation_url": "https://lokaleregelgeving.overheid.nl/CVDR627744",
        "public_interest": "Veilig en betaalbaar vervoer van leerlingen naar speciaal en passend onderwijs.",
        "purpose": "Gezamenlijke aanbesteding en regie op het leerlingenvervoer; Het Hogeland voert uit.",
        "transferred_powers": "Geen; een regeling zonder meer zonder eigen orgaan.",
        "exit_conditions": "Opzegging per 1 augustus met een termijn van één schooljaar.",
        "participations": by_population(
            NOORD_WEST,
            governance_interest_note="Wethouder onderwijs in het portefeuillehoudersoverleg",
            financial_interest_form=AANSPRAKELIJKHEID,
            financial_interest_note="Kosten naar rato van het aantal vervoerde leerlingen.",
        ),
        "contributions": {(2024, R): mln("3.9"), (2025, B): mln("4.1"), (2025, R): mln("4.3"), (2026, B): mln("4.4")},
    },
    # --- 2. Vennootschappen en coöperaties ------------------------------------------------------
    {
        "name": "BNG Bank N.V.",
        "abbreviation": "BNG",
        "legal_form": LegalForm.NV,
        "seat": "Den Haag",
        "policy_area": "0",
        "founded_on": date(1914, 12, 23),
        "kvk_number": "27008387",
        "website": "https://www.bngbank.nl/",
        "public_interest": "Duurzaam goedkope financiering van decentrale overheden en van instellingen op het "
        "gebied van wonen, zorg, onderwijs en nutsvoorzieningen.",
        "purpose": "Bank van en voor overheden: kredieten en betalingsverkeer tegen zo laag mogelijke kosten.",
        "exit_conditions": "Aandelen zijn alleen overdraagbaar aan overheden, met goedkeuring van de "
        "algemene vergadering.",
        # 55.690.720 shares of € 2,50; half of them held by the State.
        "total_shares": 55_690_720,
        "participations": shareholders(
            55_690_720,
            {
                "RIJK": 27_845_360,
                PROVINCIE: 243_360,
                "GM0014": 87_750,
                "GM1979": 21_060,
                "GM1969": 19_890,
                "GM1952": 17_550,
                "GM1966": 14_040,
                "GM1895": 11_700,
                "GM0037": 9_360,
                "GM0047": 8_190,
                "GM1950": 7_020,
                "GM0765": 3_510,
                "WS-NZV": 1_170,
            },
            nominal_value="2.50",
            governance_interest_note="Stemrecht in de AvA; wethouder financiën vertegenwoordigt",
            financial_interest_note="Gestort aandelenkapitaal.",
            joined_on=date(1914, 12, 23),
        ),
        "dividend_per_share": {(2024, R): "2.03", (2025, B): "1.80", (2025, R): "2.11", (2026, B): "1.85"},
        "financials": {
            (2024, R): figures(mln(5100), mln(5380), mln(148_500), mln(152_300), mln(255)),
            (2025, B): figures(mln(5380), mln(5450), mln(152_300), mln(150_000), mln(240)),
            (2025, R): figures(mln(5380), mln(5520), mln(152_300), mln(149_800), mln(262)),
            (2026, B): figures(mln(5520), mln(5600), mln(149_800), mln(151_000), mln(245)),
        },
    },
    {
        "name": "Enexis Holding N.V.",
        "abbreviation": "Enexis",
        "legal_form": LegalForm.NV,
        "seat": "'s-Hertogenbosch",
        "policy_area": "8",
        "founded_on": date(2009, 7, 1),
        "kvk_number": "17238877",
        "website": "https://www.enexisgroep.nl/",
        "public_interest": "Een betrouwbaar, betaalbaar en duurzaam elektriciteits- en gasnet in publieke handen.",
        "purpose": "Netbeheer van elektriciteit en gas in Noord-, Oost- en Zuid-Nederland.",
        "exit_conditions": "Aandelen mogen alleen aan andere overheden worden overgedragen (Elektriciteitswet "
        "1998 art. 93).",
        "total_shares": 149_682_196,
        "participations": shareholders(
            149_682_196,
            {
                PROVINCIE: 8_921_071,
                "GM0014": 1_421_981,
                "GM1979": 598_729,
                "GM1969": 449_047,
                "GM1952": 374_205,
                "GM1966": 299_364,
                "GM1895": 224_523,
                "GM0037": 179_619,
                "GM0047": 164_650,
                "GM1950": 134_714,
                "GM0765": 74_841,
            },
            nominal_value="1.00",
            governance_interest_note="Stemrecht in de AvA",
            joined_on=date(2009, 7, 1),
        ),
        "dividend_per_share": {(2024, R): "0.55", (2025, B): "0.50", (2025, R): "0.58", (2026, B): "0.45"},
        "financials": {
            (2024, R): figures(mln(4560), mln(4790), mln(6240), mln(7110), mln(268)),
            (2025, B): figures(mln(4790), mln(4950), mln(7110), mln(8200), mln(240)),
            (2025, R): figures(mln(4790), mln(5010), mln(7110), mln(8050), mln(281)),
            (2026, B): figures(mln(5010), mln(5150), mln(8050), mln(9400), mln(230)),
        },
    },
    {
        "name": "Waterbedrijf Groningen N.V.",
        "abbreviation": "WBG",
        "legal_form": LegalForm.NV,
        "seat": "Groningen",
        "policy_area": "7",
        "founded_on": date(1997, 1, 1),
        "kvk_number": "02084250",
        "website": "https://www.waterbedrijfgroningen.nl/",
        "public_interest": "Levering van betrouwbaar en betaalbaar drinkwater; de Drinkwaterwet eist dat de "
        "aandelen in handen van overheden zijn.",
        "purpose": "Winning, zuivering en distributie van drinkwater in de provincie Groningen.",
        "exit_conditions": "Aandelen zijn alleen overdraagbaar aan andere overheden (Drinkwaterwet art. 15).",
        "participations": [
            {
                **row,
                "shares_count": int(row["share_percentage"] * 100),
                "votes": int(row["share_percentage"] * 100),
                "nominal_value": Decimal("100.00"),
            }
            for row in by_population(
                GEMEENTEN,
                governance_interest_note="Stemrecht in de AvA",
                financial_interest_form=KAPITAAL,
                joined_on=date(1997, 1, 1),
            )
        ],
        # Drinking-water companies keep their profit for investments: no dividend.
        "dividend_per_share": {(2024, R): "0", (2025, B): "0", (2025, R): "0", (2026, B): "0"},
        "financials": {
            (2024, R): figures(mln("94.5"), mln("98.2"), mln("262.0"), mln("271.4"), mln("3.7")),
            (2025, B): figures(mln("98.2"), mln("101.0"), mln("271.4"), mln("290.0"), mln("2.8")),
            (2025, R): figures(mln("98.2"), mln("102.1"), mln("271.4"), mln("286.3"), mln("3.9")),
            (2026, B): figures(mln("102.1"), mln("104.5"), mln("286.3"), mln("305.0"), mln("2.4")),
        },
    },
    {
        "name": "Groningen Seaports N.V.",
        "abbreviation": "GSP",
        "legal_form": LegalForm.NV,
        "seat": "Delfzijl",
        "policy_area": "3",
        "founded_on": date(2020, 11, 3),
        "kvk_number": "80718426",
        "website": "https://www.groningen-seaports.com/",
        "public_interest": "Ontwikkeling en beheer van de havens en industrieterreinen van Delfzijl en de "
        "Eemshaven voor werkgelegenheid in Noord-Groningen.",
        "purpose": "Havenbeheer, gronduitgifte en het aantrekken van bedrijvigheid.",
        "exit_conditions": "Overdracht van aandelen alleen met goedkeuring van de AvA.",
        "total_shares": 6_000,
        "participations": shareholders(
            6_000,
            {PROVINCIE: 4_000, "GM1979": 1_000, "GM1966": 1_000},
            nominal_value="1000.00",
            governance_interest_note="Stemrecht in de AvA",
            joined_on=date(2020, 11, 3),
        ),
        "dividend_per_share": {(2024, R): "0", (2025, B): "0", (2025, R): "0", (2026, B): "0"},
        "financials": {
            (2024, R): figures(mln("388.0"), mln("396.5"), mln("512.0"), mln("530.8"), mln("8.5")),
            (2025, B): figures(mln("396.5"), mln("402.0"), mln("530.8"), mln("560.0"), mln("5.5")),
            (2025, R): figures(mln("396.5"), mln("409.1"), mln("530.8"), mln("548.2"), mln("12.6")),
            (2026, B): figures(mln("409.1"), mln("415.0"), mln("548.2"), mln("575.0"), mln("6.0")),
        },
    },
    {
        "name": "WarmteStad B.V.",
        "abbreviation": "WarmteStad",
        "legal_form": LegalForm.BV,
        "seat": "Groningen",
        "policy_area": "7",
        "founded_on": date(2015, 4, 1),
        "kvk_number": "63147262",
        "website": "https://warmtestad.nl/",
        "public_interest": "Aardgasvrije, betaalbare warmte voor woningen en gebouwen in de stad Groningen.",
        "purpose": "Aanleg en exploitatie van warmtenetten; de andere helft van de aandelen is van "
        "Waterbedrijf Groningen N.V.",
        "exit_conditions": "Aanbiedingsregeling in de statuten: aandelen eerst aan de medeaandeelhouder.",
        "participations": [
            {
                "participant": "GM0014",
                "share_percentage": Decimal("50.00"),
                "shares_count": 50,
                "nominal_value": Decimal("100.00"),
                "votes": 50,
                "governance_interest_note": "Wethouder energie vertegenwoordigt in de AvA",
                "financial_interest_form": FinancialInterestForm.LENING,
                "financial_interest_note": "Aandelen en een achtergestelde lening van € 12 mln.",
                "joined_on": date(2015, 4, 1),
                "figures": {
                    (2024, R): {
                        "contribution": 0,
                        "interest_start": mln("10.0"),
                        "interest_end": mln("12.0"),
                        "dividend": 0,
                    },
                    (2025, B): {
                        "contribution": 0,
                        "interest_start": mln("12.0"),
                        "interest_end": mln("12.0"),
                        "dividend": 0,
                    },
                    (2025, R): {
                        "contribution": 0,
                        "interest_start": mln("12.0"),
                        "interest_end": mln("12.0"),
                        "dividend": 0,
                    },
                    (2026, B): {
                        "contribution": 0,
                        "interest_start": mln("12.0"),
                        "interest_end": mln("14.5"),
                        "dividend": 0,
                    },
                },
            },
        ],
        "financials": {
            (2024, R): figures(mln("7.9"), mln("6.8"), mln("78.0"), mln("86.5"), mln("-1.1")),
            (2025, B): figures(mln("6.8"), mln("6.3"), mln("86.5"), mln("95.0"), mln("-0.5")),
            (2025, R): figures(mln("6.8"), mln("6.0"), mln("86.5"), mln("97.2"), mln("-0.8")),
            (2026, B): figures(mln("6.0"), mln("6.1"), mln("97.2"), mln("108.0"), 100_000),
        },
    },
    {
        "name": "Warmtebedrijf Eemsdelta B.V.",
        "abbreviation": "",
        "legal_form": LegalForm.BV,
        "seat": "Delfzijl",
        "policy_area": "7",
        "status": PartyStatus.IN_OPRICHTING,
        "public_interest": "Benutting van restwarmte uit het industriegebied Delfzijl voor woningen in Eemsdelta.",
        "purpose": "Oprichting voorzien in 2026, na wensen en bedenkingen van de raad (Gemeentewet art. 160 "
        "lid 2); het ontwerp van de statuten ligt bij de raad.",
        "exit_conditions": "Nog vast te leggen in de statuten.",
        "participations": [
            {
                "participant": "GM1979",
                "share_percentage": Decimal("100.00"),
                "governance_interest_note": "Enig aandeelhouder (beoogd); wethouder energie in de AvA",
                "financial_interest_form": KAPITAAL,
                "financial_interest_note": "Beoogde kapitaalstorting € 1,5 mln.",
                "figures": {(2026, B): {"contribution": 350_000, "interest_start": 0, "interest_end": mln("1.5")}},
            },
        ],
        "financials": {(2026, B): figures(0, mln("1.15"), 0, None, -350_000)},
    },
    {
        "name": "Coöperatie Dimpact U.A.",
        "abbreviation": "Dimpact",
        "legal_form": LegalForm.COOPERATIE,
        "seat": "Enschede",
        "policy_area": "0",
        "founded_on": date(2008, 4, 1),
        "kvk_number": "08187529",
        "website": "https://www.dimpact.nl/",
        "public_interest": "Betere digitale dienstverlening door gezamenlijke ontwikkeling en beheer van "
        "zaakgericht werken en e-diensten.",
        "purpose": "Coöperatie van gemeenten voor de inkoop en het beheer van gemeentelijke ICT-voorzieningen.",
        "exit_conditions": "Opzegging van het lidmaatschap per het einde van een boekjaar met een termijn van "
        "twee jaar; de inleg in het ledenkapitaal wordt niet terugbetaald.",
        "participations": [
            {
                "participant": "GM1952",
                "share_percentage": Decimal("2.35"),
                "votes": 1,
                "governance_interest_note": "Wethouder dienstverlening lid ALV",
                "financial_interest_form": KAPITAAL,
                "financial_interest_note": "Inleg in het ledenkapitaal.",
                "joined_on": date(2018, 1, 1),
            },
            {
                "participant": "GM1969",
                "share_percentage": Decimal("2.50"),
                "votes": 1,
                "governance_interest_note": "Wethouder dienstverlening lid ALV",
                "financial_interest_form": KAPITAAL,
                "financial_interest_note": "Inleg in het ledenkapitaal.",
                "joined_on": date(2019, 1, 1),
            },
        ],
        "contributions": {
            (2024, R): mln("21.0"),
            (2025, B): mln("22.5"),
            (2025, R): mln("22.3"),
            (2026, B): mln("23.6"),
        },
        "financials": {
            (2024, R): figures(mln("6.1"), mln("6.4"), mln("13.8"), mln("14.5"), 300_000),
            (2025, B): figures(mln("6.4"), mln("6.4"), mln("14.5"), mln("14.0"), 0),
            (2025, R): figures(mln("6.4"), mln("6.7"), mln("14.5"), mln("15.2"), 280_000),
            (2026, B): figures(mln("6.7"), mln("6.7"), mln("15.2"), mln("15.0"), 0),
        },
    },
    # --- 3. Stichtingen en verenigingen ---------------------------------------------------------
    {
        "name": "Stichting Regionaal Energieloket Groningen",
        "abbreviation": "REL",
        "legal_form": LegalForm.STICHTING,
        "seat": "Groningen",
        "policy_area": "8",
        "founded_on": date(2021, 3, 1),
        "kvk_number": "82110574",
        "website": "https://www.energieloketgroningen.nl/",
        "public_interest": "Onafhankelijk advies aan inwoners over isoleren en verduurzamen van hun woning.",
        "purpose": "Energieloket en energiecoaches voor alle Groninger gemeenten.",
        "exit_conditions": "Opzegging van de deelnemersovereenkomst met een termijn van één jaar.",
        "participations": by_population(
            GEMEENTEN,
            votes=1,
            governance_interest_note="Benoemt samen met de andere gemeenten het bestuur; lid raad van deelnemers",
            financial_interest_form=GARANTIE,
            financial_interest_note="Garant voor exploitatietekorten naar rato van het inwonertal.",
        ),
        "contributions": {(2024, R): mln("2.2"), (2025, B): mln("2.4"), (2025, R): mln("2.45"), (2026, B): mln("2.5")},
        "financials": {
            (2024, R): figures(310_000, 340_000, 580_000, 610_000, 30_000),
            (2025, B): figures(340_000, 340_000, 610_000, 600_000, 0),
            (2025, R): figures(340_000, 365_000, 610_000, 640_000, 25_000),
            (2026, B): figures(365_000, 365_000, 640_000, 620_000, 0),
        },
    },
    {
        "name": "Stichting Sportaccommodaties Westerwolde",
        "abbreviation": "SSW",
        "legal_form": LegalForm.STICHTING,
        "seat": "Ter Apel",
        "policy_area": "5",
        "founded_on": date(2016, 5, 1),
        "kvk_number": "66204755",
        "public_interest": "Betaalbare binnensportaccommodaties en een zwembad in Westerwolde.",
        "purpose": "Beheer en exploitatie van sporthallen en zwembad; de gemeente staat garant voor de lening "
        "waarmee het zwembad is gerenoveerd, maar heeft geen zetel in het bestuur.",
        "exit_conditions": "De garantie loopt af met de aflossing van de lening in 2041.",
        "participations": [
            {
                "participant": "GM1950",
                "governance_interest": False,
                "governance_interest_note": "Geen zetel in het bestuur; jaarlijks overleg over de subsidie",
                "financial_interest_form": GARANTIE,
                "financial_interest_note": "Garantstelling voor een lening van € 4,2 mln bij BNG Bank.",
                "joined_on": date(2016, 5, 1),
                "figures": {
                    (2025, B): {"contribution": 180_000, "interest_start": mln("3.9"), "interest_end": mln("3.75")},
                    (2025, R): {"contribution": 185_000, "interest_start": mln("3.9"), "interest_end": mln("3.75")},
                    (2026, B): {"contribution": 190_000, "interest_start": mln("3.75"), "interest_end": mln("3.6")},
                },
            },
        ],
        "financials": {
            (2025, R): figures(420_000, 445_000, mln("4.35"), mln("4.2"), 25_000),
            (2026, B): figures(445_000, 455_000, mln("4.2"), mln("4.05"), 10_000),
        },
    },
    {
        "name": "Stichting Waarborgfonds Sociale Woningbouw",
        "abbreviation": "WSW",
        "legal_form": LegalForm.STICHTING,
        "seat": "Hilversum",
        "policy_area": "8",
        "founded_on": date(1983, 1, 1),
        "kvk_number": "41187279",
        "website": "https://www.wsw.nl/",
        "public_interest": "Goedkope financiering van sociale huurwoningen door borging van leningen van "
        "woningcorporaties.",
        "purpose": "Borging van leningen; rijk en gemeenten staan als achtervang garant voor het waarborgfonds.",
        "exit_conditions": "De achtervangpositie loopt mee met de geborgde leningen van corporaties in de gemeente.",
        "participations": [
            {
                "participant": code,
                "governance_interest": False,
                "governance_interest_note": "Geen bestuurlijke zeggenschap",
                "financial_interest_form": GARANTIE,
                "financial_interest_note": note,
                "joined_on": date(1983, 1, 1) if code == "GM0014" else None,
            }
            for code, note in (
                ("GM0014", "Achtervang voor door WSW geborgde leningen van corporaties (obligo circa € 2,4 mld)."),
                ("GM1952", "Achtervang voor door WSW geborgde leningen van corporaties (obligo circa € 310 mln)."),
                ("GM1895", "Achtervang voor door WSW geborgde leningen van corporaties (obligo circa € 190 mln)."),
            )
        ],
    },
    {
        "name": "Vereniging van Nederlandse Gemeenten",
        "abbreviation": "VNG",
        "legal_form": LegalForm.VERENIGING,
        "seat": "Den Haag",
        "policy_area": "0",
        "founded_on": date(1912, 3, 28),
        "kvk_number": "40409352",
        "website": "https://vng.nl/",
        "public_interest": "Belangenbehartiging van en dienstverlening aan alle gemeenten.",
        "purpose": "Vereniging van alle gemeenten; alleen een bestuurlijk belang (stemrecht in de ALV), de "
        "contributie is geen financieel belang. Daarom geen verbonden partij in de zin van het BBV.",
        "exit_conditions": "Opzegging van het lidmaatschap per het einde van het verenigingsjaar.",
        "participations": members(
            GEMEENTEN,
            votes="gewogen",
            governance_interest_note="Stemrecht in de algemene ledenvergadering",
            financial_interest=False,
        ),
        "contributions_per_inhabitant": {(2025, B): "2.08", (2025, R): "2.08", (2026, B): "2.15"},
    },
    {
        "name": "Vereniging Groninger Gemeenten",
        "abbreviation": "VGG",
        "legal_form": LegalForm.VERENIGING,
        "seat": "Groningen",
        "policy_area": "0",
        "founded_on": date(1919, 6, 1),
        "kvk_number": "40022334",
        "public_interest": "Gezamenlijke belangenbehartiging van de Groninger gemeenten richting provincie en rijk.",
        "purpose": "Provinciale afdeling van de VNG; stemrecht in de ledenvergadering, geen financieel belang.",
        "exit_conditions": "Opzegging van het lidmaatschap per het einde van het verenigingsjaar.",
        "participations": members(
            GEMEENTEN,
            votes=1,
            governance_interest_note="Burgemeester of wethouder in de ledenvergadering",
            financial_interest=False,
        ),
        "contributions_per_inhabitant": {(2025, B): "0.12", (2026, B): "0.12"},
    },
    # --- 4. Overige verbonden partijen ----------------------------------------------------------
    {
        "name": "Eems Dollard Regio",
        "abbreviation": "EDR",
        "legal_form": LegalForm.OVERIG,
        "seat": "Bad Nieuweschans",
        "policy_area": "3",
        "founded_on": date(1977, 2, 28),
        "website": "https://www.edr.eu/",
        "public_interest": "Grensoverschrijdende samenwerking tussen Noord-Nederland en Noordwest-Duitsland, "
        "onder meer als uitvoerder van Interreg-programma's.",
        "purpose": "Openbaar lichaam naar Duits-Nederlands recht (Verdrag van Anholt), vergelijkbaar met een EGTS.",
        "transferred_powers": "Geen; de regio voert programma's uit namens de leden.",
        "exit_conditions": "Opzegging per het einde van een kalenderjaar met een termijn van een jaar.",
        "participations": [
            {
                "participant": PROVINCIE,
                "share_percentage": Decimal("12.00"),
                "votes": 3,
                "governance_interest_note": "Gedeputeerde lid van de raad en het bestuur",
                "financial_interest_form": AANSPRAKELIJKHEID,
            },
            *by_population(
                ("GM0014", "GM1979", "GM1895", "GM1950", "GM0765"),
                total="18.00",
                votes=1,
                governance_interest_note="Wethouder economie lid van de raad",
                financial_interest_form=AANSPRAKELIJKHEID,
            ),
        ],
        "contributions": {(2024, R): 610_000, (2025, B): 630_000, (2025, R): 630_000, (2026, B): 650_000},
        "financials": {
            (2024, R): figures(mln("1.15"), mln("1.2"), mln("3.4"), mln("3.9"), 50_000),
            (2025, B): figures(mln("1.2"), mln("1.2"), mln("3.9"), None, 0),
            (2025, R): figures(mln("1.2"), mln("1.25"), mln("3.9"), mln("4.4"), 45_000),
            (2026, B): figures(mln("1.25"), mln("1.25"), mln("4.4"), None, 0),
        },
    },
]


# Demo logins; created only by load_demo, never by a migration.
DEMO_USERS = [
    {
        "username": "beleid",
        "password": "beleid-demo-2026",
        "first_name": "Anneke",
        "last_name": "Huizinga",
        "group": BELEIDSMEDEWERKER,
        "gemeenten": ["GM0014"],
        "is_staff": False,
    },
    {
        "username": "beleid-oldambt",
        "password": "oldambt-demo-2026",
        "first_name": "Jelle",
        "last_name": "Bakker",
        "group": BELEIDSMEDEWERKER,
        "gemeenten": ["GM1895"],
        "is_staff": False,
    },
    {
        "username": "controller",
        "password": "controller-demo-2026",
        "first_name": "Sjoerd",
        "last_name": "Wiersma",
        "group": CONTROLLER,
        "gemeenten": ["GM0014"],
        "is_staff": False,
    },
    {
        "username": "griffie",
        "password": "griffie-demo-2026",
        "first_name": "Marije",
        "last_name": "Dijkstra",
        "group": RAAD_GRIFFIE,
        "gemeenten": ["GM0014"],
        "is_staff": False,
    },
    {
        "username": "beheer",
        "password": "beheer-demo-2026",
        "first_name": "Geert",
        "last_name": "Hoekstra",
        "group": BEHEERDER,
        "gemeenten": ["GM0014"],
        "is_staff": True,
    },
    {
        # The controller of the veiligheidsregio: keeps the party's own figures, documents and risks.
        "username": "bronhouder",
        "password": "bronhouder-demo-2026",
        "first_name": "Marieke",
        "last_name": "Dijkstra",
        "group": BRONHOUDER,
        "gemeenten": [],
        "partijen": ["Veiligheidsregio Groningen"],
        "is_staff": False,
    },
]

# What the demo veiligheidsregio supplied itself (its bronhouder): its begroting 2026, shown to every
# deelnemer as "aangeleverd door Veiligheidsregio Groningen op 14-11-2026".
SUPPLIED_FIGURES = {
    ("Veiligheidsregio Groningen", 2026, FigureKind.BEGROTING): {
        "source": "Begroting 2026, vastgesteld door het algemeen bestuur",
        "source_date": date(2025, 7, 3),
        "supplied_at": datetime(2026, 11, 14, 9, 30, tzinfo=UTC),
    },
}


# --- Loading ---------------------------------------------------------------------------------


def _money(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _sync(model, stats: Counter, label: str, obj, lookup: dict, values: dict):
    """Create the row when `obj` is None, else save only the fields that differ from `values`."""
    if obj is None:
        stats[f"{label}_nieuw"] += 1
        return model.objects.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
        stats[f"{label}_bijgewerkt"] += 1
    return obj


def _participants(stats: Counter) -> dict[str, Participant]:
    needed = set(GEMEENTEN) | {PROVINCIE}
    found = {p.code: p for p in Participant.objects.filter(code__in=needed)}
    missing = sorted(needed - set(found))
    if missing:
        raise LookupError(
            f"Deelnemers {', '.join(missing)} ontbreken; voer eerst `python manage.py migrate` of "
            "`python manage.py load_reference_data` uit."
        )
    existing = {p.code: p for p in Participant.objects.filter(code__in=[e["code"] for e in EXTRA_PARTICIPANTS])}
    for extra in EXTRA_PARTICIPANTS:
        values = {"kind": extra["kind"], "name": extra["name"]}
        found[extra["code"]] = _sync(
            Participant, stats, "deelnemers", existing.get(extra["code"]), {"code": extra["code"]}, values
        )
    return found


def _party_values(spec: dict, participants: dict, policy_areas: dict) -> dict:
    central = spec.get("central_municipality")
    return {
        "abbreviation": spec.get("abbreviation", ""),
        "legal_form": spec["legal_form"],
        "seat": spec["seat"],
        "status": spec.get("status", PartyStatus.ACTIEF),
        "policy_area_id": policy_areas[spec["policy_area"]].pk if spec.get("policy_area") else None,
        "public_interest": spec.get("public_interest", ""),
        "purpose": spec.get("purpose", ""),
        "transferred_powers": spec.get("transferred_powers", ""),
        "exit_conditions": spec.get("exit_conditions", ""),
        "founded_on": spec.get("founded_on"),
        "ended_on": spec.get("ended_on"),
        "kvk_number": spec.get("kvk_number", ""),
        "website": spec.get("website", ""),
        "regulation_url": spec.get("regulation_url", ""),
        "central_municipality_id": participants[central].pk if central else None,
        "regeling_kind": spec.get("regeling_kind", ""),
        "total_shares": spec.get("total_shares"),
    }


def _participation_values(row: dict, spec: dict, participant: Participant) -> dict:
    joined_on = row.get("joined_on")
    if joined_on is None and "joined_on" not in row and spec.get("founded_on"):
        # Gemeenten formed by a later herindeling joined on the day they came into being.
        joined_on = max(filter(None, [spec["founded_on"], participant.started_on]))
    elif joined_on and participant.started_on and joined_on < participant.started_on:
        # A gemeente formed by herindeling took over its predecessors' deelname on its first day.
        joined_on = participant.started_on
    share = row.get("share_percentage")
    return {
        "governance_interest": row.get("governance_interest", True),
        "governance_interest_note": row.get("governance_interest_note", ""),
        "votes": row.get("votes"),
        "financial_interest": row.get("financial_interest", True),
        "financial_interest_form": row.get("financial_interest_form", ""),
        "financial_interest_note": row.get("financial_interest_note", ""),
        "share_percentage": share if share else None,
        "shares_count": row.get("shares_count"),
        "nominal_value": row.get("nominal_value"),
        "joined_on": joined_on,
        "left_on": row.get("left_on"),
    }


def _participation_figures(row: dict, spec: dict, participant: Participant) -> dict:
    """(year, kind) -> the participant's contribution, belang and dividend, derived from the party's
    totals by its share, with the participation's own figures taking precedence."""
    share = row.get("share_percentage") or Decimal("0")
    shares, nominal = row.get("shares_count"), row.get("nominal_value")
    result = {}
    for key in YEARS:
        values = {}
        if key in spec.get("contributions", {}) and participant.code == spec.get("central_municipality"):
            # The centrumgemeente carries the tasks in its own begroting and pays no bijdrage to itself.
            values["contribution"] = None
        elif key in spec.get("contributions", {}) and share:
            values["contribution"] = (spec["contributions"][key] * share / 100).quantize(Decimal("1"))
        if key in spec.get("contributions_per_inhabitant", {}):
            per_inhabitant = Decimal(spec["contributions_per_inhabitant"][key])
            values["contribution"] = (per_inhabitant * POPULATION[participant.code]).quantize(Decimal("1"))
        if key in spec.get("dividend_per_share", {}) and shares:
            values["dividend"] = Decimal(spec["dividend_per_share"][key]) * shares
        if shares and nominal is not None and values:
            values["interest_start"] = values["interest_end"] = shares * nominal
            values.setdefault("contribution", 0)  # a shareholder pays no yearly contribution
        elif values and share and key in spec.get("financials", {}):
            party_figures = spec["financials"][key]
            for field, source in (("interest_start", "equity_start"), ("interest_end", "equity_end")):
                if party_figures[source] is not None and party_figures[source] >= 0:
                    values[field] = Decimal(party_figures[source]) * share / 100
        values.update(row.get("figures", {}).get(key, {}))
        if values:
            result[key] = {
                name: _money(values.get(name))
                for name in ("contribution", "interest_start", "interest_end", "dividend")
            }
    return result


def _sync_parties(participants: dict, policy_areas: dict, stats: Counter) -> None:
    """Parties, their figures, participations and participation figures: read what exists in a few
    queries, update what differs, and insert what is missing in bulk."""
    parties = {}
    for party in Party.objects.filter(name__in=[spec["name"] for spec in PARTIES]).order_by("-pk"):
        parties[party.name] = party  # with duplicate names, the oldest row is the demo's
    for spec in PARTIES:
        values = _party_values(spec, participants, policy_areas)
        parties[spec["name"]] = _sync(
            Party, stats, "partijen", parties.get(spec["name"]), {"name": spec["name"]}, values
        )

    party_figures = {
        (f.party_id, f.year, f.kind): f for f in PartyFinancials.objects.filter(party__in=parties.values())
    }
    new_party_figures = []
    for spec in PARTIES:
        party = parties[spec["name"]]
        for (year, kind), raw in spec.get("financials", {}).items():
            values = {name: _money(value) for name, value in raw.items()}
            current = party_figures.get((party.pk, year, kind))
            if current is None:
                new_party_figures.append(PartyFinancials(party=party, year=year, kind=kind, **values))
            else:
                _sync(PartyFinancials, stats, "partijcijfers", current, {}, values)
    PartyFinancials.objects.bulk_create(new_party_figures)
    stats["partijcijfers_nieuw"] += len(new_party_figures)

    def existing_participations():
        rows = Participation.objects.filter(party__in=parties.values())
        return {(p.party_id, p.participant_id): p for p in rows}

    participations = existing_participations()
    new_participations = []
    for spec in PARTIES:
        party = parties[spec["name"]]
        for row in spec.get("participations", []):
            participant = participants[row["participant"]]
            values = _participation_values(row, spec, participant)
            current = participations.get((party.pk, participant.pk))
            if current is None:
                new_participations.append(Participation(party=party, participant=participant, **values))
            else:
                _sync(Participation, stats, "deelnames", current, {}, values)
    if new_participations:
        Participation.objects.bulk_create(new_participations)
        stats["deelnames_nieuw"] += len(new_participations)
        participations = existing_participations()  # not every database returns the new keys

    participation_figures = {
        (f.participation_id, f.year, f.kind): f
        for f in ParticipationFinancials.objects.filter(participation__party__in=parties.values())
    }
    new_participation_figures = []
    for spec in PARTIES:
        party = parties[spec["name"]]
        for row in spec.get("participations", []):
            participant = participants[row["participant"]]
            participation = participations[(party.pk, participant.pk)]
            for (year, kind), values in _participation_figures(row, spec, participant).items():
                current = participation_figures.get((participation.pk, year, kind))
                if current is None:
                    new_participation_figures.append(
                        ParticipationFinancials(participation=participation, year=year, kind=kind, **values)
                    )
                else:
                    _sync(ParticipationFinancials, stats, "deelnamecijfers", current, {}, values)
    ParticipationFinancials.objects.bulk_create(new_participation_figures)
    stats["deelnamecijfers_nieuw"] += len(new_participation_figures)


def _sync_populations(participants: dict, stats: Counter) -> None:
    existing = {(p.participant_id, p.year): p for p in Population.objects.filter(participant__code__in=GEMEENTEN)}
    new = []
    for code in GEMEENTEN:
        participant = participants[code]
        for year in POPULATION_YEARS:
            values = {"inhabitants": population_of(code, year), "source": POPULATION_SOURCE}
            current = existing.get((participant.pk, year))
            if current is None:
                new.append(Population(participant=participant, year=year, **values))
            else:
                _sync(Population, stats, "inwonertallen", current, {}, values)
    Population.objects.bulk_create(new)
    stats["inwonertallen_nieuw"] += len(new)


def _sync_users(groups: dict, participants: dict, stats: Counter) -> None:
    user_model = get_user_model()
    existing = {u.username: u for u in user_model.objects.filter(username__in=[d["username"] for d in DEMO_USERS])}
    for demo in DEMO_USERS:
        values = {
            "first_name": demo["first_name"],
            "last_name": demo["last_name"],
            "email": f"{demo['username']}@example.org",
            "is_staff": demo["is_staff"],
            "is_superuser": False,
            "is_active": True,
        }
        user = existing.get(demo["username"])
        if user is None:
            user = user_model.objects.create_user(username=demo["username"], password=demo["password"], **values)
            stats["gebruikers_nieuw"] += 1
        else:
            user = _sync(user_model, stats, "gebruikers", user, {}, values)
            if not user.check_password(demo["password"]):
                # The table the command prints must stay true: restore the documented demo password.
                user.set_password(demo["password"])
                user.save(update_fields=["password"])
                stats["wachtwoorden_hersteld"] += 1
        group = groups[demo["group"]]
        if list(user.groups.values_list("pk", flat=True)) != [group.pk]:
            user.groups.set([group])
        wanted = {participants[code].pk for code in demo["gemeenten"]}
        current = set(user.municipality_links.values_list("municipality_id", flat=True))
        if wanted != current:
            user.municipality_links.exclude(municipality_id__in=wanted).delete()
            UserMunicipality.objects.bulk_create(
                UserMunicipality(user=user, municipality_id=pk) for pk in wanted - current
            )
            stats["gebruikersgemeenten"] += 1
        wanted = set(Party.objects.filter(name__in=demo.get("partijen", [])).values_list("pk", flat=True))
        current = set(user.party_links.values_list("party_id", flat=True))
        if wanted != current:
            user.party_links.exclude(party_id__in=wanted).delete()
            UserParty.objects.bulk_create(UserParty(user=user, party_id=pk) for pk in wanted - current)
            stats["gebruikerspartijen"] += 1


def _sync_supplied(stats: Counter) -> None:
    for (name, year, kind), values in SUPPLIED_FIGURES.items():
        figures = PartyFinancials.objects.select_related("party").get(party__name=name, year=year, kind=kind)
        _sync(PartyFinancials, stats, "aangeleverd", figures, {}, {**values, "supplied_by_id": figures.party_id})


# The gemeente whose register the demo publishes at /openbaar/<code>/.
PUBLIC_REGISTER = "GM0014"


def _sync_public_register(participants: dict, stats: Counter) -> None:
    # By label, not by import: the public register is an app above the demo (tests/test_layers.py).
    model = apps.get_model("public", "PublicRegister")
    register, created = model.objects.get_or_create(municipality=participants[PUBLIC_REGISTER])
    if not register.enabled:
        register.enabled, register.enabled_on = True, timezone.now()
        register.save(update_fields=["enabled", "enabled_on"])
        stats["openbaar_register_aan"] += 1


@transaction.atomic
def load_demo() -> Counter:
    """Bring the database in line with the demo data above; return how many rows were new or changed."""
    stats = Counter()
    groups = ensure_roles()
    participants = _participants(stats)
    policy_areas = {area.code: area for area in PolicyArea.objects.all()}
    _sync_parties(participants, policy_areas, stats)
    _sync_populations(participants, stats)
    _sync_users(groups, participants, stats)
    _sync_public_register(participants, stats)
    _sync_supplied(stats)
    return stats
