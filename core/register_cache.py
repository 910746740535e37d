"""Results derived from the register (rendered reports, the content of factsheets and gemeente pages,
a party's costs over all its deelnemers and its history), cached under a data version that any change
to the register replaces.

The version has two parts. A counter in the database (core.DataVersion) that every committed
change raises: every process reads it per request, so a change made by another process (a second
gunicorn worker, `import_register` on the command line) is seen at once, whatever cache each process
keeps. And a random token in the cache, replaced at once by a change in this process, also inside a
transaction that has not committed yet (so the writer itself, and the tests, never see stale results).
The counter is raised after the commit, never inside the transaction: a request that reads the register
before the commit stores its result under the old version, which is never asked for again.

The models carry no 'updated' timestamps, and a maximum of timestamps would miss deletions, so the
signals of the models do the raising: post_save, post_delete and m2m_changed of any model of the
register, governance or risks apps (their history tables included). Any change invalidates
everything cached: a coarse key is correct and simple. Changes that bypass signals (QuerySet.update,
bulk_create, raw SQL) do not; the import (importer/service.py) calls bump_version() after its bulk writes.

A user's name shows in the history ("who"), so saving a user replaces the version too, except for
the login time that Django saves at every login.
"""

import hashlib
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from .history import REGISTER_APPS

VERSION_KEY = "register:data-version"
TIMEOUT = 24 * 60 * 60


def data_version() -> str:
    from .models import DataVersion

    token = cache.get(VERSION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # add(), not set(): two requests that both found no token agree on the first one stored.
        if not cache.add(VERSION_KEY, token, timeout=None):
            token = cache.get(VERSION_KEY) or token
    counter = DataVersion.objects.using(DEFAULT_DB_ALIAS).values_list("counter", flat=True).first()
    return f"{counter or 0}-{token}"


def _new_token() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _raise_counter() -> None:
    from .models import DataVersion

    if not DataVersion.objects.using(DEFAULT_DB_ALIAS).update(counter=F("counter") + 1):
        DataVersion.objects.using(DEFAULT_DB_ALIAS).get_or_create(pk=1, defaults={"counter": 1})


def bump_version(**kwargs) -> None:
    _new_token()
    transaction.on_commit(_after_commit, using=DEFAULT_DB_ALIAS)


def _after_commit() -> None:
    # A new token too: a request of this process that read the register before the commit may have
    # stored its result under the token of the transaction.
    _new_token()
    _raise_counter()


def _bump_for_user(update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    bump_version()


def key(*parts, version: str | None = None) -> str:
    """A cache key for a result of the register as it is now (or at `version`, read once for several
    keys of one request). The parts (a URL, a list of gemeenten) are hashed, so every cache backend
    takes the key whatever its length or characters."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    return f"register:{version or data_version()}:{digest}"


def cached(cache_key: str, build):
    """The cached value under `cache_key`, or `build()` stored there."""
    value = cache.get(cache_key)
    if value is None:
        value = build()
        cache.set(cache_key, value, timeout=TIMEOUT)
    return value


def connect_signals() -> None:
    for model in apps.get_models():
        if model._meta.app_label in REGISTER_APPS and model._meta.label != "core.DataVersion":
            uid = f"register-version-{model._meta.label_lower}"
            post_save.connect(bump_version, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(bump_version, sender=model, dispatch_uid=uid + "-delete")
    m2m_changed.connect(bump_version, dispatch_uid="register-version-m2m")
    user = get_user_model()
    post_save.connect(_bump_for_user, sender=user, dispatch_uid="register-version-user-save")
    post_delete.connect(bump_version, sender=user, dispatch_uid="register-version-user-delete")
