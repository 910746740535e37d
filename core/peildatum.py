"""The register as it stood at a past date (`?peildatum=2025-12-31`), so a report sent to the raad can
be made again later, exactly.

How: the history tables (core/history.py) hold every version of every record. For a peildatum
the register's state at the end of that day is rebuilt from them into a read-only SQLite file (one
per peildatum and per state of the history before that day), and during the request a database
router sends every read of a register model there. The list, the factsheet and the reports run
their usual selectors and templates unchanged, so what they show at a peildatum is what they showed
on that day, computed by the same code. Users, sessions and the history itself stay on the main
database; the few register models without history (core/history.py WITHOUT_HISTORY) are copied
as they are now. A new change lands after the peildatum, so an old snapshot stays valid; a change to the
history before the peildatum (a beginstand record made by a migration) gives a new file. The files
are bounded in number and size, and how many new ones one user may have made per hour
(core/peildatum_store.py). On PostgreSQL the files are kept in the database as well, so a snapshot
built by one app server is copied, not built again, by the others.
"""

import contextlib
import contextvars
import hashlib
import os
import re
import uuid
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.utils import OperationalError, load_backend
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone

from .history import WITHOUT_HISTORY, historied_models
from .peildatum_store import TooManyNewSnapshots, new_snapshot_limit, snapshot_files

PARAMETER = "peildatum"
ALIAS_PREFIX = "peildatum_"
BATCH = 1000
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_DUTCH = re.compile(r"^\d{1,2}-\d{1,2}-\d{4}$")

# The snapshot alias and the peildatum of the running request (or `state_on` block), if any.
_active: contextvars.ContextVar[tuple[str, date] | None] = contextvars.ContextVar("peildatum", default=None)


class InvalidPeildatum(ValueError):
    """The text is not a usable peildatum; the message says why, in Dutch."""


def parse(raw: str, *, today: date | None = None) -> date:
    """`2025-12-31` or `31-12-2025` as a date no later than today; InvalidPeildatum otherwise."""
    text = (raw or "").strip()
    today = today or timezone.localdate()
    try:
        if _ISO.match(text):
            day = date(*map(int, text.split("-")))
        elif _DUTCH.match(text):
            dd, mm, yyyy = map(int, text.split("-"))
            day = date(yyyy, mm, dd)
        else:
            raise ValueError
    except ValueError:
        raise InvalidPeildatum(
            f"“{text}” is geen geldige peildatum. Gebruik dd-mm-jjjj, bijvoorbeeld 31-12-2025."
        ) from None
    if day > today:
        raise InvalidPeildatum(
            f"De peildatum {day:%d-%m-%Y} ligt in de toekomst; het register kent de stand tot en met vandaag "
            f"({today:%d-%m-%Y})."
        )
    if day.year < 1900:
        raise InvalidPeildatum("Een peildatum ligt niet vóór 1900.")
    return day


def cutoff(day: date) -> datetime:
    """The first moment after the peildatum (midnight in the register's time zone)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


# --- routing -----------------------------------------------------------------------------------
def active_alias() -> str | None:
    active = _active.get()
    return active[0] if active else None


def today() -> date:
    """Today, or the peildatum while the register is shown as it stood then: deadlines, current seats
    and overdue reviews are judged as they were on that day."""
    active = _active.get()
    return active[1] if active else timezone.localdate()


class PeildatumRouter:
    """Sends reads of the register's models to the snapshot of the request's peildatum, if any."""

    def db_for_read(self, model, **hints):
        alias = active_alias()
        if alias and hasattr(model._meta, "simple_history_manager_attribute"):
            return alias
        return None

    def allow_migrate(self, db, app_label, **hints):
        return False if db.startswith(ALIAS_PREFIX) else None


@contextlib.contextmanager
def state_on(day: date):
    """Within this block, reads of the register show its state at the end of `day`."""
    alias = snapshot_alias(day)
    token = _active.set((alias, day))
    try:
        yield alias
    finally:
        _active.reset(token)
        connections[alias].close()


# --- snapshots ---------------------------------------------------------------------------------
def snapshot_dir() -> Path:
    return Path(settings.PEILDATUM_DIR)


def current_models() -> list:
    """The register's models without history that queries of the register may join (a user's
    gemeenten, for scoping): a snapshot holds their current rows, because who may see what is
    decided by today's rights, also for a past state. Stored files (binary fields) stay out."""
    found = []
    for label in WITHOUT_HISTORY:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if not any(isinstance(f, models.BinaryField) for f in model._meta.concrete_fields):
            found.append(model)
    return found


