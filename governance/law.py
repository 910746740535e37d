"""The rules of the Wet gemeenschappelijke regelingen (Wgr, as revised on 1 July 2022) that the
register applies to the planning-and-control cycle, each with its article: which legal forms have
the cycle, who the toezichthouder is, and how far a regeling may deviate from the law.

Plain Python (no Django), like governance/deadlines.py, so models, forms, views and reports share
one statement of the law. Legal forms are the values of partners.choices.LegalForm.
"""

from dataclasses import dataclass
from datetime import date, timedelta

# --- Sources, as printed on the dashboard, the factsheet, the PDF and the .ics feed ------------
SOURCE_FRAMEWORK_LETTER = "Wgr art. 34b"  # kaderbrief vóór 30 april van het jaar vóór het begrotingsjaar
SOURCE_PROVISIONAL_ACCOUNTS = "Wgr art. 34b"  # voorlopige jaarrekening, in dezelfde zending
SOURCE_DRAFT_BUDGET = "Wgr art. 35 lid 1"  # ontwerpbegroting ten minste 12 weken vóór aanbieding aan het AB
SOURCE_OPINION = "Wgr art. 35 lid 3"  # zienswijze van de raden binnen 12 weken na toezending
SOURCE_FORMS = "Wgr art. 8"  # the forms of a gemeenschappelijke regeling
SOURCE_NO_ORGAN = "Wgr art. 8 lid 4"  # regeling zonder meer / centrumgemeenteregeling: no organ of its own
SOURCE_BVO_PARTICIPANTS = "Wgr art. 8 lid 3"  # a bedrijfsvoeringsorganisatie: colleges or burgemeesters only
SOURCE_ATW_EXTENSION = "Algemene termijnenwet art. 1 lid 1"
SOURCE_ATW_HOLIDAYS = "Algemene termijnenwet art. 3"

# The law's minimum and latest dates, which a regeling may tighten but never loosen.
LEGAL_OPINION_WEEKS = 12  # Wgr art. 35 lid 3 (was 8 weeks before 1 July 2022)
LEGAL_DRAFT_BUDGET_WEEKS = 12  # Wgr art. 35 lid 1 (was 8 weeks)
LEGAL_LATEST_DAY_MONTH = (29, 4)  # "vóór 30 april": the last day is 29 April (Wgr art. 34b; was 15 April)


# --- Which forms have the cycle ---------------------------------------------------------------
# The openbaar lichaam (art. 8 lid 1) and the bedrijfsvoeringsorganisatie (art. 8 lid 3) have a
# bestuur, a begroting and a jaarrekening of their own: the Wgr cycle applies.
CYCLE_FORMS = frozenset({"openbaar_lichaam", "bedrijfsvoeringsorganisatie"})
# A gemeenschappelijk orgaan (art. 8 lid 2) has no legal personality; its regeling says whether it
# follows the cycle (a setting on the party, off by default).
CYCLE_BY_REGELING_FORMS = frozenset({"gemeenschappelijk_orgaan"})
# A centrumgemeenteregeling and any other regeling zonder meer (art. 8 lid 4) have no organ, no
# begroting and no jaarrekening: the money runs through the centrumgemeente's own begroting.
NO_ORGAN_FORMS = frozenset({"centrumgemeenteregeling", "regeling_zonder_meer"})
PUBLIC_LAW_FORMS = CYCLE_FORMS | CYCLE_BY_REGELING_FORMS | NO_ORGAN_FORMS
# Private law (Gemeentewet art. 160 lid 2): its own calendar (AvA, jaarrekening, dividend).
PRIVATE_LAW_FORMS = frozenset({"nv", "bv", "cooperatie", "stichting", "vereniging", "overig"})


def _known(legal_form: str) -> str:
    if legal_form not in PUBLIC_LAW_FORMS | PRIVATE_LAW_FORMS:
        raise ValueError(f"Onbekende rechtsvorm: {legal_form!r}.")
    return legal_form


def is_public_law(legal_form: str) -> bool:
    """A gemeenschappelijke regeling under the Wgr (art. 8), as opposed to a private-law party."""
    return _known(legal_form) in PUBLIC_LAW_FORMS


def has_cycle(legal_form: str, *, by_regeling: bool = False) -> bool:
    """Whether the Wgr planning-and-control cycle applies to a party of this form.

    ``by_regeling``: for a gemeenschappelijk orgaan, whether its regeling applies the cycle.
    """
    form = _known(legal_form)
    if form in CYCLE_FORMS:
        return True
    if form in CYCLE_BY_REGELING_FORMS:
        return bool(by_regeling)
    return False


def may_follow_cycle_by_regeling(legal_form: str) -> bool:
    """Only a gemeenschappelijk orgaan has the choice; the others have or lack the cycle by law."""
    return legal_form in CYCLE_BY_REGELING_FORMS


