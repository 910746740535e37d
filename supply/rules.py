"""What a bronhouder may change of his party's record, and how a supplied change is saved: one set of
rules for the Aanleveren pages (supply/views.py) and the API (api/views.py).

The party supplies its figures, its P&C documents with their dates, the bestuur's answers to the
zienswijzen and its own party-wide risks. What a gemeente records for itself (its share, its
representatives, its risk profile, its zienswijze, a risk it weighs on its own deelname, a confidential
risk) stays the gemeente's: it is not in these querysets, so it answers 404.
"""

from django.db import transaction

from governance.models import CycleDocument, Opinion
from partners.models import PartyFinancials
from risks.models import Risk


def financials_of(party):
    return PartyFinancials.objects.filter(party=party).select_related("party", "supplied_by")


def documents_of(party):
    return CycleDocument.objects.filter(party=party).select_related("party", "supplied_by")


def opinions_of(party):
    """The zienswijzen on the party's documents: the party answers them (board_answer, answered_on)."""
    return (
        Opinion.objects.filter(document__party=party)
        .select_related("document", "municipality", "supplied_by")
        .order_by("-document__year", "document__kind", "municipality__name", "pk")
    )


def risks_of(party):
    """The party's own risks: of the whole party, not confidential, and supplied by the party itself
    (a party-wide risk a gemeente recorded is that gemeente's assessment, not the party's)."""
    return Risk.objects.filter(party=party, participation=None, confidential=False, supplied_by=party).select_related(
        "party", "supplied_by"
    )


def prepare(instance, *, party) -> None:
    """Fix what the party cannot choose, before validation: the party, and for a risk its scope."""
    if isinstance(instance, Opinion):
        return
    instance.party = party
    if isinstance(instance, Risk):
        instance.participation = None
        instance.confidential = False


def change_reason(party, *, via: str = "") -> str:
    """On whose behalf, as the history shows it beside the user who made the change."""
    return f"namens {party.name}" + (f" via API-sleutel “{via}”" if via else "")


@transaction.atomic
def save_supplied(instance, *, party, via: str = ""):
    """Save a validated row as supplied by `party` now, with the party named in its history."""
    prepare(instance, party=party)
    instance.mark_supplied(party)
    instance._change_reason = change_reason(party, via=via)
    instance.save()
    return instance
