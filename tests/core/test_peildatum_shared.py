"""On PostgreSQL (PEILDATUM_IN_DATABASE) a snapshot of a past state is kept in the database: built
once by one app server, copied by the others instead of built again, and bounded there by number and
size with the least recently used removed first. Run here on both databases by switching it on."""

import datetime
from unittest import mock

import pytest
from django.db import connections

from core import peildatum
from core.models import PeildatumSnapshot
from core.peildatum_store import SnapshotFiles, SnapshotTable, snapshot_files
from partners.models import Party
from partners.roles import BEHEERDER
from tests.core.test_peildatum_bounds import DAYS, day_of, party_since_2024

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_database(settings, tmp_path):
    settings.PEILDATUM_IN_DATABASE = True
    settings.PEILDATUM_DIR = tmp_path / "server-a"


def on_server(settings, tmp_path, server: str) -> None:
    """From here on, work as the app server whose own folder is `server`."""
    settings.PEILDATUM_DIR = tmp_path / server


def open_snapshot(day) -> str:
    """The alias of `day`'s snapshot, as a request opens it (close it after use)."""
    return peildatum.snapshot_alias(day)


def stored() -> list[datetime.date]:
    return sorted(day_of(name) for name in PeildatumSnapshot.objects.values_list("name", flat=True))


def test_the_store_follows_the_setting(settings):
    assert type(snapshot_files()) is SnapshotTable
    settings.PEILDATUM_IN_DATABASE = False
    assert type(snapshot_files()) is SnapshotFiles


def test_a_snapshot_built_by_one_app_server_is_used_by_another_without_building_it_again(settings, tmp_path):
    party_since_2024("Gemeenschappelijke regeling Oost")
    first = open_snapshot(DAYS[0])
    connections[first].close()
    assert stored() == [DAYS[0]]

    on_server(settings, tmp_path, "server-b")
    with mock.patch.object(peildatum, "_build", side_effect=AssertionError("opnieuw gebouwd")):
        second = open_snapshot(DAYS[0])

    assert second != first  # this server's own copy
    assert Party.objects.using(second).filter(name="Gemeenschappelijke regeling Oost").exists()
    connections[second].close()
    assert [path.name for path in (tmp_path / "server-b").glob("register-*.sqlite3")] == [
        PeildatumSnapshot.objects.get().name
    ]


def test_a_new_user_on_another_server_does_not_count_a_snapshot_that_exists_as_new(settings, tmp_path, make_user):
    settings.PEILDATUM_NEW_PER_HOUR = 1
    user = make_user("lezer", role=BEHEERDER)
    connections[peildatum.snapshot_alias(DAYS[0], user=user)].close()

    on_server(settings, tmp_path, "server-b")
    connections[peildatum.snapshot_alias(DAYS[0], user=user)].close()  # not refused: it exists

    with pytest.raises(peildatum.TooManyNewSnapshots):
        peildatum.snapshot_alias(DAYS[1], user=user)


def test_the_table_keeps_at_most_the_maximum_the_least_recently_used_removed(settings, tmp_path, monkeypatch):
    settings.PEILDATUM_MAX_SNAPSHOTS = 2
    monkeypatch.setattr(SnapshotTable, "RECORD_USE_AFTER", -1)  # record every use, not once a minute
    for day in DAYS[:2]:
        connections[open_snapshot(day)].close()
    connections[open_snapshot(DAYS[0])].close()  # used again: now the most recent

    on_server(settings, tmp_path, "server-b")
    connections[open_snapshot(DAYS[2])].close()

    assert stored() == [DAYS[0], DAYS[2]]


def test_the_table_keeps_at_most_the_maximum_size(settings):
    connections[open_snapshot(DAYS[0])].close()
    size = PeildatumSnapshot.objects.get().size
    settings.PEILDATUM_MAX_MB = 1
    per_mb = max(1, (1024 * 1024) // size)

    for day in DAYS[1 : per_mb + 3]:
        connections[open_snapshot(day)].close()

    assert sum(PeildatumSnapshot.objects.values_list("size", flat=True)) <= 1024 * 1024
    assert PeildatumSnapshot.objects.count() == min(per_mb, len(DAYS))


def test_a_snapshot_removed_from_the_table_is_built_again_by_the_next_server(settings, tmp_path):
    party_since_2024("Partij")
    connections[open_snapshot(DAYS[0])].close()
    PeildatumSnapshot.objects.all().delete()

    on_server(settings, tmp_path, "server-b")
    alias = open_snapshot(DAYS[0])

    assert Party.objects.using(alias).filter(name="Partij").exists()
    connections[alias].close()
    assert stored() == [DAYS[0]]
