"""The audit trail of the register: who changed which record when, and to what.

Every model a user edits in partners/, governance/ and risks/ carries `history = Historical()`
(django-simple-history): each save and delete, through the admin, a form or the import, adds a
record with the full row, the moment, the kind of change and the user. Rows that existed before a
model had history (loaded by a migration, or made before this module existed) get one "beginstand"
record dated at BEGINSTAND, so a past register state (core/peildatum.py) includes them.
"""

from datetime import UTC, datetime

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Exists, OuterRef
from simple_history.models import HistoricalRecords

REGISTER_APPS = ("partners", "governance", "risks")

# The only models of the register apps without history, and why. Any other model gets
# `history = Historical()` (a test holds every new model to that).
WITHOUT_HISTORY = {
    # Who may see which gemeente is a right of today, also when the register is shown at a past date.
    "partners.UserMunicipality": "rechten van gebruikers",
    "partners.UserParty": "rechten van gebruikers",
    # A counter of changes for the caches, not data of the register.
    "core.DataVersion": "teller voor de caches",
}

# Rows older than their history count as existing from the start: their creation date is unknown.
BEGINSTAND = datetime(1900, 1, 1, tzinfo=UTC)
BEGINSTAND_REASON = "beginstand"

_FIELD_LABELS = {
    "history_id": "volgnummer wijziging",
    "history_date": "tijdstip wijziging",
    "history_change_reason": "reden wijziging",
    "history_type": "soort wijziging",
    "history_user": "gewijzigd door",
}
HISTORY_TYPES = (("+", "aangemaakt"), ("~", "gewijzigd"), ("-", "verwijderd"))


class Historical(HistoricalRecords):
    """HistoricalRecords with Dutch names for the historical model and its own fields."""

    def get_meta_options(self, model):
        meta = super().get_meta_options(model)
        meta["verbose_name"] = f"historie {model._meta.verbose_name}"
        meta["verbose_name_plural"] = f"historie {model._meta.verbose_name_plural}"
        return meta

    def get_extra_fields(self, model, fields):
        extra = super().get_extra_fields(model, fields)
        for name, label in _FIELD_LABELS.items():
            if name in extra:
                extra[name].verbose_name = label
        extra["history_type"].choices = HISTORY_TYPES
        return extra


def historied_models(*, apps=global_apps) -> list:
    """The register's models that keep history, in a fixed order (by app, then model name)."""
    found = []
    for label in REGISTER_APPS:
        for model in apps.get_app_config(label).get_models():
            if hasattr(model._meta, "simple_history_manager_attribute"):
                found.append(model)
    return found


def ensure_initial_history() -> int:
    """Give every row without any history record a beginstand record; returns how many were made.

    Safe to repeat: rows that have history are left alone. Runs after every migrate, so rows that a
    data migration adds (reference data, seeds) are part of every past state too.
    """
    made = 0
    for model in historied_models():
        history = model.history
        # NOT EXISTS, not NOT IN: PostgreSQL answers NOT IN over a large history table row by row
        # (hours for 300,000 figures), and an anti-join in well under a second.
        recorded = history.model.objects.filter(**{model._meta.pk.attname: OuterRef("pk")})
        missing = model._default_manager.filter(~Exists(recorded)).order_by("pk")
        last = None
        while batch := list((missing if last is None else missing.filter(pk__gt=last))[:2000]):
            history.bulk_history_create(
                batch, default_date=BEGINSTAND, default_change_reason=BEGINSTAND_REASON, batch_size=500
            )
            made += len(batch)
            last = batch[-1].pk
    return made


def initial_history_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver: beginstand records for rows that have none, once all tables exist."""
    from django.db import connections

    if using != DEFAULT_DB_ALIAS or sender.name != REGISTER_APPS[-1]:
        return
    tables = set(connections[using].introspection.table_names())
    if all(m._meta.db_table in tables and m.history.model._meta.db_table in tables for m in historied_models()):
        ensure_initial_history()
