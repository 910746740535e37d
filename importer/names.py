"""Finding a deelnemer by the name people write: CBS names, common aliases, names without a province suffix.

CBS writes "'s-Gravenhage", "Rijswijk (ZH.)" and "Bergen (NH.)"; registers write "Den Haag", "Rijswijk"
and "Bergen". A name is matched, in this order, on the CBS code, the name (or an earlier name), an
alias from ALIASES, and the name without its province suffix when only one gemeente of that year
carries it. An ambiguous or unknown name is refused with the closest candidates and their CBS codes.
"""

import difflib
import re
from collections import defaultdict
from datetime import date

from partners.choices import ParticipantKind

from .values import CellError, normalize, text

# Names people use for a gemeente whose CBS name differs (normalized alias -> CBS name). Only
# aliases that point to one gemeente; a name that is ambiguous ("Bergen") is not an alias.
ALIASES = {
    "den haag": "'s-Gravenhage",
    "s gravenhage": "'s-Gravenhage",
    "the hague": "'s-Gravenhage",
    "den bosch": "'s-Hertogenbosch",
    "s hertogenbosch": "'s-Hertogenbosch",
    "hertogenbosch": "'s-Hertogenbosch",
    "sudwest friesland": "Súdwest-Fryslân",
    "noardeast fryslan": "Noardeast-Fryslân",
}
_SUFFIX = re.compile(r"\s*\([^)]*\)$")
# How many candidates an unknown name suggests.
SUGGESTIONS = 3


def base_name(name: str) -> str:
    """'Bergen (NH.)' -> 'bergen'; 'Hengelo (O.)' -> 'hengelo' (normalized)."""
    return normalize(_SUFFIX.sub("", name))


def _listed(found) -> str:
    names = [f"{p.name} {p.code}" for p in sorted(found, key=lambda p: p.code)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1]


class ParticipantNames:
    """Every deelnemer, by code and by the names people write, read once for a whole import."""

    def __init__(self, participants):
        self.by_code, self.by_name, self.by_base = {}, defaultdict(list), defaultdict(list)
        self.all = list(participants)
        for p in self.all:
            self.by_code[p.code.upper()] = p
            self.by_name[normalize(p.name)].append(p)
            # A renamed gemeente is also found by its earlier name ("Hengelo" for Hengelo (O.) until 2024).
            for earlier in p.earlier_names or []:
                self.by_name[normalize(earlier.get("naam", ""))].append(p)
            if p.kind == ParticipantKind.GEMEENTE and _SUFFIX.search(p.name):
                self.by_base[base_name(p.name)].append(p)

    def find(self, raw, year: int | None = None):
        """The deelnemer meant by ``raw`` in ``year`` (default: this year), or CellError with candidates."""
        year = year or date.today().year
        code = text(raw).upper().replace(" ", "")
        if code.isascii() and code.isdigit() and len(code) <= 4:  # not "²", which isdigit() accepts
            code = f"GM{int(code):04d}"
        if code in self.by_code:
            return self.by_code[code]
        name = normalize(text(raw))
        found = self.by_name.get(name, [])
        if not found and name in ALIASES:
            found = self.by_name.get(normalize(ALIASES[name]), [])
        # By name a gemeente goes first: "Groningen" is the gemeente; the provincie is PV20.
        found = [p for p in found if p.kind == ParticipantKind.GEMEENTE] or found
        if len(found) > 1:
            # The gemeente of that year: "Hengelo" in 2026 is Hengelo (O.), Hengelo (Gld.) ended in 2005.
            found = [p for p in found if p.existed_in_year(year)] or found
        if not found:
            found = [p for p in self.by_base.get(name, []) if p.existed_in_year(year)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise CellError(
                f"“{text(raw)}” is niet eenduidig: bedoelt u {_listed(found)}? Gebruik de volledige naam of de code."
            )
        raise CellError(f"Onbekende gemeente of deelnemer “{text(raw)}”." + self._suggestion(name, year))

    def _suggestion(self, name: str, year: int) -> str:
        living = [p for p in self.all if p.existed_in_year(year)]
        # A gemeente goes first here too: the gemeente Groningen, not the provincie.
        names = {normalize(p.name): p for p in sorted(living, key=lambda p: p.kind == ParticipantKind.GEMEENTE)}
        close = difflib.get_close_matches(name, list(names), n=SUGGESTIONS, cutoff=0.75)
        if close:
            return f" Bedoelt u {_listed([names[c] for c in close])}?"
        return " Gebruik de CBS-code (GM0014) of de naam van een gemeente zoals die in het register staat."
