"""Model fields of free text with the register's text rules (core/text.py): no control characters,
and a bounded length.

`CharField` and `TextField` here are Django's, with that rule: forms (the admin) and the import
(which calls `clean_fields`) both go through `to_python` and the validators; Django also calls
`to_python` when it saves such a field, so a manual line break is never stored, not even by
`update()`. Every `TextField` also has a maximum length, checked by the model, the form and a
database constraint (`length_checks`). The migrations name these classes by this path.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.utils.functional import cached_property

from core.text import (  # noqa: F401 - the text rules, also reached through this module
    LONG_TEXT_MAX_LENGTH,
    MANUAL_LINE_BREAK,
    XML_ILLEGAL,
    control_character_message,
    for_spreadsheet,
    validate_plain_text,
    with_line_breaks,
)


class PlainTextMixin:
    default_validators = [validate_plain_text]

    def to_python(self, value):
        return with_line_breaks(super().to_python(value))


class CharField(PlainTextMixin, models.CharField):
    """A one-line free text: a name, a title, a place."""


class TextField(PlainTextMixin, models.TextField):
    """A free text of at most LONG_TEXT_MAX_LENGTH characters, unless max_length says otherwise."""

    def __init__(self, *args, max_length=LONG_TEXT_MAX_LENGTH, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)

    @cached_property
    def validators(self):
        # Django's TextField passes max_length to the form only; the model checks it here.
        return [*super().validators, MaxLengthValidator(self.max_length)]


TextField.register_lookup(Length)


def length_checks(prefix: str, *names: str, max_length: int = LONG_TEXT_MAX_LENGTH) -> list:
    """Database constraints that keep each TextField in names within its length, for Meta.constraints."""
    return [
        models.CheckConstraint(
            condition=Q(**{f"{name}__length__lte": max_length}),
            name=f"{prefix}_{name}_length",
            violation_error_message=f"Een tekst is hooguit {max_length:,} tekens lang.".replace(",", "."),
        )
        for name in names
    ]
