"""Doelen of a verbonden partij and how they are measured: maatschappelijke effecten and
doelstellingen, each serving a begrotingsprogramma (BBV art. 8 lid 3b), with indicatoren and per
year a streefwaarde and a realisatie. The status rule is in governance/goals.py."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from core.history import Historical
from core.periods import YEAR_VALIDATORS, year_constraint
from partners import text as plain_text
from partners.choices import ParticipantKind
from partners.models import Participant, Participation, Party, PolicyArea

from ..goals import Direction, Unit, format_value, latest_status, unit_problem

FIGURE = {"max_digits": 14, "decimal_places": 2, "null": True, "blank": True}


class GoalKind(models.TextChoices):
    EFFECT = "maatschappelijk_effect", "Maatschappelijk effect"
    DOELSTELLING = "doelstelling", "Doelstelling"


class Goal(models.Model):
    """A doel of a party: shared by all deelnemers, or a gemeente's own doel beside the shared ones."""

    party = models.ForeignKey(Party, verbose_name="partij", on_delete=models.PROTECT, related_name="goals")
    municipality = models.ForeignKey(
        Participant,
        verbose_name="eigen doel van gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="own_goals",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
        help_text="Leeg: een gedeeld doel van alle deelnemers. Gevuld: een eigen doel van die gemeente.",
    )
    kind = models.CharField("soort", max_length=30, choices=GoalKind.choices, default=GoalKind.DOELSTELLING)
    title = plain_text.CharField("doel", max_length=200)
    description = plain_text.TextField("toelichting", blank=True)
    policy_area = models.ForeignKey(
        PolicyArea,
        verbose_name="begrotingsprogramma",
        on_delete=models.PROTECT,
        related_name="goals",
        help_text="Het programma (beleidsveld) van de begroting waaraan dit doel bijdraagt; per programma "
        "zegt de begroting hoe de verbonden partijen bijdragen aan de doelen (BBV art. 8 lid 3b).",
    )
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    history = Historical()

    class Meta:
        verbose_name = "doel"
        verbose_name_plural = "doelen"
        ordering = ["party__name", "municipality__name", "order", "title"]
        constraints = [
            *plain_text.length_checks("goal", "description"),
            models.UniqueConstraint(
                fields=["party", "title"],
                condition=Q(municipality__isnull=True),
                name="goal_unique_shared_title",
                violation_error_message="Deze partij heeft al een gedeeld doel met deze naam.",
            ),
            models.UniqueConstraint(
                fields=["party", "municipality", "title"],
                name="goal_unique_own_title",
                violation_error_message="Deze gemeente heeft al een eigen doel met deze naam bij deze partij.",
            ),
        ]

    def __str__(self):
        return f"{self.party}: {self.title}"

    def get_absolute_url(self):
        return self.party.get_tab_url("doelen") + f"#doel-{self.pk}"

    def clean(self):
        if self.municipality_id and self.party_id:
            if not Participation.objects.filter(party_id=self.party_id, participant_id=self.municipality_id).exists():
                raise ValidationError(
                    {"municipality": f"{self.municipality} neemt niet deel in {self.party}; kies een deelnemer."}
                )


