"""Text as the register keeps it: no invisible control characters, and a bounded length.

Word pastes a manual line break (Shift+Enter) as the vertical tab U+000B; it becomes a normal line
break. Other control characters (U+0000–U+001F except tab, line feed and carriage return) are
invisible, cannot be written to XML and so not to XLSX: forms and the import refuse them with a
Dutch message. Exports strip them anyway (`for_spreadsheet`), so stored text never breaks a download.

`CharField` and `TextField` here are Django's, with that rule: forms (the admin) and the import
(which calls `clean_fields`) both go through `to_python` and the validators; Django also calls
`to_python` when it saves such a field, so a manual line break is never stored, not even by
`update()`. Every `TextField` also has a maximum length, checked by the model, the form and a
database constraint (`length_checks`).
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.utils.functional import cached_property

MANUAL_LINE_BREAK = "\x0b"
# What XML 1.0 (and so an XLSX cell) cannot hold: C0 controls other than tab, LF and CR, lone
# surrogates and the non-characters U+FFFE and U+FFFF.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The longest text of a free-text field (toelichting, omschrijving): some ten pages.
LONG_TEXT_MAX_LENGTH = 10_000


def with_line_breaks(value):
    """Word's manual line break becomes a normal line break; other values are returned as they are."""
    return value.replace(MANUAL_LINE_BREAK, "\n") if isinstance(value, str) else value


def control_character_message(value: str) -> str | None:
    """The Dutch message for the first control character in value, or None when there is none."""
    found = XML_ILLEGAL.search(value)
    if found is None:
        return None
    return (
        f"De tekst bevat een onzichtbaar stuurteken (U+{ord(found.group()):04X}) op positie {found.start() + 1}, "
        "bijvoorbeeld uit een geplakte tekst. Verwijder het of typ de tekst opnieuw."
    )


def validate_plain_text(value) -> None:
    if isinstance(value, str) and (message := control_character_message(value)):
        raise ValidationError(message, code="control_character")


def for_spreadsheet(value):
    """A value an XLSX cell can hold: a manual line break as a line break, other control characters left out."""
    if not isinstance(value, str):
        return value
    return XML_ILLEGAL.sub("", with_line_breaks(value))


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
