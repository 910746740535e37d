# Two commands for a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes for `make test` (pytest-xdist); 0 runs the suite in one process.
TEST_WORKERS ?= auto

# The demo of `make run`: production settings (DEBUG off, the Dutch error pages, static files from
# WhiteNoise under gunicorn) with the relaxations DEMO=true names in its banner (plain http, no second
# factor). Its secret key is generated once into a git-ignored file.
DEMO_SECRET := .demo-secret-key
DEMO_ENV = DEMO=true DEBUG=false SECRET_KEY="$$(cat $(DEMO_SECRET))"

.PHONY: run dev prod test install lint browser bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

$(DEMO_SECRET):
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

## Set up, migrate a SQLite database, load demo data and users, and serve the demo as in production
## (gunicorn, DEBUG off) on http://127.0.0.1:8000/
run: $(STAMP) $(DEMO_SECRET)
	$(DEMO_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEMO_ENV) $(BIN)/python manage.py collectstatic --no-input -v 0
	$(DEMO_ENV) $(BIN)/python manage.py load_demo --host $(HOST) --port $(PORT)
	@echo ""
	@echo "  Het register draait op http://$(HOST):$(PORT)/  (stoppen met Ctrl+C)"
	@echo ""
	$(DEMO_ENV) $(BIN)/gunicorn config.wsgi -w 2 -b $(HOST):$(PORT) --timeout 120 --access-logfile -

## For developers: the same demo under Django's development server with DEBUG on (technical error
## pages, reloading on every change)
dev: $(STAMP)
	DEBUG=true $(BIN)/python manage.py migrate --no-input
	DEBUG=true $(BIN)/python manage.py load_demo --host $(HOST) --port $(PORT)
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
	rm -rf $(VENV) db.sqlite3 staticfiles $(DEMO_SECRET)
