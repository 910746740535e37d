"""The planning-and-control cycle: a party's own deadline rules, its documents, the gemeenten's
zienswijzen on them, and the dated events of private-law parties (AvA, jaarrekening, dividend)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from core.history import Historical
from core.periods import YEAR_VALIDATORS, year_constraint
from partners import text as plain_text
from partners.choices import ParticipantKind
from partners.models import Participant, Participation, Party, SuppliedByParty

from .. import deadlines, law, termijnenwet
from ..choices import OPINION_NEEDS_DECISION, AuditOpinion, EventKind, OpinionStatus

WEEKS = [MinValueValidator(deadlines.MIN_WEEKS), MaxValueValidator(deadlines.MAX_WEEKS)]
DAY = [MinValueValidator(1), MaxValueValidator(31)]
MONTH = [MinValueValidator(1), MaxValueValidator(12)]
YEAR = YEAR_VALIDATORS


def day_exists_every_year(day: str, month: str) -> Q:
    """A day-and-month pair that exists in every year (no 31 April, no 29 February)."""
    return Q(**{f"{day}__gte": 1, f"{month}__gte": 1, f"{month}__lte": 12}) & (
        Q(**{f"{month}__in": [1, 3, 5, 7, 8, 10, 12], f"{day}__lte": 31})
        | Q(**{f"{month}__in": [4, 6, 9, 11], f"{day}__lte": 30})
        | Q(**{month: 2, f"{day}__lte": 28})
    )


def not_later_than_29_april(prefix: str) -> Q:
    """The agreed date's last day is 29 April at the latest: "vóór 30 april" or earlier (Wgr art. 34b)."""
    day, month, before = f"{prefix}_day", f"{prefix}_month", f"{prefix}_before"
    return Q(**{f"{month}__lt": 4}) | Q(**{month: 4, f"{day}__lt": 30}) | Q(**{month: 4, day: 30, before: True})


