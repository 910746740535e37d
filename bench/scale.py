"""Every benchmark of the production shape at national scale in one run, each with its target and PASS/FAIL.

On the national-scale register of bench/register.py (PostgreSQL, its own database, built on the first
run and reused), it prints:

1. the list page, the factsheet of the party with 342 deelnemers and the page of the gemeente with the
   most deelnames, each request the first after a change to the register (nothing from the cache):
   median server time and CPU time, through Django's test client in this process (target: median
   <= 50 ms);
2. as in production (`make prod`): gunicorn (gthread) and a Celery worker on PostgreSQL and Redis, with
   persistent database connections. With `wrk`, the throughput of the list page and of the floor view
   (Mijn rapporten of a user without jobs: the session, the user, one query and the page's frame) in
   the same server, one after the other (target: the list >= 50% of the floor);
3. the paragraaf PDF of the gemeente with the most deelnames, made alone by the worker: its time and
   the worker's peak memory (targets: <= 5 s, <= 300 MiB);
4. the list page (p50, p99, errors) while the worker makes 10 paragraaf PDFs of that gemeente (five
   years, begroting and jaarstukken), and the peak RSS of each web worker (targets: p99 <= 300 ms,
   0 errors, <= 200 MiB).

The machine's load average is printed at the start and the end: on a busy machine the server times are
well above the CPU times, so take the figures on a quiet one. A script that prints figures, not a test.

    SECRET_KEY=bench-only-secret .venv/bin/python bench/scale.py \\
        --database-url postgres://postgres@127.0.0.1:5432/vp_bench
"""

import argparse
import http.client
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import load  # noqa: E402  (bench/load.py: wrk, RSS of workers, logging in)
import register as national  # noqa: E402  (bench/register.py: the national-scale generator)

USERNAME, PASSWORD = load.USERNAME, load.PASSWORD
FLOOR_USERNAME = "vloer"

TARGET_PAGE_MS = 50
TARGET_THROUGHPUT_RATIO = 0.5
TARGET_P99_MS = 300
TARGET_WEB_RSS_MIB = 200
TARGET_PDF_S = 5
TARGET_PDF_RSS_MIB = 300


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/vp_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379", help="cache in db 11, broker in db 12")
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--runs", type=int, default=20, help="gemeten verzoeken per pagina (stap 1)")
    parser.add_argument("--duration", type=int, default=15, help="seconden wrk per pagina (stap 2)")
    parser.add_argument("--connections", type=int, default=8, help="verbindingen van wrk (stap 2)")
    parser.add_argument("--clients", type=int, default=4, help="clients op de lijst tijdens de PDF's (stap 4)")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--web-threads", type=int, default=4)
    parser.add_argument("--celery-workers", type=int, default=2)
    parser.add_argument("--pdfs", type=int, default=10, help="paragraaf-PDF's tegelijk (stap 4)")
    parser.add_argument("--only", choices=["pages", "server"], help="alleen stap 1, of alleen stap 2–4")
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgres"):
        parser.error("de metingen gelden voor PostgreSQL, zoals in productie: geef postgres://…/naam")
    if args.only != "pages" and not shutil.which("wrk"):
        parser.error("wrk ontbreekt: apt-get install -y wrk")
    return args


class Verdicts:
    def __init__(self):
        self.rows = []

    def add(self, label: str, value: str, target: str, ok: bool) -> None:
        self.rows.append((label, value, target, ok))
        print(f"  {label:<58} {value:>14}  doel {target:<10} {'PASS' if ok else 'FAIL'}", flush=True)

    def summary(self) -> int:
        failed = [label for label, _v, _t, ok in self.rows if not ok]
        print()
        print("Samenvatting")
        for label, value, target, ok in self.rows:
            print(f"  {'PASS' if ok else 'FAIL'}  {label}: {value} (doel {target})")
        print("Alle doelen gehaald." if not failed else f"{len(failed)} van {len(self.rows)} doelen gemist.")
        return 1 if failed else 0


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" op {os.cpu_count()} cores"


# --- the register -------------------------------------------------------------------------------


