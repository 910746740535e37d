"""Deadlines of the Wgr planning-and-control cycle (Wgr as revised on 1 July 2022).

Plain Python on purpose: no Django imports, so models, views and reports can all use these rules.

Every date returned here is the *uiterste dag*: the last day on which the act is still in time.
The law words its deadlines two ways, and they count differently:
- "binnen twee/twaalf weken na ..." ends on the same weekday that many weeks later (that day counts);
- "vóór 15 september" means the act happens before that date, so the last day is 14 September.

Weekends and public holidays do not move a deadline. The Algemene termijnenwet extends some
statutory deadlines that end on a Saturday, Sunday or holiday; this module deliberately does not
apply it. The register shows the date as computed from the Wgr (and the regeling); a regeling may
agree otherwise, and then its own dates belong in ``DeadlineRules``.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

# Legal sources, cited as far as they are verified. Where an article number is not verified the
# source says so ("te verifiëren") or names the rule in words rather than guess a number.
SOURCE_FRAMEWORK_LETTER = "Wgr art. 34b (te verifiëren)"
SOURCE_PROVISIONAL_ACCOUNTS = "Wgr: voorlopige jaarrekening vóór 30 april na afloop van het jaar naar de raden"
SOURCE_DRAFT_BUDGET = (
    "Wgr art. 35 (te verifiëren): ontwerpbegroting ten minste 12 weken vóór vaststelling naar de raden"
)
SOURCE_OPINION = "Wgr art. 35 (te verifiëren): zienswijze van de raad binnen 12 weken na toezending"
# The two toezicht deadlines are in the text of Wgr art. 58 lid 2 and lid 4 (two weeks after
# adoption, before 15 September / 15 July). That article addresses regelingen in which provincies
# take part and names the minister of BZK as recipient; for regelingen of gemeenten only the
# recipient is Gedeputeerde Staten. Which article holds that variant is still to be verified.
SOURCE_BUDGET_TO_SUPERVISOR = "Wgr art. 58 lid 2"
SOURCE_ACCOUNTS_TO_SUPERVISOR = "Wgr art. 58 lid 4"

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

MIN_WEEKS, MAX_WEEKS = 1, 52


class DocumentKind(StrEnum):
    """The documents and decisions of the cycle. ``choices()`` fits a Django ``choices=``."""

    KADERBRIEF = "kaderbrief"
    VOORLOPIGE_JAARREKENING = "voorlopige_jaarrekening"
    ONTWERPBEGROTING = "ontwerpbegroting"
    BEGROTINGSWIJZIGING = "begrotingswijziging"
    JAARREKENING = "jaarrekening"
    BEGROTING = "begroting"
    BESTUURSBESLUIT = "bestuursbesluit"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(kind.value, kind.label) for kind in cls]


_KIND_LABELS = {
    DocumentKind.KADERBRIEF: "Kaderbrief",
    DocumentKind.VOORLOPIGE_JAARREKENING: "Voorlopige jaarrekening",
    DocumentKind.ONTWERPBEGROTING: "Ontwerpbegroting",
    DocumentKind.BEGROTINGSWIJZIGING: "Begrotingswijziging",
    DocumentKind.JAARREKENING: "Jaarrekening",
    DocumentKind.BEGROTING: "Begroting",
    DocumentKind.BESTUURSBESLUIT: "Overig bestuursbesluit",
}

# Legal form values as in partners.choices.LegalForm (a test keeps the two in step).
# Public law, Wgr art. 8: the cycle's Wgr defaults apply.
WGR_LEGAL_FORMS = frozenset(
    {
        "openbaar_lichaam",
        "gemeenschappelijk_orgaan",
        "bedrijfsvoeringsorganisatie",
        "centrumgemeenteregeling",
        "regeling_zonder_meer",
    }
)
# Private law (Gemeentewet art. 160 lid 2): own calendar (AvA, jaarrekening, dividend), no Wgr deadlines.
PRIVATE_LEGAL_FORMS = frozenset({"nv", "bv", "cooperatie", "stichting", "vereniging", "overig"})


def wgr_applies(legal_form: str) -> bool:
    """Whether the Wgr deadlines are the defaults for a party of this legal form."""
    if legal_form in WGR_LEGAL_FORMS:
        return True
    if legal_form in PRIVATE_LEGAL_FORMS:
        return False
    raise ValueError(f"Onbekende rechtsvorm: {legal_form!r}.")


def format_date_nl(day: date) -> str:
    """A date the Dutch way: 14 september 2025."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class FixedDate:
    """A date that recurs each year, as a rule words it: "vóór 30 april" or "uiterlijk 1 februari".

    ``before=True`` reads "vóór <dag> <maand>" (the last day is the day before);
    ``before=False`` reads "uiterlijk <dag> <maand>" (that day itself is the last day).
    """

    day: int
    month: int
    before: bool = True

    def __post_init__(self):
        if isinstance(self.month, bool) or not isinstance(self.month, int) or not 1 <= self.month <= 12:
            raise ValueError(f"Maand {self.month} bestaat niet; kies 1 tot en met 12.")
        month_name = MONTHS_NL[self.month - 1]
        if isinstance(self.day, bool) or not isinstance(self.day, int):
            raise ValueError(f"De dag moet een geheel getal zijn, niet {self.day!r}.")
        if self.month == 2 and self.day == 29:
            # Valid in leap years only; a yearly rule needs a date that exists every year.
            raise ValueError("29 februari bestaat niet in elk jaar; kies 28 februari of 1 maart.")
        # 2025 is no leap year, so this is the number of days the month has every year.
        if not 1 <= self.day <= calendar.monthrange(2025, self.month)[1]:
            raise ValueError(f"{self.day} {month_name} bestaat niet.")

    def last_day_in(self, year: int) -> date:
        """The last day on which the act is in time, for this date in ``year``."""
        named = date(year, self.month, self.day)
        return named - timedelta(days=1) if self.before else named

    def wording(self, year: int) -> str:
        """The rule in words for ``year``: "vóór 30 april 2025" or "uiterlijk 1 februari 2025"."""
        return f"{'vóór' if self.before else 'uiterlijk'} {format_date_nl(date(year, self.month, self.day))}"


