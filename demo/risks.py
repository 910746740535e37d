"""Demo risks for the Groningen region: a few risks with measures on the parties of gemeente
Groningen (GM0014) and its weerstandscapaciteit, so the heatmap and the weerstandsvermogen page
show something. Amounts and probabilities are illustrative, not taken from any jaarstukken.

Call `load_risk_demo()` after `demo.register.load_demo()`; it is idempotent (matched on party and title).
Review dates count back from today, so the demo does not age into "herbeoordeling verlopen": a risk
gets its date when it is created, and a later run only moves it when the review has since run out
for a risk meant to be current. Two risks are overdue on purpose (one reviewed 430 days ago, one
never reviewed), so the signal still shows.
"""

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from partners.models import Participant, Participation, Party
from risks.choices import MeasureStatus, RiskCategory, RiskStatus
from risks.models import REVIEW_INTERVAL, Measure, ResistanceCapacity, Risk

FIN, BEL, BES = RiskCategory.FINANCIEEL, RiskCategory.BELEIDSMATIG, RiskCategory.BESTUURLIJK
GRONINGEN = "GM0014"
IDENTIFIED_ON = date(2023, 11, 1)


def mln(amount) -> Decimal:
    return Decimal(str(amount)) * 1_000_000


RISKS = [
    {
        "party": "veiligheidsregio-groningen",
        "title": "Hogere bouwkosten nieuwe brandweerkazernes",
        "description": (
            "Aanbestedingen voor de nieuwe kazernes vallen hoger uit dan begroot door gestegen bouw- en "
            "installatiekosten; de deelnemers vullen het verschil aan."
        ),
        "category": FIN,
        "likelihood": 3,
        "impact": 4,
        "amount_min": mln("1.5"),
        "amount_max": mln("4"),
        "owner": "Portefeuillehouder veiligheid",
        "reviewed_days_ago": 45,
        "measures": [("Kostenraming per kazerne laten toetsen door een externe bureau", MeasureStatus.IN_UITVOERING)],
    },
    {
        "party": "publieke-gezondheid-zorg-groningen",
        "title": "Tekort op de jeugdgezondheidszorg door loonkosten",
        "description": (
            "De cao-stijging in de jeugdgezondheidszorg wordt niet volledig gedekt door de indexatie van de bijdragen."
        ),
        "category": FIN,
        "likelihood": 4,
        "impact": 3,
        "amount_min": mln("0.5"),
        "amount_max": mln("1.2"),
        "owner": "Accounthouder GGD",
        "reviewed_days_ago": 120,
        "measures": [],
    },
    {
        "party": "centrumgemeenteregeling-beschermd-wonen-en-maatschappelijke-opvang-groningen",
        "title": "Stijgende kosten beschermd wonen na de doordecentralisatie",
        "description": (
            "Met de doordecentralisatie verschuiven middelen naar de regiogemeenten terwijl de vraag naar "
            "beschermd wonen blijft groeien; de centrumgemeente draagt het tekort tot de verdeling is "
            "afgesproken."
        ),
        "category": BEL,
        "likelihood": 4,
        "impact": 5,
        "amount_min": mln("2"),
        "amount_max": mln("6"),
        "owner": "Portefeuillehouder zorg",
        "reviewed_days_ago": 430,
        "measures": [
            ("Regionale afspraken over de verdeling van het tekort", MeasureStatus.GEPLAND),
            ("Kwartaalmonitor van cliëntaantallen", MeasureStatus.GEREED),
        ],
    },
    {
        "party": "warmtestad-bv",
        "own_participation": True,
        "title": "Garantstelling lening WarmteStad",
        "description": (
            "De gemeente staat garant voor een lening van WarmteStad; als het warmtenet te weinig "
            "aansluitingen haalt, kan de garantie worden aangesproken."
        ),
        "category": FIN,
        "likelihood": 1,
        "impact": 5,
        "amount_min": mln("0.5"),
        "amount_max": mln("3"),
        "owner": "Wethouder financiën",
        "reviewed_days_ago": 20,
        "measures": [("Jaarlijkse toets op de liquiditeitsprognose van WarmteStad", MeasureStatus.IN_UITVOERING)],
    },
    {
        "party": "waterbedrijf-groningen-nv",
        "title": "Lager dividend door investeringen in het leidingnet",
        "description": (
            "De vervanging van het leidingnet gaat voor op de winstuitkering, zodat het dividend enkele jaren"
            " lager uitvalt."
        ),
        "category": FIN,
        "likelihood": 3,
        "impact": 2,
        "amount_min": mln("0.1"),
        "amount_max": mln("0.4"),
        "status": RiskStatus.BEHEERST,
        "owner": "Accounthouder deelnemingen",
        "reviewed_days_ago": 200,
        "measures": [],
    },
    {
        "party": "omgevingsdienst-groningen",
        "title": "Achterstand in vergunningverlening",
        "description": (
            "Door krapte op de arbeidsmarkt lopen vergunningen en toezicht achter op het werkprogramma; dat "
            "raakt de bestuurlijke afspraken met de deelnemers."
        ),
        "category": BES,
        "likelihood": 3,
        "impact": 2,
        "amount_min": None,
        "amount_max": None,
        "owner": "Portefeuillehouder omgeving",
        "reviewed_days_ago": None,
        "measures": [("Bestuurlijk overleg over prioriteiten in het werkprogramma", MeasureStatus.GEPLAND)],
    },
    {
        "party": "eems-dollard-regio",
        "title": "Terugvordering van Interreg-subsidie",
        "description": (
            "Bij de eindafrekening van een Interreg-project kan de subsidiegever kosten afkeuren en een deel "
            "van de subsidie terugvorderen."
        ),
        "category": FIN,
        "likelihood": 2,
        "impact": 3,
        "amount_min": mln("0.1"),
        "amount_max": mln("0.5"),
        "confidential": True,
        "owner": "Concerncontroller",
        "reviewed_days_ago": 75,
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
    today = timezone.localdate()
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
        title, days_ago = spec.pop("title"), spec.pop("reviewed_days_ago")
        reviewed_on = None if days_ago is None else max(IDENTIFIED_ON, today - timedelta(days=days_ago))
        defaults = {"participation": participation, "identified_on": IDENTIFIED_ON, **spec}
        risk, created = Risk.objects.update_or_create(
            party=party,
            title=title,
            defaults=defaults,
            create_defaults={**defaults, "reviewed_on": reviewed_on},
        )
        stats["risico's nieuw"] += created
        meant_current = days_ago is not None and timedelta(days=days_ago) < REVIEW_INTERVAL
        if not created and meant_current and (risk.reviewed_on is None or risk.is_review_overdue):
            risk.reviewed_on = reviewed_on
            risk.save(update_fields=["reviewed_on"])
            stats["herbeoordelingen bijgewerkt"] += 1
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
