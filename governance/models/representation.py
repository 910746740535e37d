"""Who represents a gemeente where: people, their seats in the bodies of a party, and the
gemeente's own roles per deelname (eigenaar, opdrachtgever, accounthouder)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from partners import text as plain_text
from partners.choices import ParticipantKind
from partners.history import Historical
from partners.models import Participant, Participation, Party

from ..choices import ARRANGEMENTS, REVIEW_MONTHS, Body, CriterionGroup, PersonFunction, RiskProfile, SeatRole
from ..dates import add_months

PORTFOLIO_HOLDER_FUNCTIONS = [PersonFunction.BURGEMEESTER, PersonFunction.WETHOUDER]


class Person(models.Model):
    """A bestuurder, raadslid, ambtenaar or external member who can hold seats."""

    name = plain_text.CharField("naam", max_length=200)
    function = models.CharField("functie", max_length=20, choices=PersonFunction.choices)
    municipality = models.ForeignKey(
        Participant,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
        help_text="De gemeente namens welke deze persoon optreedt; leeg bij externen.",
    )
    email = models.EmailField("e-mailadres", blank=True)
    phone = plain_text.CharField("telefoonnummer", max_length=30, blank=True)

    history = Historical()

    class Meta:
        verbose_name = "persoon"
        verbose_name_plural = "personen"
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.get_function_display().lower()})"

    def get_absolute_url(self):
        return reverse("governance:person_detail", kwargs={"pk": self.pk})


class SeatQuerySet(models.QuerySet):
    def current(self, *, on: date):
        """Seats held on `on`: started that day or before, not yet ended."""
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on), started_on__lte=on)

    def past(self, *, on: date):
        return self.filter(ended_on__lt=on)


class Seat(models.Model):
    """A zetel: a person's membership of a body of a party, on behalf of a deelnemer, for a period."""

    person = models.ForeignKey(Person, verbose_name="persoon", on_delete=models.PROTECT, related_name="seats")
    party = models.ForeignKey(Party, verbose_name="partij", on_delete=models.PROTECT, related_name="seats")
    body = models.CharField("orgaan", max_length=30, choices=Body.choices)
    role = models.CharField("rol", max_length=30, choices=SeatRole.choices, default=SeatRole.LID)
    on_behalf_of = models.ForeignKey(
        Participant,
        verbose_name="namens",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seats",
        help_text="De deelnemer die deze persoon vertegenwoordigt; leeg bij een onafhankelijk lid.",
    )
    started_on = models.DateField("begindatum")
    ended_on = models.DateField("einddatum", null=True, blank=True, help_text="Leeg zolang de zetel loopt.")
    note = plain_text.CharField("toelichting", max_length=255, blank=True)

    objects = SeatQuerySet.as_manager()

    history = Historical()

    class Meta:
        verbose_name = "zetel"
        verbose_name_plural = "zetels"
        ordering = ["party__name", "body", "role", "person__name", "-started_on"]
        indexes = [models.Index(fields=["party", "body", "role"], name="seat_party_body_role")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="seat_end_after_start",
                violation_error_message="De einddatum van de zetel ligt vóór de begindatum.",
            ),
            models.UniqueConstraint(
                fields=["person", "party", "body", "role", "started_on"],
                name="seat_unique_start",
                violation_error_message="Deze persoon heeft al deze rol in dit orgaan vanaf deze datum.",
            ),
        ]

    def __str__(self):
        return f"{self.person.name}: {self.get_role_display().lower()} {self.get_body_display().lower()} {self.party}"

    def get_absolute_url(self):
        return self.person.get_absolute_url()

    def clean(self):
        # Overlap is checked here, not in the database: an exclusion constraint on date ranges
        # exists on PostgreSQL only, and the register also runs on SQLite. The admin inline
        # (governance/forms.py) checks overlap between the rows of one submission as well.
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "De einddatum van de zetel ligt vóór de begindatum."})
        if self.on_behalf_of_id and self.party_id:
            if not Participation.objects.filter(party_id=self.party_id, participant_id=self.on_behalf_of_id).exists():
                raise ValidationError(
                    {"on_behalf_of": f"{self.on_behalf_of} neemt niet deel in {self.party}; kies een deelnemer."}
                )
        if getattr(self, "overlap_checked_elsewhere", False):
            return
        overlapping = self.overlapping_seats().first()
        if overlapping is not None:
            raise ValidationError(overlap_message(self, overlapping))

    def overlapping_seats(self):
        if not (self.person_id and self.party_id and self.body and self.role and self.started_on):
            return Seat.objects.none()
        seats = (
            Seat.objects.filter(person_id=self.person_id, party_id=self.party_id, body=self.body, role=self.role)
            .exclude(pk=self.pk)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=self.started_on))
        )
        if self.ended_on:
            seats = seats.filter(started_on__lte=self.ended_on)
        return seats.order_by("started_on")

    def is_current(self, *, on: date) -> bool:
        return self.started_on <= on and (self.ended_on is None or self.ended_on >= on)


