"""Demo risks for the Groningen region: a few risks with measures on the parties of gemeente
Groningen (GM0014) and its weerstandscapaciteit, so the heatmap and the weerstandsvermogen page
show something. Amounts and probabilities are illustrative, not taken from any jaarstukken.

Call `load_risk_demo()` after `partners.demo.load_demo()`; it is idempotent (matched on party and title).
"""

from collections import Counter
from datetime import date
from decimal import Decimal

from django.db import transaction

from partners.models import Participant, Participation, Party

from .choices import MeasureStatus, RiskCategory, RiskStatus
from .models import Measure, ResistanceCapacity, Risk

FIN, BEL, BES = RiskCategory.FINANCIEEL, RiskCategory.BELEIDSMATIG, RiskCategory.BESTUURLIJK
GRONINGEN = "GM0014"


def mln(amount) -> Decimal:
    return Decimal(str(amount)) * 1_000_000


RISKS = [
    {
        "party": "veiligheidsregio-groningen",
        "title": "Hogere bouwkosten nieuwe brandweerkazernes",
        "category": FIN,
        "likelihood": 3,
        "impact": 4,
        "amount_min": mln("1.5"),
        "amount_max": mln("4"),
        "owner": "Portefeuillehouder veiligheid",
        "reviewed_on": date(2025, 9, 1),
        "measures": [("Kostenraming per kazerne laten toetsen door een externe bureau", MeasureStatus.IN_UITVOERING)],
    },
    {
        "party": "publieke-gezondheid-zorg-groningen",
        "title": "Tekort op de jeugdgezondheidszorg door loonkosten",
        "category": FIN,
        "likelihood": 4,
        "impact": 3,
        "amount_min": mln("0.5"),
        "amount_max": mln("1.2"),
        "owner": "Accounthouder GGD",
        "reviewed_on": date(2025, 4, 15),
        "measures": [],
    },
    {
        "party": "centrumgemeenteregeling-beschermd-wonen-en-maatschappelijke-opvang-groningen",
        "title": "Stijgende kosten beschermd wonen na de doordecentralisatie",
        "category": BEL,
        "likelihood": 4,
        "impact": 5,
        "amount_min": mln("2"),
        "amount_max": mln("6"),
        "owner": "Portefeuillehouder zorg",
        "reviewed_on": date(2024, 3, 1),
        "measures": [
            ("Regionale afspraken over de verdeling van het tekort", MeasureStatus.GEPLAND),
            ("Kwartaalmonitor van cliëntaantallen", MeasureStatus.GEREED),
        ],
    },
    {
        "party": "warmtestad-bv",
        "own_participation": True,
        "title": "Garantstelling lening WarmteStad",
        "category": FIN,
        "likelihood": 1,
        "impact": 5,
        "amount_min": mln("0.5"),
        "amount_max": mln("3"),
        "owner": "Wethouder financiën",
        "reviewed_on": date(2025, 10, 1),
        "measures": [("Jaarlijkse toets op de liquiditeitsprognose van WarmteStad", MeasureStatus.IN_UITVOERING)],
    },
    {
        "party": "waterbedrijf-groningen-nv",
        "title": "Lager dividend door investeringen in het leidingnet",
        "category": FIN,
        "likelihood": 3,
        "impact": 2,
        "amount_min": mln("0.1"),
        "amount_max": mln("0.4"),
        "status": RiskStatus.BEHEERST,
        "owner": "Accounthouder deelnemingen",
        "reviewed_on": date(2025, 5, 20),
        "measures": [],
    },
    {
        "party": "omgevingsdienst-groningen",
        "title": "Achterstand in vergunningverlening",
        "category": BES,
        "likelihood": 3,
        "impact": 2,
        "amount_min": None,
        "amount_max": None,
        "owner": "Portefeuillehouder omgeving",
        "reviewed_on": None,
        "measures": [("Bestuurlijk overleg over prioriteiten in het werkprogramma", MeasureStatus.GEPLAND)],
    },
    {
        "party": "eems-dollard-regio",
        "title": "Terugvordering van Interreg-subsidie",
        "category": FIN,
        "likelihood": 2,
        "impact": 3,
        "amount_min": mln("0.1"),
        "amount_max": mln("0.5"),
        "confidential": True,
        "owner": "Concerncontroller",
        "reviewed_on": date(2025, 2, 1),
        "measures": [],
    },
]

CAPACITY = [
    {"year": 2025, "available": mln("4.5"), "note": "Algemene reserve, deel dat vrij aanwendbaar is."},
    {"year": 2026, "available": mln("3.2"), "note": "Na de geplande onttrekking voor het sociaal domein."},
]


@transaction.atomic
def load_risk_demo() -> Counter:
    """Bring the demo risks, their measures and Groningen's weerstandscapaciteit in line with the data above."""
    stats = Counter()
    groningen = Participant.objects.get(code=GRONINGEN)
    parties = {p.slug: p for p in Party.objects.filter(slug__in={spec["party"] for spec in RISKS})}
    for spec in RISKS:
        spec = dict(spec)
        party = parties.get(spec.pop("party"))
        if party is None:
            continue
        measures = spec.pop("measures")
        participation = None
        if spec.pop("own_participation", False):
            participation = Participation.objects.get(party=party, participant=groningen)
        risk, created = Risk.objects.update_or_create(
            party=party,
            title=spec.pop("title"),
            defaults={"participation": participation, "identified_on": date(2023, 11, 1), **spec},
        )
        stats["risico's nieuw"] += created
        for description, status in measures:
            _, created = Measure.objects.update_or_create(
                risk=risk,
                description=description,
                defaults={"status": status, "owner": risk.owner, "due_on": date(2026, 6, 30)},
            )
            stats["maatregelen nieuw"] += created
    for values in CAPACITY:
        values = dict(values)
        _, created = ResistanceCapacity.objects.update_or_create(
            municipality=groningen, year=values.pop("year"), defaults=values
        )
        stats["weerstandscapaciteit nieuw"] += created
    return stats
