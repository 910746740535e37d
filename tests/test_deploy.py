"""Production settings pass Django's deployment checks, and the development defaults stay on http."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_KEY = "p9F-wQ2r_X7m!L4t@Z8v#K1s$N6b%Y3c^H5j&D0g*R2e(U7k)A9n"
OWN_VARIABLES = {"DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "HTTPS", "HSTS_SECONDS", "ADMIN_TWO_FACTOR"}


def _manage(*args, tmp_path, **env):
    environment = {k: v for k, v in os.environ.items() if k not in OWN_VARIABLES}
    environment.update({"DATABASE_URL": f"sqlite:///{tmp_path}/deploy.sqlite3", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def _settings(code, **env):
    environment = {k: v for k, v in os.environ.items() if k not in OWN_VARIABLES}
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", f"import config.settings as s; print({code})"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        SECRET_KEY=PRODUCTION_KEY,
        ALLOWED_HOSTS="register.gemeente.nl",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_does_warn_about_development_settings(tmp_path):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, DEBUG="true")

    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on
    assert "security.W012" in result.stderr  # session cookie not secure


def test_debug_is_off_when_not_set():
    assert _settings("s.DEBUG", SECRET_KEY=PRODUCTION_KEY) == "False"


def test_without_debug_cookies_are_secure_and_http_goes_to_https():
    shown = _settings(
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY, s.X_FRAME_OPTIONS",
        SECRET_KEY=PRODUCTION_KEY,
    )

    assert shown == "True True True 31536000 True True DENY"


def test_with_debug_the_development_server_works_on_plain_http():
    shown = _settings("s.SESSION_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS", DEBUG="true")

    assert shown == "False False 0"


def test_the_proxy_header_for_https_is_off_unless_set():
    assert _settings("s.SECURE_PROXY_SSL_HEADER", SECRET_KEY=PRODUCTION_KEY) == "None"
    assert _settings(
        "s.SECURE_PROXY_SSL_HEADER", SECRET_KEY=PRODUCTION_KEY, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto"
    ) == str(("HTTP_X_FORWARDED_PROTO", "https"))


def test_session_idle_time_and_lockout_come_from_the_environment():
    shown = _settings(
        "s.SESSION_COOKIE_AGE, s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME",
        SECRET_KEY=PRODUCTION_KEY,
        SESSION_IDLE_MINUTES="10",
        AXES_FAILURE_LIMIT="3",
        AXES_COOLOFF_MINUTES="60",
    )

    assert shown == "600 3 1:00:00"
