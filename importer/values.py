"""Reading one cell the way Dutch spreadsheets write it: amounts, percentages, dates, ja/nee, codes.

Each parser takes the raw cell (text from CSV, or a number/date/text from XLSX) and returns a
Python value, or raises CellError with a Dutch message that says what is wrong and what is expected.
"""

import functools
import re
import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from partners import shares

CENT = Decimal("0.01")
SHARE_PLACES = Decimal("0.0001")
# The register keeps amounts in 16 digits with 2 decimals (partners.models.MONEY). A larger number
# is refused here: rounding 1E+24 to cents overflows the decimal context and failed the whole import.
MAX_AMOUNT = Decimal("1e14")
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip


class CellError(ValueError):
    """A cell that cannot be read; the message is shown to the user as is."""


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


@functools.lru_cache(maxsize=65_536)
def normalize(value: str) -> str:
    """Case, accent, hyphen and spacing insensitive form of a name: 'Súdwest-Fryslân ' -> 'sudwest fryslan'."""
    value = unicodedata.normalize("NFKD", str(value)).replace("’", "'").replace("‘", "'").replace("-", " ")
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    return " ".join(value.casefold().split())


def _number_text(raw: str) -> str:
    """'1.234.567,89' -> '1234567.89'; '1234.5' -> '1234.5'; '1.234' -> '1234' (Dutch thousands)."""
    raw = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if raw.startswith("(") and raw.endswith(")"):
        raw = "-" + raw[1:-1]
    if "," in raw:
        if raw.count(",") > 1:
            raise ValueError
        return raw.replace(".", "").replace(",", ".")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", raw):
        return raw.replace(".", "")
    return raw


def _decimal(raw: str) -> Decimal:
    try:
        number = Decimal(_number_text(raw))
    except (InvalidOperation, ValueError):
        raise ValueError from None
    if not number.is_finite():
        raise ValueError
    return number


# The units a column or sheet may state for its amounts ("bedragen x € 1.000"), by factor.
UNITS = {1000: "x € 1.000", 1_000_000: "x € 1.000.000"}
_UNIT = re.compile(
    r"\s*\(?\s*(?:bedragen\s*)?(?:in\s*)?(?:x|×|\*)?\s*(?:€|eur|euro)?\s*"
    r"(?P<unit>1\.000\.000|1000000|1\s*mln\.?|1\s*miljoen|mln\.?|miljoen|1\.000|1000|duizend)\s*\)?\s*$",
    re.IGNORECASE,
)


def split_unit(header: str) -> tuple[str, int]:
    """'Bijdrage (x € 1.000)' -> ('Bijdrage', 1000); 'Bijdrage' -> ('Bijdrage', 1). The unit needs an
    x, a € or the word bedragen, so a header that merely ends in a number keeps it."""
    match = _UNIT.search(header)
    if not match or not re.search(r"x|×|\*|€|eur|bedragen|mln|miljoen|duizend", match.group(0), re.IGNORECASE):
        return header, 1
    unit = match["unit"].lower().replace(" ", "").rstrip(".")
    factor = 1000 if unit in ("1.000", "1000", "duizend") else 1_000_000
    return header[: match.start()].strip(), factor


def amount(value, unit: int = 1) -> Decimal | None:
    """An amount in euros: a number cell, 1.234.567,89, € 1.234,50, -250.000 or 1234.5; times ``unit``
    when the column or sheet states its amounts in thousands (1000) or millions."""
    if unit != 1:
        return _amount_in_unit(value, unit)
    if is_blank(value):
        return None
    if isinstance(value, bool) or isinstance(value, datetime | date):
        raise CellError(f"“{text(value)}” is geen bedrag; verwacht een bedrag in euro's, zoals 1.234.567,89.")
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
        _check_amount_size(number, text(value))
        return number.quantize(CENT, rounding=ROUND_HALF_UP)
    raw = str(value).strip()
    cleaned = re.sub(r"^(€|eur|euro)\s*|\s*(€|eur|euro)$", "", raw, flags=re.IGNORECASE).strip()
    cleaned = re.sub(r"^-\s*€\s*", "-", cleaned)
    try:
        number = _decimal(cleaned)
    except ValueError:
        raise CellError(
            f"“{raw}” is geen bedrag; verwacht een bedrag in euro's, zoals 1.234.567,89 of € 1.234,50 "
            "(punten voor duizendtallen, een komma voor centen)."
        ) from None
    _check_amount_size(number, raw)
    if number != number.quantize(CENT):
        raise CellError(f"“{raw}” heeft meer dan twee cijfers achter de komma; een bedrag heeft hooguit centen.")
    return number.quantize(CENT)


def _amount_in_unit(value, unit: int) -> Decimal | None:
    """'3.014' in a column x € 1.000 -> 3014000; '2,5' in millions -> 2500000."""
    if is_blank(value):
        return None
    if isinstance(value, bool) or isinstance(value, datetime | date):
        raise CellError(f"“{text(value)}” is geen bedrag; verwacht een bedrag {UNITS[unit]}, zoals 3.014.")
    if isinstance(value, int | float | Decimal):
        number, shown = Decimal(str(value)), text(value)
    else:
        shown = str(value).strip()
        cleaned = re.sub(r"^(€|eur|euro)\s*|\s*(€|eur|euro)$", "", shown, flags=re.IGNORECASE).strip()
        cleaned = re.sub(r"^-\s*€\s*", "-", cleaned)
        try:
            number = _decimal(cleaned)
        except ValueError:
            raise CellError(
                f"“{shown}” is geen bedrag; verwacht een bedrag {UNITS[unit]}, zoals 3.014 of 3.014,5."
            ) from None
    number *= unit
    _check_amount_size(number, shown)
    if number != number.quantize(CENT):
        raise CellError(f"“{shown}” {UNITS[unit]} heeft meer dan twee cijfers achter de komma in euro's.")
    return number.quantize(CENT)