class CycleRules(models.Model):
    """The deadlines a regeling agrees where they differ from the Wgr; absent means the Wgr defaults."""

    party = models.OneToOneField(Party, verbose_name="partij", on_delete=models.PROTECT, related_name="cycle_rules")
    opinion_weeks = models.PositiveSmallIntegerField(
        "termijn zienswijze (weken)",
        default=deadlines.WGR_DEFAULTS.opinion_weeks,
        validators=WEEKS,
        help_text="De raad kan binnen 12 weken na toezending een zienswijze geven (Wgr art. 35 lid 3); "
        "een regeling mag dit verlengen, niet verkorten.",
    )
    draft_budget_weeks = models.PositiveSmallIntegerField(
        "ontwerpbegroting vóór vaststelling (weken)",
        default=deadlines.WGR_DEFAULTS.draft_budget_weeks,
        validators=WEEKS,
        help_text="De ontwerpbegroting gaat ten minste 12 weken vóór de aanbieding aan het algemeen bestuur naar "
        "de raden (Wgr art. 35 lid 1); een regeling mag dit verlengen, niet verkorten.",
    )
    framework_letter_day = models.PositiveSmallIntegerField(
        "kaderbrief: dag", default=deadlines.WGR_DEFAULTS.framework_letter.day, validators=DAY
    )
    framework_letter_month = models.PositiveSmallIntegerField(
        "kaderbrief: maand", default=deadlines.WGR_DEFAULTS.framework_letter.month, validators=MONTH
    )
    framework_letter_before = models.BooleanField(
        "kaderbrief: vóór deze datum",
        default=True,
        help_text="Aan: vóór deze datum (de dag ervoor is de laatste dag). Uit: uiterlijk op deze datum. "
        "Wgr art. 34b: vóór 30 april van het jaar vóór het begrotingsjaar; een regeling mag een eerdere datum "
        "afspreken, geen latere.",
    )
    provisional_accounts_day = models.PositiveSmallIntegerField(
        "voorlopige jaarrekening: dag", default=deadlines.WGR_DEFAULTS.provisional_accounts.day, validators=DAY
    )
    provisional_accounts_month = models.PositiveSmallIntegerField(
        "voorlopige jaarrekening: maand", default=deadlines.WGR_DEFAULTS.provisional_accounts.month, validators=MONTH
    )
    provisional_accounts_before = models.BooleanField(
        "voorlopige jaarrekening: vóór deze datum",
        default=True,
        help_text="Wgr art. 34b: vóór 30 april van het jaar na het jaar waarover de jaarrekening gaat; een "
        "regeling mag een eerdere datum afspreken, geen latere.",
    )
    note = plain_text.CharField(
        "bron in de regeling", max_length=255, blank=True, help_text="Bijvoorbeeld: art. 24 lid 2."
    )

    history = Historical()

    class Meta:
        verbose_name = "afwijkende termijnen"
        verbose_name_plural = "afwijkende termijnen"
        ordering = ["party__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opinion_weeks__gte=deadlines.MIN_WEEKS)
                & Q(opinion_weeks__lte=deadlines.MAX_WEEKS)
                & Q(draft_budget_weeks__gte=deadlines.MIN_WEEKS)
                & Q(draft_budget_weeks__lte=deadlines.MAX_WEEKS),
                name="cycle_rules_weeks_1_52",
                violation_error_message="Een termijn in weken moet tussen 1 en 52 weken liggen.",
            ),
            models.CheckConstraint(
                condition=day_exists_every_year("framework_letter_day", "framework_letter_month")
                & day_exists_every_year("provisional_accounts_day", "provisional_accounts_month"),
                name="cycle_rules_dates_exist",
                violation_error_message="Een datum in de termijnen bestaat niet in elk jaar "
                "(zoals 31 april of 29 februari).",
            ),
            models.CheckConstraint(
                condition=Q(opinion_weeks__gte=law.LEGAL_OPINION_WEEKS)
                & Q(draft_budget_weeks__gte=law.LEGAL_DRAFT_BUDGET_WEEKS),
                name="cycle_rules_weeks_not_below_wgr",
                violation_error_message="De termijnen voor de ontwerpbegroting en de zienswijze zijn ten minste "
                "12 weken (Wgr art. 35 lid 1 en 3); een regeling mag ze verlengen, niet verkorten.",
            ),
            models.CheckConstraint(
                condition=not_later_than_29_april("framework_letter") & not_later_than_29_april("provisional_accounts"),
                name="cycle_rules_dates_not_after_wgr",
                violation_error_message="Kaderbrief en voorlopige jaarrekening gaan vóór 30 april naar de raden "
                "(Wgr art. 34b); een regeling mag een eerdere datum afspreken, geen latere.",
            ),
        ]

    def __str__(self):
        return f"Termijnen van {self.party}"

    def get_absolute_url(self):
        return self.party.get_absolute_url()

    def clean(self):
        if self.party_id:
            party = self.party
            if not law.has_cycle(party.legal_form, by_regeling=party.cycle_by_regeling):
                if law.is_public_law(party.legal_form):
                    raise ValidationError(
                        law.no_cycle_reason(party.legal_form, form_label=party.get_legal_form_display())
                    )
                raise ValidationError(
                    f"{party} is een privaatrechtelijke partij en volgt geen Wgr-termijnen; "
                    "leg haar eigen data vast als afspraken (AvA, jaarrekening, dividend)."
                )
        looser = law.looser_than_law(
            opinion_weeks=self.opinion_weeks,
            draft_budget_weeks=self.draft_budget_weeks,
            framework_letter=(self.framework_letter_day, self.framework_letter_month, self.framework_letter_before),
            provisional_accounts=(
                self.provisional_accounts_day,
                self.provisional_accounts_month,
                self.provisional_accounts_before,
            ),
        )
        if looser:
            raise ValidationError(looser)
        try:
            self.to_rules()
        except ValueError as error:
            raise ValidationError(str(error)) from error

    def to_rules(self) -> deadlines.DeadlineRules:
        """The rules as governance/deadlines.py computes with them; ValueError when impossible."""
        return deadlines.DeadlineRules(
            opinion_weeks=self.opinion_weeks,
            draft_budget_weeks=self.draft_budget_weeks,
            framework_letter=deadlines.FixedDate(
                self.framework_letter_day, self.framework_letter_month, self.framework_letter_before
            ),
            provisional_accounts=deadlines.FixedDate(
                self.provisional_accounts_day, self.provisional_accounts_month, self.provisional_accounts_before
            ),
        )


