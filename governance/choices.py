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
