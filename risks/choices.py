"""Choice lists of the risk register, with Dutch labels."""

from django.db import models


class RiskCategory(models.TextChoices):
    """The three kinds of risk a gemeente runs in a verbonden partij."""

    BESTUURLIJK = "bestuurlijk", "Bestuurlijk"
    BELEIDSMATIG = "beleidsmatig", "Beleidsmatig"
    FINANCIEEL = "financieel", "Financieel"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    BEHEERST = "beheerst", "Beheerst"
    VERVALLEN = "vervallen", "Vervallen"


class MeasureStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    IN_UITVOERING = "in_uitvoering", "In uitvoering"
    GEREED = "gereed", "Gereed"
