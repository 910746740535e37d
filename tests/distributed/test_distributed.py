"""The production shape, for real: two gunicorn instances (A and B) and a Celery worker on one PostgreSQL
database and Redis (cache and broker), as separate processes. Shows that a change through A shows at once
through B, that a PDF asked through A is made by the worker while B serves pages, that a worker killed
with SIGKILL in the middle of a PDF leaves the job to be finished after a restart with one result, and that
an import confirmed while the worker restarts is applied exactly once.

Run by .ci/run (`pytest -m distributed tests/distributed`); needs PostgreSQL and Redis. The database is
DISTRIBUTED_DATABASE_URL (made afresh), Redis is DISTRIBUTED_REDIS_URL with databases 11 (cache) and 12 (broker).
"""

import contextlib
import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

from tests.importer.importing import row, xlsx

pytestmark = pytest.mark.distributed

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get(
    "DISTRIBUTED_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/verbonden_partijen_distributed"
)
REDIS_URL = os.environ.get("DISTRIBUTED_REDIS_URL", "redis://127.0.0.1:6379")
# Redis databases of their own (the suite's shared-cache test clears 14).
CACHE_DB, BROKER_DB = 11, 12
GRONINGEN = "GM0014"
YEAR = 2026


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    env.update(
        DEBUG="false",
        HTTPS="false",
        ADMIN_TWO_FACTOR="false",
        SECRET_KEY="distributed-test-secret-key-shared-by-every-process-0123456789",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=DATABASE_URL,
        CACHE_URL=f"{REDIS_URL}/{CACHE_DB}",
        CELERY_BROKER_URL=f"{REDIS_URL}/{BROKER_DB}",
        # A worker killed whole gives its task back after this many seconds (kept short for the test).
        JOB_REDELIVER_SECONDS="8",
        PEILDATUM_DIR=str(ROOT / "bench" / "out" / "peildatum-distributed"),
        LOG_LEVEL="WARNING",
    )
    return env


def fresh_database() -> None:
    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def manage(*args) -> None:
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=environment(), check=True, capture_output=True)


def query(statement: str, params=()):
    with psycopg.connect(urlunsplit(urlsplit(DATABASE_URL)._replace(scheme="postgresql"))) as connection:
        return connection.execute(statement, params).fetchall()