def prepare(args) -> dict:
    national.prepare_database(args.database_url, False)
    # The cache of production (Redis) also for the requests measured in this process.
    os.environ["CACHE_URL"] = f"{args.redis_url}/11"
    national.setup_django(args.database_url)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count

    from core.models import Job
    from partners.models import Participant, Party

    call_command("migrate", verbosity=0, interactive=False)
    if not national.register_is_complete():
        if Party.objects.exists():
            sys.exit("De benchmarkdatabase is onvolledig; draai bench/register.py --regenerate.")
        print("Register op landelijke schaal genereren …", flush=True)
        national.generate_register(2025)
    national.ensure_populations(2025)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    users = get_user_model().objects
    user, _ = users.update_or_create(username=USERNAME, defaults={"is_superuser": True, "is_active": True})
    user.set_password(PASSWORD)
    user.save()
    floor, _ = users.update_or_create(username=FLOOR_USERNAME, defaults={"is_superuser": True, "is_active": True})
    floor.set_password(PASSWORD)
    floor.save()
    # Jobs of an earlier run would be reused, and the floor user has none.
    Job.objects.filter(owner__in=[user, floor]).delete()
    party = Party.objects.annotate(n=Count("participations")).order_by("-n", "pk").first()
    gemeente = national.busiest_municipality()
    gemeente.n = Participant.objects.get(pk=gemeente.pk).participations.count()
    return {"user": user, "party": party, "gemeente": gemeente}


# --- 1. pages, the first request after a change -------------------------------------------------


def measure_pages(args, target: dict, verdicts: Verdicts) -> None:
    from django.test import Client

    party, gemeente = target["party"], target["gemeente"]
    client = Client()
    client.force_login(target["user"])
    pages = [
        ("Lijst van partijen", "/partijen/"),
        (f"Factsheet ({party.n} deelnemers)", party.get_absolute_url()),
        (f"Gemeentepagina {gemeente.code} ({gemeente.n} deelnames)", gemeente.get_absolute_url()),
    ]
    print(f"\n1. Eerste verzoek na een wijziging, {args.runs} keer per pagina (testclient in dit proces)")
    for label, url in pages:
        result = national.measure(client, label, url, runs=args.runs, target_ms=TARGET_PAGE_MS, cold=True)
        cpu = statistics.median(result.cpu_ms)
        verdicts.add(
            f"{label}, mediaan (cpu {cpu:.1f} ms, {result.queries} queries)",
            f"{result.median:.1f} ms",
            f"<= {TARGET_PAGE_MS} ms",
            result.median <= TARGET_PAGE_MS,
        )


# --- 2-4. gunicorn and Celery -------------------------------------------------------------------


def environment(args) -> dict:
    return {
        **os.environ,
        "DEBUG": "false",
        "HTTPS": "false",
        "ADMIN_TWO_FACTOR": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": args.database_url,
        "CACHE_URL": f"{args.redis_url}/11",
        "CELERY_BROKER_URL": f"{args.redis_url}/12",
        "LOG_LEVEL": "WARNING",
    }


