"""Sturing and monitoring: the criteria of the toetsingskader and the 4 K's (data, so a gemeente can
add its own), periodic assessments with scores 1–5, and a gemeente's visie on verbonden partijen."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from core.history import Historical
from core.periods import YEAR_VALIDATORS, year_constraint
from partners import scoping
from partners import text as plain_text
from partners.choices import ParticipantKind
from partners.models import Participant, Participation, Party

from ..choices import CriterionGroup, Signal

SCORE_MIN, SCORE_MAX = 1, 5
SCORE_MESSAGE = "Een score ligt tussen 1 en 5."


class Criterion(models.Model):
    """A criterion of the monitoring scan; without a gemeente it applies to every gemeente."""

    name = plain_text.CharField("naam", max_length=100)
    group = models.CharField("groep", max_length=20, choices=CriterionGroup.choices)
    description = plain_text.TextField("omschrijving", blank=True)
    order = models.PositiveSmallIntegerField("volgorde", default=0)
    municipality = models.ForeignKey(
        Participant,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessment_criteria",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
        help_text="Leeg: een criterium voor alle gemeenten. Gevuld: een eigen criterium van die gemeente.",
    )

    history = Historical()

    class Meta:
        verbose_name = "criterium"
        verbose_name_plural = "criteria"
        ordering = ["group", "order", "name"]
        constraints = [
            *plain_text.length_checks("criterion", "description"),
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(municipality__isnull=True),
                name="criterion_unique_common_name",
                violation_error_message="Er is al een algemeen criterium met deze naam.",
            ),
            models.UniqueConstraint(
                fields=["municipality", "name"],
                name="criterion_unique_name_per_municipality",
                violation_error_message="Deze gemeente heeft al een criterium met deze naam.",
            ),
        ]

    def __str__(self):
        return self.name


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Monitoring scans: a gemeente's own judgement of a party, for its own users only (not the raad's
        public version)."""
        if scoping.reads_public_version(user):
            return self.none()
        return self.filter(scoping.own_municipality_q(user))


class Assessment(models.Model):
    """A monitoring scan of one party by one gemeente on one date."""

    party = models.ForeignKey(Party, verbose_name="partij", on_delete=models.PROTECT, related_name="assessments")
    municipality = models.ForeignKey(
        Participant,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="assessments",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
    )
    assessed_on = models.DateField("datum beoordeling")
    signal = models.CharField("signaal", max_length=10, choices=Signal.choices)
    findings = plain_text.TextField("bevindingen", blank=True)
    follow_up = plain_text.TextField("vervolgacties", blank=True)

    history = Historical()

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = "beoordeling (monitoringscan)"
        verbose_name_plural = "beoordelingen (monitoringscan)"
        ordering = ["party__name", "municipality__name", "-assessed_on"]
        constraints = [
            *plain_text.length_checks("assessment", "findings", "follow_up"),
            models.UniqueConstraint(
                fields=["party", "municipality", "assessed_on"],
                name="assessment_unique_per_day",
                violation_error_message="Deze gemeente heeft deze partij op deze datum al beoordeeld.",
            ),
        ]

    def __str__(self):
        return f"Beoordeling {self.party} door {self.municipality} op {self.assessed_on:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("reports:party_detail", kwargs={"slug": self.party.slug}) + "#monitoring"

    def clean(self):
        if self.party_id and self.municipality_id:
            if not Participation.objects.filter(party_id=self.party_id, participant_id=self.municipality_id).exists():
                raise ValidationError({"municipality": f"{self.municipality} neemt niet deel in {self.party}."})


class Score(models.Model):
    """The score of one criterion in an assessment, 1 (slecht) to 5 (goed)."""

    assessment = models.ForeignKey(
        Assessment, verbose_name="beoordeling", on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(Criterion, verbose_name="criterium", on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(
        "score",
        validators=[MinValueValidator(SCORE_MIN, SCORE_MESSAGE), MaxValueValidator(SCORE_MAX, SCORE_MESSAGE)],
        help_text="1 (slecht) tot en met 5 (goed).",
    )
    note = plain_text.CharField("toelichting", max_length=255, blank=True)

    history = Historical()

    class Meta:
        verbose_name = "score"
        verbose_name_plural = "scores"
        ordering = ["criterion__group", "criterion__order", "criterion__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=SCORE_MIN) & Q(score__lte=SCORE_MAX),
                name="score_1_to_5",
                violation_error_message=SCORE_MESSAGE,
            ),
            models.UniqueConstraint(
                fields=["assessment", "criterion"],
                name="score_unique_criterion",
                violation_error_message="Dit criterium heeft in deze beoordeling al een score.",
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"

    def clean(self):
        if self.criterion_id and self.assessment_id and self.criterion.municipality_id:
            if self.criterion.municipality_id != self.assessment.municipality_id:
                raise ValidationError(
                    {"criterion": f"“{self.criterion}” is een eigen criterium van {self.criterion.municipality}."}
                )


class MunicipalPolicy(models.Model):
    """A gemeente's visie en beleidsvoornemens on its verbonden partijen for one year (BBV art. 15 lid 1a)."""

    municipality = models.ForeignKey(
        Participant,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="policies",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
    )
    year = models.PositiveSmallIntegerField("jaar", validators=YEAR_VALIDATORS)
    text = plain_text.TextField(
        "visie en beleidsvoornemens",
        help_text="De visie op verbonden partijen in relatie tot de realisatie van de doelstellingen "
        "en de beleidsvoornemens daarover (BBV art. 15 lid 1a).",
    )

    history = Historical()

    class Meta:
        verbose_name = "visie op verbonden partijen"
        verbose_name_plural = "visies op verbonden partijen"
        ordering = ["municipality__name", "-year"]
        constraints = [
            *plain_text.length_checks("municipal_policy", "text"),
            models.UniqueConstraint(
                fields=["municipality", "year"],
                name="municipal_policy_unique_year",
                violation_error_message="Deze gemeente heeft voor dit jaar al een visie vastgelegd.",
            ),
            year_constraint("municipal_policy_year_range"),
        ]

    def __str__(self):
        return f"Visie verbonden partijen {self.municipality} {self.year}"

    def get_absolute_url(self):
        return self.municipality.get_absolute_url() + f"?jaar={self.year}#visie"
