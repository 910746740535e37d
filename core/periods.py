"""Which year the register shows: the configured report year or, by default, the current one."""

import re

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from . import peildatum

# The years any figure, document or policy of the register may have: the one place of this rule.
MIN_YEAR, MAX_YEAR = 1900, 2100
YEAR_MESSAGE = f"Het jaar moet tussen {MIN_YEAR} en {MAX_YEAR} liggen."
YEAR_VALIDATORS = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]


def year_constraint(name: str) -> models.CheckConstraint:
    """The database's guard on a `year` column: MIN_YEAR to MAX_YEAR."""
    return models.CheckConstraint(
        condition=Q(year__gte=MIN_YEAR) & Q(year__lte=MAX_YEAR), name=name, violation_error_message=YEAR_MESSAGE
    )


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
