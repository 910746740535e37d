"""Snapshots of past states (?peildatum=) are bounded: a maximum number of files and MB, the least
recently used removed first, and a limit on how many new ones one user makes per hour. A snapshot
that exists is served without limit; a removed file stays readable to a request that has it open."""

import datetime
import os
import time
from unittest import mock

import pytest
from django.db import connections
from django.urls import reverse

from core import peildatum
from core.peildatum_store import Entry, SnapshotFiles, least_recently_used
from partners.models import Party
from partners.roles import BEHEERDER
from tests.partners.factories import PartyFactory
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

DAYS = [datetime.date(2025, 1, day) for day in range(1, 9)]
BEFORE = datetime.datetime(2024, 12, 31, 12, 0, tzinfo=datetime.UTC)


def party_since_2024(name):
    with mock.patch("django.utils.timezone.now", return_value=BEFORE):
        return PartyFactory(name=name)


def snapshots(settings) -> list[str]:
    return sorted(path.name for path in settings.PEILDATUM_DIR.glob("register-*.sqlite3"))


def day_of(name: str) -> datetime.date:
    return datetime.date.fromisoformat(name.removeprefix("register-")[:10])


def build(day):
    """The snapshot of `day`, as a request makes it (and then closes it at the end)."""
    alias = peildatum.snapshot_alias(day)
    connections[alias].close()
    return alias


def test_beyond_the_maximum_number_the_least_recently_used_snapshots_go(settings):
    settings.PEILDATUM_MAX_SNAPSHOTS = 3
    for day in DAYS[:3]:
        build(day)
    assert [day_of(name) for name in snapshots(settings)] == DAYS[:3]
    time.sleep(0.01)
    build(DAYS[0])  # used again: now the most recent

    build(DAYS[3])
    build(DAYS[4])

    assert [day_of(name) for name in snapshots(settings)] == [DAYS[0], DAYS[3], DAYS[4]]


