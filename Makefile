# Two commands for a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes for `make test` (pytest-xdist); 0 runs the suite in one process.
TEST_WORKERS ?= auto

.PHONY: run test install lint browser bench prod clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Set up, migrate a SQLite database, load demo data and users, and serve on http://127.0.0.1:8000/
run: $(STAMP)
	DEBUG=true $(BIN)/python manage.py migrate --no-input
	DEBUG=true $(BIN)/python manage.py load_demo
	@echo ""
	@echo "  Het register draait op http://$(HOST):$(PORT)/  (stoppen met Ctrl+C)"
	@echo ""
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

## Production shape on one machine (Procfile, honcho): gunicorn (gthread), a Celery worker and, if none
## answers on 127.0.0.1:6379, Redis; on PostgreSQL. Stop with Ctrl+C.
PROD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/verbonden_partijen
PROD_ENV = DEBUG=false HTTPS=false ALLOWED_HOSTS=127.0.0.1,localhost \
	DATABASE_URL=$${DATABASE_URL:-$(PROD_DATABASE_URL)} \
	CACHE_URL=$${CACHE_URL:-redis://127.0.0.1:6379/1} CELERY_BROKER_URL=$${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0} \
	SECRET_KEY=$${SECRET_KEY:-$$(cat .prod-secret-key)}
prod: $(STAMP)
	test -s .prod-secret-key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > .prod-secret-key
	$(PROD_ENV) $(BIN)/python scripts/ensure_database.py
	$(PROD_ENV) $(BIN)/python manage.py migrate --no-input
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@echo ""
	@echo "  Het register draait op http://$${WEB_BIND:-127.0.0.1:8000}/ met gunicorn, een Celery-werkproces en Redis (stoppen met Ctrl+C)"
	@echo ""
	$(PROD_ENV) $(BIN)/honcho start

## Set up and run the whole suite (ruff, then pytest) on the database in DATABASE_URL (default SQLite)
test: $(STAMP)
	$(BIN)/ruff check .
	SECRET_KEY=test-only-secret DEBUG=false $(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

## Browser tests in headless Chromium (Debian's chromium, never a downloaded browser)
browser: $(STAMP)
	SECRET_KEY=test-only-secret $(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

## Benchmarks that print figures (not tests)
bench: $(STAMP)
	SECRET_KEY=bench-only-secret $(BIN)/python bench/register.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
