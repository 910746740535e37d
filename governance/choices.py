"""Choice lists of governance: functions of people, bodies and roles, the cycle, and assessments."""

from django.db import models


class PersonFunction(models.TextChoices):
    BURGEMEESTER = "burgemeester", "Burgemeester"
    WETHOUDER = "wethouder", "Wethouder"
    RAADSLID = "raadslid", "Raadslid"
    AMBTENAAR = "ambtenaar", "Ambtenaar"
    EXTERN = "extern", "Extern"


class Body(models.TextChoices):
    """The bodies of a party in which someone can hold a seat (Wgr art. 12-14, BW boek 2)."""

    ALGEMEEN_BESTUUR = "algemeen_bestuur", "Algemeen bestuur"
    DAGELIJKS_BESTUUR = "dagelijks_bestuur", "Dagelijks bestuur"
    BESTUUR_BVO = "bestuur_bvo", "Bestuur van een bedrijfsvoeringsorganisatie"
    AVA = "ava", "Algemene vergadering van aandeelhouders"
    RAAD_VAN_TOEZICHT = "raad_van_toezicht", "Raad van toezicht / commissarissen"
    ADVIESCOMMISSIE = "adviescommissie", "Gemeenschappelijke adviescommissie"
    AMBTELIJK_OVERLEG = "ambtelijk_overleg", "Ambtelijk overleg"


# Bodies through which a gemeente exercises zeggenschap: a seat in one of them makes someone the
# gemeente's representative (BBV art. 1 lid 1b). Advice and officials' meetings do not count.
REPRESENTATIVE_BODIES = frozenset(
    {Body.ALGEMEEN_BESTUUR, Body.DAGELIJKS_BESTUUR, Body.BESTUUR_BVO, Body.AVA, Body.RAAD_VAN_TOEZICHT}
)


class SeatRole(models.TextChoices):
    LID = "lid", "Lid"
    VOORZITTER = "voorzitter", "Voorzitter"
    PLAATSVERVANGEND_LID = "plaatsvervangend_lid", "Plaatsvervangend lid"
    SECRETARIS = "secretaris", "Secretaris"
    ADVISEUR = "adviseur", "Adviseur"


class OpinionStatus(models.TextChoices):
    """Where a gemeente's zienswijze on a document of the cycle stands."""

    NIET_GESTART = "niet_gestart", "Niet gestart"
    IN_VOORBEREIDING = "in_voorbereiding", "In voorbereiding"
    VOORGELEGD = "voorgelegd", "Voorgelegd aan de raad"
    VASTGESTELD = "vastgesteld", "Vastgesteld"
    VERZONDEN = "verzonden", "Verzonden"
    GEEN_ZIENSWIJZE = "geen_zienswijze", "Geen zienswijze"


# The zienswijze track is finished for the gemeente: nothing more to send before the deadline.
OPINION_DONE = frozenset({OpinionStatus.VERZONDEN, OpinionStatus.GEEN_ZIENSWIJZE})
# These statuses rest on a raadsbesluit, so its date is required.
OPINION_NEEDS_DECISION = frozenset({OpinionStatus.VASTGESTELD, OpinionStatus.VERZONDEN})


class EventKind(models.TextChoices):
    """A party's own dated events, for private-law parties in particular (BW boek 2)."""

    AVA = "ava", "Algemene vergadering van aandeelhouders"
    JAARREKENING = "jaarrekening", "Vaststelling jaarrekening"
    DIVIDEND = "dividend", "Dividendbesluit of -uitkering"
    BESTUURSVERGADERING = "bestuursvergadering", "Bestuursvergadering"
    OVERIG = "overig", "Overig"


class RiskProfile(models.TextChoices):
    """The risk profile of a deelname; it sets the sturingsarrangement (how closely it is followed)."""

    LAAG = "laag", "Laag"
    MIDDEN = "midden", "Midden"
    HOOG = "hoog", "Hoog"


# The sturingsarrangement per profile: months between reviews and what the review holds. The
# profile itself is re-assessed at least every four years, which is the laag interval.
REVIEW_MONTHS = {RiskProfile.HOOG: 6, RiskProfile.MIDDEN: 12, RiskProfile.LAAG: 48}
ARRANGEMENTS = {
    RiskProfile.HOOG: "Intensief: risicoanalyse twee keer per jaar en periodiek bestuurlijk overleg.",
    RiskProfile.MIDDEN: "Regulier: risicoanalyse eens per jaar.",
    RiskProfile.LAAG: "Licht: lezen van begroting en jaarrekening; het profiel wordt ten minste elke vier jaar "
    "opnieuw beoordeeld.",
}


class Signal(models.TextChoices):
    GROEN = "groen", "Groen"
    ORANJE = "oranje", "Oranje"
    ROOD = "rood", "Rood"


class CriterionGroup(models.TextChoices):
    TOETSINGSKADER = "toetsingskader", "Toetsingskader"
    VIER_K = "vier_k", "De 4 K's (motieven van samenwerking)"


class AuditOpinion(models.TextChoices):
    """The accountant's opinion on a jaarrekening (Besluit accountantscontrole decentrale overheden)."""

    GOEDKEUREND = "goedkeurend", "Goedkeurend"
    MET_BEPERKING = "met_beperking", "Met beperking"
    AFKEUREND = "afkeurend", "Afkeurend"
    OORDEELONTHOUDING = "oordeelonthouding", "Oordeelonthouding"
