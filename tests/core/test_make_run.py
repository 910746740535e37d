"""`make run` serves the demo as production does (DEBUG off, gunicorn), with DEMO on; `make dev` is the
developers' server with DEBUG on. The browser suite starts its demo server the same way
(tests/browser/conftest.py, MAKE_RUN_ENV and MAKE_RUN_SERVER); this test keeps the two in step."""

import re
from pathlib import Path

from tests.browser.conftest import MAKE_RUN_ENV, MAKE_RUN_SERVER

MAKEFILE = (Path(__file__).resolve().parents[2] / "Makefile").read_text()


def target(name: str) -> str:
    match = re.search(rf"^{name}:.*\n((?:\t.*\n)+)", MAKEFILE, re.MULTILINE)
    assert match, f"geen target {name} in de Makefile"
    return match.group(1)


def test_make_run_serves_the_demo_with_debug_off_under_gunicorn_as_the_browser_suite_does():
    demo_env = re.search(r"^DEMO_ENV = (.*)$", MAKEFILE, re.MULTILINE).group(1)
    for key, value in MAKE_RUN_ENV.items():
        assert f"{key}={value}" in demo_env
    assert "SECRET_KEY=" in demo_env
    run = target("run")
    assert "collectstatic" in run
    assert "load_demo --host $(HOST) --port $(PORT)" in run
    server = " ".join(MAKE_RUN_SERVER).replace("127.0.0.1:{port}", "$(HOST):$(PORT)")
    assert f"$(DEMO_ENV) $(BIN)/{server}" in run
    assert "DEBUG=true" not in run


def test_make_dev_is_the_development_server_with_debug_on():
    dev = target("dev")
    assert "DEBUG=true $(BIN)/python manage.py runserver" in dev
