"""Governance demo data for the Groningen region of demo/register.py: people and seats, roles and
risk profiles, documents and zienswijzen for 2026/2027, events, monitoring scans and a visie.

Invented people, illustrative dates. Idempotent: running it again changes nothing. It expects
the register's demo (demo.register.load_demo) to have run first and skips what is not there.
"""

from collections import Counter
from datetime import date

from django.db import transaction

from governance.choices import Body, EventKind, OpinionStatus, PersonFunction, RiskProfile, SeatRole, Signal
from governance.deadlines import DocumentKind
from governance.models import (
    Assessment,
    Criterion,
    CycleDocument,
    CycleRules,
    MunicipalPolicy,
    Opinion,
    ParticipationGovernance,
    PartyEvent,
    Person,
    Score,
    Seat,
)
from partners.models import Participant, Participation, Party

VRG = "Veiligheidsregio Groningen"
PGZ = "Publieke Gezondheid & Zorg Groningen"
ODG = "Omgevingsdienst Groningen"
ARCHIEVEN = "Groninger Archieven"
ENEXIS = "Enexis Holding N.V."
WARMTESTAD = "WarmteStad B.V."
BNG = "BNG Bank N.V."

# (name, function, gemeente code)
PEOPLE = [
    ("Karin de Vries", PersonFunction.BURGEMEESTER, "GM0014"),
    ("Mark Bakker", PersonFunction.WETHOUDER, "GM0014"),
    ("Sanne Jansen", PersonFunction.WETHOUDER, "GM0014"),
    ("Erik Visser", PersonFunction.AMBTENAAR, "GM0014"),
    ("Roos Smit", PersonFunction.AMBTENAAR, "GM0014"),
    ("Jan Mulder", PersonFunction.BURGEMEESTER, "GM1895"),
    ("Anouk de Boer", PersonFunction.WETHOUDER, "GM0765"),
    ("Pieter Hoekstra", PersonFunction.EXTERN, None),
]

# (person, party, body, role, on behalf of, start, end)
SEATS = [
    ("Karin de Vries", VRG, Body.ALGEMEEN_BESTUUR, SeatRole.VOORZITTER, "GM0014", date(2023, 1, 1), None),
    ("Karin de Vries", VRG, Body.DAGELIJKS_BESTUUR, SeatRole.VOORZITTER, "GM0014", date(2023, 1, 1), None),
    ("Jan Mulder", VRG, Body.ALGEMEEN_BESTUUR, SeatRole.LID, "GM1895", date(2022, 6, 1), None),
    ("Anouk de Boer", VRG, Body.ALGEMEEN_BESTUUR, SeatRole.LID, "GM0765", date(2022, 6, 1), None),
    ("Mark Bakker", PGZ, Body.ALGEMEEN_BESTUUR, SeatRole.LID, "GM0014", date(2022, 6, 1), date(2026, 12, 31)),
    ("Mark Bakker", PGZ, Body.DAGELIJKS_BESTUUR, SeatRole.VOORZITTER, "GM0014", date(2022, 6, 1), date(2026, 12, 31)),
    ("Mark Bakker", ODG, Body.ALGEMEEN_BESTUUR, SeatRole.LID, "GM0014", date(2022, 6, 1), None),
    ("Erik Visser", ODG, Body.AMBTELIJK_OVERLEG, SeatRole.ADVISEUR, "GM0014", date(2024, 1, 1), None),
    ("Sanne Jansen", ARCHIEVEN, Body.ALGEMEEN_BESTUUR, SeatRole.LID, "GM0014", date(2022, 6, 1), date(2026, 3, 31)),
    ("Sanne Jansen", ENEXIS, Body.AVA, SeatRole.LID, "GM0014", date(2022, 6, 1), None),
    ("Sanne Jansen", WARMTESTAD, Body.AVA, SeatRole.LID, "GM0014", date(2022, 6, 1), None),
    ("Pieter Hoekstra", WARMTESTAD, Body.RAAD_VAN_TOEZICHT, SeatRole.VOORZITTER, None, date(2021, 1, 1), None),
]

# party: (eigenaar, opdrachtgever, accounthouder, profile, reason, profile set on, last review)
ROLES = {
    VRG: (
        "Karin de Vries",
        None,
        "Erik Visser",
        RiskProfile.MIDDEN,
        "Wettelijke taak; stabiele financiën, maar een groot aandeel in de kosten.",
        date(2024, 3, 1),
        date(2026, 3, 13),
    ),
    PGZ: (
        "Mark Bakker",
        "Mark Bakker",
        "Roos Smit",
        RiskProfile.HOOG,
        "Tekorten in de jeugdgezondheidszorg en een dalend weerstandsvermogen.",
        date(2025, 2, 1),
        date(2026, 2, 1),
    ),
    ODG: (
        "Mark Bakker",
        None,
        None,
        RiskProfile.MIDDEN,
        "Groeiend takenpakket onder de Omgevingswet.",
        date(2024, 3, 1),
        date(2026, 3, 1),
    ),
    ENEXIS: (
        "Sanne Jansen",
        None,
        "Roos Smit",
        RiskProfile.LAAG,
        "Kleine aandelenpositie, solide netbeheerder.",
        date(2024, 1, 1),
        date(2024, 1, 1),
    ),
}

