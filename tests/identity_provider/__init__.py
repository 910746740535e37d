"""A real OpenID Connect provider for the tests (django-oidc-provider in a small Django site of its own,
with its own SQLite file), started as a subprocess by tests/accounts/test_oidc_login.py (serve.py)."""
