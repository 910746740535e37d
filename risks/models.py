"""Risks of verbonden partijen, their beheersmaatregelen, the risk matrix settings and the
weerstandscapaciteit per gemeente per year (BBV art. 11)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from core import peildatum
from core.history import Historical
from core.periods import YEAR_VALIDATORS, year_constraint
from partners import scoping
from partners import text as plain_text
from partners.choices import ParticipantKind
from partners.models import Participant, Participation, Party, SuppliedByParty

from . import matrix
from .choices import MeasureStatus, RiskCategory, RiskStatus

COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Geef een kleur op als #rrggbb, bijvoorbeeld #1b4a17.")
AMOUNT = {"max_digits": 16, "decimal_places": 2, "null": True, "blank": True}
# A risk is due for review when its last review (or, if never reviewed, its identification)
# is longer ago than this: once a year is the minimum the nota's verbonden partijen ask for.
REVIEW_INTERVAL = datetime.timedelta(days=365)
DEFAULT_PERCENTILE = Decimal("90")
DEFAULT_ITERATIONS = 10_000
MAX_ITERATIONS = 200_000
PERCENTILE_MESSAGE = "De zekerheid (percentiel) moet tussen 50 en 99,9 liggen."
ITERATIONS_MESSAGE = "Het aantal simulaties ligt tussen 1.000 en 200.000."


class LikelihoodClass(models.Model):
    """A kans class (1–5) with the probability that a risk of that class occurs."""

    value = models.PositiveSmallIntegerField(
        "kansklasse", unique=True, choices=[(v, str(v)) for v in matrix.LIKELIHOOD_CLASSES]
    )
    name = plain_text.CharField("omschrijving", max_length=40)
    probability = models.DecimalField(
        "kans (%)",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text="De kans dat een risico van deze klasse zich voordoet; telt mee in de simulatie (BBV art. 11).",
    )

    history = Historical()

    class Meta:
        verbose_name = "kansklasse"
        verbose_name_plural = "kansklassen"
        ordering = ["value"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=1) & Q(value__lte=5),
                name="likelihood_class_1_5",
                violation_error_message="Een kansklasse ligt tussen 1 en 5.",
            ),
            models.CheckConstraint(
                condition=Q(probability__gte=0) & Q(probability__lte=100),
                name="likelihood_probability_0_100",
                violation_error_message="De kans moet tussen 0 en 100% liggen.",
            ),
        ]

    def __str__(self):
        return f"{self.value} – {self.name} ({self.probability.normalize():f}%)".replace(".", ",")

    def get_absolute_url(self):
        return reverse("risks:risk_list") + f"?kans={self.value}"


class RiskLevel(models.Model):
    """A level of the risk matrix (laag, midden, hoog, zeer hoog) from its lowest score upwards."""

    code = models.SlugField("code", max_length=20, unique=True)
    name = plain_text.CharField("naam", max_length=40)
    min_score = models.PositiveSmallIntegerField(
        "vanaf score",
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(matrix.MAX_SCORE)],
        help_text="De laagste score (kans × impact) van dit niveau.",
    )
    background = models.CharField("achtergrondkleur", max_length=7, validators=[COLOUR])
    text_color = models.CharField(
        "tekstkleur", max_length=7, validators=[COLOUR], help_text="Contrast met de achtergrond minstens 4,5:1."
    )

    history = Historical()

    class Meta:
        verbose_name = "risiconiveau"
        verbose_name_plural = "risiconiveaus"
        ordering = ["min_score"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_score__gte=1) & Q(min_score__lte=matrix.MAX_SCORE),
                name="risk_level_min_score_1_25",
                violation_error_message="De laagste score van een niveau ligt tussen 1 en 25.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("risks:risk_list") + f"?niveau={self.code}"

    def clean(self):
        colours = [self.background, self.text_color]
        if all(colour and COLOUR.regex.match(colour) for colour in colours):
            ratio = matrix.contrast_ratio(self.text_color, self.background)
            if ratio < matrix.MIN_CONTRAST:
                raise ValidationError(
                    {
                        "text_color": f"Het contrast tussen tekst en achtergrond is {ratio:.1f}:1".replace(".", ",")
                        + "; dat moet minstens 4,5:1 zijn."
                    }
                )


class RiskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=RiskStatus.OPEN)

    def public(self):
        """Risks that may appear in a public report: never the confidential ones. Read at a peildatum
        (core/peildatum.py), also not those confidential now: a risk made confidential later is
        hidden in the past too, from whoever may not see confidential risks."""
        public = self.filter(confidential=False)
        if self.db == DEFAULT_DB_ALIAS:
            return public
        return public.exclude(pk__in=confidential_now())

    def with_score(self):
        return self.annotate(score_value=matrix.score_expression())

    def review_overdue(self, today: datetime.date | None = None):
        """Open or beheerste risks whose last review (or identification) is more than a year ago."""
        limit = (today or peildatum.today()) - REVIEW_INTERVAL
        return self.exclude(status=RiskStatus.VERVALLEN).filter(
            Q(reviewed_on__lt=limit) | Q(reviewed_on__isnull=True, identified_on__lt=limit)
        )

    def weighing_for(self, municipality):
        """Risks that weigh for a gemeente in its parties: party-wide ones and those on its own deelname,
        never one recorded on another deelnemer's deelname (partners/scoping.py, party_wide_or_own)."""
        return self.filter(scoping.party_wide_or_own(municipality))

    def for_municipality(self, municipality):
        """Risks of the parties a gemeente takes part in that weigh for it."""
        return self.filter(party__participations__participant=municipality).weighing_for(municipality)

    def visible_to(self, user):
        """Risks of visible parties, not recorded on another deelnemer's own deelname; confidential ones
        only for controllers and beheerders (at a peildatum: not confidential then, nor now)."""
        queryset = self if scoping.can_see_confidential(user) else self.public()
        condition = visible_q(user)
        return queryset.filter(condition) if condition else queryset


