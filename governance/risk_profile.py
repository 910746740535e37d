"""The proposed risk profile of a deelname (laag, midden, hoog) and how it compares to the one set by hand.

DOMAIN §5: a profile follows from the bestuurlijk, financieel and political risk of the party and
the size of the gemeente's financial interest, and sets the sturingsarrangement. The register
proposes one from plain values (the levels of the open risks that weigh for the gemeente, its share
of their maximum amounts, its bijdrage and belang of the year); a beheerder can set another by hand,
with a reason. A deelname without a hand-set profile follows the proposal.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.formatting import short_euro

from .choices import ARRANGEMENTS, REVIEW_MONTHS, RiskProfile
from .dates import add_months

# The thresholds below are the register's defaults, not taken from a law or a nota: a gemeente's
# nota verbonden partijen sets its own. Risk levels are the codes of the risk matrix (risks/matrix.py
# DEFAULT_LEVELS); a level a beheerder adds under another code counts as low.
HIGH_RISK_LEVELS = frozenset({"hoog", "zeer_hoog"})
MIDDLE_RISK_LEVELS = frozenset({"midden"})
# Exposure: the gemeente's share of the maximum amounts of the party's open risks (risks/exposure.py).
# From € 1 mln it could not be absorbed without touching the weerstandscapaciteit of a mid-sized
# gemeente; from € 250.000 it is worth a yearly look.
EXPOSURE_HIGH = Decimal("1000000")
EXPOSURE_MIDDLE = Decimal("250000")
# Financial interest: the larger of the gemeente's bijdrage and its belang (31-12, else 1-1) of the
# year, from the begroting (else the jaarrekening). From € 10 mln a deelname is among the largest
# items of a gemeente's paragraaf; from € 1 mln it is a material one.
INTEREST_HIGH = Decimal("10000000")
INTEREST_MIDDLE = Decimal("1000000")

ZERO = Decimal("0")

# Under a proposal shown to a user who may not see confidential risks: his proposal leaves them out.
WITHOUT_CONFIDENTIAL = (
    "Het voorstel van het register rekent alleen met de risico's die u mag zien, niet met vertrouwelijke "
    "risico's; voor een controller kan het daarom anders uitvallen."
)


@dataclass(frozen=True)
class Proposal:
    profile: RiskProfile
    reasons: str  # what decided the profile, e.g. "1 risico met niveau zeer hoog; bijdrage € 19,9 mln"

    @property
    def explanation(self) -> str:
        return f"{self.profile.value}: {self.reasons}"

    @property
    def arrangement(self) -> str:
        return ARRANGEMENTS[self.profile]


def _risk_count(levels: Counter, codes: Iterable[str]) -> list[str]:
    """'1 risico met niveau zeer hoog', highest level first."""
    parts = []
    for code in sorted(codes, key=lambda c: c != "zeer_hoog"):
        n = levels.get(code, 0)
        if n:
            word = "risico" if n == 1 else "risico's"
            parts.append(f"{n} {word} met niveau {code.replace('_', ' ')}")
    return parts


def propose_profile(
    *,
    risk_levels: Iterable[str],
    exposure: Decimal | None,
    contribution: Decimal | None,
    interest: Decimal | None,
) -> Proposal:
    """The proposed profile with a Dutch explanation of what decided it.

    `risk_levels`: the matrix level code of each open risk of the party that weighs for the gemeente;
    `exposure`: its share of their maximum amounts; `contribution` and `interest`: its bijdrage and
    belang of the year (None when not known). An amount counts from its threshold upwards.
    """
    levels = Counter(risk_levels)
    exposure = exposure or ZERO
    named = ((contribution, "bijdrage"), (interest, "belang"))
    sizes = [(amount, name) for amount, name in named if amount is not None]
    size, size_name = max(sizes, key=lambda pair: pair[0]) if sizes else (None, "")

    def amount_reasons(exposure_limit: Decimal, interest_limit: Decimal) -> list[str]:
        reasons = []
        if exposure >= exposure_limit:
            reasons.append(f"blootstelling {short_euro(exposure)}")
        if size is not None and size >= interest_limit:
            reasons.append(f"{size_name} {short_euro(size)}")
        return reasons

    high = _risk_count(levels, HIGH_RISK_LEVELS) + amount_reasons(EXPOSURE_HIGH, INTEREST_HIGH)
    if high:
        return Proposal(RiskProfile.HOOG, "; ".join(high))
    middle = _risk_count(levels, MIDDLE_RISK_LEVELS) + amount_reasons(EXPOSURE_MIDDLE, INTEREST_MIDDLE)
    if middle:
        return Proposal(RiskProfile.MIDDEN, "; ".join(middle))
    low = [
        "geen open risico's met niveau midden of hoger" if levels else "geen open risico's",
        f"blootstelling {short_euro(exposure)}",
        f"{size_name} {short_euro(size)}" if size is not None else "geen bijdrage of belang bekend",
    ]
    return Proposal(RiskProfile.LAAG, "; ".join(low))


@dataclass(frozen=True)
class ProfileComparison:
    """A deelname's hand-set profile next to the proposal; without a hand-set one the proposal counts."""

    set_profile: str  # "" when none was set by hand
    reason: str
    proposal: Proposal
    since: date | None  # last review, else the date the profile was set

    @property
    def profile(self) -> RiskProfile:
        return RiskProfile(self.set_profile) if self.set_profile else self.proposal.profile

    @property
    def is_proposed(self) -> bool:
        return not self.set_profile

    @property
    def differs(self) -> bool:
        return bool(self.set_profile) and self.set_profile != self.proposal.profile

    @property
    def arrangement(self) -> str:
        return ARRANGEMENTS[self.profile]

    @property
    def next_review_on(self) -> date | None:
        return add_months(self.since, REVIEW_MONTHS[self.profile]) if self.since else None


def compare(*, governance, proposal: Proposal) -> ProfileComparison:
    """Compare a ParticipationGovernance's hand-set profile with the proposal."""
    return ProfileComparison(
        set_profile=governance.risk_profile,
        reason=governance.risk_profile_reason,
        proposal=proposal,
        since=governance.last_review_on or governance.risk_profile_set_on,
    )
