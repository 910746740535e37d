"""Settings refuse wrong values at start with a clear Dutch message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "false"}, "SECRET_KEY is verplicht als DEBUG uit staat"),
        ({"DEBUG": "misschien"}, "DEBUG='misschien' is geen geldige waarde"),
        ({"SECRET_KEY": "x", "PAGE_SIZE": "veel"}, "PAGE_SIZE='veel' is geen geheel getal"),
        ({"SECRET_KEY": "x", "PAGE_SIZE": "0"}, "PAGE_SIZE=0 ligt niet tussen 1 en 1000"),
        ({"SECRET_KEY": "x", "REPORT_YEAR": "20x6"}, "REPORT_YEAR='20x6' is geen geheel getal"),
        ({"SECRET_KEY": "x", "DATABASE_URL": "mysql://u@h/db"}, "DATABASE_URL wijst naar een database"),
        ({"SECRET_KEY": "x", "HTTPS": "soms"}, "HTTPS='soms' is geen geldige waarde"),
        ({"SECRET_KEY": "x", "SECURE_PROXY_SSL_HEADER": "X Forwarded"}, "is geen naam van een HTTP-header"),
        ({"SECRET_KEY": "x", "SESSION_IDLE_MINUTES": "1"}, "SESSION_IDLE_MINUTES=1 ligt niet tussen 2 en 1440"),
        ({"SECRET_KEY": "x", "AXES_FAILURE_LIMIT": "nul"}, "AXES_FAILURE_LIMIT='nul' is geen geheel getal"),
        ({"SECRET_KEY": "x", "ADMIN_TWO_FACTOR": "misschien"}, "ADMIN_TWO_FACTOR='misschien' is geen geldige"),
        ({"SECRET_KEY": "x", "PEILDATUM_MAX_SNAPSHOTS": "0"}, "PEILDATUM_MAX_SNAPSHOTS=0 ligt niet tussen 1 en"),
        ({"SECRET_KEY": "x", "PEILDATUM_MAX_MB": "500MB"}, "PEILDATUM_MAX_MB='500MB' is geen geheel getal"),
        ({"SECRET_KEY": "x", "PEILDATUM_NEW_PER_HOUR": "-1"}, "PEILDATUM_NEW_PER_HOUR=-1 ligt niet tussen 1 en"),
        ({"SECRET_KEY": "x", "CONN_MAX_AGE": "altijd"}, "CONN_MAX_AGE='altijd' is geen geheel getal"),
        ({"SECRET_KEY": "x", "CONN_MAX_AGE": "-5"}, "CONN_MAX_AGE=-5 ligt niet tussen 0 en 86400"),
        ({"SECRET_KEY": "x", "PEILDATUM_IN_DATABASE": "ja graag"}, "PEILDATUM_IN_DATABASE='ja graag' is geen"),
        ({"SECRET_KEY": "x", "CONN_HEALTH_CHECKS": "soms"}, "CONN_HEALTH_CHECKS='soms' is geen geldige waarde"),
    ],
)
def test_a_wrong_setting_stops_the_start_with_a_message_naming_it(env, message):
    result = _load_settings(**env)

    assert result.returncode != 0
    assert message in result.stderr


def test_debug_without_secret_key_starts_with_the_sqlite_default():
    result = _load_settings(DEBUG="true")

    assert result.returncode == 0, result.stderr


def _printed_settings(expression: str, **env) -> str:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "CONN_MAX_AGE", "PEILDATUM_IN_DATABASE"}
    }
    environment.update({"SECRET_KEY": "x", **env})
    result = subprocess.run(
        [sys.executable, "-c", f"from config import settings; print({expression})"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_postgresql_keeps_its_connections_a_minute_by_default_with_a_health_check():
    database = 'settings.DATABASES["default"]'
    printed = _printed_settings(
        f'{database}["CONN_MAX_AGE"], {database}["CONN_HEALTH_CHECKS"]', DATABASE_URL="postgres://u@h:5432/db"
    )

    assert printed == "60 True"


def test_sqlite_opens_a_connection_per_request_by_default():
    assert _printed_settings('settings.DATABASES["default"]["CONN_MAX_AGE"]') == "0"


def test_conn_max_age_and_health_checks_are_read_from_the_environment():
    database = 'settings.DATABASES["default"]'
    printed = _printed_settings(
        f'{database}["CONN_MAX_AGE"], {database}["CONN_HEALTH_CHECKS"]',
        DATABASE_URL="postgres://u@h:5432/db",
        CONN_MAX_AGE="300",
        CONN_HEALTH_CHECKS="false",
    )

    assert printed == "300 False"


def test_peildatum_snapshots_are_kept_in_the_database_by_default_only_on_postgresql():
    on_postgresql = _printed_settings("settings.PEILDATUM_IN_DATABASE", DATABASE_URL="postgres://u@h:5432/db")
    on_sqlite = _printed_settings("settings.PEILDATUM_IN_DATABASE")

    assert (on_postgresql, on_sqlite) == ("True", "False")
