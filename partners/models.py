"""The register: participants, verbonden partijen, participations and their financial figures.

Legal sources: BBV art. 1 (definition), art. 15 (paragraaf verbonden partijen), Wgr art. 8 (forms).
"""

import functools
from datetime import date
from decimal import Decimal
from fractions import Fraction
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, F, ProtectedError, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from core.history import Historical
from core.periods import YEAR_VALIDATORS, year_constraint

from . import shares
from . import text as plain_text
from .choices import (
    BVO_REGELING_KINDS,
    PRIVATE_LAW_FORMS,
    BbvCategory,
    FigureKind,
    FinancialInterestForm,
    LegalForm,
    ParticipantKind,
    PartyKind,
    PartyStatus,
    RegelingKind,
    bbv_category_for,
    legal_forms_in,
)

MONEY = {"max_digits": 16, "decimal_places": 2, "null": True, "blank": True}
CBS_CODE = RegexValidator(r"^GM\d{4}$", "Een CBS-gemeentecode heeft de vorm GM gevolgd door vier cijfers.")


@functools.cache
def _url_template(name: str, key: str) -> tuple[str, str]:
    marker = "0url0key0"
    before, _, after = reverse(name, kwargs={key: marker}).partition(marker)
    return before, after


class EndInsteadOfDeleteMixin:
    """A row with participations or history is never deleted (PROTECT): it is ended. delete()
    turns Django's ProtectedError into one with a Dutch message that says how to end it."""

    end_instead_of_delete: str  # how to end a row of this model, in Dutch

    @property
    def deletion_refused_message(self) -> str:
        return (
            f"{self._meta.verbose_name.capitalize()} ‘{self}’ heeft deelnames of historie en wordt daarom niet "
            f"verwijderd. {self.end_instead_of_delete}"
        )

    def delete(self, *args, **kwargs):
        try:
            return super().delete(*args, **kwargs)
        except ProtectedError as exc:
            raise ProtectedError(self.deletion_refused_message, exc.protected_objects) from exc


def url_with_key(name: str, key: str, value: str) -> str:
    """reverse() for a URL with one slug-like argument, resolved once: lists and reports link
    hundreds of parties per page, and reverse() per row took a fifth of the render time."""
    before, after = _url_template(name, key)
    return f"{before}{quote(value)}{after}"


class PolicyArea(models.Model):
    """A beleidsveld / begrotingsprogramma (by default the BBV hoofdtaakvelden)."""

    code = plain_text.CharField("code", max_length=10, unique=True)
    name = plain_text.CharField("naam", max_length=120, unique=True)

    history = Historical()

    class Meta:
        verbose_name = "beleidsveld"
        verbose_name_plural = "beleidsvelden"
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        return reverse("partners:party_list") + f"?beleidsveld={self.pk}"


class ParticipantQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(kind=ParticipantKind.GEMEENTE)


