"""Deadlines of the Wgr planning-and-control cycle (Wgr as revised on 1 July 2022).

Plain Python on purpose: no Django imports, so models, views and reports can all use these rules.

Every date returned here is the *uiterste dag*: the last day on which the act is still in time.
The law words its deadlines two ways, and they count differently:
- "binnen twee/twaalf weken na ..." ends on the same weekday that many weeks later (that day counts);
- "vóór 15 september" means the act happens before that date, so the last day is 14 September.

Which forms have the cycle, the toezichthouder and the articles are in governance/law.py.
"""

import calendar
from collections.abc import Container
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from . import law, termijnenwet

# Sources of the rules (governance/law.py holds the articles).
SOURCE_FRAMEWORK_LETTER = law.SOURCE_FRAMEWORK_LETTER
SOURCE_PROVISIONAL_ACCOUNTS = law.SOURCE_PROVISIONAL_ACCOUNTS
SOURCE_DRAFT_BUDGET = law.SOURCE_DRAFT_BUDGET
SOURCE_OPINION = law.SOURCE_OPINION

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

    # Wgr art. 35 lid 3: the raad may give its zienswijze within 12 weeks of sending.
    opinion_weeks: int = law.LEGAL_OPINION_WEEKS
    # Wgr art. 35 lid 1: the ontwerpbegroting goes out at least 12 weeks before it goes to the AB.
    draft_budget_weeks: int = law.LEGAL_DRAFT_BUDGET_WEEKS
    # Wgr art. 34b: kaderbrief before 30 April of the year before the begrotingsjaar.
    framework_letter: FixedDate = FixedDate(30, 4)
    # Wgr art. 34b: voorlopige jaarrekening before 30 April, with the kaderbrief.
    provisional_accounts: FixedDate = FixedDate(30, 4)

    def __post_init__(self):
        _check_weeks(self.opinion_weeks, "Termijn voor de zienswijze")
        _check_weeks(self.draft_budget_weeks, "Termijn voor de ontwerpbegroting")
        for name in ("framework_letter", "provisional_accounts"):
            if not isinstance(getattr(self, name), FixedDate):
                raise ValueError(f"{name} moet een FixedDate zijn, zoals FixedDate(30, 4).")


WGR_DEFAULTS = DeadlineRules()

# Toezicht deadlines (Wgr art. 34 lid 2 and 3; art. 58 lid 2 and 4 when a provincie takes part):
# "binnen twee weken na de vaststelling, doch in ieder geval vóór 15 september / 15 juli".
SUPERVISOR_WEEKS = 2
BUDGET_TO_SUPERVISOR = FixedDate(15, 9)
ACCOUNTS_TO_SUPERVISOR = FixedDate(15, 7)


@dataclass(frozen=True)
class Deadline:
    """One dated event of the cycle; ``date`` is the last day on which the act is in time.

    ``nominal`` is set when the Algemene termijnenwet moved that day: the day as counted."""

    kind: DocumentKind
    date: date
    description: str
    legal_source: str
    nominal: date | None = None


def zienswijze_deadline(*, sent_on: date, weeks: int = WGR_DEFAULTS.opinion_weeks) -> date:
    """Last day for the raad's zienswijze, as counted: ``weeks`` after the document was sent (Wgr art. 35 lid 3).

    Calendar time, before the Algemene termijnenwet: ``opinion_term`` gives the day it really ends.
    """
    _check_weeks(weeks, "Termijn voor de zienswijze")
    return sent_on + timedelta(weeks=weeks)


def opinion_term(
    *, sent_on: date, weeks: int = WGR_DEFAULTS.opinion_weeks, extra_days: Container[date] = ()
) -> termijnenwet.Term:
    """The zienswijzetermijn as counted (Wgr art. 35 lid 3) and as the Algemene termijnenwet
    extends it when it ends on a Saturday, Sunday or holiday (Atw art. 1 lid 1 and art. 3)."""
    return termijnenwet.extend(zienswijze_deadline(sent_on=sent_on, weeks=weeks), extra_days)


def opinion_source(term: termijnenwet.Term, *, overridden: bool = False) -> str:
    """The source of a zienswijze deadline, with the Atw when it moved the day."""
    source = _source(SOURCE_OPINION, overridden)
    return f"{source}; {termijnenwet.SOURCE_EXTENSION}" if term.extended else source


def earliest_ab_adoption_for_draft_budget(*, sent_on: date, weeks: int = WGR_DEFAULTS.draft_budget_weeks) -> date:
    """First day the algemeen bestuur may adopt a begroting whose ontwerp was sent on ``sent_on``.

    Wgr art. 35 lid 1: the ontwerpbegroting goes to the raden at least 12 weeks before
    the AB adopts it, so adoption can be exactly 12 weeks later and not earlier.
    """
    _check_weeks(weeks, "Termijn voor de ontwerpbegroting")
    return sent_on + timedelta(weeks=weeks)


def latest_draft_budget_sending(*, adoption_on: date, weeks: int = WGR_DEFAULTS.draft_budget_weeks) -> date:
    """Last day to send the ontwerpbegroting for an AB meeting on ``adoption_on`` (Wgr art. 35 lid 1)."""
    _check_weeks(weeks, "Termijn voor de ontwerpbegroting")
    return adoption_on - timedelta(weeks=weeks)


