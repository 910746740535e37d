"""With CACHE_URL=redis://…, every app server and worker shares one cache (Django's own RedisCache):
a page rendered by one is served by the others, and a change recorded by one makes the others render
anew. Runs against the Redis at 127.0.0.1:6379; skipped when none is running there."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache.backends.redis import RedisCache

from core import register_cache

ROOT = Path(__file__).resolve().parents[2]
# A database of its own in Redis, so the suite touches nothing else kept there.
REDIS_URL = "redis://127.0.0.1:6379/14"


def _redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = [
    pytest.mark.skipif(not _redis_running(), reason="geen Redis op 127.0.0.1:6379 (start redis-server)"),
    pytest.mark.django_db,
]


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


def _other_process(code: str, tmp_path) -> str:
    """Run `code` in a new Python process with the production settings pointing at the same Redis."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    environment.update(
        SECRET_KEY="x",
        CACHE_URL=REDIS_URL,
        DATABASE_URL=f"sqlite:///{tmp_path / 'other.sqlite3'}",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_redis_cache_url_selects_djangos_own_redis_cache(tmp_path):
    printed = _other_process("from django.conf import settings; print(settings.CACHES['default'])", tmp_path)

    assert "'BACKEND': 'django.core.cache.backends.redis.RedisCache'" in printed
    assert f"'LOCATION': '{REDIS_URL}'" in printed


def test_a_result_cached_through_one_connection_is_served_through_another(redis_cache):
    version = register_cache.data_version()
    cache_key = register_cache.key("/partijen/1/", version=version)
    register_cache.cached(cache_key, lambda: "factsheet zoals eerst gemaakt")

    # A second client with its own connection pool: another app server, as Redis sees it.
    other_server = RedisCache(REDIS_URL, {})

    assert other_server.get(cache_key) == "factsheet zoals eerst gemaakt"
    assert other_server.get(register_cache.VERSION_KEY) == version.split("-", 1)[1]


def test_a_change_recorded_in_another_process_makes_this_one_render_anew(redis_cache, tmp_path):
    before = register_cache.data_version()
    register_cache.cached(register_cache.key("/gemeenten/1/", version=before), lambda: "oude stand")

    # The cache half of bump_version() (the database counter half needs the other process's database).
    token = _other_process(
        "from core import register_cache; from django.core.cache import cache\n"
        "register_cache._new_token(); print(cache.get(register_cache.VERSION_KEY))",
        tmp_path,
    )

    after = register_cache.data_version()
    assert after != before
    assert after.endswith(token)
    rebuilt = register_cache.cached(register_cache.key("/gemeenten/1/", version=after), lambda: "nieuwe stand")
    assert rebuilt == "nieuwe stand"