def _check_weeks(weeks: int, what: str) -> None:
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise ValueError(f"{what}: het aantal weken moet een geheel getal zijn, niet {weeks!r}.")
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise ValueError(f"{what}: {weeks} weken kan niet; kies {MIN_WEEKS} tot en met {MAX_WEEKS} weken.")


@dataclass(frozen=True)
class DeadlineRules:
    """The cycle's rules for one party: the Wgr defaults, or what its regeling agrees instead.

    Many regelingen agree earlier dates (e.g. a kaderbrief by 1 February). The deadlines towards
    the toezichthouder (begroting before 15 September, jaarrekening before 15 July) are the law's
    and are not a party setting. Impossible values raise ValueError with a Dutch message.
    """

    # Wgr art. 35 (te verifiëren): the raad may give its zienswijze within 12 weeks of sending.
    opinion_weeks: int = 12
    # Wgr art. 35 (te verifiëren): the ontwerpbegroting goes out at least 12 weeks before adoption.
    draft_budget_weeks: int = 12
    # Wgr art. 34b (te verifiëren): kaderbrief before 30 April of the year before the begrotingsjaar.
    framework_letter: FixedDate = FixedDate(30, 4)
    # Wgr: voorlopige jaarrekening before 30 April of the year after the year it covers.
    provisional_accounts: FixedDate = FixedDate(30, 4)

    def __post_init__(self):
        _check_weeks(self.opinion_weeks, "Termijn voor de zienswijze")
        _check_weeks(self.draft_budget_weeks, "Termijn voor de ontwerpbegroting")
        for name in ("framework_letter", "provisional_accounts"):
            if not isinstance(getattr(self, name), FixedDate):
                raise ValueError(f"{name} moet een FixedDate zijn, zoals FixedDate(30, 4).")


WGR_DEFAULTS = DeadlineRules()

# Toezicht deadlines (Wgr art. 58 lid 2 and 4): "binnen twee weken na de vaststelling, doch in
# ieder geval vóór 15 september / 15 juli".
SUPERVISOR_WEEKS = 2
BUDGET_TO_SUPERVISOR = FixedDate(15, 9)
ACCOUNTS_TO_SUPERVISOR = FixedDate(15, 7)