def _history_marks(moment: datetime) -> list:
    """Per history table the number of records before `moment` and the highest id, and per current
    model its number of rows and highest id: one query."""
    connection = connections[DEFAULT_DB_ALIAS]
    quote = connection.ops.quote_name
    parts, params = [], []
    for model in historied_models():
        table = model.history.model._meta.db_table
        parts.append(f"SELECT COUNT(*), MAX(history_id) FROM {quote(table)} WHERE history_date < %s")
        params.append(connection.ops.adapt_datetimefield_value(moment))
    for model in current_models():
        parts.append(f"SELECT COUNT(*), MAX({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)}")
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return [tuple(row) for row in cursor.fetchall()]


def _schema() -> list:
    return [(m._meta.db_table, [f.column for f in m._meta.concrete_fields]) for m in _snapshot_models()]


def _snapshot_models() -> list:
    return historied_models() + current_models()


def snapshot_alias(day: date, *, user=None) -> str:
    """The database alias of the register's state at the end of `day`, built on first use; a new one
    counts against `user`'s limit (TooManyNewSnapshots). The file is opened here, so a later removal
    by another process (the bounds of core/peildatum_store.py) leaves it readable to this one."""
    moment = cutoff(day)
    state = (day, _schema(), _history_marks(moment))
    fingerprint = hashlib.sha256(repr(state).encode()).hexdigest()[:16]
    # The name is the same on every app server (a snapshot in the database is shared by all); the
    # alias names this server's copy, so it includes the folder.
    name = f"register-{day:%Y-%m-%d}-{fingerprint}.sqlite3"
    folder = hashlib.sha256(str(snapshot_dir()).encode()).hexdigest()[:8]
    alias = f"{ALIAS_PREFIX}{day:%Y%m%d}_{fingerprint}_{folder}"
    files = snapshot_files()
    for attempt in range(2):
        path = files.use(name)
        if path is None:
            if user is not None and attempt == 0:
                new_snapshot_limit().take(user)
            path = files.add(name, lambda target: _build(target, moment))
        _register(alias, path, read_only=True)
        try:
            connections[alias].ensure_connection()
            return alias
        except OperationalError:  # removed between finding and opening it: make it again, once
            _forget(alias)
    raise OperationalError(f"De stand van het register op {day:%d-%m-%Y} kon niet worden geopend.")