def visible_q(user) -> Q:
    """The condition on a risk's own fields under which the user may see it: also for a past version
    of a risk (reports/changes.py), which the user may see only if it met this condition then."""
    condition = Q() if scoping.can_see_confidential(user) else Q(confidential=False)
    return condition & scoping.weighing_q(user)


def confidential_now() -> list[int]:
    """The ids of the risks that are confidential in the register as it is now (one query)."""
    return list(Risk.objects.using(DEFAULT_DB_ALIAS).filter(confidential=True).values_list("pk", flat=True))


def public_ids(risks) -> set[int]:
    """The ids of loaded `risks` that RiskQuerySet.public() would keep: one query if they were read at
    a peildatum, none otherwise."""
    past = any(risk._state.db != DEFAULT_DB_ALIAS for risk in risks)
    hidden = set(confidential_now()) if past else set()
    return {risk.pk for risk in risks if not risk.confidential and risk.pk not in hidden}


class Risk(SuppliedByParty, models.Model):
    """A risk of a verbonden partij, or of one gemeente's participation in it (e.g. a guarantee)."""

    party = models.ForeignKey(Party, verbose_name="partij", on_delete=models.PROTECT, related_name="risks")
    participation = models.ForeignKey(
        Participation,
        verbose_name="deelname",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="risks",
        help_text="Alleen invullen als het risico de deelname van één deelnemer betreft, zoals een "
        "garantstelling; die deelnemer draagt het dan volledig. Leeg: een risico van de hele partij.",
    )
    category = models.CharField("categorie", max_length=20, choices=RiskCategory.choices)
    title = plain_text.CharField("titel", max_length=200)
    description = plain_text.TextField("omschrijving", blank=True)
    likelihood = models.PositiveSmallIntegerField(
        "kans",
        choices=[(v, f"{v} – {label}") for v, label in matrix.LIKELIHOOD_LABELS.items()],
        help_text="Kansklasse 1–5; de kans in procenten per klasse staat bij de kansklassen.",
        error_messages={"invalid_choice": "Kies een kansklasse van 1 tot en met 5; %(value)s bestaat niet."},
    )
    impact = models.PositiveSmallIntegerField(
        "impact",
        choices=[(v, f"{v} – {label}") for v, label in matrix.IMPACT_LABELS.items()],
        error_messages={"invalid_choice": "Kies een impactklasse van 1 tot en met 5; %(value)s bestaat niet."},
    )
    amount_min = models.DecimalField(
        "financieel gevolg minimum (€)",
        **AMOUNT,
        help_text="Bij één bedrag: laat het minimum leeg en vul alleen het maximum in.",
    )
    amount_max = models.DecimalField(
        "financieel gevolg maximum (€)",
        **AMOUNT,
        help_text="Het financiële gevolg als het risico zich voordoet; telt mee in de benodigde "
        "weerstandscapaciteit (BBV art. 11 lid 2b).",
    )
    status = models.CharField("status", max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    owner = plain_text.CharField("eigenaar", max_length=120, blank=True)
    identified_on = models.DateField("datum geïdentificeerd", default=timezone.localdate)
    reviewed_on = models.DateField("laatst beoordeeld", null=True, blank=True)
    confidential = models.BooleanField(
        "vertrouwelijk", default=False, help_text="Een vertrouwelijk risico komt nooit in een openbare rapportage."
    )

    objects = RiskQuerySet.as_manager()

    history = Historical()

    class Meta:
        verbose_name = "risico"
        verbose_name_plural = "risico's"
        ordering = ["party__name", "title", "pk"]
        indexes = [models.Index(fields=["status", "likelihood", "impact"], name="risk_status_cell")]
        constraints = [
            *plain_text.length_checks("risk", "description"),
            models.CheckConstraint(
                condition=Q(likelihood__gte=1) & Q(likelihood__lte=5),
                name="risk_likelihood_1_5",
                violation_error_message="De kans is een klasse van 1 tot en met 5.",
            ),
            models.CheckConstraint(
                condition=Q(impact__gte=1) & Q(impact__lte=5),
                name="risk_impact_1_5",
                violation_error_message="De impact is een klasse van 1 tot en met 5.",
            ),
            models.CheckConstraint(
                condition=(Q(amount_min__isnull=True) | Q(amount_min__gte=0))
                & (Q(amount_max__isnull=True) | Q(amount_max__gte=0)),
                name="risk_amounts_not_negative",
                violation_error_message="Een financieel gevolg kan niet negatief zijn.",
            ),
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True) | Q(amount_max__isnull=True) | Q(amount_min__lte=F("amount_max")),
                name="risk_amount_min_not_above_max",
                violation_error_message="Het minimum van het financiële gevolg ligt boven het maximum.",
            ),
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True) | Q(amount_max__isnull=False),
                name="risk_amount_min_needs_max",
                violation_error_message="Vul bij een minimum ook het maximum in.",
            ),
            models.CheckConstraint(
                condition=Q(reviewed_on__isnull=True) | Q(reviewed_on__gte=F("identified_on")),
                name="risk_reviewed_after_identified",
                violation_error_message="De datum van beoordeling ligt vóór de datum van identificatie.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("risks:risk_detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.participation_id and self.party_id and self.participation.party_id != self.party_id:
            errors["participation"] = (
                f"Deze deelname hoort bij {self.participation.party}, niet bij de partij van dit risico."
            )
        for field in ("amount_min", "amount_max"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = "Een financieel gevolg kan niet negatief zijn."
        if self.amount_min is not None and self.amount_max is None and "amount_min" not in errors:
            errors["amount_max"] = "Vul bij een minimum ook het maximum in (bij één bedrag alleen het maximum)."
        if (
            self.amount_min is not None
            and self.amount_max is not None
            and not errors.keys() & {"amount_min", "amount_max"}
            and self.amount_min > self.amount_max
        ):
            errors["amount_min"] = "Het minimum ligt boven het maximum van het financiële gevolg."
        if errors:
            raise ValidationError(errors)

    @property
    def score(self) -> int:
        return matrix.score(self.likelihood, self.impact)

    @property
    def low_amount(self) -> Decimal | None:
        """The lowest financial consequence: the minimum, or the single amount."""
        return self.amount_min if self.amount_min is not None else self.amount_max

    @property
    def is_range(self) -> bool:
        return self.amount_min is not None and self.amount_max is not None and self.amount_min != self.amount_max

    @property
    def review_due_on(self) -> datetime.date:
        return (self.reviewed_on or self.identified_on) + REVIEW_INTERVAL

    @property
    def is_review_overdue(self) -> bool:
        return self.status != RiskStatus.VERVALLEN and self.review_due_on < peildatum.today()


class Measure(models.Model):
    """A beheersmaatregel that lowers the kans or the gevolg of a risk."""

    risk = models.ForeignKey(Risk, verbose_name="risico", on_delete=models.CASCADE, related_name="measures")
    description = plain_text.TextField("omschrijving")
    owner = plain_text.CharField("eigenaar", max_length=120, blank=True)
    due_on = models.DateField("uiterlijk gereed", null=True, blank=True)
    status = models.CharField("status", max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.GEPLAND)

    history = Historical()

    class Meta:
        verbose_name = "beheersmaatregel"
        verbose_name_plural = "beheersmaatregelen"
        ordering = ["risk", F("due_on").asc(nulls_last=True), "pk"]
        constraints = [
            *plain_text.length_checks("measure", "description"),
        ]

    def __str__(self):
        return self.description[:80]

    def get_absolute_url(self):
        return self.risk.get_absolute_url()


class ResistanceCapacity(models.Model):
    """A gemeente's beschikbare weerstandscapaciteit for one year and how the benodigde capaciteit
    is computed: the certainty (percentile) and the number of simulation runs (BBV art. 11)."""

    municipality = models.ForeignKey(
        Participant,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="resistance_capacities",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
    )
    year = models.PositiveSmallIntegerField("jaar", validators=YEAR_VALIDATORS)
    available = models.DecimalField(
        "beschikbare weerstandscapaciteit (€)",
        max_digits=16,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="De middelen en mogelijkheden om niet begrote kosten te dekken (BBV art. 11 lid 2a).",
    )
    percentile = models.DecimalField(
        "zekerheid (percentiel)",
        max_digits=4,
        decimal_places=1,
        default=DEFAULT_PERCENTILE,
        validators=[
            MinValueValidator(Decimal("50"), PERCENTILE_MESSAGE),
            MaxValueValidator(Decimal("99.9"), PERCENTILE_MESSAGE),
        ],
        help_text="De benodigde capaciteit is het bedrag dat met deze zekerheid niet wordt overschreden; "
        "gebruikelijk is 90%.",
    )
    iterations = models.PositiveIntegerField(
        "aantal simulaties",
        default=DEFAULT_ITERATIONS,
        validators=[MinValueValidator(1000, ITERATIONS_MESSAGE), MaxValueValidator(MAX_ITERATIONS, ITERATIONS_MESSAGE)],
    )
    note = plain_text.TextField("toelichting", blank=True)

    history = Historical()

    class Meta:
        verbose_name = "weerstandscapaciteit"
        verbose_name_plural = "weerstandscapaciteit"
        ordering = ["municipality__name", "-year"]
        constraints = [
            *plain_text.length_checks("resistance_capacity", "note"),
            models.UniqueConstraint(
                fields=["municipality", "year"],
                name="resistance_capacity_unique_year",
                violation_error_message="Voor deze gemeente is de weerstandscapaciteit van dit jaar al ingevuld.",
            ),
            models.CheckConstraint(
                condition=Q(available__gte=0),
                name="resistance_capacity_available_not_negative",
                violation_error_message="De beschikbare weerstandscapaciteit kan niet negatief zijn.",
            ),
            models.CheckConstraint(
                condition=Q(percentile__gte=50) & Q(percentile__lte=Decimal("99.9")),
                name="resistance_capacity_percentile_50_99_9",
                violation_error_message=PERCENTILE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(iterations__gte=1000) & Q(iterations__lte=MAX_ITERATIONS),
                name="resistance_capacity_iterations_range",
                violation_error_message=ITERATIONS_MESSAGE,
            ),
            year_constraint("resistance_capacity_year_range"),
        ]

    def __str__(self):
        return f"{self.municipality} {self.year}"

    def get_absolute_url(self):
        url = reverse("risks:resistance", kwargs={"code": self.municipality.code})
        return f"{url}?jaar={self.year}"

    def clean(self):
        if self.municipality_id and self.municipality.kind != ParticipantKind.GEMEENTE:
            raise ValidationError({"municipality": "Weerstandscapaciteit wordt per gemeente ingevuld."})
