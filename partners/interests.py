"""The financial interests of a deelname, year by year, and the figures a beheerder declared unknown.

One deelname can carry several financial interests at once (BBV art. 1 lid 1c): aandelen, a lening,
a garantie or borgstelling, aansprakelijkheid voor tekorten. Kapitaalverstrekkingen and leningen are
financiële vaste activa (BBV art. 36) whose boekwaarde on 1-1 and 31-12 the paragraaf names. The
dividend received is a figure of the year on ParticipationFinancials.
"""

from django.db import models
from django.db.models import Q

from core.history import Historical
from core.periods import YEAR_VALIDATORS, year_constraint

from .choices import FinancialInterestForm

AMOUNT = {"max_digits": 16, "decimal_places": 2, "null": True, "blank": True}

# Amounts of an interest that can never be negative (one named constraint each).
INTEREST_AMOUNTS = (
    "nominal_value",
    "paid_in",
    "principal",
    "balance_start",
    "balance_end",
    "amount",
    "book_value_start",
    "book_value_end",
)


class FinancialInterest(models.Model):
    """One financial interest of a gemeente in a party in one year: aandelen, lening, garantie or
    borgstelling, or aansprakelijkheid voor tekorten."""

    participation = models.ForeignKey(
        "partners.Participation",
        verbose_name="deelname",
        on_delete=models.PROTECT,
        related_name="interests",
    )
    year = models.PositiveSmallIntegerField("jaar", validators=YEAR_VALIDATORS)
    form = models.CharField(
        "vorm",
        max_length=20,
        choices=FinancialInterestForm.choices,
        help_text="BBV art. 1 lid 1c: ter beschikking gesteld kapitaal, of aansprakelijkheid.",
    )
    shares_count = models.PositiveBigIntegerField("aantal aandelen", null=True, blank=True)
    nominal_value = models.DecimalField(
        "nominale waarde per aandeel (€)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    paid_in = models.DecimalField("gestort bedrag (€)", **AMOUNT, help_text="Het op de aandelen gestorte kapitaal.")
    principal = models.DecimalField("hoofdsom lening (€)", **AMOUNT)
    balance_start = models.DecimalField("restant lening 1-1 (€)", **AMOUNT)
    balance_end = models.DecimalField("restant lening 31-12 (€)", **AMOUNT)
    amount = models.DecimalField(
        "bedrag garantie of aansprakelijkheid (€)",
        **AMOUNT,
        help_text="Het bedrag waarvoor de gemeente garant of borg staat, of (zo bekend) aansprakelijk is.",
    )
    book_value_start = models.DecimalField(
        "boekwaarde 1-1 (€)",
        **AMOUNT,
        help_text="Financiële vaste activa (BBV art. 36): kapitaalverstrekking of lening.",
    )
    book_value_end = models.DecimalField("boekwaarde 31-12 (€)", **AMOUNT, help_text="BBV art. 36.")
    note = models.CharField("toelichting", max_length=255, blank=True)

    history = Historical()

    class Meta:
        verbose_name = "financieel belang"
        verbose_name_plural = "financiële belangen"
        ordering = ["participation__party__name", "-year", "form", "pk"]
        indexes = [models.Index(fields=["participation", "year"], name="interest_participation_year")]
        constraints = [
            year_constraint("financial_interest_year_range"),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 0}),
                    name=f"financial_interest_{name}_not_negative",
                    violation_error_message="Bedragen van een financieel belang kunnen niet negatief zijn.",
                )
                for name in INTEREST_AMOUNTS
            ],
        ]

    def __str__(self):
        return f"{self.get_form_display()} {self.year}: {self.participation}"

    def get_absolute_url(self):
        return self.participation.party.get_absolute_url()

    @property
    def is_shares(self) -> bool:
        return self.form == FinancialInterestForm.KAPITAAL

    @property
    def is_loan(self) -> bool:
        return self.form == FinancialInterestForm.LENING

    @property
    def is_guarantee(self) -> bool:
        return self.form in (FinancialInterestForm.GARANTIE, FinancialInterestForm.BORGSTELLING)

    @property
    def is_liability(self) -> bool:
        return self.form == FinancialInterestForm.AANSPRAKELIJKHEID


PRINT_ORDER = [
    FinancialInterestForm.KAPITAAL,
    FinancialInterestForm.LENING,
    FinancialInterestForm.GARANTIE,
    FinancialInterestForm.BORGSTELLING,
    FinancialInterestForm.AANSPRAKELIJKHEID,
]


def in_print_order(interests) -> list:
    """Aandelen, lening, garantie, borgstelling, aansprakelijkheid: the order the paragraaf names them."""
    return sorted(interests, key=lambda i: (PRINT_ORDER.index(i.form), i.pk or 0))


class Art15Field(models.TextChoices):
    """The fields BBV art. 15 lid 2 asks per verbonden partij, as the completeness check names them."""

    BELANG = "belang", "Belang van de gemeente"
    EIGEN_VERMOGEN = "eigen_vermogen", "Eigen vermogen"
    VREEMD_VERMOGEN = "vreemd_vermogen", "Vreemd vermogen"
    RESULTAAT = "resultaat", "Financieel resultaat"
    OPENBAAR_BELANG = "openbaar_belang", "Openbaar belang"
    VERTEGENWOORDIGING = "vertegenwoordiging", "Vertegenwoordiging"


class DeclaredUnknown(models.Model):
    """A figure the paragraaf deliberately prints as "niet bekend", with the reason the beheerder
    recorded ("jaarrekening nog niet vastgesteld"): no gap in the completeness check, but said."""

    participation = models.ForeignKey(
        "partners.Participation",
        verbose_name="deelname",
        on_delete=models.CASCADE,
        related_name="declared_unknowns",
    )
    year = models.PositiveSmallIntegerField("jaar", validators=YEAR_VALIDATORS)
    field = models.CharField("gegeven", max_length=30, choices=Art15Field.choices, help_text="BBV art. 15 lid 2.")
    reason = models.CharField(
        "reden",
        max_length=255,
        help_text="Waarom het gegeven niet bekend is, bijvoorbeeld: jaarrekening nog niet vastgesteld.",
    )

    history = Historical()

    class Meta:
        verbose_name = "bewust niet bekend gegeven"
        verbose_name_plural = "bewust niet bekende gegevens"
        ordering = ["participation__party__name", "-year", "field"]
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "year", "field"],
                name="declared_unknown_unique",
                violation_error_message="Voor dit gegeven van deze deelname en dit jaar is al een reden vastgelegd.",
            ),
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="declared_unknown_has_reason",
                violation_error_message="Vul de reden in waarom het gegeven niet bekend is.",
            ),
            year_constraint("declared_unknown_year_range"),
        ]

    def __str__(self):
        return f"{self.get_field_display()} {self.year} niet bekend: {self.reason}"

    def get_absolute_url(self):
        return self.participation.party.get_absolute_url()