class Indicator(models.Model):
    """How a doel is measured: a figure in one unit, where higher or lower is better."""

    goal = models.ForeignKey(Goal, verbose_name="doel", on_delete=models.CASCADE, related_name="indicators")
    name = plain_text.CharField("indicator", max_length=200)
    unit = models.CharField("eenheid", max_length=20, choices=Unit.choices)
    direction = models.CharField(
        "richting", max_length=10, choices=Direction.choices, default=Direction.HOGER,
        help_text="Of een hogere of een lagere waarde beter is; bepaalt of de streefwaarde gehaald is.",
    )  # fmt: skip
    description = plain_text.TextField("toelichting", blank=True)
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    history = Historical()

    class Meta:
        verbose_name = "indicator"
        verbose_name_plural = "indicatoren"
        ordering = ["goal__party__name", "goal__order", "goal__title", "order", "name"]
        constraints = [
            *plain_text.length_checks("indicator", "description"),
            models.UniqueConstraint(
                fields=["goal", "name"],
                name="indicator_unique_name_per_goal",
                violation_error_message="Dit doel heeft al een indicator met deze naam.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_unit_display()})"

    def get_absolute_url(self):
        return self.goal.get_absolute_url()

    def format(self, value) -> str:
        return format_value(value, self.unit)

    def latest(self, values=None):
        """The latest realisatie with its streefwaarde and status (governance/goals.py)."""
        return latest_status(direction=self.direction, values=self.values.all() if values is None else values)


class IndicatorValue(models.Model):
    """One year of an indicator: the streefwaarde and the realisatie, with source and date."""

    indicator = models.ForeignKey(Indicator, verbose_name="indicator", on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField("jaar", validators=YEAR_VALIDATORS)
    target = models.DecimalField("streefwaarde", **FIGURE)
    actual = models.DecimalField("realisatie", **FIGURE)
    source = plain_text.CharField(
        "bron", max_length=200, blank=True, help_text="Waar de realisatie vandaan komt, bv. jaarverslag 2025."
    )
    measured_on = models.DateField("peildatum", null=True, blank=True, help_text="De datum van de realisatie.")

    history = Historical()

    class Meta:
        verbose_name = "streefwaarde en realisatie"
        verbose_name_plural = "streefwaarden en realisaties"
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="indicator_value_unique_year",
                violation_error_message="Deze indicator heeft voor dit jaar al een streefwaarde of realisatie.",
            ),
            year_constraint("indicator_value_year_range"),
            models.CheckConstraint(
                condition=Q(target__isnull=False) | Q(actual__isnull=False),
                name="indicator_value_has_a_figure",
                violation_error_message="Vul een streefwaarde, een realisatie of beide in.",
            ),
            models.CheckConstraint(
                condition=Q(actual__isnull=True) | (~Q(source="") & Q(measured_on__isnull=False)),
                name="indicator_value_actual_has_source",
                violation_error_message="Geef bij een realisatie de bron en de peildatum.",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.name} {self.year}"

    def get_absolute_url(self):
        return self.indicator.get_absolute_url()

    def clean(self):
        errors = {}
        # In the admin's add view the indicator is not saved yet, but it is set, with its doel.
        try:
            indicator = self.indicator
        except Indicator.DoesNotExist:
            indicator = None
        if indicator is not None and indicator.goal_id:
            for field in ("target", "actual"):
                problem = unit_problem(unit=indicator.unit, value=getattr(self, field))
                if problem:
                    errors[field] = problem
            party = indicator.goal.party
            if self.year and party.founded_on and self.year < party.founded_on.year:
                what = "Een realisatie" if self.actual is not None else "Een streefwaarde"
                errors["year"] = (
                    f"{what} voor {self.year} kan niet: {party} bestaat sinds "
                    f"{party.founded_on:%d-%m-%Y}. Kies {party.founded_on.year} of later."
                )
            elif self.year and party.ended_on and self.year > party.ended_on.year:
                errors["year"] = f"{party} is beëindigd op {party.ended_on:%d-%m-%Y}; {self.year} kan niet."
        if self.actual is not None:
            if not self.source:
                errors.setdefault("source", "Geef de bron van de realisatie.")
            if not self.measured_on:
                errors.setdefault("measured_on", "Geef de peildatum van de realisatie.")
            elif self.year and self.measured_on < date(self.year, 1, 1):
                errors.setdefault(
                    "measured_on",
                    f"De peildatum {self.measured_on:%d-%m-%Y} ligt vóór {self.year}: een realisatie van "
                    f"{self.year} is op zijn vroegst in dat jaar gemeten.",
                )
        if errors:
            raise ValidationError(errors)
