"""Signalen (early warnings): the thresholds a beheerder sets for the financial and governance rules of
governance/early_warnings.py, the index of the bijdrage per year, and a gemeente's acknowledgement of a
signal with a note. Named "early warnings" in code so they are not confused with Django's signals."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from core.history import Historical
from core.periods import YEAR_VALIDATORS, year_constraint
from partners import text as plain_text
from partners.choices import ParticipantKind
from partners.models import Participant, Party

PERCENT = {"max_digits": 5, "decimal_places": 1}
PERCENT_0_100 = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


class WarningRule(models.TextChoices):
    """The named rules of governance/early_warnings.py, in the order the pages list them."""

    BIJDRAGE_BOVEN_INDEX = "bijdrage_boven_index", "Bijdrage stijgt boven de index"
    EIGEN_VERMOGEN = "eigen_vermogen", "Eigen vermogen negatief of onder de ondergrens"
    NEGATIEF_RESULTAAT = "negatief_resultaat", "Jaren achter elkaar een negatief resultaat"
    SOLVABILITEIT = "solvabiliteit", "Solvabiliteit onder de ondergrens"
    DOCUMENT_TE_LAAT = "document_te_laat", "Begroting of jaarrekening te laat of niet ontvangen"
    ZIENSWIJZE_ZONDER_REACTIE = "zienswijze_zonder_reactie", "Zienswijze zonder schriftelijke reactie"
    BEGROTINGSWIJZIGINGEN = "begrotingswijzigingen", "Herhaalde begrotingswijzigingen"
    ACCOUNTANTSVERKLARING = "accountantsverklaring", "Accountantsverklaring niet goedkeurend"
    MONITORING_DAALT = "monitoring_daalt", "Monitoringscore daalt"


class WarningThresholds(models.Model):
    """The thresholds of the signalen: one row for the whole register (pk 1), edited by the beheerder."""

    contribution_margin = models.DecimalField(
        "marge boven de index (procentpunt)",
        **PERCENT,
        default=Decimal("0.0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text="Het signaal gaat af als de bijdrage (begroting) méér stijgt dan de index van dat jaar plus deze "
        "marge; precies gelijk aan index plus marge geeft geen signaal.",
    )
    default_index = models.DecimalField(
        "index als er voor het jaar geen is ingevoerd (%)",
        **PERCENT,
        default=Decimal("3.0"),
        validators=[MinValueValidator(Decimal("-100")), MaxValueValidator(Decimal("100"))],
        help_text="Geldt voor een jaar zonder eigen index (zie ‘Index van de bijdrage’).",
    )
    equity_share_min = models.DecimalField(
        "ondergrens eigen vermogen (% van het balanstotaal)",
        **PERCENT,
        default=Decimal("10.0"),
        validators=PERCENT_0_100,
        help_text="Het signaal gaat af als het eigen vermogen op 31-12 negatief is (hoog), of lager dan dit deel "
        "van het balanstotaal (eigen plus vreemd vermogen, BBV art. 15) en gedaald sinds 1-1 (midden). "
        "Precies gelijk aan de grens geeft geen signaal.",
    )
    negative_result_years = models.PositiveSmallIntegerField(
        "aantal jaren negatief resultaat",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Het signaal gaat af bij dit aantal jaarrekeningen achter elkaar met een tekort (resultaat "
        "onder nul); een resultaat van precies nul telt niet als tekort.",
    )
    solvency_min = models.DecimalField(
        "ondergrens solvabiliteit (%)",
        **PERCENT,
        default=Decimal("20.0"),
        validators=PERCENT_0_100,
        help_text="Solvabiliteitsratio: eigen vermogen gedeeld door het balanstotaal (kengetal van BBV art. 11 "
        "lid 4). Het signaal gaat af onder deze grens; precies gelijk geeft geen signaal.",
    )
    document_grace_days = models.PositiveSmallIntegerField(
        "coulance na de Wgr-datum (dagen)",
        default=0,
        validators=[MaxValueValidator(90)],
        help_text="De begroting moet vóór 15 september, de jaarrekening vóór 15 juli bij de toezichthouder zijn "
        "(Wgr art. 34 lid 2 en 3; art. 58 als een provincie deelneemt). Het signaal gaat af als het document "
        "meer dan dit aantal dagen na de uiterste dag is verzonden, of dan nog niet.",
    )
    opinion_answer_weeks = models.PositiveSmallIntegerField(
        "termijn voor de reactie op een zienswijze (weken)",
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text="Het bestuur reageert schriftelijk en gemotiveerd op een zienswijze. Het signaal "
        "gaat af als er meer dan dit aantal weken na verzending nog geen reactie is vastgelegd.",
    )
    budget_changes_max = models.PositiveSmallIntegerField(
        "aantal begrotingswijzigingen in één jaar",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="Het signaal gaat af bij dit aantal begrotingswijzigingen of meer voor één begrotingsjaar "
        "(ook een wijziging gaat voor een zienswijze naar de raden, Wgr art. 35).",
    )
    monitoring_drop = models.PositiveSmallIntegerField(
        "daling van een monitoringscore (stappen)",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text="Het signaal gaat af als een criterium in de laatste monitoringscan van de gemeente dit aantal "
        "stappen of meer lager scoort dan in de scan ervoor (scores 1 tot en met 5).",
    )

    history = Historical()

    class Meta:
        verbose_name = "drempels van de signalen"
        verbose_name_plural = "drempels van de signalen"
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="warning_thresholds_single_row"),
            models.CheckConstraint(
                condition=Q(equity_share_min__gte=0, equity_share_min__lte=100)
                & Q(solvency_min__gte=0, solvency_min__lte=100)
                & Q(contribution_margin__gte=0),
                name="warning_thresholds_percentages",
                violation_error_message="Een percentage ligt tussen 0 en 100.",
            ),
        ]

    def __str__(self):
        return "Drempels van de signalen"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "WarningThresholds":
        """The register's thresholds; the defaults when the beheerder has not saved any (1 query)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class ContributionIndex(models.Model):
    """The index for the bijdragen of one year, as the beheerder enters it (for instance the
    prijsindex of the regio's financial kaders)."""

    year = models.PositiveSmallIntegerField("jaar", unique=True, validators=YEAR_VALIDATORS)
    percentage = models.DecimalField(
        "index (%)",
        **PERCENT,
        validators=[MinValueValidator(Decimal("-100")), MaxValueValidator(Decimal("100"))],
        help_text="De toegestane stijging van de bijdrage ten opzichte van het jaar ervoor.",
    )
    source = plain_text.CharField(
        "bron", max_length=200, blank=True, help_text="Bijvoorbeeld: kaderbrief 2026 of CPB, Centraal Economisch Plan."
    )

    history = Historical()

    class Meta:
        verbose_name = "index van de bijdrage"
        verbose_name_plural = "indexen van de bijdrage"
        ordering = ["-year"]
        constraints = [year_constraint("contribution_index_year_range")]

    def __str__(self):
        return f"Index {self.year}: {self.percentage}%"