@dataclass(frozen=True)
class Deadline:
    """One dated event of the cycle; ``date`` is the last day on which the act is in time."""

    kind: DocumentKind
    date: date
    description: str
    legal_source: str


def zienswijze_deadline(*, sent_on: date, weeks: int = WGR_DEFAULTS.opinion_weeks) -> date:
    """Last day for the raad's zienswijze: ``weeks`` after the document was sent (Wgr art. 35, te verifiëren).

    Calendar time: a deadline on a Saturday, Sunday or holiday stays on that day. The Algemene
    termijnenwet is not applied; the register shows the date as computed from the Wgr, and a
    regeling may agree otherwise (pass its number of weeks).
    """
    _check_weeks(weeks, "Termijn voor de zienswijze")
    return sent_on + timedelta(weeks=weeks)


def earliest_ab_adoption_for_draft_budget(*, sent_on: date, weeks: int = WGR_DEFAULTS.draft_budget_weeks) -> date:
    """First day the algemeen bestuur may adopt a begroting whose ontwerp was sent on ``sent_on``.

    Wgr art. 35 (te verifiëren): the ontwerpbegroting goes to the raden at least 12 weeks before
    the AB adopts it, so adoption can be exactly 12 weeks later and not earlier.
    """
    _check_weeks(weeks, "Termijn voor de ontwerpbegroting")
    return sent_on + timedelta(weeks=weeks)


def latest_draft_budget_sending(*, adoption_on: date, weeks: int = WGR_DEFAULTS.draft_budget_weeks) -> date:
    """Last day to send the ontwerpbegroting for an AB meeting on ``adoption_on`` (Wgr art. 35, te verifiëren)."""
    _check_weeks(weeks, "Termijn voor de ontwerpbegroting")
    return adoption_on - timedelta(weeks=weeks)


def budget_to_gs_deadline(*, adopted_on: date, budget_year: int) -> date:
    """Last day to send the adopted begroting for ``budget_year`` to the toezichthouder (GS).

    Wgr art. 58 lid 2: within two weeks after adoption, and in any case before 15 September of
    the year before the begrotingsjaar; the earlier of the two (last day 14 September).
    """
    within_weeks = adopted_on + timedelta(weeks=SUPERVISOR_WEEKS)
    return min(within_weeks, BUDGET_TO_SUPERVISOR.last_day_in(budget_year - 1))


def annual_accounts_to_gs_deadline(*, adopted_on: date, accounts_year: int) -> date:
    """Last day to send the adopted jaarrekening over ``accounts_year`` to the toezichthouder (GS).

    Wgr art. 58 lid 4: within two weeks after adoption, and in any case before 15 July of the year
    after the year it covers; the earlier of the two (last day 14 July).
    """
    within_weeks = adopted_on + timedelta(weeks=SUPERVISOR_WEEKS)
    return min(within_weeks, ACCOUNTS_TO_SUPERVISOR.last_day_in(accounts_year + 1))


def provisional_accounts_deadline(*, accounts_year: int, rules: DeadlineRules = WGR_DEFAULTS) -> date:
    """Last day to send the voorlopige jaarrekening over ``accounts_year`` to the raden.

    Wgr: before 30 April of the following year (so 29 April), unless the regeling agrees otherwise.
    """
    return rules.provisional_accounts.last_day_in(accounts_year + 1)


def framework_letter_deadline(*, budget_year: int, rules: DeadlineRules = WGR_DEFAULTS) -> date:
    """Last day to send the kaderbrief for ``budget_year`` to the raden.

    Wgr art. 34b (te verifiëren): before 30 April of the year before the begrotingsjaar (so
    29 April), unless the regeling agrees an earlier date.
    """
    return rules.framework_letter.last_day_in(budget_year - 1)


def _source(legal_source: str, overridden: bool) -> str:
    """The source of a rule: the law, or the regeling when it agrees otherwise."""
    return f"Gemeenschappelijke regeling (afwijkend van {legal_source})" if overridden else legal_source


