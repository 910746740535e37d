"""Cache of rendered reports (PDF), under the register's data version (core/register_cache.py):
any change to the register makes every cached report stale."""

from core.register_cache import cached, key

__all__ = ["cached", "report_key"]


def report_key(*parts) -> str:
    return key("rapportage", *parts)
