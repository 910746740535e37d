"""Where the snapshots of core/peildatum.py are kept, and the bounds on them.

- At most PEILDATUM_MAX_SNAPSHOTS files and PEILDATUM_MAX_MB together: after each new snapshot the
  least recently used others go (each use touches a file's modification time).
- At most PEILDATUM_NEW_PER_HOUR new snapshots per user per clock hour (counted in the cache): a
  snapshot that exists is served without limit, only building one costs work and disk.

A file is removed while a request of another process may read it: the reader opened it before it
was listed for removal (peildatum.snapshot_alias opens it at once), and on POSIX an open file lives
on until it is closed. A new file is written under a temporary name and renamed (peildatum._build),
so nobody opens half a file.

`least_recently_used` and `NewSnapshotLimit` know nothing of files: SnapshotTable keeps the snapshots
in a table of the database (the default on PostgreSQL, PEILDATUM_IN_DATABASE), so that one built by
any app server is used by all; each server keeps its own copies as files, bounded the same way.
"""

import contextlib
import math
import os
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

MB = 1024 * 1024
HOUR = 3600
# A temporary file this old belongs to a build that died (a killed worker), not to one running.
STALE_TEMPORARY_SECONDS = HOUR


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    last_used: float


def least_recently_used(entries: Iterable[Entry], *, keep: str, max_count: int, max_bytes: int) -> list[Entry]:
    """The entries to remove, least recently used first, until at most `max_count` entries and
    `max_bytes` remain; `keep` (the snapshot just made or used) stays even if it alone is larger."""
    entries = sorted(entries, key=lambda entry: (entry.last_used, entry.name))
    count, total = len(entries), sum(entry.size for entry in entries)
    victims = []
    for entry in entries:
        if count <= max_count and total <= max_bytes:
            break
        if entry.name == keep:
            continue
        victims.append(entry)
        count, total = count - 1, total - entry.size
    return victims


class TooManyNewSnapshots(Exception):
    """The user asked for more new peildata this hour than allowed; the message says when to retry, in Dutch."""