# party: [(kind, year, title, sent, adopted, to GS, opinion invited)]
DOCUMENTS = {
    VRG: [
        (DocumentKind.KADERBRIEF, 2027, "", date(2026, 1, 30), None, None, False),
        (DocumentKind.VOORLOPIGE_JAARREKENING, 2025, "", date(2026, 4, 10), None, None, False),
        (DocumentKind.ONTWERPBEGROTING, 2027, "", date(2026, 4, 15), date(2026, 7, 9), None, True),
        (DocumentKind.BEGROTING, 2027, "", None, date(2026, 7, 9), date(2026, 7, 16), False),
        (DocumentKind.JAARREKENING, 2025, "", date(2026, 4, 10), date(2026, 7, 2), date(2026, 7, 10), False),
        (DocumentKind.BEGROTINGSWIJZIGING, 2026, "1e begrotingswijziging 2026", date(2026, 10, 20), None, None, True),
    ],
    PGZ: [
        (DocumentKind.KADERBRIEF, 2027, "", date(2026, 3, 25), None, None, False),
        (DocumentKind.ONTWERPBEGROTING, 2027, "", date(2026, 4, 20), date(2026, 7, 16), None, True),
        (
            DocumentKind.BEGROTINGSWIJZIGING,
            2026,
            "Begrotingswijziging jeugdgezondheidszorg",
            date(2026, 11, 2),
            None,
            None,
            True,
        ),
    ],
}

# (party, document kind, year, gemeente, status, raadsbesluit, sent, text, answer, answered)
OPINIONS = [
    (
        VRG,
        DocumentKind.ONTWERPBEGROTING,
        2027,
        "GM0014",
        OpinionStatus.VERZONDEN,
        date(2026, 6, 24),
        date(2026, 6, 26),
        "De raad stemt in en vraagt de stijging van de bijdrage te beperken tot de indexatie.",
        "Het algemeen bestuur neemt de zienswijze over voor de begroting 2028.",
        date(2026, 7, 9),
    ),
    (VRG, DocumentKind.BEGROTINGSWIJZIGING, 2026, "GM0014", OpinionStatus.IN_VOORBEREIDING, None, None, "", "", None),
    (
        PGZ,
        DocumentKind.ONTWERPBEGROTING,
        2027,
        "GM0014",
        OpinionStatus.VERZONDEN,
        date(2026, 7, 1),
        date(2026, 7, 3),
        "De raad maakt bezwaar tegen het structurele tekort.",
        "",
        None,
    ),
    (PGZ, DocumentKind.BEGROTINGSWIJZIGING, 2026, "GM0014", OpinionStatus.NIET_GESTART, None, None, "", "", None),
]

EVENTS = [
    (ENEXIS, EventKind.AVA, date(2027, 4, 15), "Jaarlijkse algemene vergadering van aandeelhouders"),
    (WARMTESTAD, EventKind.AVA, date(2026, 12, 10), "Buitengewone AvA: investeringsplan warmtenet"),
    (BNG, EventKind.DIVIDEND, date(2027, 1, 15), "Dividenduitkering over 2025"),
]

CRITERIA = [
    "Duurzaam partnerschap",
    "Kwaliteit van de dienstverlening",
    "Risicomanagement",
    "Kostenbesparing",
    "Kansen en uitdagingen",
    "Kosten",
    "Kwaliteit",
    "Klantgerichtheid",
    "Kwetsbaarheid",
]
# (party, gemeente, date, signal, scores in CRITERIA order, findings, follow-up)
ASSESSMENTS = [
    (VRG, "GM0014", date(2024, 3, 15), Signal.GROEN, [4, 4, 3, 3, 3, 3, 4, 4, 3], "Goede samenwerking.", ""),
    (VRG, "GM0014", date(2025, 3, 14), Signal.GROEN, [4, 4, 4, 3, 3, 3, 4, 4, 4], "Risicobeheer verbeterd.", ""),
    (
        VRG,
        "GM0014",
        date(2026, 3, 13),
        Signal.ORANJE,
        [4, 3, 4, 1, 3, 2, 3, 4, 3],
        "De bijdrage stijgt sneller dan de indexatie; de uitruktijden halen de norm niet overal.",
        "Bestuurlijk overleg over de kostenontwikkeling vóór de kaderbrief 2028.",
    ),
    (
        PGZ,
        "GM0014",
        date(2026, 2, 1),
        Signal.ROOD,
        [3, 3, 2, 2, 3, 2, 3, 3, 2],
        "Structureel tekort in de jeugdgezondheidszorg.",
        "Risicoanalyse elk halfjaar; herstelplan vragen.",
    ),
]