def _check_amount_size(number: Decimal, shown: str) -> None:
    if not number.is_finite() or abs(number) >= MAX_AMOUNT:
        raise CellError(
            f"“{shown}” is te groot voor een bedrag; het register bewaart bedragen onder de 100 biljoen euro."
        )


def share(value, *, percent_format: bool = False):
    """A share as entered (partners/shares.py): '12,5%', the fraction '1/342', or a number in a cell
    formatted as percentage. A number without %-sign is refused with both readings."""
    if is_blank(value):
        return None
    if isinstance(value, datetime | date):
        raise CellError(f"“{text(value)}” is geen aandeel; {shares.EXPECTED}.")
    try:
        return shares.parse(value, percent_format=percent_format)
    except ValueError as error:
        raise CellError(str(error)) from None


def percentage(value, *, percent_format: bool = False) -> Decimal | None:
    """A share in percent, truncated to the stored four decimals (see ``share`` for what is accepted)."""
    found = share(value, percent_format=percent_format)
    return None if found is None else found.percentage


def whole_number(value, *, low: int = 0, high: int | None = None) -> int | None:
    """A whole number: 12, '123.162' (Dutch thousands) or a number cell without decimals."""
    if is_blank(value):
        return None
    if isinstance(value, bool) or isinstance(value, datetime | date):
        raise CellError(f"“{text(value)}” is geen geheel getal.")
    try:
        number = Decimal(str(value)) if isinstance(value, int | float) else _decimal(str(value).strip())
    except ValueError:
        raise CellError(f"“{text(value)}” is geen geheel getal; verwacht bijvoorbeeld 12 of 123.162.") from None
    if number != number.to_integral():
        raise CellError(f"“{text(value)}” is geen geheel getal; laat de decimalen weg.")
    number = int(number)
    if number < low or (high is not None and number > high):
        limit = f"tussen {low} en {high}" if high is not None else f"minstens {low}"
        raise CellError(f"{number} ligt niet {limit}.")
    return number


DATE_PATTERNS = [
    (re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"), ("d", "m", "y")),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("y", "m", "d")),
]


def day(value) -> date | None:
    """A date: a date cell, 31-12-2025, 31/12/2025, 31.12.2025 or 2025-12-31."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise CellError(f"“{value:%d-%m-%Y %H:%M}” heeft een tijd; verwacht alleen een datum, zoals 31-12-2025.")
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    for pattern, order in DATE_PATTERNS:
        match = pattern.fullmatch(raw)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                if 1 <= parts["m"] <= 12:
                    raise CellError(
                        f"De datum {raw} bestaat niet: {MONTHS[parts['m'] - 1]} {parts['y']} heeft geen "
                        f"{parts['d']} dagen."
                    ) from None
                raise CellError(f"De datum {raw} bestaat niet: er is geen maand {parts['m']}.") from None
    raise CellError(f"“{raw}” is geen datum; verwacht een datum als dd-mm-jjjj, zoals 31-12-2025.")


YES = {"ja", "j", "waar", "true", "1", "x"}
NO = {"nee", "n", "onwaar", "false", "0"}


def yes_no(value, *, default: bool) -> bool:
    if is_blank(value):
        return default
    if isinstance(value, bool):
        return value
    raw = normalize(text(value))
    if raw in YES:
        return True
    if raw in NO:
        return False
    raise CellError(f"“{text(value)}” is geen ja of nee; vul ja of nee in.")


@functools.cache
def _choice_names(choices) -> dict:
    names = {}
    for code, label in choices.choices:
        short = re.search(r"\(([^)]+)\)$", label)
        for name in (code, label, short.group(1) if short else None):
            if name:
                names[normalize(name)] = code
    return names


def choice(value, choices, *, what: str) -> str:
    """A TextChoices value by its Dutch label, its code or the abbreviation in brackets: 'NV'."""
    raw = text(value)
    code = _choice_names(choices).get(normalize(raw))
    if code is not None:
        return code
    allowed = "; ".join(label for _, label in choices.choices)
    known = "bekend" if what in NEUTER_NOUNS else "bekende"
    raise CellError(f"“{raw}” is geen {known} {what}; kies uit: {allowed}.")


# Column names that are het-words: 'geen bekend orgaan', but 'geen bekende rol'.
NEUTER_NOUNS = {"orgaan"}


def score_class(value, labels: dict, *, what: str) -> int | None:
    """A kans or impact class 1–5: the number (3), its name (gemiddeld) or both (3 – gemiddeld)."""
    if is_blank(value):
        return None
    raw = text(value)
    names = {}
    for number, label in labels.items():
        for name in (str(number), label, f"{number} {label}"):
            names[normalize(name)] = number
    found = names.get(normalize(re.sub(r"[–—:]", " ", raw)))
    if found is not None:
        return found
    allowed = "; ".join(f"{number} – {label}" for number, label in labels.items())
    raise CellError(f"“{raw}” is geen {what}; kies een {what} van 1 tot en met 5: {allowed}.")