def rules_for(party: Party) -> deadlines.DeadlineRules:
    """The party's agreed rules, or the Wgr defaults (expects `cycle_rules` selected)."""
    try:
        return party.cycle_rules.to_rules()
    except CycleRules.DoesNotExist:
        return deadlines.WGR_DEFAULTS


# Kinds of which a party has several per year; every other kind is there once per year.
REPEATING_KINDS = [deadlines.DocumentKind.BEGROTINGSWIJZIGING.value, deadlines.DocumentKind.BESTUURSBESLUIT.value]
# Documents on which the raden can give a zienswijze by default (Wgr; the regeling may exempt some).
OPINION_KINDS = frozenset(
    {
        deadlines.DocumentKind.ONTWERPBEGROTING,
        deadlines.DocumentKind.BEGROTINGSWIJZIGING,
        deadlines.DocumentKind.BESTUURSBESLUIT,
    }
)


class CycleDocument(SuppliedByParty, models.Model):
    """A document or bestuursbesluit of the cycle that a party sends to the raden."""

    party = models.ForeignKey(Party, verbose_name="partij", on_delete=models.PROTECT, related_name="cycle_documents")
    kind = models.CharField("soort", max_length=30, choices=deadlines.DocumentKind.choices())
    year = models.PositiveSmallIntegerField(
        "jaar",
        validators=YEAR,
        help_text="Het begrotingsjaar (kaderbrief, begroting, wijziging) of het jaar waarover de jaarrekening gaat.",
    )
    title = plain_text.CharField("titel", max_length=200, blank=True, help_text="Bijvoorbeeld: 1e begrotingswijziging.")
    sent_on = models.DateField("verzonden aan de raden", null=True, blank=True)
    opinion_invited = models.BooleanField(
        "zienswijze gevraagd",
        default=True,
        help_text="De raden kunnen een zienswijze geven (Wgr); uit als de regeling dit besluit uitzondert.",
    )
    adopted_on = models.DateField("vastgesteld door het bestuur", null=True, blank=True)
    sent_to_supervisor_on = models.DateField(
        "verzonden aan de toezichthouder",
        null=True,
        blank=True,
        help_text="Begroting en jaarrekening: binnen 2 weken na vaststelling aan Gedeputeerde Staten (Wgr art. 34 "
        "lid 2 en 3), of aan de minister van BZK als een provincie deelneemt (Wgr art. 58 lid 2 en 4).",
    )
    url = models.URLField("link naar het document", blank=True)
    audit_opinion = models.CharField(
        "accountantsverklaring",
        max_length=20,
        choices=AuditOpinion.choices,
        blank=True,
        help_text="Alleen bij een jaarrekening: het oordeel van de accountant (Besluit accountantscontrole "
        "decentrale overheden). Leeg: nog niet bekend.",
    )

    history = Historical()

    class Meta:
        verbose_name = "document van de P&C-cyclus"
        verbose_name_plural = "documenten van de P&C-cyclus"
        ordering = ["party__name", "-year", "sent_on", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "kind", "year"],
                condition=~Q(kind__in=REPEATING_KINDS),
                name="cycle_document_unique_kind_year",
                violation_error_message="Deze partij heeft voor dit jaar al een document van deze soort.",
            ),
            year_constraint("cycle_document_year_range"),
            models.CheckConstraint(
                condition=Q(sent_to_supervisor_on__isnull=True)
                | Q(adopted_on__isnull=True)
                | Q(sent_to_supervisor_on__gte=F("adopted_on")),
                name="cycle_document_supervisor_after_adoption",
                violation_error_message="Het document kan niet vóór de vaststelling aan de toezichthouder "
                "zijn verzonden.",
            ),
            models.CheckConstraint(
                condition=Q(audit_opinion="") | Q(kind=deadlines.DocumentKind.JAARREKENING.value),
                name="cycle_document_audit_opinion_on_accounts",
                violation_error_message="Een accountantsverklaring hoort alleen bij een jaarrekening.",
            ),
        ]

    def __str__(self):
        return self.title or f"{self.get_kind_display()} {self.year}"

    def get_absolute_url(self):
        return self.party.get_tab_url("sturing") + "#cyclus"

    def clean(self):
        if self.party_id:
            party = self.party
            if not law.has_cycle(party.legal_form, by_regeling=party.cycle_by_regeling):
                raise ValidationError(
                    {
                        "party": f"{party} volgt geen begrotingscyclus van de Wgr, dus ook geen documenten van die "
                        f"cyclus. {law.no_cycle_reason(party.legal_form, form_label=party.get_legal_form_display())}"
                    }
                )

    @property
    def invites_opinion(self) -> bool:
        return self.opinion_invited and self.kind in OPINION_KINDS

    def opinion_deadline(self, rules: deadlines.DeadlineRules) -> date | None:
        """Last day for the raden's zienswijze as counted, once the document has been sent."""
        if not self.invites_opinion or self.sent_on is None:
            return None
        return deadlines.zienswijze_deadline(sent_on=self.sent_on, weeks=rules.opinion_weeks)

    def opinion_term(self, rules: deadlines.DeadlineRules, extra_days=()) -> termijnenwet.Term | None:
        """The zienswijzetermijn as counted and as the Algemene termijnenwet extends it."""
        if not self.invites_opinion or self.sent_on is None:
            return None
        return deadlines.opinion_term(sent_on=self.sent_on, weeks=rules.opinion_weeks, extra_days=extra_days)


