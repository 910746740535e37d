"""Which year the register shows: the configured report year or, by default, the current one."""

import re

from django.conf import settings

from partners import peildatum

MIN_YEAR, MAX_YEAR = 1900, 2100
# ASCII digits only: str.isdigit() also accepts "²" and "١٢٣", which int() then refuses or misreads.
_YEAR = re.compile(r"[0-9]{1,4}")


def report_year() -> int:
    return settings.REPORT_YEAR or peildatum.today().year


def parse_year(raw: str | None) -> int | None:
    """A year from a query string, or None when it is missing or not a plausible year."""
    if raw is None or not _YEAR.fullmatch(raw.strip()):
        return None
    year = int(raw.strip())
    return year if MIN_YEAR <= year <= MAX_YEAR else None