def test_beyond_the_maximum_size_the_least_recently_used_snapshots_go(settings):
    build(DAYS[0])
    size = (settings.PEILDATUM_DIR / snapshots(settings)[0]).stat().st_size
    settings.PEILDATUM_MAX_MB = 1
    per_mb = max(1, (1024 * 1024) // size)

    for day in DAYS[1 : per_mb + 3]:
        build(day)

    total = sum((settings.PEILDATUM_DIR / name).stat().st_size for name in snapshots(settings))
    assert total <= 1024 * 1024
    assert day_of(snapshots(settings)[-1]) == DAYS[min(per_mb + 2, len(DAYS) - 1)]


def test_the_bounds_pick_the_least_recently_used_and_keep_the_one_in_use():
    entries = [Entry("a", 400, 1.0), Entry("b", 400, 3.0), Entry("c", 400, 2.0), Entry("new", 900, 0.5)]

    by_count = least_recently_used(entries, keep="new", max_count=2, max_bytes=10_000)
    by_size = least_recently_used(entries, keep="new", max_count=10, max_bytes=1000)

    assert [entry.name for entry in by_count] == ["a", "c"]
    assert [entry.name for entry in by_size] == ["a", "c", "b"]  # "new" alone is over the size: it stays


def test_a_snapshot_removed_while_a_request_reads_it_stays_readable_to_that_request(settings):
    settings.PEILDATUM_MAX_SNAPSHOTS = 1
    party_since_2024("Al lang bestaande partij")
    reading = peildatum.snapshot_alias(DAYS[0])  # open, as during a request

    build(DAYS[1])  # another request: the first file goes

    assert [day_of(name) for name in snapshots(settings)] == [DAYS[1]]
    assert Party.objects.using(reading).filter(name="Al lang bestaande partij").exists()
    connections[reading].close()
    assert peildatum.snapshot_alias(DAYS[0]) == reading  # made again on the next request
    assert Party.objects.using(reading).filter(name="Al lang bestaande partij").exists()
    connections[reading].close()


def test_a_snapshot_removed_between_finding_and_opening_it_is_made_again(settings):
    party_since_2024("Partij")
    build(DAYS[0])
    vanished = settings.PEILDATUM_DIR / "register-weg.sqlite3"
    real_use = SnapshotFiles.use
    calls = []

    def use_once_vanished(self, name):
        calls.append(name)
        return vanished if len(calls) == 1 else real_use(self, name)

    with mock.patch.object(SnapshotFiles, "use", use_once_vanished):
        alias = peildatum.snapshot_alias(DAYS[0])

    assert Party.objects.using(alias).filter(name="Partij").exists()
    connections[alias].close()


def test_temporary_files_of_a_build_that_died_are_cleaned_up(settings):
    build(DAYS[0])
    stale = settings.PEILDATUM_DIR / ".register-2025-01-02-dood.sqlite3.abc.tmp"
    fresh = settings.PEILDATUM_DIR / ".register-2025-01-03-bezig.sqlite3.def.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(stale, (two_hours_ago, two_hours_ago))

    build(DAYS[1])

    assert not stale.exists() and fresh.exists()


@pytest.fixture
def reader_client(client, make_user):
    client.force_login(make_user("lezer", role=BEHEERDER))
    return client


def list_at(client, day, **query):
    return client.get(reverse("partners:party_list"), {"peildatum": day.isoformat(), **query})


def test_one_user_makes_only_so_many_new_snapshots_an_hour_with_a_dutch_message(reader_client, settings):
    settings.PEILDATUM_NEW_PER_HOUR = 2
    PartyFactory(name="Huidige partij")

    assert list_at(reader_client, DAYS[0]).status_code == 200
    assert list_at(reader_client, DAYS[1]).status_code == 200
    refused = list_at(reader_client, DAYS[2])

    assert refused.status_code == 429
    page = text(refused)
    assert "U heeft in korte tijd te veel verschillende peildata opgevraagd (meer dan 2 per uur)." in page
    assert "Probeer het over" in page and "U ziet de huidige stand." in page
    assert "Huidige partij" in page
    assert "Stand van het register op 03-01-2025" not in page
    assert len(snapshots(settings)) == 2


def test_a_snapshot_that_exists_is_served_beyond_the_limit(reader_client, settings):
    settings.PEILDATUM_NEW_PER_HOUR = 1
    assert list_at(reader_client, DAYS[0]).status_code == 200
    assert list_at(reader_client, DAYS[1]).status_code == 429

    again = list_at(reader_client, DAYS[0])

    assert again.status_code == 200
    assert "Stand van het register op 01-01-2025" in text(again)


def test_a_download_beyond_the_limit_is_refused_not_made_of_todays_data(reader_client, settings):
    settings.PEILDATUM_NEW_PER_HOUR = 1
    list_at(reader_client, DAYS[0])

    response = list_at(reader_client, DAYS[1], format="csv")

    assert response.status_code == 429
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "te veel verschillende peildata" in response.content.decode()


def test_the_limit_is_per_user_and_per_hour(client, make_user, settings):
    settings.PEILDATUM_NEW_PER_HOUR = 1
    anna, bert = make_user("anna", role=BEHEERDER), make_user("bert", role=BEHEERDER)
    start = 1_800_000_000.0  # on the hour
    with mock.patch("time.time", return_value=start + 60):
        client.force_login(anna)
        assert list_at(client, DAYS[0]).status_code == 200
        assert list_at(client, DAYS[1]).status_code == 429
        assert "Probeer het over 59 minuten opnieuw" in text(list_at(client, DAYS[1]))
        client.force_login(bert)
        assert list_at(client, DAYS[2]).status_code == 200
    with mock.patch("time.time", return_value=start + 3600 + 1):
        client.force_login(anna)
        assert list_at(client, DAYS[1]).status_code == 200


def test_a_flood_of_peildata_leaves_at_most_the_maximum_on_disk(reader_client, settings):
    settings.PEILDATUM_MAX_SNAPSHOTS = 3
    settings.PEILDATUM_NEW_PER_HOUR = 100
    for day in DAYS:
        assert list_at(reader_client, day).status_code == 200

    assert [day_of(name) for name in snapshots(settings)] == DAYS[-3:]


def test_the_factsheet_beyond_the_limit_shows_the_current_state_with_the_message(reader_client, settings):
    settings.PEILDATUM_NEW_PER_HOUR = 1
    party = party_since_2024("Partij met factsheet")
    reader_client.get(party.get_absolute_url(), {"peildatum": DAYS[0].isoformat()})

    refused = reader_client.get(party.get_absolute_url(), {"peildatum": DAYS[1].isoformat()})

    assert refused.status_code == 429
    assert "te veel verschillende peildata" in text(refused) and "U ziet de huidige stand." in text(refused)
    with mock.patch("time.time", return_value=time.time() + 3600):
        later = reader_client.get(party.get_absolute_url(), {"peildatum": DAYS[1].isoformat()})
    assert later.status_code == 200
    assert "Stand van het register op 02-01-2025" in text(later) and "te veel" not in text(later)