POLICIES = {
    ("GM0014", 2026): "Groningen werkt samen waar dat de kwaliteit vergroot of de kwetsbaarheid vermindert. "
    "De gemeente stuurt als eigenaar op continuïteit en als opdrachtgever op prijs en kwaliteit.",
    ("GM0014", 2027): "In 2027 herijkt Groningen het risicoprofiel van alle verbonden partijen en "
    "voert de gemeente de monitoringscan jaarlijks uit bij partijen met een hoog profiel.",
}


@transaction.atomic
def load_governance_demo() -> Counter:
    """Bring the governance demo rows in line with the lists above; return how many were new."""
    stats = Counter()
    parties = {p.name: p for p in Party.objects.filter(name__in=[VRG, PGZ, ODG, ARCHIEVEN, ENEXIS, WARMTESTAD, BNG])}
    codes = {code for _, _, code in PEOPLE if code}
    participants = {p.code: p for p in Participant.objects.filter(code__in=codes)}
    taking_part = set(
        Participation.objects.filter(party__in=parties.values(), participant__in=participants.values()).values_list(
            "party__name", "participant__code"
        )
    )

    def count(created, label):
        stats[label] += int(created)

    people = {}
    for name, function, code in PEOPLE:
        if code and code not in participants:
            continue
        people[name], created = Person.objects.update_or_create(
            name=name, defaults={"function": function, "municipality": participants.get(code)}
        )
        count(created, "personen")

    for person, party, body, role, code, start, end in SEATS:
        if party not in parties or person not in people or (code and (party, code) not in taking_part):
            continue
        _, created = Seat.objects.update_or_create(
            person=people[person],
            party=parties[party],
            body=body,
            role=role,
            started_on=start,
            defaults={"on_behalf_of": participants.get(code), "ended_on": end},
        )
        count(created, "zetels")

    for party, (owner, client, account, profile, reason, set_on, reviewed) in ROLES.items():
        if (party, "GM0014") not in taking_part:
            continue
        participation = Participation.objects.get(party=parties[party], participant=participants["GM0014"])
        _, created = ParticipationGovernance.objects.update_or_create(
            participation=participation,
            defaults={
                "owner_portfolio_holder": people.get(owner),
                "client_portfolio_holder": people.get(client),
                "account_holder": people.get(account),
                "risk_profile": profile,
                "risk_profile_reason": reason,
                "risk_profile_set_on": set_on,
                "last_review_on": reviewed,
            },
        )
        count(created, "rollen")

    if VRG in parties:
        _, created = CycleRules.objects.update_or_create(
            party=parties[VRG],
            defaults={
                "framework_letter_day": 1,
                "framework_letter_month": 2,
                "framework_letter_before": False,
                "note": "kaderbrief uiterlijk 1 februari, illustratief",
            },
        )
        count(created, "termijnen")

    documents = {}
    for party, rows in DOCUMENTS.items():
        if party not in parties:
            continue
        for kind, year, title, sent, adopted, to_gs, invited in rows:
            documents[(party, kind, year)], created = CycleDocument.objects.update_or_create(
                party=parties[party],
                kind=kind,
                year=year,
                title=title,
                defaults={
                    "sent_on": sent,
                    "adopted_on": adopted,
                    "sent_to_supervisor_on": to_gs,
                    "opinion_invited": invited,
                },
            )
            count(created, "documenten")

    for party, kind, year, code, status, decided, sent, text, answer, answered in OPINIONS:
        if (party, kind, year) not in documents or (party, code) not in taking_part:
            continue
        _, created = Opinion.objects.update_or_create(
            document=documents[(party, kind, year)],
            municipality=participants[code],
            defaults={
                "status": status,
                "council_decision_on": decided,
                "sent_on": sent,
                "text": text,
                "board_answer": answer,
                "answered_on": answered,
            },
        )
        count(created, "zienswijzen")

    for party, kind, day, title in EVENTS:
        if party in parties:
            _, created = PartyEvent.objects.update_or_create(
                party=parties[party], kind=kind, date=day, defaults={"title": title}
            )
            count(created, "afspraken")

    criteria = {c.name: c for c in Criterion.objects.filter(municipality=None, name__in=CRITERIA)}
    for party, code, day, signal, scores, findings, follow_up in ASSESSMENTS:
        if (party, code) not in taking_part:
            continue
        assessment, created = Assessment.objects.update_or_create(
            party=parties[party],
            municipality=participants[code],
            assessed_on=day,
            defaults={"signal": signal, "findings": findings, "follow_up": follow_up},
        )
        count(created, "beoordelingen")
        for name, value in zip(CRITERIA, scores, strict=True):
            if name in criteria:
                Score.objects.update_or_create(
                    assessment=assessment, criterion=criteria[name], defaults={"score": value}
                )

    for (code, year), text in POLICIES.items():
        if code in participants:
            _, created = MunicipalPolicy.objects.update_or_create(
                municipality=participants[code], year=year, defaults={"text": text}
            )
            count(created, "visies")
    return stats
