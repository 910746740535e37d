"""Results derived from the register (rendered reports, a party's costs over all its deelnemers, its
wijzigingshistorie), cached under a data version that any change to the register replaces.

The models carry no 'updated' timestamps, and a maximum of timestamps would miss deletions, so the
version is a token in the cache that a post_save, post_delete or m2m_changed signal of any model of
the register, governance or risks apps replaces (their history tables included). Any change
invalidates everything cached: a coarse key is correct and simple. The token is random, not a
counter, so a token evicted from the cache can never come back as an old value and revive stale
results. Inside a transaction the token is replaced again when it commits: a request that read the
register before the commit and stored its result under the intermediate token is never served.
Changes that bypass signals (QuerySet.update, bulk_create, raw SQL) do not replace it; the import
saves its ImportRun after its bulk writes for that reason.

A user's name shows in the history ("who"), so saving a user replaces the token too, except for
the login time that Django saves at every login.
"""

import hashlib
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "register:data-version"
REGISTER_APPS = ("partners", "governance", "risks")
TIMEOUT = 24 * 60 * 60


def data_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add(), not set(): two requests that both found no token agree on the first one stored.
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def bump_version(**kwargs) -> None:
    _new_version()
    transaction.on_commit(_new_version)


def _bump_for_user(update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    bump_version()


def key(*parts) -> str:
    """A cache key for a result of the register as it is now. The parts (a URL, a list of gemeenten)
    are hashed, so every cache backend takes the key whatever its length or characters."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    return f"register:{data_version()}:{digest}"


def cached(cache_key: str, build):
    """The cached value under `cache_key`, or `build()` stored there."""
    value = cache.get(cache_key)
    if value is None:
        value = build()
        cache.set(cache_key, value, timeout=TIMEOUT)
    return value


def connect_signals() -> None:
    for model in apps.get_models():
        if model._meta.app_label in REGISTER_APPS:
            uid = f"register-version-{model._meta.label_lower}"
            post_save.connect(bump_version, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(bump_version, sender=model, dispatch_uid=uid + "-delete")
    m2m_changed.connect(bump_version, dispatch_uid="register-version-m2m")
    user = get_user_model()
    post_save.connect(_bump_for_user, sender=user, dispatch_uid="register-version-user-save")
    post_delete.connect(bump_version, sender=user, dispatch_uid="register-version-user-delete")