class Opinion(SuppliedByParty, models.Model):
    """A gemeente's zienswijze on a document: the track in the raad and the answer of the bestuur.
    The zienswijze is the gemeente's; the answer (board_answer, answered_on) the party may supply itself,
    and supplied_by/supplied_at then say so."""

    document = models.ForeignKey(
        CycleDocument, verbose_name="document", on_delete=models.PROTECT, related_name="opinions"
    )
    municipality = models.ForeignKey(
        Participant,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        related_name="opinions",
        limit_choices_to={"kind": ParticipantKind.GEMEENTE},
    )
    status = models.CharField(
        "status", max_length=20, choices=OpinionStatus.choices, default=OpinionStatus.NIET_GESTART
    )
    council_decision_on = models.DateField("datum raadsbesluit", null=True, blank=True)
    sent_on = models.DateField("verzonden aan het bestuur", null=True, blank=True)
    text = plain_text.TextField("zienswijze", blank=True)
    url = models.URLField("link naar raadsbesluit of brief", blank=True)
    board_answer = plain_text.TextField(
        "reactie van het bestuur", blank=True, help_text="Het bestuur reageert schriftelijk en gemotiveerd (Wgr)."
    )
    answered_on = models.DateField("datum reactie bestuur", null=True, blank=True)

    supplied_fields = ("board_answer", "answered_on")

    history = Historical()

    class Meta:
        verbose_name = "zienswijze"
        verbose_name_plural = "zienswijzen"
        ordering = ["document__party__name", "-document__year", "municipality__name"]
        constraints = [
            *plain_text.length_checks("opinion", "text", "board_answer"),
            models.UniqueConstraint(
                fields=["document", "municipality"],
                name="opinion_unique_per_municipality",
                violation_error_message="Deze gemeente heeft al een zienswijze op dit document.",
            ),
            models.CheckConstraint(
                condition=Q(sent_on__isnull=True)
                | Q(council_decision_on__isnull=True)
                | Q(sent_on__gte=F("council_decision_on")),
                name="opinion_sent_after_decision",
                violation_error_message="De zienswijze kan niet vóór het raadsbesluit zijn verzonden.",
            ),
        ]

    def __str__(self):
        return f"Zienswijze {self.municipality} op {self.document}"

    def get_absolute_url(self):
        return self.document.get_absolute_url()

    def clean(self):
        errors = {}
        if self.status in OPINION_NEEDS_DECISION and self.council_decision_on is None:
            errors["council_decision_on"] = (
                f"Bij de status “{self.get_status_display()}” hoort de datum van het raadsbesluit."
            )
        if self.status == OpinionStatus.VERZONDEN and self.sent_on is None:
            errors["sent_on"] = "Vul in wanneer de zienswijze aan het bestuur is verzonden."
        if self.document_id and self.municipality_id:
            document = self.document
            if not Participation.objects.filter(
                party_id=document.party_id, participant_id=self.municipality_id
            ).exists():
                errors["municipality"] = f"{self.municipality} neemt niet deel in {document.party}."
            if document.sent_on and self.council_decision_on and self.council_decision_on < document.sent_on:
                errors["council_decision_on"] = "Het raadsbesluit ligt vóór de datum waarop het document is verzonden."
        if errors:
            raise ValidationError(errors)