def budget_to_gs_deadline(*, adopted_on: date, budget_year: int) -> date:
    """Last day to send the adopted begroting for ``budget_year`` to the toezichthouder.

    Wgr art. 34 lid 2 (art. 58 lid 2 when a provincie takes part): within two weeks after adoption,
    and in any case before 15 September of
    the year before the begrotingsjaar; the earlier of the two (last day 14 September).
    """
    within_weeks = adopted_on + timedelta(weeks=SUPERVISOR_WEEKS)
    return min(within_weeks, BUDGET_TO_SUPERVISOR.last_day_in(budget_year - 1))


def annual_accounts_to_gs_deadline(*, adopted_on: date, accounts_year: int) -> date:
    """Last day to send the adopted jaarrekening over ``accounts_year`` to the toezichthouder.

    Wgr art. 34 lid 3 (art. 58 lid 4 when a provincie takes part): within two weeks after adoption,
    and in any case before 15 July of the year
    after the year it covers; the earlier of the two (last day 14 July).
    """
    within_weeks = adopted_on + timedelta(weeks=SUPERVISOR_WEEKS)
    return min(within_weeks, ACCOUNTS_TO_SUPERVISOR.last_day_in(accounts_year + 1))


def provisional_accounts_deadline(*, accounts_year: int, rules: DeadlineRules = WGR_DEFAULTS) -> date:
    """Last day to send the voorlopige jaarrekening over ``accounts_year`` to the raden.

    Wgr art. 34b: before 30 April of the following year (so 29 April), or earlier if the regeling agrees.
    """
    return rules.provisional_accounts.last_day_in(accounts_year + 1)


def framework_letter_deadline(*, budget_year: int, rules: DeadlineRules = WGR_DEFAULTS) -> date:
    """Last day to send the kaderbrief for ``budget_year`` to the raden.

    Wgr art. 34b: before 30 April of the year before the begrotingsjaar (so
    29 April), unless the regeling agrees an earlier date.
    """
    return rules.framework_letter.last_day_in(budget_year - 1)


def _source(legal_source: str, overridden: bool) -> str:
    """The source of a rule: the law, or the regeling when it agrees otherwise."""
    return f"Gemeenschappelijke regeling (afwijkend van {legal_source})" if overridden else legal_source


def cycle_for_year(
    *,
    budget_year: int,
    rules: DeadlineRules = WGR_DEFAULTS,
    draft_budget_sent_on: date | None = None,
    supervisor: law.Supervisor = law.GEDEPUTEERDE_STATEN,
    extra_days: Container[date] = (),
) -> list[Deadline]:
    """The dated events of the cycle around one begrotingsjaar, in date order.

    From the kaderbrief in the year before to the jaarrekening in the year after. The latest day
    to send the ontwerpbegroting follows from two rules together: adoption at least
    ``draft_budget_weeks`` after sending, and the begroting at the toezichthouder (``supervisor``:
    GS, or the minister of BZK when a provincie takes part) before 15 September. When the
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
            f"{format_date_nl(gs_last_day + timedelta(days=1))} bij {supervisor.name} te hebben",
            f"{draft_source}; {supervisor.budget_source}",
        ),
        Deadline(
            DocumentKind.BEGROTING,
            gs_last_day,
            f"Begroting {year} naar {supervisor.name}, binnen {SUPERVISOR_WEEKS} weken na vaststelling "
            f"en {BUDGET_TO_SUPERVISOR.wording(year - 1)}",
            supervisor.budget_source,
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
            f"Jaarrekening {year} naar {supervisor.name}, binnen {SUPERVISOR_WEEKS} weken na vaststelling "
            f"en {ACCOUNTS_TO_SUPERVISOR.wording(year + 1)}",
            supervisor.accounts_source,
        ),
    ]
    if draft_budget_sent_on is not None:
        sent = format_date_nl(draft_budget_sent_on)
        term = opinion_term(sent_on=draft_budget_sent_on, weeks=rules.opinion_weeks, extra_days=extra_days)
        events += [
            Deadline(
                DocumentKind.ONTWERPBEGROTING,
                term.last_day,
                f"Zienswijze van de raad op de ontwerpbegroting {year} (verzonden {sent}), "
                f"binnen {rules.opinion_weeks} weken",
                opinion_source(term, overridden=rules.opinion_weeks != WGR_DEFAULTS.opinion_weeks),
                term.nominal if term.extended else None,
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
    *,
    legal_form: str,
    budget_year: int,
    rules: DeadlineRules = WGR_DEFAULTS,
    draft_budget_sent_on: date | None = None,
    by_regeling: bool = False,
    supervisor: law.Supervisor = law.GEDEPUTEERDE_STATEN,
    extra_days: Container[date] = (),
) -> list[Deadline]:
    """The cycle for a party of ``legal_form``: empty when the form has no Wgr cycle (governance/law.py)."""
    if not law.has_cycle(legal_form, by_regeling=by_regeling):
        return []
    return cycle_for_year(
        budget_year=budget_year,
        rules=rules,
        draft_budget_sent_on=draft_budget_sent_on,
        supervisor=supervisor,
        extra_days=extra_days,
    )
