"""Settings for the verbonden-partijen register, read from the environment (twelve-factor).

Every variable is documented in README.md. A wrong value stops the start with a clear message.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from accounts.oidc import parse_providers

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")


def _bool(name: str, default: bool) -> bool:
    """Read a boolean; refuse anything that is not clearly true or false."""
    raw = env.str(name, default=str(default)).strip().lower()
    if raw in {"1", "true", "yes", "on", "ja"}:
        return True
    if raw in {"0", "false", "no", "off", "nee", ""}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is geen geldige waarde: gebruik true of false.")


def _proxy_ssl_header(name: str) -> tuple[str, str] | None:
    """Read the header a reverse proxy sets for https (X-Forwarded-Proto); off unless given.

    Only set it when a proxy in front of the application always sets or overwrites that header:
    otherwise a client could claim https itself (Django documents this risk at SECURE_PROXY_SSL_HEADER).
    """
    raw = env.str(name, default="").strip()
    if not raw:
        return None
    if not all(part.isalnum() for part in raw.split("-")):
        raise ImproperlyConfigured(f"{name}={raw!r} is geen naam van een HTTP-header, bv. X-Forwarded-Proto.")
    return "HTTP_" + raw.upper().replace("-", "_"), "https"


def _int(name: str, default: int, low: int, high: int) -> int:
    """Read a whole number within [low, high]; refuse anything else with the variable's name."""
    raw = env.str(name, default=str(default)).strip()
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is geen geheel getal.") from None
    if not low <= value <= high:
        raise ImproperlyConfigured(f"{name}={value} ligt niet tussen {low} en {high}.")
    return value


