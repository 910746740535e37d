"""Helpers that read a rendered page the way a user does: the text, and the names in a table."""

import html
import re

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def text(response) -> str:
    """The visible text of an HTML response, tags removed and white space collapsed."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", body))).strip()


def row_headers(response) -> list[str]:
    """The row headers (`<th scope="row">`) of the tables in the page, in order, as plain text."""
    body = response.content.decode()
    cells = re.findall(r'<th scope="row"[^>]*>(.*?)</th>', body, flags=re.S)
    return [_SPACE.sub(" ", html.unescape(_TAGS.sub(" ", cell))).strip() for cell in cells]


def linked_names(response) -> list[str]:
    """The linked names in the row headers (party or gemeente names), in order."""
    body = response.content.decode()
    cells = re.findall(r'<th scope="row"[^>]*>\s*<a [^>]*>(.*?)</a>', body, flags=re.S)
    return [html.unescape(cell).strip() for cell in cells]


def table_rows(response) -> list[str]:
    """The visible text of every table row (`<tr>`) in the page."""
    body = response.content.decode()
    rows = re.findall(r"<tr\b[^>]*>(.*?)</tr>", body, flags=re.S)
    return [_SPACE.sub(" ", html.unescape(_TAGS.sub(" ", row))).strip() for row in rows]


def row_of(response, header: str) -> str:
    """The text of the first table row whose text starts with `header` (its row header)."""
    for row in table_rows(response):
        if row.startswith(header + " ") or row == header:
            return row
    raise AssertionError(f"no table row starts with {header!r}")