class Processes:
    """The gunicorn instances and the worker, each in its own process group."""

    def __init__(self):
        self.running = {}
        self.logs = ROOT / "bench" / "out"
        self.logs.mkdir(parents=True, exist_ok=True)

    def start(self, name: str, command: list) -> subprocess.Popen:
        log = open(self.logs / f"distributed-{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.running[name] = process
        return process

    def gunicorn(self, name: str) -> str:
        port = free_port()
        self.start(
            name,
            [BIN / "gunicorn", "config.wsgi", "--worker-class", "gthread", "--workers", "1", "--threads", "4",
             "--bind", f"127.0.0.1:{port}", "--timeout", "120"],
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: answers(base), what=f"gunicorn {name}")
        return base

    def worker(self) -> None:
        log = self.logs / "distributed-worker.log"
        before = log.stat().st_size if log.exists() else 0
        self.start(
            "worker",
            [BIN / "celery", "-A", "config", "worker", "--concurrency", "1", "--pool", "prefork",
             "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "INFO"],
        )  # fmt: skip
        wait_for(lambda: b"ready" in log.read_bytes()[before:], what="celery worker")

    def kill(self, name: str, sig=signal.SIGKILL) -> None:
        process = self.running.pop(name)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        process.wait(timeout=30)

    def stop_all(self) -> None:
        for name in list(self.running):
            self.kill(name, signal.SIGTERM)


def answers(base: str) -> bool:
    try:
        urllib.request.urlopen(base + "/inloggen/", timeout=2)
        return True
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def wait_for(condition, *, what: str, timeout: float = 90, interval: float = 0.3):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"{what}: niet binnen {timeout} s")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A logged-in user against one base URL; the session cookie works on any instance (shared database)."""

    def __init__(self, base: str, jar: CookieJar | None = None):
        self.base, self.jar = base, jar or CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def on(self, base: str) -> "Browser":
        return Browser(base, self.jar)

    def request(self, path: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as answer:
            response = answer
        return response.status, dict(response.headers), response.read()

    def get(self, path: str):
        return self.request(path)

    def csrf(self) -> str:
        """The CSRF cookie's value, which Django also takes as the form's token."""
        for _ in range(2):
            for cookie in self.jar:
                if cookie.name == "csrftoken":
                    return cookie.value
            self.get("/inloggen/")
        raise AssertionError("geen CSRF-cookie")

    def post(self, path: str, fields: dict, files: dict | None = None):
        fields = {"csrfmiddlewaretoken": self.csrf(), **fields}
        if not files:
            return self.request(path, urllib.parse.urlencode(fields).encode())
        boundary = uuid.uuid4().hex
        parts = []
        for key, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
        for key, (filename, content) in files.items():
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; filename="{filename}"\r\n'
            parts.append(head.encode() + b"Content-Type: application/octet-stream\r\n\r\n" + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def login(self, username: str, password: str) -> "Browser":
        status, headers, _ = self.post("/inloggen/", {"username": username, "password": password})
        assert status == 302, f"inloggen als {username} mislukt"
        return self


@pytest.fixture(scope="module")
def cluster():
    import redis

    fresh_database()
    manage("migrate", "--no-input")
    manage("load_demo", "--force")
    for db in (CACHE_DB, BROKER_DB):
        redis.Redis.from_url(f"{REDIS_URL}/{db}").flushdb()
    processes = Processes()
    try:
        a, b = processes.gunicorn("a"), processes.gunicorn("b")
        processes.worker()
        yield processes, a, b
    finally:
        processes.stop_all()


def job_id(location: str) -> str:
    return re.fullmatch(r"/rapporten/([0-9a-f-]{36})/", location).group(1)


def job_row(pk: str) -> dict:
    (status, steps_done, attempts, size, key) = query(
        "SELECT status, steps_done, attempts, octet_length(result), key FROM core_job WHERE id = %s", [pk]
    )[0]
    return {"status": status, "steps_done": steps_done, "attempts": attempts, "size": size, "key": key}


def wait_done(pk: str, timeout: float = 120) -> dict:
    return wait_for(
        lambda: (lambda j: j if j["status"] in ("klaar", "mislukt") else None)(job_row(pk)),
        what=f"taak {pk}",
        timeout=timeout,
    )


def test_a_change_through_a_shows_at_once_through_b(cluster):
    _, a, b = cluster
    beheer_a = Browser(a).login("beheer", "beheer-demo-2026")
    beheer_b = beheer_a.on(b)
    status, _, page = beheer_b.get(f"/gemeenten/{GRONINGEN}/")  # now in the shared cache
    assert status == 200 and b"Distributiedienst Noord" not in page
    party = row("Partijen", naam="Distributiedienst Noord", rechtsvorm="Openbaar lichaam", vestigingsplaats="Zuidhorn")
    share = row("Deelnames", partij="Distributiedienst Noord", deelnemer=GRONINGEN, aandeel="10%")
    workbook = xlsx({"Partijen": [party], "Deelnames": [share]})
    status, headers, _ = beheer_a.post("/import/", {}, files={"file": ("noord.xlsx", workbook)})
    assert status == 302
    run = headers["Location"]
    wait_for(lambda: b"Geen fouten gevonden" in beheer_a.get(run)[2], what="controle van de import")
    status, headers, _ = beheer_a.post(run + "bevestigen/", {})
    wait_done(job_id(headers["Location"]))
    status, _, page = beheer_b.get(f"/gemeenten/{GRONINGEN}/")
    assert status == 200 and b"Distributiedienst Noord" in page


def test_a_pdf_asked_through_a_is_made_by_the_worker_while_b_serves_pages(cluster):
    _, a, b = cluster
    reader_a = Browser(a).login("beleid", "beleid-demo-2026")
    reader_b = reader_a.on(b)
    status, headers, _ = reader_a.get(f"/gemeenten/{GRONINGEN}/rapportage/{YEAR}/begroting.pdf")
    assert status == 302
    pk = job_id(headers["Location"])
    served_while_running, slowest = 0, 0.0
    while job_row(pk)["status"] in ("wachtend", "bezig"):
        started = time.monotonic()
        status, _, _ = reader_b.get("/partijen/")
        slowest = max(slowest, time.monotonic() - started)
        assert status == 200
        served_while_running += job_row(pk)["status"] == "bezig"
    print(f"\n/partijen/ via B tijdens de PDF: {served_while_running} verzoeken, traagste {slowest * 1000:.0f} ms")
    assert served_while_running >= 3
    assert job_row(pk)["status"] == "klaar"
    status, headers, body = reader_b.get(f"/rapporten/{pk}/bestand")
    assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    assert b"Rapport wordt gemaakt" not in reader_b.get(f"/rapporten/{pk}/")[2]
    # Another user of another gemeente does not get it.
    other = Browser(b).login("beleid-oldambt", "oldambt-demo-2026")
    assert other.get(f"/rapporten/{pk}/bestand")[0] == 404


def test_a_worker_killed_in_the_middle_of_a_pdf_leaves_the_job_finished_after_a_restart_with_one_result(cluster):
    processes, a, _ = cluster
    controller = Browser(a).login("controller", "controller-demo-2026")
    status, headers, _ = controller.get(f"/gemeenten/{GRONINGEN}/rapportage/{YEAR}/jaarstukken.pdf?versie=intern")
    pk = job_id(headers["Location"])
    wait_for(lambda: job_row(pk)["status"] == "bezig", what="taak begonnen", interval=0.05)
    processes.kill("worker", signal.SIGKILL)  # the main process and its pool child at once
    killed = job_row(pk)
    assert killed["status"] == "bezig" and killed["size"] is None
    processes.worker()
    job = wait_done(pk)
    assert job["status"] == "klaar" and job["attempts"] == 2 and job["size"] > 1000
    assert query("SELECT count(*) FROM core_job WHERE key = %s", [job["key"]]) == [(1,)]
    status, headers, body = controller.get(f"/rapporten/{pk}/bestand")
    assert headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    assert b"Rapport wordt gemaakt" not in controller.get(f"/rapporten/{pk}/")[2]


def test_an_import_confirmed_while_the_worker_restarts_is_applied_exactly_once(cluster):
    processes, a, b = cluster
    beheer = Browser(a).login("beheer", "beheer-demo-2026")
    workbook = xlsx(
        {
            "Partijen": [
                row("Partijen", naam="Herstartdienst", rechtsvorm="Openbaar lichaam", vestigingsplaats="Ten Boer")
            ]
        }
    )
    status, headers, _ = beheer.post("/import/", {}, files={"file": ("herstart.xlsx", workbook)})
    run = headers["Location"]
    wait_for(lambda: b"Geen fouten gevonden" in beheer.get(run)[2], what="controle van de import")
    processes.kill("worker", signal.SIGTERM)
    # Confirmed twice while no worker runs (a double click): both wait in the queue.
    first = beheer.post(run + "bevestigen/", {})[1]["Location"]
    second = beheer.on(b).post(run + "bevestigen/", {})[1]["Location"]
    assert first == second, "dezelfde bevestiging is één taak"
    pk = job_id(first)
    assert job_row(pk)["status"] == "wachtend"
    processes.worker()
    job = wait_done(pk)
    assert job["status"] == "klaar"
    assert query("SELECT count(*) FROM partners_party WHERE name = 'Herstartdienst'") == [(1,)]
    logged = query("SELECT count(*) FROM django_admin_log WHERE change_message LIKE %s", ["%herstart.xlsx%"])
    assert logged == [(1,)]
    # The same message delivered once more (a redelivery) changes nothing.
    from celery import Celery

    sender = Celery(broker=f"{REDIS_URL}/{BROKER_DB}")
    sender.send_task("core.tasks.run_job", args=[pk], queue="verbonden-partijen")
    time.sleep(3)
    assert query("SELECT count(*) FROM partners_party WHERE name = 'Herstartdienst'") == [(1,)]
    assert query("SELECT count(*) FROM django_admin_log WHERE change_message LIKE %s", ["%herstart.xlsx%"]) == [(1,)]
    page = html.unescape(beheer.get(run)[2].decode())
    assert "Uitgevoerd" in page