class PartyEvent(models.Model):
    """A dated event of a party outside the Wgr defaults: an AvA, the adoption of a jaarrekening,
    a dividend decision of a private-law party, or a bestuursvergadering."""

    party = models.ForeignKey(Party, verbose_name="partij", on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("soort", max_length=30, choices=EventKind.choices)
    date = models.DateField("datum")
    title = plain_text.CharField("omschrijving", max_length=200, blank=True)
    note = plain_text.TextField("toelichting", blank=True)

    history = Historical()

    class Meta:
        verbose_name = "afspraak van een partij"
        verbose_name_plural = "afspraken van partijen"
        ordering = ["date", "party__name"]
        constraints = [
            *plain_text.length_checks("party_event", "note"),
            models.UniqueConstraint(
                fields=["party", "kind", "date"],
                name="party_event_unique_kind_date",
                violation_error_message="Deze partij heeft op deze datum al een afspraak van deze soort.",
            ),
        ]

    def __str__(self):
        return f"{self.title or self.get_kind_display()} {self.party} {self.date:%d-%m-%Y}"

    def get_absolute_url(self):
        return self.party.get_tab_url("sturing") + "#cyclus"


class EquatedDay(models.Model):
    """A day equated with a holiday by royal decree for the Algemene termijnenwet (Atw art. 3 lid 3),
    such as the Friday after Hemelvaartsdag: a statutory period ending on it runs to the next working
    day. The holidays of art. 3 lid 1 and 2 are computed (governance/termijnenwet.py), not listed here."""

    date = models.DateField("datum", unique=True)
    description = plain_text.CharField(
        "omschrijving", max_length=200, help_text="Bijvoorbeeld: vrijdag na Hemelvaartsdag."
    )
    source = plain_text.CharField(
        "bron",
        max_length=200,
        help_text="Het koninklijk besluit en de vindplaats in de Staatscourant (Algemene termijnenwet art. 3 lid 3).",
    )

    history = Historical()

    class Meta:
        verbose_name = "gelijkgestelde dag (Algemene termijnenwet)"
        verbose_name_plural = "gelijkgestelde dagen (Algemene termijnenwet)"
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.description}"


def equated_days(start: date, end: date) -> frozenset[date]:
    """The equated days from ``start`` to ``end`` plus a month, for extending periods ending in that window."""
    return frozenset(
        EquatedDay.objects.filter(date__gte=start, date__lte=end + timedelta(days=31)).values_list("date", flat=True)
    )
