"""Settings of the test identity provider: its own database (IDP_DB) and the claims file (IDP_CLAIMS)."""

import os
from pathlib import Path

SECRET_KEY = "identity-provider-for-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.identity_provider.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["IDP_DB"]}}
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent / "templates"],
        "APP_DIRS": True,
    }
]
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
LOGIN_URL = "/login/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; test users only
OIDC_EXTRA_SCOPE_CLAIMS = "tests.identity_provider.claims.RegisterScopeClaims"
OIDC_IDTOKEN_PROCESSING_HOOK = "tests.identity_provider.claims.add_amr"
OIDC_USERINFO = "tests.identity_provider.claims.userinfo"
LOGGING = {"version": 1, "disable_existing_loggers": True}
# Cookies are per host, not per port: on 127.0.0.1 beside the register, its own names keep both sessions.
SESSION_COOKIE_NAME = "idp_sessionid"
CSRF_COOKIE_NAME = "idp_csrftoken"
