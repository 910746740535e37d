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

.PHONY: run dev test install lint browser bench clean

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
