"""Cache of rendered reports, keyed on a data version that any change to the register bumps.

The models carry no 'updated' timestamps, and a maximum of timestamps would miss deletions, so the
version is a token in the cache that a post_save, post_delete or m2m_changed signal of any model of
the register, governance or risks apps replaces. Any change invalidates every report: reports are
requested a few times a year, so a coarse key is correct and simple. The token is random, not a
counter, so a token evicted from the cache can never come back as an old value and revive a stale
report. Changes that bypass signals (QuerySet.update, bulk_create, raw SQL) do not bump it; the
register's code does not make such changes to report data.
"""

import uuid

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "reports:data-version"
REPORT_APPS = ("partners", "governance", "risks")
TIMEOUT = 24 * 60 * 60


def data_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add(), not set(): two requests that both found no token agree on the first one stored.
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def bump_version(**kwargs) -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def report_key(*parts) -> str:
    return ":".join(["reports", data_version(), *map(str, parts)])


def cached(key: str, build):
    """The cached value under `key`, or `build()` stored there."""
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=TIMEOUT)
    return value


def connect_signals() -> None:
    for model in apps.get_models():
        if model._meta.app_label in REPORT_APPS:
            uid = f"reports-version-{model._meta.label_lower}"
            post_save.connect(bump_version, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(bump_version, sender=model, dispatch_uid=uid + "-delete")
    m2m_changed.connect(bump_version, dispatch_uid="reports-version-m2m")
