"""Text as the register keeps it: no invisible control characters.

Word pastes a manual line break (Shift+Enter) as the vertical tab U+000B; it becomes a normal line
break. Other control characters (U+0000–U+001F except tab, line feed and carriage return) are
invisible, cannot be written to XML and so not to XLSX: forms and the import refuse them with a
Dutch message. Exports strip them anyway (`for_spreadsheet`), so stored text never breaks a download.
The model fields that apply these rules are in partners/text.py.
"""

import re

from django.core.exceptions import ValidationError

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