def cycle_for_year(
    *, budget_year: int, rules: DeadlineRules = WGR_DEFAULTS, draft_budget_sent_on: date | None = None
) -> list[Deadline]:
    """The dated events of the cycle around one begrotingsjaar, in date order.

    From the kaderbrief in the year before to the jaarrekening in the year after. The latest day
    to send the ontwerpbegroting follows from two rules together: adoption at least
    ``draft_budget_weeks`` after sending, and the begroting at GS before 15 September. When the
    ontwerpbegroting has been sent, ``draft_budget_sent_on`` adds the raad's zienswijze deadline
    and the first possible adoption day.
    """
    year = budget_year
    gs_last_day = BUDGET_TO_SUPERVISOR.last_day_in(year - 1)
    draft_source = _source(SOURCE_DRAFT_BUDGET, rules.draft_budget_weeks != WGR_DEFAULTS.draft_budget_weeks)
    events = [
        Deadline(
            DocumentKind.KADERBRIEF,
            framework_letter_deadline(budget_year=year, rules=rules),
            f"Kaderbrief {year} naar de raden, {rules.framework_letter.wording(year - 1)}",
            _source(SOURCE_FRAMEWORK_LETTER, rules.framework_letter != WGR_DEFAULTS.framework_letter),
        ),
        Deadline(
            DocumentKind.ONTWERPBEGROTING,
            latest_draft_budget_sending(adoption_on=gs_last_day, weeks=rules.draft_budget_weeks),
            f"Ontwerpbegroting {year} uiterlijk naar de raden om de begroting vóór "
            f"{format_date_nl(gs_last_day + timedelta(days=1))} bij GS te hebben",
            f"{draft_source}; {SOURCE_BUDGET_TO_SUPERVISOR}",
        ),
        Deadline(
            DocumentKind.BEGROTING,
            gs_last_day,
            f"Begroting {year} naar Gedeputeerde Staten, binnen {SUPERVISOR_WEEKS} weken na vaststelling "
            f"en {BUDGET_TO_SUPERVISOR.wording(year - 1)}",
            SOURCE_BUDGET_TO_SUPERVISOR,
        ),
        Deadline(
            DocumentKind.VOORLOPIGE_JAARREKENING,
            provisional_accounts_deadline(accounts_year=year, rules=rules),
            f"Voorlopige jaarrekening {year} naar de raden, {rules.provisional_accounts.wording(year + 1)}",
            _source(SOURCE_PROVISIONAL_ACCOUNTS, rules.provisional_accounts != WGR_DEFAULTS.provisional_accounts),
        ),
        Deadline(
            DocumentKind.JAARREKENING,
            ACCOUNTS_TO_SUPERVISOR.last_day_in(year + 1),
            f"Jaarrekening {year} naar Gedeputeerde Staten, binnen {SUPERVISOR_WEEKS} weken na vaststelling "
            f"en {ACCOUNTS_TO_SUPERVISOR.wording(year + 1)}",
            SOURCE_ACCOUNTS_TO_SUPERVISOR,
        ),
    ]
    if draft_budget_sent_on is not None:
        sent = format_date_nl(draft_budget_sent_on)
        events += [
            Deadline(
                DocumentKind.ONTWERPBEGROTING,
                zienswijze_deadline(sent_on=draft_budget_sent_on, weeks=rules.opinion_weeks),
                f"Zienswijze van de raad op de ontwerpbegroting {year} (verzonden {sent}), "
                f"binnen {rules.opinion_weeks} weken",
                _source(SOURCE_OPINION, rules.opinion_weeks != WGR_DEFAULTS.opinion_weeks),
            ),
            Deadline(
                DocumentKind.BEGROTING,
                earliest_ab_adoption_for_draft_budget(sent_on=draft_budget_sent_on, weeks=rules.draft_budget_weeks),
                f"Vroegste vaststelling van de begroting {year} door het algemeen bestuur "
                f"(ontwerp verzonden {sent}, ten minste {rules.draft_budget_weeks} weken)",
                draft_source,
            ),
        ]
    return sorted(events, key=lambda event: event.date)


def cycle_for_party(
    *, legal_form: str, budget_year: int, rules: DeadlineRules = WGR_DEFAULTS, draft_budget_sent_on: date | None = None
) -> list[Deadline]:
    """The cycle for a party of ``legal_form``: empty for private-law parties, which have no Wgr deadlines."""
    if not wgr_applies(legal_form):
        return []
    return cycle_for_year(budget_year=budget_year, rules=rules, draft_budget_sent_on=draft_budget_sent_on)