class WarningAcknowledgement(models.Model):
    """A gemeente has seen a signal and noted what it does about it. It holds for the figures the signal
    fired on (`fingerprint`): when one of them changes, the signal shows again."""

    municipality = models.ForeignKey(
        Participant,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="warning_acknowledgements",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
    )
    party = models.ForeignKey(
        Party, verbose_name="partij", on_delete=models.PROTECT, related_name="warning_acknowledgements"
    )
    rule = models.CharField("signaal", max_length=40, choices=WarningRule.choices)
    fingerprint = models.CharField(
        "vingerafdruk van de cijfers", max_length=64, help_text="Verandert als een cijfer van het signaal verandert."
    )
    note = plain_text.TextField("toelichting", help_text="Wat de gemeente met het signaal doet.")
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="bevestigd door",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField("bevestigd op", auto_now=True)

    history = Historical()

    class Meta:
        verbose_name = "bevestigd signaal"
        verbose_name_plural = "bevestigde signalen"
        ordering = ["municipality__name", "party__name", "rule", "-acknowledged_at"]
        constraints = [
            *plain_text.length_checks("warning_acknowledgement", "note"),
            models.UniqueConstraint(
                fields=["municipality", "party", "rule", "fingerprint"],
                name="warning_acknowledgement_unique",
                violation_error_message="Dit signaal is voor deze cijfers al bevestigd.",
            ),
        ]

    def __str__(self):
        return f"{self.get_rule_display()}: {self.party} ({self.municipality})"

    def get_absolute_url(self):
        return self.municipality.get_absolute_url() + "#signalen"