def period_text(started_on: date, ended_on: date | None) -> str:
    start = started_on.strftime("%d-%m-%Y")
    return f"{start} tot en met {ended_on.strftime('%d-%m-%Y')}" if ended_on else f"{start} zonder einddatum"


def overlap_message(seat: Seat, other: Seat) -> str:
    return (
        f"{other.person.name} is in deze periode al {other.get_role_display().lower()} van het "
        f"{other.get_body_display().lower()} van {other.party} ({period_text(other.started_on, other.ended_on)}). "
        "Laat de zetels niet overlappen: pas de begin- of einddatum aan."
    )


class ParticipationGovernance(models.Model):
    """How a gemeente steers one deelname: its portefeuillehouders and ambtelijk accounthouder."""

    participation = models.OneToOneField(
        Participation, verbose_name="deelname", on_delete=models.PROTECT, related_name="governance"
    )
    owner_portfolio_holder = models.ForeignKey(
        Person,
        verbose_name="portefeuillehouder eigenaarsrol",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owner_roles",
        limit_choices_to={"function__in": PORTFOLIO_HOLDER_FUNCTIONS},
        help_text="De wethouder of burgemeester die de gemeente als eigenaar vertegenwoordigt "
        "(oprichting, missie, continuïteit).",
    )
    client_portfolio_holder = models.ForeignKey(
        Person,
        verbose_name="portefeuillehouder opdrachtgeversrol",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="client_roles",
        limit_choices_to={"function__in": PORTFOLIO_HOLDER_FUNCTIONS},
        help_text="De wethouder of burgemeester die de diensten afneemt (prijs en kwaliteit).",
    )
    account_holder = models.ForeignKey(
        Person,
        verbose_name="ambtelijk accounthouder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="account_roles",
        limit_choices_to={"function": PersonFunction.AMBTENAAR},
    )

    own_interest = plain_text.TextField(
        "eigen belang",
        blank=True,
        help_text="Wat deze gemeente zelf met de samenwerking wil bereiken, naast het gedeelde belang van alle "
        "deelnemers (bij de partij).",
    )
    motives = models.ManyToManyField(
        "Criterion",
        verbose_name="motieven (4 K's)",
        blank=True,
        related_name="participations",
        limit_choices_to={"group": CriterionGroup.VIER_K},
        help_text="De redenen waarom de gemeente deze samenwerking koos: kosten, kwaliteit, klantgerichtheid, "
        "kwetsbaarheid.",
    )
    interest_divergence = plain_text.TextField(
        "waar de belangen uiteenlopen",
        blank=True,
        help_text="Waar het eigen belang afwijkt van het gedeelde belang, zodat het is vastgelegd en niet "
        "alleen gevoeld.",
    )

    risk_profile = models.CharField(
        "risicoprofiel",
        max_length=10,
        choices=RiskProfile.choices,
        blank=True,
        help_text="Uit het bestuurlijke, financiële en politieke risico en de omvang van het financiële belang; "
        "het bepaalt het sturingsarrangement.",
    )
    risk_profile_reason = plain_text.TextField("onderbouwing risicoprofiel", blank=True)
    risk_profile_set_on = models.DateField("risicoprofiel vastgesteld op", null=True, blank=True)
    last_review_on = models.DateField("laatste beoordeling", null=True, blank=True)

    history = Historical()

    class Meta:
        verbose_name = "sturing van een deelname"
        verbose_name_plural = "sturing van deelnames"
        ordering = ["participation__party__name", "participation__participant__name"]
        constraints = [
            *plain_text.length_checks(
                "participation_governance", "own_interest", "interest_divergence", "risk_profile_reason"
            ),
            models.CheckConstraint(
                condition=Q(risk_profile="") | (~Q(risk_profile_reason="") & Q(risk_profile_set_on__isnull=False)),
                name="governance_risk_profile_has_reason",
                violation_error_message="Geef bij een risicoprofiel de onderbouwing en de datum waarop het "
                "is vastgesteld.",
            ),
        ]

    def __str__(self):
        return f"Sturing: {self.participation}"

    def get_absolute_url(self):
        return self.participation.party.get_absolute_url()

    @property
    def arrangement(self) -> str:
        """The sturingsarrangement that follows from the risk profile."""
        return ARRANGEMENTS.get(self.risk_profile, "")

    @property
    def next_review_on(self) -> date | None:
        """Next review: the profile's interval after the last review (or after the profile was set)."""
        if not self.risk_profile:
            return None
        since = self.last_review_on or self.risk_profile_set_on
        return add_months(since, REVIEW_MONTHS[RiskProfile(self.risk_profile)]) if since else None
