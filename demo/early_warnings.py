"""Demo data for the signalen: the index of the bijdrage, the cycle documents that arrived (most in time,
one late, one missing), an accountantsverklaring met beperking, repeated begrotingswijzigingen, and one
signal acknowledged by the controller of Groningen. With the demo register (demo/register.py: the
afvalbedrijf's two deficits, bijdragen that grow faster than the index) several signals fire for reasons
a reader can check on the page."""

from collections import Counter
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from governance import early_warnings, law
from governance.choices import AuditOpinion
from governance.deadlines import DocumentKind
from governance.models import ContributionIndex, CycleDocument, WarningAcknowledgement, WarningRule
from partners.models import Participant, Party

from .governance import ODG, PGZ, VRG

AOG = "Afvalbeheer Oost-Groningen"
BNG = "BNG Bank N.V."

INDEXES = [
    (2025, Decimal("2.9"), "Gewogen loon- en prijsindex, kaderbrief 2025 van de regio"),
    (2026, Decimal("3.5"), "Gewogen loon- en prijsindex, kaderbrief 2026 van de regio"),
]

# The begroting 2027 and the jaarrekening 2025 of every party with the Wgr cycle reached the
# toezichthouder in time, except these (party: {kind: (adopted, sent to the toezichthouder)}).
BUDGET_IN_TIME = (date(2026, 7, 2), date(2026, 7, 9))
ACCOUNTS_IN_TIME = (date(2026, 6, 25), date(2026, 7, 3))
EXCEPTIONS = {
    # Adopted on 2 July, sent on 28 July: two weeks after adoption was 16 July, but "vóór 15 juli" ends on 14 July.
    ODG: {DocumentKind.JAARREKENING: (date(2026, 7, 2), date(2026, 7, 28))},
    # The begroting 2027 has not been recorded as sent to Gedeputeerde Staten.
    PGZ: {DocumentKind.BEGROTING: (date(2026, 7, 16), None)},
}
AUDIT_OPINIONS = {AOG: AuditOpinion.MET_BEPERKING}
EXTRA_BUDGET_CHANGES = {
    VRG: [("2e begrotingswijziging 2026", date(2026, 11, 3)), ("3e begrotingswijziging 2026", date(2026, 11, 24))]
}
ACKNOWLEDGED = [
    (
        "GM0014",
        BNG,
        WarningRule.SOLVABILITEIT,
        "controller",
        "Een bank meet zijn buffer naar bankmaatstaven (kernkapitaal); de leverage ratio van BNG Bank ligt ruim "
        "boven de eis. Geen actie nodig; volgen bij de jaarrekening 2026.",
    )
]


@transaction.atomic
def load_warnings_demo(*, today: date | None = None) -> Counter:
    stats = Counter()
    for year, percentage, source in INDEXES:
        _, created = ContributionIndex.objects.update_or_create(
            year=year, defaults={"percentage": percentage, "source": source}
        )
        stats["indexen"] += int(created)

    for party in Party.objects.order_by("name"):
        if not law.has_cycle(party.legal_form, by_regeling=party.cycle_by_regeling):
            continue
        exceptions = EXCEPTIONS.get(party.name, {})
        for kind, year, (adopted, sent) in (
            (DocumentKind.BEGROTING, 2027, exceptions.get(DocumentKind.BEGROTING, BUDGET_IN_TIME)),
            (DocumentKind.JAARREKENING, 2025, exceptions.get(DocumentKind.JAARREKENING, ACCOUNTS_IN_TIME)),
        ):
            defaults = {"adopted_on": adopted, "sent_to_supervisor_on": sent, "opinion_invited": False}
            if kind == DocumentKind.JAARREKENING:
                defaults["audit_opinion"] = AUDIT_OPINIONS.get(party.name, AuditOpinion.GOEDKEUREND)
            document = CycleDocument.objects.filter(party=party, kind=kind, year=year).first()
            if document is None:
                CycleDocument.objects.create(party=party, kind=kind, year=year, **defaults)
                stats["documenten"] += 1
            else:
                for name, value in defaults.items():
                    setattr(document, name, value)
                document.save()
        for title, sent in EXTRA_BUDGET_CHANGES.get(party.name, []):
            _, created = CycleDocument.objects.update_or_create(
                party=party, kind=DocumentKind.BEGROTINGSWIJZIGING, year=2026, title=title, defaults={"sent_on": sent}
            )
            stats["documenten"] += int(created)

    users = {u.username: u for u in get_user_model().objects.filter(username__in=[a[3] for a in ACKNOWLEDGED])}
    for code, party_name, rule, username, note in ACKNOWLEDGED:
        municipality = Participant.objects.filter(code=code).first()
        party = Party.objects.filter(name=party_name).first()
        if municipality is None or party is None:
            continue
        found = early_warnings.warnings_for(
            municipality_ids=[municipality.pk], party_ids=[party.pk], today=today or date.today()
        ).get(municipality.pk, [])
        for warning in found:
            if warning.rule == rule:
                _, created = WarningAcknowledgement.objects.update_or_create(
                    municipality=municipality,
                    party=party,
                    rule=rule,
                    fingerprint=warning.fingerprint,
                    defaults={"note": note, "acknowledged_by": users.get(username)},
                )
                stats["bevestigde signalen"] += int(created)
    return stats