def _register(alias: str, path: Path, *, read_only: bool) -> str:
    """Give this thread a connection under `alias` to the SQLite file at `path`.

    The connection is not added to settings.DATABASES: migrate, the test runner and the request
    cycle leave it alone, and this module closes it at the end of each request.
    """
    if getattr(connections._connections, alias, None) is None:
        name = f"file:{path}?mode=ro" if read_only else str(path)
        settings_dict = connections.configure_settings(
            {DEFAULT_DB_ALIAS: {}, alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": name}}
        )[alias]
        backend = load_backend(settings_dict["ENGINE"])
        setattr(connections._connections, alias, backend.DatabaseWrapper(settings_dict, alias))
    return alias


def _forget(alias: str) -> None:
    connection = getattr(connections._connections, alias, None)
    if connection is not None:
        connection.close()
        delattr(connections._connections, alias)


def _latest_before(model, moment: datetime):
    """The last version of every record of `model` before `moment`, unless that version is a deletion."""
    historical = model.history.model
    pk = model._meta.pk.attname
    newer = historical.objects.filter(**{pk: OuterRef(pk)}, history_date__lt=moment).filter(
        Q(history_date__gt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__gt=OuterRef("history_id"))
    )
    return (
        historical.objects.filter(history_date__lt=moment).filter(~Exists(newer)).exclude(history_type="-").order_by(pk)
    )


def _build(path: Path, moment: datetime) -> None:
    """Write the register's state at `moment` to a new SQLite file at `path` (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    alias = _register(f"{ALIAS_PREFIX}build_{uuid.uuid4().hex}", temporary, read_only=False)
    try:
        target = connections[alias]
        with target.schema_editor() as editor:
            for model in _snapshot_models():
                editor.create_model(model)
        # Past states were valid when they were current; the rows of one table may refer to rows of a
        # table filled later, so the references are not checked on the way in.
        target.disable_constraint_checking()
        with transaction.atomic(using=alias):
            for model in current_models():
                columns = [field.attname for field in model._meta.concrete_fields]
                current = model._base_manager.values_list(*columns)
                model._base_manager.using(alias).bulk_create(
                    [model(**dict(zip(columns, row, strict=True))) for row in current], batch_size=BATCH
                )
            for model in historied_models():
                columns = [field.attname for field in model._meta.concrete_fields]
                rows = _latest_before(model, moment).values_list(*columns).iterator(chunk_size=BATCH)
                batch = []
                for row in rows:
                    batch.append(model(**dict(zip(columns, row, strict=True))))
                    if len(batch) == BATCH:
                        model._base_manager.using(alias).bulk_create(batch)
                        batch = []
                if batch:
                    model._base_manager.using(alias).bulk_create(batch)
                # A row written without any history (a bulk write outside the import) counts as there
                # since ever, as the beginstand records of core/history.py do for older rows.
                recorded = model.history.model.objects.values(model._meta.pk.attname)
                unrecorded = model._base_manager.exclude(pk__in=recorded).values_list(*columns)
                model._base_manager.using(alias).bulk_create(
                    [model(**dict(zip(columns, row, strict=True))) for row in unrecorded], batch_size=BATCH
                )
        target.enable_constraint_checking()
    finally:
        _forget(alias)
    os.replace(temporary, path)


# --- requests ----------------------------------------------------------------------------------
def _bound_to(iterable, active):
    """Stream a response body (a CSV export) with the request's peildatum still in force."""
    previous = _active.get()
    _active.set(active)
    try:
        yield from iterable
    finally:
        _active.set(previous)
        connections[active[0]].close()


DOWNLOAD_SUFFIXES = (".pdf", ".xlsx", ".csv")


class PeildatumMiddleware:
    """Reads `?peildatum=` for views that set `peildatum_supported = True`.

    A valid date puts `request.peildatum` and routes the request's reads to that day's snapshot; an
    invalid or future one puts a Dutch `request.peildatum_error`: a page then shows the current state
    with the message, a download (PDF, CSV, XLSX) is refused with it rather than made of today's data.
    A user over his limit of new snapshots gets the same, with status 429 (Too Many Requests).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.peildatum, request.peildatum_error, request._peildatum_token = None, None, None
        request.peildatum_refused = False
        try:
            response = self.get_response(request)
        finally:
            token, active = request._peildatum_token, _active.get()
            if token is not None:
                _active.reset(token)
        if request.peildatum_refused and response.status_code == 200:
            response.status_code = 429
        if token is not None:
            if getattr(response, "streaming", False):
                response.streaming_content = _bound_to(response.streaming_content, active)
            else:
                connections[active[0]].close()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "view_class", None)
        if not getattr(view_class, "peildatum_supported", False) or not request.GET.get(PARAMETER):
            return None
        try:
            request.peildatum = parse(request.GET[PARAMETER])
        except InvalidPeildatum as invalid:
            request.peildatum_error = str(invalid)
            if _is_download(request):
                return HttpResponseBadRequest(str(invalid), content_type="text/plain; charset=utf-8")
            return None
        user = request.user if request.user.is_authenticated else None
        try:
            alias = snapshot_alias(request.peildatum, user=user)
        except TooManyNewSnapshots as refused:
            request.peildatum, request.peildatum_error, request.peildatum_refused = None, str(refused), True
            if _is_download(request):
                return HttpResponse(str(refused), status=429, content_type="text/plain; charset=utf-8")
            return None
        request._peildatum_token = _active.set((alias, request.peildatum))
        return None


def _is_download(request) -> bool:
    return bool(request.GET.get("format")) or request.path.endswith(DOWNLOAD_SUFFIXES)
