"""Choice lists of the register and the rule that maps a legal form to its BBV category."""

from django.db import models


class ParticipantKind(models.TextChoices):
    GEMEENTE = "gemeente", "Gemeente"
    PROVINCIE = "provincie", "Provincie"
    WATERSCHAP = "waterschap", "Waterschap"
    RIJK = "rijk", "Rijk"
    OVERIG = "overig", "Overige deelnemer"


class LegalForm(models.TextChoices):
    """Rechtsvormen: the four Wgr forms (art. 8), the regeling zonder meer, and private law."""

    OPENBAAR_LICHAAM = "openbaar_lichaam", "Openbaar lichaam"
    GEMEENSCHAPPELIJK_ORGAAN = "gemeenschappelijk_orgaan", "Gemeenschappelijk orgaan"
    BEDRIJFSVOERINGSORGANISATIE = "bedrijfsvoeringsorganisatie", "Bedrijfsvoeringsorganisatie"
    CENTRUMGEMEENTEREGELING = "centrumgemeenteregeling", "Centrumgemeenteregeling"
    REGELING_ZONDER_MEER = "regeling_zonder_meer", "Overige regeling (zonder meer)"
    NV = "nv", "Naamloze vennootschap (NV)"
    BV = "bv", "Besloten vennootschap (BV)"
    COOPERATIE = "cooperatie", "Coöperatie"
    STICHTING = "stichting", "Stichting"
    VERENIGING = "vereniging", "Vereniging"
    OVERIG = "overig", "Overig (o.a. EGTS)"


class RegelingKind(models.TextChoices):
    """Who made the gemeenschappelijke regeling (Wgr art. 1): the raden, the colleges, the
    burgemeesters, or a combination of them."""

    RAADSREGELING = "raadsregeling", "Raadsregeling"
    COLLEGEREGELING = "collegeregeling", "Collegeregeling"
    BURGEMEESTERSREGELING = "burgemeestersregeling", "Burgemeestersregeling"
    GEMENGDE_REGELING = "gemengde_regeling", "Gemengde regeling"


# Wgr art. 8 lid 3: a bedrijfsvoeringsorganisatie is set up by colleges or by burgemeesters only.
BVO_REGELING_KINDS = (RegelingKind.COLLEGEREGELING, RegelingKind.BURGEMEESTERSREGELING)
PRIVATE_LAW_FORMS = ("nv", "bv", "cooperatie", "stichting", "vereniging", "overig")


class BbvCategory(models.TextChoices):
    """The four groups of BBV art. 15, in their legal order (the values sort in that order)."""

    GEMEENSCHAPPELIJKE_REGELINGEN = "1", "Gemeenschappelijke regelingen"
    VENNOOTSCHAPPEN_COOPERATIES = "2", "Vennootschappen en coöperaties"
    STICHTINGEN_VERENIGINGEN = "3", "Stichtingen en verenigingen"
    OVERIGE = "4", "Overige verbonden partijen"


BBV_CATEGORY_BY_LEGAL_FORM = {
    LegalForm.OPENBAAR_LICHAAM: BbvCategory.GEMEENSCHAPPELIJKE_REGELINGEN,
    LegalForm.GEMEENSCHAPPELIJK_ORGAAN: BbvCategory.GEMEENSCHAPPELIJKE_REGELINGEN,
    LegalForm.BEDRIJFSVOERINGSORGANISATIE: BbvCategory.GEMEENSCHAPPELIJKE_REGELINGEN,
    LegalForm.CENTRUMGEMEENTEREGELING: BbvCategory.GEMEENSCHAPPELIJKE_REGELINGEN,
    LegalForm.REGELING_ZONDER_MEER: BbvCategory.GEMEENSCHAPPELIJKE_REGELINGEN,
    LegalForm.NV: BbvCategory.VENNOOTSCHAPPEN_COOPERATIES,
    LegalForm.BV: BbvCategory.VENNOOTSCHAPPEN_COOPERATIES,
    LegalForm.COOPERATIE: BbvCategory.VENNOOTSCHAPPEN_COOPERATIES,
    LegalForm.STICHTING: BbvCategory.STICHTINGEN_VERENIGINGEN,
    LegalForm.VERENIGING: BbvCategory.STICHTINGEN_VERENIGINGEN,
    LegalForm.OVERIG: BbvCategory.OVERIGE,
}


def bbv_category_for(legal_form: str) -> BbvCategory:
    """The BBV art. 15 category of a legal form."""
    return BBV_CATEGORY_BY_LEGAL_FORM[LegalForm(legal_form)]


def legal_forms_in(category: str) -> list[str]:
    """All legal forms that fall in a BBV category (for filtering in the database)."""
    return [form.value for form, cat in BBV_CATEGORY_BY_LEGAL_FORM.items() if cat == category]


class PartyKind(models.TextChoices):
    """What a party does, so that it can be compared with the parties like it (partners/comparison.py).
    Set by the beheerder; empty when not yet known. "Overig" parties are not compared: they are alike
    only in being none of the others."""

    VEILIGHEIDSREGIO = "veiligheidsregio", "Veiligheidsregio"
    GGD = "ggd", "GGD"
    OMGEVINGSDIENST = "omgevingsdienst", "Omgevingsdienst"
    AFVALBEDRIJF = "afvalbedrijf", "Afvalbedrijf"
    ARCHIEF = "archief", "Archief"
    BELASTINGSAMENWERKING = "belastingsamenwerking", "Belastingsamenwerking"
    SOCIALE_WERKVOORZIENING = "sociale_werkvoorziening", "Sociale werkvoorziening"
    OVERIG = "overig", "Overig"


class PartyStatus(models.TextChoices):
    IN_OPRICHTING = "in_oprichting", "In oprichting"
    ACTIEF = "actief", "Actief"
    IN_LIQUIDATIE = "in_liquidatie", "In liquidatie / uittreding"
    BEEINDIGD = "beeindigd", "Beëindigd"


class FinancialInterestForm(models.TextChoices):
    KAPITAAL = "kapitaal", "Kapitaalverstrekking / aandelen"
    LENING = "lening", "Lening"
    GARANTIE = "garantie", "Garantstelling"
    BORGSTELLING = "borgstelling", "Borgstelling"
    AANSPRAKELIJKHEID = "aansprakelijkheid", "Aansprakelijkheid voor tekorten"


class FigureKind(models.TextChoices):
    BEGROTING = "begroting", "Begroting"
    REALISATIE = "realisatie", "Realisatie (jaarrekening)"
