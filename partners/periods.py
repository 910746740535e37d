"""Which year the register shows: the configured report year or, by default, the current one."""

from django.conf import settings
from django.utils import timezone

MIN_YEAR, MAX_YEAR = 1900, 2100


def report_year() -> int:
    return settings.REPORT_YEAR or timezone.localdate().year


def parse_year(raw: str | None) -> int | None:
    """A year from a query string, or None when it is missing or not a plausible year."""
    if raw is None or not raw.strip().isdigit():
        return None
    year = int(raw)
    return year if MIN_YEAR <= year <= MAX_YEAR else None