def no_cycle_reason(legal_form: str, *, form_label: str) -> str:
    """Why a party has no Wgr cycle, in Dutch with its source, for the factsheet."""
    form = _known(legal_form)
    if form in NO_ORGAN_FORMS:
        return (
            f"Een {form_label.lower()} heeft geen eigen orgaan, begroting of jaarrekening ({SOURCE_NO_ORGAN}): "
            "de taken en de middelen lopen via de begroting van de gemeente die de taken uitvoert. "
            "Er is daarom geen kaderbrief, ontwerpbegroting of zienswijzetermijn."
        )
    if form in CYCLE_BY_REGELING_FORMS:
        return (
            f"Een {form_label.lower()} heeft geen rechtspersoonlijkheid ({SOURCE_FORMS} lid 2); volgens de "
            "regeling volgt het geen eigen begrotingscyclus. Zet dit aan bij de partij als de regeling dat wel "
            "bepaalt."
        )
    return (
        f"{form_label} is privaatrechtelijk: de termijnen van de Wgr gelden niet. De partij volgt haar eigen "
        "agenda (algemene vergadering, jaarrekening, dividend)."
    )


def has_legal_personality(legal_form: str) -> bool:
    """Whether the party is a legal person with its own balance sheet (eigen en vreemd vermogen).

    Not the gemeenschappelijk orgaan (art. 8 lid 2) nor a regeling zonder meer such as the
    centrumgemeenteregeling (art. 8 lid 4): their figures are "n.v.t.", not "niet bekend".
    """
    return _known(legal_form) not in CYCLE_BY_REGELING_FORMS | NO_ORGAN_FORMS


# --- The toezichthouder -----------------------------------------------------------------------
@dataclass(frozen=True)
class Supervisor:
    """Who receives the adopted begroting and jaarrekening, and under which articles."""

    name: str  # as in a sentence: "Gedeputeerde Staten"
    short: str  # in a table column: "GS"
    budget_source: str
    accounts_source: str


# Only gemeenten take part (Wgr hoofdstuk I): begroting and jaarrekening to Gedeputeerde Staten.
GEDEPUTEERDE_STATEN = Supervisor("Gedeputeerde Staten", "GS", "Wgr art. 34 lid 2", "Wgr art. 34 lid 3")
# A provincie takes part (Wgr hoofdstuk IV, regelingen tussen gemeenten en provincies): to the minister.
MINISTER_BZK = Supervisor(
    "de Minister van Binnenlandse Zaken en Koninkrijksrelaties",
    "minister van BZK",
    "Wgr art. 58 lid 2",
    "Wgr art. 58 lid 4",
)


def supervisor(*, province_takes_part: bool) -> Supervisor:
    """The toezichthouder of a regeling: GS, or the minister of BZK when a provincie takes part."""
    return MINISTER_BZK if province_takes_part else GEDEPUTEERDE_STATEN


# --- A regeling may ask more than the law, not less -------------------------------------------
def _later_than_law(day: int, month: int, before: bool) -> bool:
    """Whether "vóór/uiterlijk <day> <month>" ends after the law's last day, 29 April."""
    try:
        named = date(2025, month, day)  # no leap year: the rule has to hold every year
    except ValueError:
        return False  # an impossible date is refused by its own check
    last = named - timedelta(days=1) if before else named
    return (last.month, last.day) > (LEGAL_LATEST_DAY_MONTH[1], LEGAL_LATEST_DAY_MONTH[0])


def looser_than_law(
    *,
    opinion_weeks: int,
    draft_budget_weeks: int,
    framework_letter: tuple[int, int, bool],
    provisional_accounts: tuple[int, int, bool],
) -> dict[str, str]:
    """Field name -> Dutch message for every agreed rule that gives less than the Wgr.

    Earlier dates and longer periods are allowed (they ask more of the bestuur); a shorter
    zienswijzetermijn or a later kaderbrief is not. Dates are (day, month, before).
    """
    errors = {}
    if opinion_weeks is not None and opinion_weeks < LEGAL_OPINION_WEEKS:
        errors["opinion_weeks"] = (
            f"De raden hebben ten minste {LEGAL_OPINION_WEEKS} weken voor hun zienswijze ({SOURCE_OPINION}); "
            f"een regeling mag die termijn verlengen, niet verkorten tot {opinion_weeks} weken."
        )
    if draft_budget_weeks is not None and draft_budget_weeks < LEGAL_DRAFT_BUDGET_WEEKS:
        errors["draft_budget_weeks"] = (
            f"De ontwerpbegroting gaat ten minste {LEGAL_DRAFT_BUDGET_WEEKS} weken vóór de vaststelling naar de "
            f"raden ({SOURCE_DRAFT_BUDGET}); {draft_budget_weeks} weken is korter dan de wet toestaat."
        )
    for field, (day, month, before), what in (
        ("framework_letter_month", framework_letter, "De kaderbrief"),
        ("provisional_accounts_month", provisional_accounts, "De voorlopige jaarrekening"),
    ):
        if None in (day, month) or not 1 <= month <= 12:
            continue
        if _later_than_law(day, month, before):
            errors[field] = (
                f"{what} gaat vóór 30 april naar de raden ({SOURCE_FRAMEWORK_LETTER}); een regeling mag een "
                "eerdere datum afspreken, geen latere."
            )
    return errors