def procfile_command(name: str) -> list[str]:
    """The web or worker line of the Procfile (what `make prod` runs); its numbers come from the environment."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return ["bash", "-c", "exec " + line.partition(":")[2].strip()]
    sys.exit(f"Geen regel '{name}:' in de Procfile.")


def start_servers(args) -> tuple[subprocess.Popen, subprocess.Popen]:
    env = environment(args)
    env.update(
        WEB_WORKERS=str(args.web_workers),
        WEB_THREADS=str(args.web_threads),
        WEB_BIND=f"127.0.0.1:{args.port}",
        WORKER_CONCURRENCY=str(args.celery_workers),
    )
    for db in (11, 12):
        subprocess.run(["redis-cli", "-u", f"{args.redis_url}/{db}", "flushdb"], check=True, capture_output=True)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    web = subprocess.Popen(procfile_command("web"), cwd=ROOT, env=env, start_new_session=True, **quiet)
    worker = subprocess.Popen(procfile_command("worker"), cwd=ROOT, env=env, start_new_session=True, **quiet)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=5)
            connection.request("GET", "/inloggen/")
            if connection.getresponse().status == 200:
                return web, worker
        except OSError:
            pass
        if web.poll() is not None:
            break
        time.sleep(0.5)
    stop(web)
    stop(worker)
    sys.exit("gunicorn antwoordde niet binnen 90 s.")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def descendants(pid: int) -> list[int]:
    """The worker processes under `pid` (gunicorn's and Celery's children; the Procfile's shell execs)."""
    found, todo = [], [pid]
    while todo:
        children = load.worker_pids(todo.pop())
        found += children
        todo += children
    return found


class Peaks:
    """The highest RSS of any one process under each of the given parents, sampled every 100 ms."""

    def __init__(self, **parents):
        self.parents, self.peak = parents, dict.fromkeys(parents, 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            for name, pid in self.parents.items():
                for child in descendants(pid):
                    self.peak[name] = max(self.peak[name], load.memory_kib(child, "VmRSS"))
            time.sleep(0.1)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def mib(self, name: str) -> float:
        return self.peak[name] / 1024


def cpu_seconds(pids: list[int]) -> float:
    """utime + stime of processes (in seconds), from /proc."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def log_in(base: str, username: str) -> str:
    load.USERNAME, load.PASSWORD = username, PASSWORD
    return load.log_in(base)


def throughput(args, base: str, cookies: dict, verdicts: Verdicts) -> None:
    print(f"\n2. Doorvoer met wrk: {args.duration} s per pagina, {args.connections} verbindingen, 2 threads")
    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "count.lua"
        script.write_text(load.WRK_SCRIPT)
        runs = [
            ("floor", "vloer: Mijn rapporten zonder taken", "/rapporten/", cookies["floor"]),
            ("list", "Lijst van partijen", "/partijen/", cookies["user"]),
        ]
        for key, label, path, cookie in runs:
            load.fetch(base + path, cookie)
            r = load.run_wrk(base + path, cookie, args, script)
            rates[key] = r["rps"]
            print(f"  {label:<40} {r['rps']:>8.1f} verz./s  p50 {r['p50']:>6.1f} ms  p99 {r['p99']:>6.1f} ms  "
                  f"niet-200 {r['not_200'] + r['socket_errors']}", flush=True)  # fmt: skip
            if r["not_200"] or r["socket_errors"]:
                verdicts.add(f"{label}: antwoorden niet 200", str(r["not_200"] + r["socket_errors"]), "0", False)
    ratio = rates["list"] / rates["floor"] if rates["floor"] else 0
    verdicts.add(
        f"Lijst {rates['list']:.0f} verz./s tegen vloer {rates['floor']:.0f} verz./s",
        f"{ratio:.0%}",
        f">= {TARGET_THROUGHPUT_RATIO:.0%}",
        ratio >= TARGET_THROUGHPUT_RATIO,
    )


def request_pdf(base: str, cookie: str, path: str):
    """Ask for a PDF: the answer is a redirect to the job's status page (core/jobs.py)."""
    from core.models import Job

    status, _type, _body, _seconds = load.fetch(base + path, cookie)
    if status not in (200, 302):
        sys.exit(f"{path} gaf {status}")
    return Job.objects.filter(params__path=path.removesuffix(".pdf")).order_by("-created_at").first()


def wait_for(jobs, timeout: float = 900) -> list:
    from core.models import Job

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = list(Job.objects.filter(pk__in=[job.pk for job in jobs]))
        if all(row.status in (Job.Status.DONE, Job.Status.FAILED) for row in rows):
            return rows
        time.sleep(0.2)
    sys.exit("De PDF's waren niet binnen 15 minuten klaar.")


def new_data_version() -> None:
    """A change to the register as another server makes it: the next PDFs are made anew."""
    from django.db import transaction

    from core.register_cache import bump_version

    with transaction.atomic():
        bump_version()


def single_pdf(args, base, cookie, target, worker, verdicts) -> None:
    from core.models import Job
    from core.periods import report_year

    gemeente = target["gemeente"]
    path = f"/gemeenten/{gemeente.code}/rapportage/{report_year()}/begroting.pdf"
    print(f"\n3. Paragraaf-PDF van {gemeente.code} ({gemeente.n} deelnames), alleen, door de Celery-worker")
    new_data_version()
    pids = descendants(worker.pid)
    cpu_before = cpu_seconds(pids)
    with Peaks(worker=worker.pid) as peaks:
        job = request_pdf(base, cookie, path)
        (job,) = wait_for([job])
    cpu = cpu_seconds(pids) - cpu_before
    ok = job.status == Job.Status.DONE and bytes(job.result or b"").startswith(b"%PDF")
    seconds = (job.finished_at - job.started_at).total_seconds() if job.started_at and job.finished_at else 0
    size = len(job.result or b"") / 1024
    print(f"  {path}: {job.status}, {size:.0f} kB, {seconds:.2f} s in de worker ({cpu:.2f} s cpu van de worker)")
    verdicts.add("Paragraaf-PDF, tijd in de worker", f"{seconds:.2f} s", f"<= {TARGET_PDF_S} s", ok and seconds <= 5)
    verdicts.add(
        "Paragraaf-PDF, piek-RSS van het werkproces",
        f"{peaks.mib('worker'):.0f} MiB",
        f"<= {TARGET_PDF_RSS_MIB} MiB",
        peaks.mib("worker") <= TARGET_PDF_RSS_MIB,
    )


def hammer(base_port: int, path: str, cookie: str, clients: int, until) -> tuple[list[float], Counter]:
    """GET `path` from `clients` threads, each on one kept-alive connection, until `until()`."""
    latencies, failures, lock = [], Counter(), threading.Lock()

    def get(connection):
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        if response.getheader("Connection", "").lower() == "close":
            connection.close()
        return response.status

    def loop():
        connection = http.client.HTTPConnection("127.0.0.1", base_port, timeout=60)
        while not until():
            started = time.perf_counter()
            try:
                try:
                    status = get(connection)
                except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                    # The server closed the kept-alive connection (a worker restarted after its
                    # --max-requests): a browser opens a new one and asks again.
                    connection.close()
                    status = get(connection)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                status = type(error).__name__
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
                if status != 200:
                    failures[str(status)] += 1

    threads = [threading.Thread(target=loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures


def list_during_pdfs(args, base, cookie, target, web, worker, verdicts) -> None:
    from core.models import Job
    from core.periods import report_year

    gemeente = target["gemeente"]
    last = report_year()
    variants = [(year, variant) for year in range(last, last - 10, -1) for variant in ("begroting", "jaarstukken")]
    paths = [f"/gemeenten/{gemeente.code}/rapportage/{y}/{v}.pdf" for y, v in variants[: args.pdfs]]
    print(f"\n4. Lijst van partijen ({args.clients} clients) terwijl de worker {len(paths)} paragraaf-PDF's van "
          f"{gemeente.code} maakt")  # fmt: skip
    new_data_version()
    load.fetch(base + "/partijen/", cookie)
    done = threading.Event()
    with Peaks(web=web.pid, worker=worker.pid) as peaks:
        started = time.monotonic()
        jobs = [request_pdf(base, cookie, path) for path in paths]

        def watch():
            wait_for(jobs)
            done.set()

        watcher = threading.Thread(target=watch)
        watcher.start()
        latencies, failures = hammer(args.port, "/partijen/", cookie, args.clients, done.is_set)
        watcher.join()
        took = time.monotonic() - started
    rows = list(Job.objects.filter(pk__in=[job.pk for job in jobs]))
    failed = sum(row.status != Job.Status.DONE for row in rows)
    durations = [(r.finished_at - r.started_at).total_seconds() for r in rows if r.started_at and r.finished_at]
    print(f"  {len(rows)} PDF's klaar in {took:.1f} s ({failed} mislukt); per PDF in de worker mediaan "
          f"{statistics.median(durations):.1f} s, langste {max(durations):.1f} s")  # fmt: skip
    p50, p99 = statistics.median(latencies) * 1000, load_percentile(latencies, 99) * 1000
    print(f"  /partijen/: {len(latencies)} verzoeken, p50 {p50:.0f} ms, p99 {p99:.0f} ms, "
          f"max {max(latencies) * 1000:.0f} ms, fouten {failures.total()} {dict(failures) or ''}")  # fmt: skip
    verdicts.add("Lijst tijdens de PDF's, p99", f"{p99:.0f} ms", f"<= {TARGET_P99_MS} ms", p99 <= TARGET_P99_MS)
    errors = failures.total() + failed
    verdicts.add("Lijst tijdens de PDF's, fouten (en mislukte PDF's)", str(errors), "0", errors == 0)
    verdicts.add(
        "Piek-RSS van een web-werkproces (hele run)",
        f"{peaks.mib('web'):.0f} MiB",
        f"<= {TARGET_WEB_RSS_MIB} MiB",
        peaks.mib("web") <= TARGET_WEB_RSS_MIB,
    )
    print(f"  piek-RSS van een Celery-werkproces: {peaks.mib('worker'):.0f} MiB")


def load_percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]  # nearest rank


def measure_servers(args, target: dict, verdicts: Verdicts) -> None:
    base = f"http://127.0.0.1:{args.port}"
    print(f"\ngunicorn gthread {args.web_workers}×{args.web_threads} en Celery {args.celery_workers} "
          "werkprocessen (de Procfile), PostgreSQL met blijvende verbindingen, Redis", flush=True)  # fmt: skip
    web, worker = start_servers(args)
    try:
        cookies = {"user": log_in(base, USERNAME), "floor": log_in(base, FLOOR_USERNAME)}
        # Web workers measured over the whole run: the floor, the list and the PDFs.
        throughput(args, base, cookies, verdicts)
        single_pdf(args, base, cookies["user"], target, worker, verdicts)
        list_during_pdfs(args, base, cookies["user"], target, web, worker, verdicts)
    finally:
        stop(web)
        stop(worker)


def main(argv=None) -> int:
    args = parse_args(argv)
    print(f"Belasting van de machine bij de start (load average 1, 5, 15 min): {loadavg()}")
    target = prepare(args)
    from django.db import connection

    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']}), "
          f"{national.PARTIES:,} partijen, {national.PARTICIPATIONS:,} deelnames")  # fmt: skip
    verdicts = Verdicts()
    if args.only != "server":
        measure_pages(args, target, verdicts)
    if args.only != "pages":
        measure_servers(args, target, verdicts)
    print(f"\nBelasting van de machine aan het eind (load average 1, 5, 15 min): {loadavg()}")
    return verdicts.summary()


if __name__ == "__main__":
    sys.exit(main())