class NewSnapshotLimit:
    """At most `per_hour` new snapshots per user per clock hour, counted in the cache.

    The default cache (locmemcache) counts per worker process; a shared CACHE_URL counts for all.
    Without a working cache (dummycache) nothing is counted and nothing refused.
    """

    def __init__(self, per_hour: int):
        self.per_hour = per_hour

    def take(self, user, *, now: float | None = None) -> None:
        """Count one new snapshot for `user`, or raise TooManyNewSnapshots when the hour's are used up."""
        now = time.time() if now is None else now
        window = int(now // HOUR)
        key = f"peildatum-nieuw:{user.pk}:{window}"
        cache.add(key, 0, timeout=HOUR + 60)
        try:
            count = cache.incr(key)
        except ValueError:  # the key is gone: a cache that keeps nothing
            return
        if count > self.per_hour:
            minutes = max(1, math.ceil(((window + 1) * HOUR - now) / 60))
            raise TooManyNewSnapshots(
                f"U heeft in korte tijd te veel verschillende peildata opgevraagd (meer dan {self.per_hour} per uur). "
                f"Probeer het over {minutes} {'minuut' if minutes == 1 else 'minuten'} opnieuw, of kies een "
                "peildatum die u al eerder opvroeg."
            )


class SnapshotFiles:
    """The snapshot files in one folder, bounded in number and total size."""

    PATTERN = "register-*.sqlite3"
    TEMPORARY_PATTERN = ".register-*.tmp"

    def __init__(self, directory: Path, *, max_count: int, max_bytes: int):
        self.directory = Path(directory)
        self.max_count = max_count
        self.max_bytes = max_bytes

    def path(self, name: str) -> Path:
        return self.directory / name

    def use(self, name: str) -> Path | None:
        """The file of snapshot `name`, marked as just used; None if there is none."""
        path = self.path(name)
        try:
            os.utime(path)
        except FileNotFoundError:
            return None
        return path

    def add(self, name: str, build: Callable[[Path], None]) -> Path:
        """Make snapshot `name` with `build(path)` (which writes it atomically), then remove the least
        recently used others beyond the bounds."""
        path = self.path(name)
        build(path)
        self.evict(keep=name)
        return path

    def evict(self, *, keep: str) -> list[str]:
        """Remove the least recently used files beyond the bounds, and temporaries of builds that died."""
        entries = []
        for path in self.directory.glob(self.PATTERN):
            try:
                stat = path.stat()
            except FileNotFoundError:  # removed by another process just now
                continue
            entries.append(Entry(path.name, stat.st_size, stat.st_mtime))
        removed = []
        for entry in least_recently_used(entries, keep=keep, max_count=self.max_count, max_bytes=self.max_bytes):
            if self._remove(self.path(entry.name)):
                removed.append(entry.name)
        stale = time.time() - STALE_TEMPORARY_SECONDS
        for temporary in self.directory.glob(self.TEMPORARY_PATTERN):
            with contextlib.suppress(OSError):
                if temporary.stat().st_mtime < stale:
                    temporary.unlink()
        return removed

    @staticmethod
    def _remove(path: Path) -> bool:
        # A process reading it keeps its open file (POSIX). Already gone (another process evicted it),
        # or open where that blocks removal (Windows): it is left to a later eviction.
        try:
            path.unlink()
        except OSError:
            return False
        return True


class SnapshotTable(SnapshotFiles):
    """The snapshots in the database table core.PeildatumSnapshot, shared by every app server and
    bounded there by number and size (least recently used removed first); the folder holds this
    server's copies, opened by SQLite, bounded as SnapshotFiles bounds them.

    A use is recorded in the table at most once a minute per server (the copy's modification time
    says when it was last recorded), so serving a known snapshot costs no write.
    """

    RECORD_USE_AFTER = 60

    def use(self, name: str) -> Path | None:
        path = self.path(name)
        try:
            recorded = path.stat().st_mtime
        except FileNotFoundError:
            recorded = None
        if recorded is not None:
            found = super().use(name)
            if found is not None:
                if time.time() - recorded > self.RECORD_USE_AFTER:
                    self._record_use(name)
                return found
        return self._fetch(name)

    def add(self, name: str, build: Callable[[Path], None]) -> Path:
        from .models import PeildatumSnapshot

        path = super().add(name, build)
        data = path.read_bytes()
        # Two servers that built the same snapshot at once store the same content: the first stays.
        PeildatumSnapshot.objects.bulk_create(
            [PeildatumSnapshot(name=name, data=data, size=len(data), last_used=timezone.now())],
            ignore_conflicts=True,
        )
        self.evict_rows(keep=name)
        return path

    def evict_rows(self, *, keep: str) -> list[str]:
        """Remove the least recently used snapshots from the table beyond the bounds."""
        from .models import PeildatumSnapshot

        entries = [
            Entry(name, size, last_used.timestamp())
            for name, size, last_used in PeildatumSnapshot.objects.values_list("name", "size", "last_used")
        ]
        victims = [
            entry.name
            for entry in least_recently_used(entries, keep=keep, max_count=self.max_count, max_bytes=self.max_bytes)
        ]
        if victims:
            PeildatumSnapshot.objects.filter(name__in=victims).delete()
        return victims

    def _record_use(self, name: str) -> None:
        from .models import PeildatumSnapshot

        PeildatumSnapshot.objects.filter(name=name).update(last_used=timezone.now())

    def _fetch(self, name: str) -> Path | None:
        """Copy snapshot `name` from the table to this server's folder (atomically); None if there is none."""
        from .models import PeildatumSnapshot

        data = PeildatumSnapshot.objects.filter(name=name).values_list("data", flat=True).first()
        if data is None:
            return None
        self._record_use(name)
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{name}.{uuid.uuid4().hex}.tmp")
        temporary.write_bytes(bytes(data))
        os.replace(temporary, path)
        self.evict(keep=name)
        return path


def snapshot_files() -> SnapshotFiles:
    store = SnapshotTable if settings.PEILDATUM_IN_DATABASE else SnapshotFiles
    return store(
        settings.PEILDATUM_DIR, max_count=settings.PEILDATUM_MAX_SNAPSHOTS, max_bytes=settings.PEILDATUM_MAX_MB * MB
    )


def new_snapshot_limit() -> NewSnapshotLimit:
    return NewSnapshotLimit(settings.PEILDATUM_NEW_PER_HOUR)