class Participant(EndInsteadOfDeleteMixin, models.Model):
    """A deelnemer: a gemeente, provincie, waterschap or other body that takes part in a party."""

    end_instead_of_delete = (
        "Beëindig de deelnemer in plaats daarvan: vul de einddatum in (bijvoorbeeld bij herindeling)."
    )

    kind = models.CharField("soort", max_length=20, choices=ParticipantKind.choices)
    code = plain_text.CharField(
        "code",
        max_length=12,
        unique=True,
        help_text="CBS-code (GM0014) voor gemeenten, PV20 voor provincies; vrij te kiezen voor anderen.",
    )
    name = plain_text.CharField("naam", max_length=200)
    province = models.ForeignKey(
        "self",
        verbose_name="provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": ParticipantKind.PROVINCIE},
    )
    started_on = models.DateField("begindatum", null=True, blank=True, help_text="De eerste dag dat hij bestaat.")
    ended_on = models.DateField(
        "einddatum",
        null=True,
        blank=True,
        help_text="De eerste dag dat hij niet meer bestaat, bijvoorbeeld door herindeling (zoals CBS het "
        "vastlegt: Appingedam heeft einddatum 1-1-2021, Eemsdelta begint die dag).",
    )
    successor = models.ForeignKey(
        "self",
        verbose_name="opgegaan in",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
        help_text="Bij herindeling: de gemeente waarin deze gemeente is opgegaan. Vul ook de einddatum in.",
    )
    earlier_names = models.JSONField(
        "eerdere namen",
        default=list,
        blank=True,
        help_text='Eerdere namen onder dezelfde code, als [{"naam": "Hengelo", "tot_en_met": 2024}]: pagina\'s '
        "van een jaar tonen de naam van dat jaar.",
    )

    objects = ParticipantQuerySet.as_manager()

    history = Historical()

    class Meta:
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"
        ordering = ["name", "code"]
        indexes = [models.Index(fields=["kind", "name"], name="participant_kind_name")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(started_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="participant_end_after_start",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        if self.is_municipality:
            return url_with_key("reports:municipality_detail", "code", self.code)
        return reverse("partners:party_list") + f"?deelnemer={self.code}"

    def get_tab_url(self, tab: str) -> str:
        """One tab of a gemeente's page, at its own URL under the overview ("risicos" → …/risicos/)."""
        return f"{self.get_absolute_url()}{tab}/"

    def clean(self):
        if self.kind == ParticipantKind.GEMEENTE and self.code:
            CBS_CODE(self.code)
        if self.successor_id:
            if self.successor_id == self.pk:
                raise ValidationError({"successor": "Een gemeente kan niet in zichzelf opgaan."})
            if not self.ended_on:
                raise ValidationError(
                    {"ended_on": "Vul de einddatum in: de dag waarop de gemeente in een andere is opgegaan."}
                )

    @property
    def is_municipality(self):
        return self.kind == ParticipantKind.GEMEENTE

    def existed_on(self, day: date) -> bool:
        return (self.started_on is None or self.started_on <= day) and (self.ended_on is None or day < self.ended_on)

    def existed_in_year(self, year: int) -> bool:
        return (self.started_on is None or self.started_on <= date(year, 12, 31)) and (
            self.ended_on is None or self.ended_on > date(year, 1, 1)
        )

    def absence_in_year(self, year: int) -> str | None:
        """Why the deelnemer cannot have figures or a deelname in ``year``, in Dutch; None when it existed."""
        if self.existed_in_year(year):
            return None
        return self.absence_on(
            date(year, 1, 1) if self.ended_on and self.ended_on <= date(year, 1, 1) else date(year, 12, 31)
        )

    def absence_on(self, day: date) -> str | None:
        """'Weesp bestaat sinds 24-03-2022 niet meer' (opgegaan in ...), or 'Eemsdelta bestaat pas sinds
        01-01-2021'; None on a day it existed."""
        if self.ended_on and day >= self.ended_on:
            into = f" (opgegaan in {self.successor.name})" if self.successor_id else ""
            return f"{self.name} bestaat sinds {self.ended_on:%d-%m-%Y} niet meer{into}"
        if self.started_on and day < self.started_on:
            return f"{self.name} bestaat pas sinds {self.started_on:%d-%m-%Y}"
        return None

    def name_in(self, year: int) -> str:
        """The name the gemeente had in ``year``: a renamed gemeente keeps its code (Hengelo → Hengelo (O.))."""
        for earlier in sorted(self.earlier_names or [], key=lambda item: item.get("tot_en_met", 0)):
            if year <= earlier.get("tot_en_met", 0):
                return earlier.get("naam") or self.name
        return self.name


POPULATION_MIN_MESSAGE = (
    "Het aantal inwoners moet groter zijn dan 0: met 0 inwoners is geen bijdrage per inwoner te berekenen."
)


class Population(models.Model):
    """The number of inhabitants of a gemeente on 1 January of a year: the key for the bijdrage per
    inwoner (partners/costs.py). Entered in the admin or loaded with `import_population`."""

    participant = models.ForeignKey(
        Participant,
        verbose_name="gemeente",
        on_delete=models.CASCADE,
        related_name="populations",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
    )
    year = models.PositiveSmallIntegerField("jaar", validators=YEAR_VALIDATORS)
    inhabitants = models.PositiveIntegerField(
        "aantal inwoners",
        validators=[MinValueValidator(1, POPULATION_MIN_MESSAGE)],
        help_text="Inwoners op 1 januari van het jaar (CBS, bevolking op 1 januari).",
    )
    source = plain_text.CharField(
        "bron", max_length=200, blank=True, help_text="Bijvoorbeeld: CBS StatLine, bevolking op 1 januari."
    )

    history = Historical()

    class Meta:
        verbose_name = "inwonertal"
        verbose_name_plural = "inwonertallen"
        ordering = ["participant__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "year"],
                name="population_unique_year",
                violation_error_message="Voor deze gemeente is het inwonertal van dit jaar al vastgelegd.",
            ),
            models.CheckConstraint(
                condition=Q(inhabitants__gt=0),
                name="population_positive",
                violation_error_message=POPULATION_MIN_MESSAGE,
            ),
            year_constraint("population_year_range"),
        ]

    def __str__(self):
        return f"{self.participant} {self.year}: {self.inhabitants} inwoners"

    def get_absolute_url(self):
        return self.participant.get_absolute_url()

    def clean(self):
        if self.participant_id and not self.participant.is_municipality:
            raise ValidationError({"participant": "Een inwonertal wordt alleen per gemeente vastgelegd."})


BVO_REGELING_MESSAGE = (
    "Een bedrijfsvoeringsorganisatie kan alleen worden ingesteld door colleges of door burgemeesters: kies "
    "collegeregeling of burgemeestersregeling (Wgr art. 8 lid 3)."
)

# Wgr art. 8 lid 2 and 4: forms without a legal person of their own, so without vermogen.
LEGAL_FORMS_WITHOUT_BALANCE_SHEET = frozenset(
    {LegalForm.GEMEENSCHAPPELIJK_ORGAAN, LegalForm.CENTRUMGEMEENTEREGELING, LegalForm.REGELING_ZONDER_MEER}
)
NO_BALANCE_SHEET_MESSAGE = (
    "{party} is een {form} zonder eigen rechtspersoonlijkheid (Wgr art. 8 lid 2 en 4): eigen en vreemd "
    "vermogen bestaan niet (n.v.t.), en zonder eigen orgaan ook geen resultaat. Laat deze cijfers leeg."
)
CENTRAL_PAYS_ITSELF_MESSAGE = (
    "{municipality} is de centrumgemeente van {party} en betaalt geen bijdrage aan zichzelf: de taken en "
    "middelen staan in haar eigen begroting. Vul bij de andere deelnemers in wat zij aan {municipality} betalen."
)


class PartyQuerySet(models.QuerySet):
    def in_bbv_category(self, category):
        return self.filter(legal_form__in=legal_forms_in(category))


class Party(EndInsteadOfDeleteMixin, models.Model):
    """A verbonden partij (or other cooperation) in the register."""

    end_instead_of_delete = "Beëindig de partij in plaats daarvan: zet de status op ‘Beëindigd’ en vul de einddatum in."

    name = plain_text.CharField("naam", max_length=200)
    slug = models.SlugField("slug", max_length=220, unique=True, blank=True, help_text="Deel van het webadres.")
    abbreviation = plain_text.CharField("afkorting", max_length=30, blank=True)
    legal_form = models.CharField(
        "rechtsvorm", max_length=40, choices=LegalForm.choices, help_text="Wgr art. 8 of privaatrechtelijk."
    )
    seat = plain_text.CharField("vestigingsplaats", max_length=100)
    kind = models.CharField(
        "soort partij",
        max_length=30,
        choices=PartyKind.choices,
        blank=True,
        db_index=True,
        help_text="Wat de partij doet (veiligheidsregio, GGD, omgevingsdienst, …): de vergelijking met andere "
        "partijen telt alleen partijen van dezelfde soort. Leeg of ‘Overig’: geen vergelijking.",
    )
    status = models.CharField("status", max_length=20, choices=PartyStatus.choices, default=PartyStatus.ACTIEF)
    policy_area = models.ForeignKey(
        PolicyArea,
        verbose_name="beleidsveld / programma",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parties",
    )
    public_interest = plain_text.TextField(
        "openbaar belang", blank=True, help_text="Het openbaar belang dat de partij dient (BBV art. 15)."
    )
    purpose = plain_text.TextField("doel", blank=True)
    shared_interest = plain_text.TextField(
        "gedeeld belang",
        blank=True,
        help_text="Het belang dat alle deelnemers samen met deze samenwerking dienen. Het eigen belang van "
        "een gemeente staat bij haar deelname (sturing).",
    )
    transferred_powers = plain_text.TextField("overgedragen bevoegdheden", blank=True, help_text="Wgr art. 27.")
    exit_conditions = plain_text.TextField("uittredingsvoorwaarden", blank=True, help_text="Wgr art. 9.")
    founded_on = models.DateField("oprichtingsdatum", null=True, blank=True)
    ended_on = models.DateField("einddatum", null=True, blank=True)
    kvk_number = models.CharField(
        "KvK-nummer",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", "Een KvK-nummer bestaat uit acht cijfers.")],
    )
    website = models.URLField("website", blank=True)
    regulation_url = models.URLField(
        "regeling (CVDR)", blank=True, help_text="Link naar de tekst van de regeling op lokaleregelgeving.overheid.nl."
    )
    central_municipality = models.ForeignKey(
        Participant,
        verbose_name="centrumgemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="central_parties",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
        help_text="Alleen bij een centrumgemeenteregeling (Wgr art. 8 lid 4): de gemeente die de taken uitvoert.",
    )
    total_shares = models.PositiveBigIntegerField(
        "totaal aantal aandelen",
        null=True,
        blank=True,
        help_text="Bij een vennootschap: het aantal uitgegeven aandelen (BNG Bank: 55.690.720). Met het aantal "
        "aandelen van een deelnemer berekent het register diens aandeel.",
    )
    regeling_kind = models.CharField(
        "wie neemt deel",
        max_length=30,
        choices=RegelingKind.choices,
        blank=True,
        help_text="Bij een gemeenschappelijke regeling: getroffen door de raden, de colleges, de burgemeesters of "
        "een combinatie (Wgr art. 1). Een bedrijfsvoeringsorganisatie is alleen een college- of "
        "burgemeestersregeling (Wgr art. 8 lid 3). Leeg bij een privaatrechtelijke partij.",
    )
    cycle_by_regeling = models.BooleanField(
        "volgt de begrotingscyclus van de Wgr",
        default=False,
        help_text="Alleen bij een gemeenschappelijk orgaan (Wgr art. 8 lid 2), dat geen rechtspersoonlijkheid "
        "heeft: aan als de regeling bepaalt dat het een eigen begroting en jaarrekening heeft en de termijnen "
        "van de Wgr volgt. Een openbaar lichaam en een bedrijfsvoeringsorganisatie volgen die altijd; een "
        "centrumgemeenteregeling en een privaatrechtelijke partij nooit.",
    )

    objects = PartyQuerySet.as_manager()

    history = Historical()

    class Meta:
        verbose_name = "verbonden partij"
        verbose_name_plural = "verbonden partijen"
        ordering = ["name"]
        constraints = [
            *plain_text.length_checks(
                "party", "public_interest", "purpose", "shared_interest", "transferred_powers", "exit_conditions"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(founded_on__isnull=True) | Q(ended_on__gte=F("founded_on")),
                name="party_end_after_founding",
                violation_error_message="De einddatum ligt vóór de oprichtingsdatum.",
            ),
            models.CheckConstraint(
                condition=~Q(status=PartyStatus.BEEINDIGD) | Q(ended_on__isnull=False),
                name="party_ended_has_end_date",
                violation_error_message="Een beëindigde partij heeft een einddatum.",
            ),
            models.CheckConstraint(
                condition=Q(legal_form=LegalForm.CENTRUMGEMEENTEREGELING) | Q(central_municipality__isnull=True),
                name="party_central_municipality_only_for_centrum",
                violation_error_message="Alleen een centrumgemeenteregeling heeft een centrumgemeente.",
            ),
            models.CheckConstraint(
                condition=~Q(legal_form=LegalForm.CENTRUMGEMEENTEREGELING) | Q(central_municipality__isnull=False),
                name="party_centrum_names_central_municipality",
                violation_error_message="Een centrumgemeenteregeling noemt haar centrumgemeente.",
            ),
            models.CheckConstraint(
                condition=~Q(legal_form=LegalForm.BEDRIJFSVOERINGSORGANISATIE)
                | Q(regeling_kind="")
                | Q(regeling_kind__in=BVO_REGELING_KINDS),
                name="party_bvo_only_college_or_burgemeester",
                violation_error_message=BVO_REGELING_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(regeling_kind="") | ~Q(legal_form__in=PRIVATE_LAW_FORMS),
                name="party_regeling_kind_only_for_public_law",
                violation_error_message="Alleen een gemeenschappelijke regeling (Wgr) is een raads-, college-, "
                "burgemeesters- of gemengde regeling; laat dit leeg bij een privaatrechtelijke partij.",
            ),
            models.CheckConstraint(
                condition=Q(cycle_by_regeling=False) | Q(legal_form=LegalForm.GEMEENSCHAPPELIJK_ORGAAN),
                name="party_cycle_by_regeling_only_for_orgaan",
                violation_error_message="Alleen bij een gemeenschappelijk orgaan bepaalt de regeling of de "
                "begrotingscyclus van de Wgr geldt (Wgr art. 8 lid 2); een openbaar lichaam en een "
                "bedrijfsvoeringsorganisatie volgen hem altijd, andere vormen nooit.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return url_with_key("reports:party_detail", "slug", self.slug)

    def get_tab_url(self, tab: str) -> str:
        """One tab of the party's page, at its own URL under the overview ("sturing" → …/sturing/)."""
        return f"{self.get_absolute_url()}{tab}/"

    @property
    def bbv_category(self) -> BbvCategory:
        return bbv_category_for(self.legal_form)

    @property
    def kind_in_text(self) -> str:
        """The kind as it reads inside a sentence: "veiligheidsregio", but "GGD"."""
        label = self.get_kind_display()
        return label if label.isupper() else label.lower()

    @property
    def has_own_balance_sheet(self) -> bool:
        """Whether the party has an eigen and vreemd vermogen of its own. A gemeenschappelijk orgaan
        (Wgr art. 8 lid 2) has no legal personality, and a centrumgemeenteregeling or other regeling
        zonder meer (art. 8 lid 4) no organ: their balance figures are "n.v.t.", not "niet bekend"."""
        return self.legal_form not in LEGAL_FORMS_WITHOUT_BALANCE_SHEET

    @property
    def has_own_result(self) -> bool:
        """A regeling without an organ (centrumgemeenteregeling, regeling zonder meer, Wgr art. 8 lid 4)
        has no begroting or jaarrekening and so no result; a gemeenschappelijk orgaan has a begroting."""
        return self.legal_form not in (LegalForm.CENTRUMGEMEENTEREGELING, LegalForm.REGELING_ZONDER_MEER)

    @property
    def has_shares(self) -> bool:
        """Only a vennootschap (NV, BV) has shares; other forms have shares in contributions or votes."""
        return self.legal_form in (LegalForm.NV, LegalForm.BV)

    def contribution_applies(self, contribution) -> bool:
        """A vennootschap gets no bijdrage: the gemeente holds its shares and receives dividend, so
        its bijdrage is "n.v.t." (not "€ 0") and stays out of totals, unless one was actually paid."""
        return not self.has_shares or bool(contribution)

    def _unique_slug(self):
        base = slugify(self.name)[:200] or "partij"
        slug, n = base, 2
        while Party.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class ParticipationQuerySet(models.QuerySet):
    def verbonden(self):
        """Participations that make the party a verbonden partij (BBV art. 1): both belangen."""
        return self.filter(governance_interest=True, financial_interest=True)

    def not_verbonden(self):
        return self.exclude(governance_interest=True, financial_interest=True)

    def active_between(self, start: date, end: date):
        """Participations that ran on some day of [start, end]: joined by the end, not left before the
        start, in a party that had not ended before the start."""
        return self.filter(self.active_between_condition(start, end))

    @staticmethod
    def active_between_condition(start: date, end: date) -> Q:
        """The condition of active_between, to filter on or to annotate a flag with."""
        return Q(
            Q(joined_on__isnull=True) | Q(joined_on__lte=end),
            Q(left_on__isnull=True) | Q(left_on__gte=start),
            Q(party__ended_on__isnull=True) | Q(party__ended_on__gte=start),
            # A gemeente takes part while it exists: its einddatum is the first day it no longer does.
            Q(participant__started_on__isnull=True) | Q(participant__started_on__lte=end),
            Q(participant__ended_on__isnull=True) | Q(participant__ended_on__gt=start),
        )

    def active_in_year(self, year: int):
        return self.active_between(date(year, 1, 1), date(year, 12, 31))

    def flag_active_in_year(self, year: int):
        """Each participation with `active_in_year` True or False, for a page that loads all of a
        gemeente's deelnames once and shows those of one year in one section and all in another."""
        start, end = date(year, 1, 1), date(year, 12, 31)
        return self.annotate(
            active_in_year=ExpressionWrapper(self.active_between_condition(start, end), output_field=BooleanField())
        )

    def active_on(self, day: date):
        return self.active_between(day, day)


class Participation(models.Model):
    """A participant's deelname in a party: its bestuurlijk and financieel belang and its share."""

    party = models.ForeignKey(Party, verbose_name="partij", on_delete=models.PROTECT, related_name="participations")
    participant = models.ForeignKey(
        Participant, verbose_name="deelnemer", on_delete=models.PROTECT, related_name="participations"
    )
    governance_interest = models.BooleanField(
        "bestuurlijk belang",
        default=True,
        help_text="BBV art. 1 lid 1b: zeggenschap via een zetel in het bestuur of via stemrecht.",
    )
    governance_interest_note = plain_text.CharField(
        "wijze van bestuurlijk belang", max_length=255, blank=True, help_text="Bijvoorbeeld: 1 zetel in AB en DB."
    )
    votes = models.PositiveIntegerField("aantal stemmen", null=True, blank=True)
    financial_interest = models.BooleanField(
        "financieel belang",
        default=True,
        help_text="BBV art. 1 lid 1c: ter beschikking gesteld kapitaal dat verloren gaat bij faillissement, "
        "of aansprakelijkheid als de partij haar verplichtingen niet nakomt.",
    )
    financial_interest_form = models.CharField(
        "vorm van financieel belang", max_length=20, choices=FinancialInterestForm.choices, blank=True
    )
    financial_interest_note = plain_text.CharField("toelichting financieel belang", max_length=255, blank=True)
    share_percentage = models.DecimalField(
        "aandeel (%)",
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text="Aandeel in het kapitaal of in de bijdragen, 0–100.",
    )
    share_entered = plain_text.CharField(
        "aandeel zoals ingevoerd",
        max_length=60,
        blank=True,
        help_text="Het aandeel zoals de regeling het noemt: een percentage (12,5%), een breuk (1/342) of een aantal "
        "aandelen van het totaal. Het register rekent met deze exacte waarde; het aandeel (%) volgt eruit.",
    )
    shares_count = models.PositiveBigIntegerField("aantal aandelen", null=True, blank=True)
    nominal_value = models.DecimalField(
        "nominale waarde per aandeel (€)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    joined_on = models.DateField("datum toetreding", null=True, blank=True)
    left_on = models.DateField("datum uittreding", null=True, blank=True)

    objects = ParticipationQuerySet.as_manager()

    history = Historical()

    class Meta:
        verbose_name = "deelname"
        verbose_name_plural = "deelnames"
        ordering = ["party__name", "participant__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "participant"],
                name="participation_unique_participant_per_party",
                violation_error_message="Deze deelnemer neemt al deel in deze partij.",
            ),
            models.CheckConstraint(
                condition=Q(share_percentage__isnull=True)
                | (Q(share_percentage__gte=0) & Q(share_percentage__lte=100)),
                name="participation_share_0_100",
                violation_error_message="Het aandeel moet tussen 0 en 100% liggen.",
            ),
            models.CheckConstraint(
                condition=Q(nominal_value__isnull=True) | Q(nominal_value__gte=0),
                name="participation_nominal_value_not_negative",
                violation_error_message="De nominale waarde kan niet negatief zijn.",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(joined_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="participation_left_after_joined",
                violation_error_message="De datum van uittreding ligt vóór de datum van toetreding.",
            ),
        ]

    def __str__(self):
        return f"{self.participant} in {self.party}"

    def get_absolute_url(self):
        return self.party.get_absolute_url()

    @property
    def is_central_municipality(self) -> bool:
        """This deelnemer is the centrumgemeente that carries out the regeling's tasks (Wgr art. 8 lid 4)."""
        return self.participant_id is not None and self.participant_id == self.party.central_municipality_id

    @property
    def is_verbonden_partij(self) -> bool:
        """BBV art. 1: a verbonden partij needs both a bestuurlijk and a financieel belang."""
        return self.governance_interest and self.financial_interest

    def clean(self):
        self._clean_existence()
        self._clean_shares()

    def _clean_existence(self):
        """A gemeente takes part only while it exists (CBS begindatum and einddatum)."""
        if not self.participant_id:
            return
        participant = self.participant
        errors = {}
        if self.joined_on and (problem := participant.absence_on(self.joined_on)):
            errors["joined_on"] = f"{problem}: een toetreding op {self.joined_on:%d-%m-%Y} kan niet."
        if self.left_on and participant.started_on and self.left_on < participant.started_on:
            errors["left_on"] = (
                f"{participant.absence_on(self.left_on)}: een uittreding op {self.left_on:%d-%m-%Y} kan niet."
            )
        if self.left_on and participant.ended_on and self.left_on > participant.ended_on:
            errors["left_on"] = (
                f"{participant.absence_on(self.left_on)}: de uittreding is uiterlijk op "
                f"{participant.ended_on:%d-%m-%Y}."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def exact_share(self):
        """The share in percent as a Fraction: what was entered (1/342), else the stored percentage."""
        return shares.exact_of(self.share_percentage, self.share_entered)

    def _clean_shares(self):
        self._settle_share()
        # The sum over a party is also guarded by a database trigger (partners/db_triggers.py).
        # The admin's participants inline checks the sum over its own rows instead.
        if getattr(self, "share_sum_checked_elsewhere", False):
            return
        if self.share_percentage is not None and self.party_id:
            others = Participation.objects.filter(party_id=self.party_id).exclude(pk=self.pk)
            others_exact = sum(
                (shares.exact_of(p, e) or 0 for p, e in others.values_list("share_percentage", "share_entered")),
                Fraction(0),
            )
            total = others_exact + self.exact_share
            if total > 100:
                raise ValidationError(
                    {
                        "share_percentage": (
                            f"De aandelen in deze partij komen dan samen op {shares.dutch(total)}%; dat mag "
                            f"niet meer dan 100% zijn. De andere deelnemers hebben samen {shares.dutch(others_exact)}%."
                        )
                    }
                )

    def _settle_share(self):
        """Derive the percentage from what was entered or from the number of shares, and flag a typed
        percentage that differs from the shares held (``share_entered`` wins over a stale percentage)."""
        if self.share_entered:
            try:
                entered = shares.parse(self.share_entered)
            except ValueError as error:
                if shares.exact_of(None, self.share_entered) is None:
                    raise ValidationError({"share_entered": str(error)}) from error
                entered = shares.Share(shares.exact_of(None, self.share_entered), self.share_entered)
            if self.share_percentage is not None and shares.differs(self.share_percentage, entered):
                raise ValidationError(
                    {
                        "share_percentage": f"Het aandeel {format_percentage(self.share_percentage)} past niet bij "
                        f"het ingevoerde “{self.share_entered}” ({shares.dutch(entered.exact)}%); maak één van "
                        "beide leeg."
                    }
                )
            self.share_percentage = entered.percentage
        total = self.party.total_shares if self.party_id else None
        if self.shares_count is not None and total:
            try:
                computed = shares.from_counts(self.shares_count, total)
            except ValueError as error:
                raise ValidationError({"shares_count": str(error)}) from error
            if self.share_percentage is None:
                self.share_percentage, self.share_entered = computed.percentage, computed.entered
            elif shares.differs(self.share_percentage, computed):
                raise ValidationError(
                    {
                        "share_percentage": f"Het aandeel {format_percentage(self.share_percentage)} wijkt af van "
                        f"{self.shares_count} van {total} aandelen = {shares.dutch(computed.exact)}%. Laat het "
                        "aandeel leeg om het te laten berekenen, of corrigeer het aantal aandelen."
                    }
                )


def format_percentage(value: Decimal) -> str:
    """12.5 -> '12,5%'."""
    return f"{value.normalize():f}".replace(".", ",") + "%"


class FinancialFigures(models.Model):
    """Common fields of yearly figures: the year and whether they are budgeted or realised."""

    year = models.PositiveSmallIntegerField("jaar", validators=YEAR_VALIDATORS)
    kind = models.CharField("soort", max_length=20, choices=FigureKind.choices, default=FigureKind.BEGROTING)

    class Meta:
        abstract = True


class SuppliedByParty(models.Model):
    """Who supplied a row: the party itself (its bronhouder, through the Aanleveren pages or the API) or,
    when empty, the register's own beheerders. Every deelnemer sees "aangeleverd door <partij> op <datum>"
    beside what the party supplied; an edit by a beheerder clears it (partners/supply.py)."""

    supplied_by = models.ForeignKey(
        "partners.Party",
        verbose_name="aangeleverd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De partij die dit zelf heeft aangeleverd (bronhouder); leeg als het register het bijhoudt.",
    )
    supplied_at = models.DateTimeField("aangeleverd op", null=True, blank=True)

    # The fields the party supplies; None: all of them. A beheerder's change of one of them clears
    # "aangeleverd door" (the row is then the register's own).
    supplied_fields: tuple[str, ...] | None = None

    class Meta:
        abstract = True

    def beheerder_changed(self, changed: list[str]) -> None:
        """A beheerder changed these fields: if any is the party's, the row is no longer as supplied."""
        if self.supplied_fields is None or set(changed) & set(self.supplied_fields):
            if {"supplied_by", "supplied_at"} & set(changed):
                return
            self.clear_supplied()

    def mark_supplied(self, party) -> None:
        self.supplied_by = party
        self.supplied_at = timezone.now()

    def clear_supplied(self) -> None:
        self.supplied_by = None
        self.supplied_at = None

    @property
    def supplied_text(self) -> str:
        """ "aangeleverd door Veiligheidsregio Groningen op 04-12-2026", or "" when the register keeps it."""
        if self.supplied_by_id is None or self.supplied_at is None:
            return ""
        when = timezone.localtime(self.supplied_at)
        return f"aangeleverd door {self.supplied_by.name} op {when:%d-%m-%Y}"


class PartyFinancials(SuppliedByParty, FinancialFigures):
    """The party's own figures for one year (BBV art. 15: eigen en vreemd vermogen, resultaat)."""

    party = models.ForeignKey(Party, verbose_name="partij", on_delete=models.PROTECT, related_name="financials")
    equity_start = models.DecimalField("eigen vermogen 1-1 (€)", **MONEY)
    equity_end = models.DecimalField("eigen vermogen 31-12 (€)", **MONEY)
    liabilities_start = models.DecimalField("vreemd vermogen 1-1 (€)", **MONEY)
    liabilities_end = models.DecimalField("vreemd vermogen 31-12 (€)", **MONEY)
    result = models.DecimalField("financieel resultaat (€)", **MONEY, help_text="Negatief bij een tekort.")
    source = plain_text.CharField(
        "bron",
        max_length=200,
        blank=True,
        help_text="Het stuk waaruit de cijfers komen, bijvoorbeeld: begroting 2026 zoals vastgesteld door het "
        "algemeen bestuur op 3 juli 2025.",
    )
    source_date = models.DateField(
        "datum bron", null=True, blank=True, help_text="De datum van dat stuk (vaststelling of verzending)."
    )

    history = Historical()

    class Meta:
        verbose_name = "financiële gegevens partij"
        verbose_name_plural = "financiële gegevens partij"
        ordering = ["party__name", "-year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "year", "kind"],
                name="party_financials_unique_year_kind",
                violation_error_message="Voor deze partij bestaan al cijfers van deze soort voor dit jaar.",
            ),
            year_constraint("party_financials_year_range"),
            models.CheckConstraint(
                condition=(Q(liabilities_start__isnull=True) | Q(liabilities_start__gte=0))
                & (Q(liabilities_end__isnull=True) | Q(liabilities_end__gte=0)),
                name="party_financials_liabilities_not_negative",
                violation_error_message="Vreemd vermogen kan niet negatief zijn.",
            ),
        ]

    def __str__(self):
        return f"{self.party} {self.year} ({self.get_kind_display().lower()})"

    def get_absolute_url(self):
        return self.party.get_absolute_url()

    def clean(self):
        if self.party_id and not self.party.has_own_balance_sheet:
            figures = [self.equity_start, self.equity_end, self.liabilities_start, self.liabilities_end]
            if not self.party.has_own_result:
                figures.append(self.result)
            if any(value is not None for value in figures):
                raise ValidationError(
                    NO_BALANCE_SHEET_MESSAGE.format(party=self.party, form=self.party.get_legal_form_display().lower())
                )

    @property
    def source_label(self) -> str:
        """Where the figures come from, as the paragraaf prints it beside them:
        "jaarrekening 2024 (31-12-2024)" or "begroting 2026"."""
        if self.kind == FigureKind.REALISATIE:
            return f"jaarrekening {self.year} (31-12-{self.year})"
        return f"begroting {self.year}"


NO_SOURCE = "geen opgave"


def party_figures_for(figures, *, party: "Party", year: int, kind: str):
    """The party figures a report of `year` prints: those of the year and kind asked for; for a
    vennootschap, which publishes no begroting, else its latest jaarrekening up to `year` (DOMAIN: the
    latest jaarrekening is what gemeenten print). `figures` are the party's rows, any year."""
    figures = list(figures)
    exact = next((f for f in figures if f.year == year and f.kind == kind), None)
    if exact is not None or not party.has_shares:
        return exact
    accounts = [f for f in figures if f.kind == FigureKind.REALISATIE and f.year <= year]
    return max(accounts, key=lambda f: f.year, default=None)


class ParticipationFinancials(FinancialFigures):
    """A participant's figures in one party for one year: bijdrage, belang and dividend."""

    participation = models.ForeignKey(
        Participation, verbose_name="deelname", on_delete=models.PROTECT, related_name="financials"
    )
    contribution = models.DecimalField("bijdrage (€)", **MONEY)
    interest_start = models.DecimalField(
        "belang 1-1 (€)", **MONEY, help_text="Waarde van het belang aan het begin van het jaar (BBV art. 15)."
    )
    interest_end = models.DecimalField(
        "belang 31-12 (€)", **MONEY, help_text="(Verwachte) waarde van het belang aan het eind van het jaar."
    )
    dividend = models.DecimalField("dividend (€)", **MONEY)

    history = Historical()

    class Meta:
        verbose_name = "financiële gegevens deelname"
        verbose_name_plural = "financiële gegevens deelname"
        ordering = ["participation__party__name", "-year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "year", "kind"],
                name="participation_financials_unique_year_kind",
                violation_error_message="Voor deze deelname bestaan al cijfers van deze soort voor dit jaar.",
            ),
            year_constraint("participation_financials_year_range"),
            models.CheckConstraint(
                condition=(Q(contribution__isnull=True) | Q(contribution__gte=0))
                & (Q(interest_start__isnull=True) | Q(interest_start__gte=0))
                & (Q(interest_end__isnull=True) | Q(interest_end__gte=0))
                & (Q(dividend__isnull=True) | Q(dividend__gte=0)),
                name="participation_financials_not_negative",
                violation_error_message="Bijdrage, belang en dividend kunnen niet negatief zijn.",
            ),
        ]

    def __str__(self):
        return f"{self.participation} {self.year} ({self.get_kind_display().lower()})"

    def get_absolute_url(self):
        return self.participation.party.get_absolute_url()

    def clean(self):
        if self.participation_id and self.year:
            participant = self.participation.participant
            if problem := participant.absence_in_year(self.year):
                raise ValidationError({"year": f"{problem}: cijfers over {self.year} kunnen niet."})
        if self.participation_id and self.contribution:
            participation = self.participation
            if participation.is_central_municipality:
                raise ValidationError(
                    {
                        "contribution": CENTRAL_PAYS_ITSELF_MESSAGE.format(
                            municipality=participation.participant, party=participation.party
                        )
                    }
                )


class UserMunicipality(models.Model):
    """A gemeente a user works for: outside the beheerders, a user sees only the parties, pages and
    reports of their own gemeenten (partners/scoping.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.CASCADE,
        related_name="municipality_links",
    )
    municipality = models.ForeignKey(
        Participant,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="user_links",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
        help_text="De gebruiker ziet de verbonden partijen waarin deze gemeente deelneemt, en haar pagina's, "
        "rapportages en agenda.",
    )

    class Meta:
        verbose_name = "gemeente van de gebruiker"
        verbose_name_plural = "gemeenten van de gebruiker"
        ordering = ["municipality__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"],
                name="user_municipality_unique",
                violation_error_message="Deze gemeente is al aan de gebruiker gekoppeld.",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.municipality.name}"

    def clean(self):
        if self.municipality_id and not self.municipality.is_municipality:
            raise ValidationError(
                {"municipality": "Kies een gemeente; alleen gemeenten bepalen wat een gebruiker ziet."}
            )


# Models of their own module, registered with this app (string references, no import cycle).
from .interests import DeclaredUnknown, FinancialInterest  # noqa: E402, F401


class UserParty(models.Model):
    """A party a user works for as its bronhouder: he sees that party and keeps its own record (figures,
    documents, answers to zienswijzen, party-wide risks), and no gemeente's internal data (partners/scoping.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gebruiker", on_delete=models.CASCADE, related_name="party_links"
    )
    party = models.ForeignKey(
        Party,
        verbose_name="partij",
        on_delete=models.CASCADE,  # a right to a party that no longer exists is no right
        related_name="user_links",
        help_text="De gebruiker levert de gegevens van deze partij aan (rol bronhouder) en ziet alleen deze partij.",
    )

    class Meta:
        verbose_name = "partij van de gebruiker"
        verbose_name_plural = "partijen van de gebruiker"
        ordering = ["party__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "party"],
                name="user_party_unique",
                violation_error_message="Deze partij is al aan de gebruiker gekoppeld.",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.party.name}"