DEBUG = _bool("DEBUG", False)
# The demo of `make run`: production settings (DEBUG off) with two relaxations so it runs on a laptop,
# plain http and no second factor, each named in a banner on every page (DEMO_RELAXATIONS below).
DEMO = _bool("DEMO", False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is verplicht als DEBUG uit staat. Zet SECRET_KEY in de omgeving of in .env."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"

# Served over https, as in production: secure cookies, HSTS and a redirect from http. Off by default
# only with DEBUG (make dev) or DEMO (make run), so a server on a laptop works on plain http.
HTTPS = _bool("HTTPS", not (DEBUG or DEMO))

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG or DEMO else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

try:
    DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
except Exception as exc:  # django-environ raises several types for a malformed URL
    raise ImproperlyConfigured(f"DATABASE_URL is ongeldig: {exc}") from exc
SUPPORTED_ENGINES = {"django.db.backends.postgresql", "django.db.backends.sqlite3"}
if DATABASES["default"]["ENGINE"] not in SUPPORTED_ENGINES:
    raise ImproperlyConfigured(
        "DATABASE_URL wijst naar een database die het register niet ondersteunt: "
        "gebruik postgres://… (productie) of sqlite:///… (lokaal)."
    )
ON_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if not ON_POSTGRESQL:
    # Wait for a lock instead of failing at once when a second request writes.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
# Persistent connections: a worker keeps its database connection this many seconds instead of opening
# one per request (about 5 ms of worker time on PostgreSQL); a health check before reuse replaces a
# connection the server dropped. Opening a SQLite file costs next to nothing, so 0 there by default.
DATABASES["default"]["CONN_MAX_AGE"] = _int("CONN_MAX_AGE", 60 if ON_POSTGRESQL else 0, 0, 24 * 60 * 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = _bool("CONN_HEALTH_CHECKS", True)

INSTALLED_APPS = [
    # The admin asks a beheerder for a TOTP code (accounts/admin_site.py).
    "accounts.apps.RegisterAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "accounts",
    "simple_history",
    "core",
    "partners",
    "governance",
    "risks",
    "importer",
    "reports",
    "supply",
    "demo",
    "rest_framework",
    "drf_spectacular",
    "api",
    "public",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control: private, no-store on everything behind the login (accounts/private_cache.py);
    # after WhiteNoise, so static files keep their caching.
    "accounts.private_cache.PrivateCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.sessions.IdleTimeoutMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # A login through an identity provider whose own second factor counts (OIDC_PROVIDERS, second_factor).
    "accounts.oidc_login.ProviderSecondFactorMiddleware",
    "core.middleware.RejectNulMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Records the logged-in user on every history record a request makes (core/history.py).
    "simple_history.middleware.HistoryRequestMiddleware",
    # ?peildatum=: the register as it stood on a past date (core/peildatum.py).
    "core.peildatum.PeildatumMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partners.context_processors.user_scope",
                "core.context_processors.environment",
            ],
            "builtins": ["core.templatetags.register_tags"],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address never reach the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Login through a gemeente's identity provider (OpenID Connect, accounts/oidc_login.py); it answers only
    # the callback of a configured provider, never a username and password.
    "accounts.oidc_login.ProviderBackend",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "partners:party_list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
# Dutch texts for libraries without a Dutch translation (the admin's history views).
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# WhiteNoise serves the collected files under gunicorn, compressed; without hashed names, because the
# PDF renderer (reports/pdf.py) finds report.css by its plain name and tests need no collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Django 6 behaviour now: a URL typed without a scheme gets https://.
FORMS_URLFIELD_ASSUME_HTTPS = True

# Rows per page in the register lists.
PAGE_SIZE = _int("PAGE_SIZE", 50, 1, 1000)

# The public register and the open API (public/): requests per minute per client address without login
# (0: no limit), how long browsers and proxies may keep a public page, and the header in which a reverse
# proxy puts the client's address (empty: REMOTE_ADDR).
PUBLIC_RATE_LIMIT = _int("PUBLIC_RATE_LIMIT", 120, 0, 100_000)
PUBLIC_CACHE_SECONDS = _int("PUBLIC_CACHE_SECONDS", 300, 0, 24 * 60 * 60)
PUBLIC_CLIENT_IP_HEADER = env.str("PUBLIC_CLIENT_IP_HEADER", default="").strip()
if PUBLIC_CLIENT_IP_HEADER and not all(part.isalnum() for part in PUBLIC_CLIENT_IP_HEADER.split("-")):
    raise ImproperlyConfigured(
        f"PUBLIC_CLIENT_IP_HEADER={PUBLIC_CLIENT_IP_HEADER!r} is geen naam van een HTTP-header, bv. X-Forwarded-For."
    )

# The year the register shows by default (begroting of this year); defaults to the current year.
REPORT_YEAR = _int("REPORT_YEAR", 0, 0, 2100) or None

# Cache of rendered reports and page content (core/register_cache.py). The default keeps it in
# each process's memory; a counter in the database tells every process when the register changed, so
# that is correct with several workers too. A shared cache renders each page once per change instead of
# once per worker: in production Redis (redis://host:6379/1, rediss:// with TLS), shared by every app
# server and worker, served by Django's own RedisCache.
REDIS_SCHEMES = ("redis://", "rediss://", "rediscache://")
try:
    CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
except Exception as exc:  # django-environ raises several types for a malformed URL
    raise ImproperlyConfigured(f"CACHE_URL is ongeldig: {exc}") from exc
if env.str("CACHE_URL", default="").startswith(REDIS_SCHEMES):
    # django-environ would pick django-redis if it happened to be installed; the register uses Django's own.
    CACHES["default"]["BACKEND"] = "django.core.cache.backends.redis.RedisCache"

# Work that takes seconds (report PDFs, the import's check and confirmation, the register as XLSX) runs as
# a job (core/jobs.py) in a Celery worker, with Redis as broker. Without CELERY_BROKER_URL (make run, the
# tests) the same tasks run in-process at once (Celery's eager mode): no Redis and no worker needed.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="").strip()
if CELERY_BROKER_URL and not CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured(
        f"CELERY_BROKER_URL={CELERY_BROKER_URL!r} is geen Redis-adres: gebruik redis://host:6379/0 of rediss://…"
    )
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# The job records its own outcome and failure (core/jobs.py); Celery keeps no results.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_EAGER_PROPAGATES = True
# Acknowledged after the work, so a worker that dies mid-job (out of memory, SIGKILL) leaves the message
# to be delivered again; one task at a time per worker process, so a long PDF holds up no other task.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 150
# A message taken by a worker that vanished whole (the machine, SIGKILL of the main process) goes back to
# the queue after this many seconds; longer than the hard time limit, so a running job is never doubled.
# Every worker looks for such messages every few seconds (kombu's default sweep is about 100 s).
JOB_REDELIVER_SECONDS = _int("JOB_REDELIVER_SECONDS", 300, 5, 24 * 60 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": JOB_REDELIVER_SECONDS,
    "unacked_restore_interval": max(1, min(10, JOB_REDELIVER_SECONDS // 2)),
    "unacked_restore_throttle": 1,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TASK_DEFAULT_QUEUE = "verbonden-partijen"
# Finished jobs (and their files) are kept this many days, then removed (core/jobs.py, prune_jobs).
JOB_KEEP_DAYS = _int("JOB_KEEP_DAYS", 7, 1, 365)

# The register at a past date (?peildatum=): reads go to a snapshot rebuilt from the history tables,
# kept as one SQLite file per peildatum in this folder (core/peildatum.py).
DATABASE_ROUTERS = ["core.peildatum.PeildatumRouter"]
PEILDATUM_DIR = env.path("PEILDATUM_DIR", default=BASE_DIR / "peildatum")
# On PostgreSQL the snapshots are kept in the database too, so one built by any app server is used by
# all; PEILDATUM_DIR then holds each server's copies (core/peildatum_store.py, SnapshotTable).
PEILDATUM_IN_DATABASE = _bool("PEILDATUM_IN_DATABASE", ON_POSTGRESQL)
# Bounds on those snapshots, in the database and in each folder (core/peildatum_store.py): the least
# recently used go beyond this many or this many MB together; one user makes at most this many new ones an hour.
PEILDATUM_MAX_SNAPSHOTS = _int("PEILDATUM_MAX_SNAPSHOTS", 50, 1, 100_000)
PEILDATUM_MAX_MB = _int("PEILDATUM_MAX_MB", 500, 1, 1_000_000)
PEILDATUM_NEW_PER_HOUR = _int("PEILDATUM_NEW_PER_HOUR", 20, 1, 100_000)

# The admin shows every version of a record but does not revert to one: a revert would bypass the
# checks that span rows (the 100% share trigger) and the import's plan; corrections are new edits.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Import of an existing register (importer/): the largest file in MB and the most rows.
IMPORT_MAX_MB = _int("IMPORT_MAX_MB", 10, 1, 200)
IMPORT_MAX_ROWS = _int("IMPORT_MAX_ROWS", 100_000, 1, 1_000_000)
# The limit holds while a file arrives: a larger one is stopped, not first stored whole.
FILE_UPLOAD_HANDLERS = [
    "core.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Security headers and cookies; `manage.py check --deploy` passes without warnings in production.
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = _proxy_ssl_header("SECURE_PROXY_SSL_HEADER")
SECURE_HSTS_SECONDS = _int("HSTS_SECONDS", 31_536_000 if HTTPS else 0, 0, 63_072_000)
# Both act only on this host name and its subdomains; preload means something only once the
# domain is submitted to the browsers' preload list, which is the gemeente's own decision.
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Sessions end after this many minutes without a request; a request moves the end forward
# (accounts/sessions.py, at most one write a minute).
SESSION_IDLE_MINUTES = _int("SESSION_IDLE_MINUTES", 30, 2, 24 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60

# Content-Security-Policy (django-csp): scripts, styles, images and fonts only from this site,
# nothing inline; risk-level colours come from a stylesheet (risks/views.py, level_styles).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Brute-force protection on login (django-axes): after AXES_FAILURE_LIMIT failed attempts for one
# username from one address, that combination is locked for AXES_COOLOFF_MINUTES. Username and
# address together, so one office address (many civil servants behind one gateway) is never locked whole.
AXES_FAILURE_LIMIT = _int("AXES_FAILURE_LIMIT", 5, 1, 100)
AXES_COOLOFF_TIME = timedelta(minutes=_int("AXES_COOLOFF_MINUTES", 15, 1, 24 * 60))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_VERBOSE = False

# Two-factor authentication (TOTP, django-otp) for everyone who uses /admin/. Off by default only
# with DEBUG or DEMO, so the demo beheerder of `make run` reaches the admin without an authenticator app.
ADMIN_TWO_FACTOR = _bool("ADMIN_TWO_FACTOR", not (DEBUG or DEMO))

# What the demo banner names (templates/includes/demo_banner.html): the relaxations in force.
DEMO_RELAXATIONS = [
    text
    for relaxed, text in (
        (not HTTPS, "http in plaats van https"),
        (not ADMIN_TWO_FACTOR, "geen tweestapsverificatie"),
    )
    if relaxed
]
OTP_TOTP_ISSUER = "Register verbonden partijen"

# Login through the gemeente's own identity provider (OpenID Connect, mozilla-django-oidc), one or more per
# installation: a JSON list in OIDC_PROVIDERS, or the path of a JSON file with that list in
# OIDC_PROVIDERS_FILE (keeps the client secrets out of the environment). Each entry is checked here, so a
# mistake stops the start (accounts/oidc.py, parse_providers; the keys are in README). None: only the
# local password login, as before.
_oidc_raw = env.str("OIDC_PROVIDERS", default="").strip()
_oidc_file = env.str("OIDC_PROVIDERS_FILE", default="").strip()
if _oidc_raw and _oidc_file:
    raise ImproperlyConfigured("Zet OIDC_PROVIDERS of OIDC_PROVIDERS_FILE, niet allebei.")
if _oidc_file:
    try:
        _oidc_raw = Path(_oidc_file).read_text(encoding="utf-8")
    except OSError as exc:
        raise ImproperlyConfigured(f"OIDC_PROVIDERS_FILE={_oidc_file!r} is niet te lezen: {exc}") from exc
OIDC_PROVIDERS = parse_providers(_oidc_raw)
# Seconds to wait for an identity provider (token, userinfo, keys, discovery) before the login fails.
OIDC_TIMEOUT = _int("OIDC_TIMEOUT", 10, 1, 120)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint and fontTools report every rendering step at INFO; only their warnings matter here.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "weasyprint.progress", "fontTools")},
}


# --- The API (/api/v1, api/) -------------------------------------------------------------------------
# Read endpoints for logged-in users (the session of the register), scoped as the pages are; errors as
# problem details (api/problems.py); pages of 50 (api/pagination.py).
REST_FRAMEWORK = {
    # The session of the pages, and a party's API key (api/authentication.py) for the API only.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "api.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "api.problems.handle",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Register verbonden partijen",
    "DESCRIPTION": "De verbonden partijen van gemeenten (BBV art. 15, Wgr): partijen, deelnames, financiële "
    "gegevens, vertegenwoordiging, documenten van de P&C-cyclus en risico's. Volgens de NL GOV API Design Rules.",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
    "CONTACT": {"name": "Functioneel beheer van het register"},
}
