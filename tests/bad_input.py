"""Hypothesis strategies of hostile input: what a typo, a pasted spreadsheet or an attacker sends.

Shared by the property-based tests of the query strings, the forms and the import. Each run in
the default suite is short (EXAMPLES); the `slow` variants run DEEP_EXAMPLES per case.
"""

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = 25
DEEP_EXAMPLES = 400

# Hand-picked values that broke or nearly broke something, tried first in every run.
NASTY = [
    "",
    " ",
    "0",
    "-1",
    "-0",
    "1.5",
    "1,5",
    "1e400",
    "NaN",
    "inf",
    "99999999999999999999999999999999",
    "-99999999999999999999",
    "9223372036854775808",
    "2147483648",
    "²",
    "١٢٣٤",
    "２０２５",
    "\x00",
    "GM0014\x00",
    "'; DROP TABLE partners_party;--",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "%(name)s",
    "[]",
    "[[[[",
    "]]",
    "{}",
    "a[b][c]",
    "%",
    "%00",
    "%ff",
    "\\",
    "../../etc/passwd",
    "😀🏛️",
    "\u202eevil\u202c",
    "e\u0301\u0301\u0301",
    "ﷺ",
    "\ufeff",
    "\r\n",
    "31-02-2025",
    "2025-13-45",
    "0000-00-00",
    "x" * 5000,
]

_PRINTABLE_AND_CONTROL = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be UTF-8 encoded


def values() -> st.SearchStrategy[str]:
    """One query or form value: a nasty pick, arbitrary unicode, or a huge or negative number."""
    return st.one_of(
        st.sampled_from(NASTY),
        st.text(_PRINTABLE_AND_CONTROL, max_size=40),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.text(st.sampled_from("0123456789-.,e[]%"), min_size=1, max_size=25),
    )


def values_or(valid: list[str]) -> st.SearchStrategy[str]:
    """A value that is sometimes valid, so filters are combined with bad input, not only refused."""
    return st.one_of(st.sampled_from(valid), values()) if valid else values()


def query(params: dict[str, list[str]]) -> st.SearchStrategy[list[tuple[str, str]]]:
    """A query string as pairs: known parameters (valid or hostile, sometimes repeated), plus unknown keys
    and PHP/Rails-style bracket keys."""
    odd_key = st.one_of(
        st.sampled_from([f"{key}[]" for key in params] + ["page[0]", "o[][]", "a[b][c]", "", "%00"]),
        st.text(_PRINTABLE_AND_CONTROL, max_size=10),
    )
    other = st.tuples(odd_key, values())
    if not params:
        return st.lists(other, max_size=6)
    known = st.sampled_from(sorted(params)).flatmap(lambda key: st.tuples(st.just(key), values_or(params[key])))
    return st.lists(st.one_of(known, known, other), max_size=6)


def depths(short: int = EXAMPLES):
    """The two depths of a property test: a short run in the suite and a deep one under -m slow."""
    return [
        pytest.param(short, id="kort"),
        pytest.param(DEEP_EXAMPLES, id="diep", marks=pytest.mark.slow),
    ]


def run_settings(examples: int):
    # The database and the logged-in client are made once per test and shared by its examples.
    # The short runs of the suite are the same on every run, so CI cannot fail by chance; the deep
    # runs (-m slow) draw new examples each time to find what the short ones do not.
    return settings(
        max_examples=examples,
        derandomize=examples < DEEP_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )
