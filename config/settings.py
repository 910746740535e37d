"""Settings for the verbonden-partijen register, read from the environment (twelve-factor).

Every variable is documented in README.md. A wrong value stops the start with a clear message.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

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

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is verplicht als DEBUG uit staat. Zet SECRET_KEY in de omgeving of in .env."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a lock instead of failing at once when a second request writes.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "partners",
    "governance",
    "risks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
            ],
            "builtins": ["partners.templatetags.register_tags"],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
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

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Django 6 behaviour now: a URL typed without a scheme gets https://.
FORMS_URLFIELD_ASSUME_HTTPS = True

# Rows per page in the register lists.
PAGE_SIZE = _int("PAGE_SIZE", 50, 1, 1000)

# The year the register shows by default (begroting of this year); defaults to the current year.
REPORT_YEAR = _int("REPORT_YEAR", 0, 0, 2100) or None

# Cache of rendered reports (governance/report_cache.py). The default keeps it in each process's
# memory; with several worker processes use a shared cache (filecache:///pad, rediscache://…), or a
# change saved through one worker would not invalidate the reports cached by another.
try:
    CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
except Exception as exc:  # django-environ raises several types for a malformed URL
    raise ImproperlyConfigured(f"CACHE_URL is ongeldig: {exc}") from exc

# Import of an existing register (partners/importer): the largest file in MB and the most rows.
IMPORT_MAX_MB = _int("IMPORT_MAX_MB", 10, 1, 200)
IMPORT_MAX_ROWS = _int("IMPORT_MAX_ROWS", 100_000, 1, 1_000_000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
