"""The production shape under load: gunicorn (gthread) and Celery workers on PostgreSQL and Redis, with
persistent database connections.

By default on the national-scale register (bench/register.py's data, PostgreSQL database vp_bench): the
server part of bench/scale.py (throughput of /partijen/ against the floor view, one paragraaf PDF of the
gemeente with the most deelnames alone, then /partijen/ while the worker makes ten of its PDFs, peak RSS
of web and Celery workers), with PASS/FAIL per target.

With --demo, on the demo register, it prints

1. the throughput of /partijen/ against a floor view (/rapporten/ of a user without jobs: the session, the
   user and one query, a small template) in the same server, with 8 client threads for 10 s each;
2. the latency of /partijen/ (p50, p99, max, errors) while 10 paragraaf PDFs (the ten demo gemeenten,
   begroting) are made by the workers, the time until all ten are done, and the peak RSS of the web
   workers and of the Celery workers.

A script that prints figures, not a test. Needs PostgreSQL and Redis (databases 11 and 12, emptied):

    SECRET_KEY=bench-only-secret .venv/bin/python bench/jobs.py
    SECRET_KEY=bench-only-secret .venv/bin/python bench/jobs.py --demo \\
        --database-url postgres://postgres@127.0.0.1:5432/vp_bench_jobs
"""

import argparse
import http.cookiejar
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GEMEENTEN = ["GM0014", "GM1895", "GM0037", "GM0047", "GM1950", "GM1952", "GM1966", "GM1969", "GM1979", "GM0765"]
YEAR = 2026
DEMO_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/vp_bench_jobs"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEMO_DATABASE_URL)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--celery-workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10, help="seconden per doorvoermeting")
    parser.add_argument("--threads", type=int, default=8, help="gelijktijdige clients")
    parser.add_argument("--skip-setup", action="store_true", help="database niet opnieuw maken (--demo)")
    parser.add_argument("--demo", action="store_true", help="het demoregister in plaats van het landelijke")
    return parser.parse_args(argv)


def national(args) -> int:
    """bench/scale.py's gunicorn and Celery measurements on the national-scale register."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import scale

    database_url = args.database_url
    if database_url == DEMO_DATABASE_URL:
        database_url = "postgres://postgres@127.0.0.1:5432/vp_bench"
    return scale.main(
        ["--only", "server", "--database-url", database_url, "--redis-url", args.redis_url, "--port", str(args.port),
         "--web-workers", str(args.web_workers), "--celery-workers", str(args.celery_workers),
         "--duration", str(args.seconds), "--connections", str(args.threads)]
    )  # fmt: skip


def environment(args) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        HTTPS="false",
        ADMIN_TWO_FACTOR="false",
        SECRET_KEY=env.get("SECRET_KEY") or "bench-only-secret",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=args.database_url,
        CACHE_URL=f"{args.redis_url}/11",
        CELERY_BROKER_URL=f"{args.redis_url}/12",
        LOG_LEVEL="WARNING",
    )
    return env


def setup(args) -> None:
    env = environment(args)
    subprocess.run([BIN / "python", "scripts/ensure_database.py"], cwd=ROOT, env=env, check=True)
    for command in (["migrate", "--no-input"], ["load_demo", "--force"]):
        subprocess.run([BIN / "python", "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(["redis-cli", "-u", f"{args.redis_url}/11", "flushdb"], check=True, capture_output=True)
    subprocess.run(["redis-cli", "-u", f"{args.redis_url}/12", "flushdb"], check=True, capture_output=True)
    # Jobs of an earlier run would be reused: start without.
    subprocess.run(
        [BIN / "python", "manage.py", "shell", "-c", "from core.models import Job; Job.objects.all().delete()"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def start(args) -> list[subprocess.Popen]:
    env = environment(args)
    web = subprocess.Popen(
        [BIN / "gunicorn", "config.wsgi", "--worker-class", "gthread", "--workers", str(args.web_workers),
         "--threads", "4", "--bind", f"127.0.0.1:{args.port}", "--timeout", "120"],
        cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    worker = subprocess.Popen(
        [BIN / "celery", "-A", "config", "worker", "--concurrency", str(args.celery_workers), "--without-gossip",
         "--without-mingle", "--without-heartbeat", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return [web, worker]


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def rss_mib(pid: int) -> float:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return 0.0
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


class Client:
    def __init__(self, base: str):
        self.base, self.jar = base, http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *a, **k):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def get(self, path: str) -> tuple[int, dict, bytes]:
        try:
            response = self.opener.open(self.base + path, timeout=60)
        except urllib.error.HTTPError as answer:
            response = answer
        return response.status, dict(response.headers), response.read()

    def login(self, username: str, password: str) -> "Client":
        self.get("/inloggen/")
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
        try:
            response = self.opener.open(urllib.request.Request(self.base + "/inloggen/", data=data.encode()))
        except urllib.error.HTTPError as answer:
            response = answer
        assert response.status == 302, "inloggen mislukt"
        return self


def hammer(clients: list, path: str, *, until) -> tuple[list[float], int]:
    """GET `path` from each logged-in client in its own thread until `until()`; latencies and failures."""
    latencies, failures, lock = [], [0], threading.Lock()

    def loop(client):
        while not until():
            started = time.perf_counter()
            status, _, _ = client.get(path)
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
                failures[0] += status != 200

    workers = [threading.Thread(target=loop, args=(client,)) for client in clients]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return latencies, failures[0]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main(argv=None) -> int:
    args = parse_args(argv)
    if not args.demo:
        return national(args)
    if not args.skip_setup:
        print("database en demo klaarzetten …", flush=True)
        setup(args)
    base = f"http://127.0.0.1:{args.port}"
    processes = start(args)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/inloggen/", timeout=2)
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.5)
        print(f"gunicorn gthread {args.web_workers}×4, Celery {args.celery_workers} werkprocessen, PostgreSQL, Redis")
        beheer = Client(base).login("beheer", "beheer-demo-2026")
        beheer.get("/partijen/")

        # Logged in before any measurement: a login hashes the password, which is no part of a page.
        clients = [Client(base).login("beheer", "beheer-demo-2026") for _ in range(args.threads)]

        print(
            f"\n1. doorvoer, {args.threads} clients, {args.seconds} s per pagina (met blijvende databaseverbindingen)"
        )
        rates = {}
        for label, path in (("vloer: /rapporten/ (geen taken)", "/rapporten/"), ("/partijen/", "/partijen/")):
            clients[0].get(path)
            end = time.monotonic() + args.seconds
            latencies, failures = hammer(clients, path, until=lambda e=end: time.monotonic() > e)
            rates[path] = len(latencies) / args.seconds
            print(f"   {label:34} {rates[path]:7.1f} verz./s  p50 {statistics.median(latencies) * 1000:6.0f} ms  "
                  f"p99 {percentile(latencies, 99) * 1000:6.0f} ms  fouten {failures}")  # fmt: skip
        print(f"   /partijen/ haalt {rates['/partijen/'] / rates['/rapporten/']:.0%} van de vloer")

        print(f"\n2. /partijen/ terwijl de werkprocessen {len(GEMEENTEN)} paragraaf-PDF's maken")
        jobs, started = [], time.monotonic()
        for code in GEMEENTEN:
            status, headers, _ = beheer.get(f"/gemeenten/{code}/rapportage/{YEAR}/begroting.pdf")
            if status != 302:
                print(f"   {code}: {status} in plaats van een doorverwijzing naar de statuspagina")
                continue
            jobs.append(headers["Location"])
        peaks = {"web": 0.0, "celery": 0.0}
        done = threading.Event()

        def all_done() -> bool:
            return done.is_set()

        def watch():
            while not done.is_set():
                pages = [beheer.get(job)[2] for job in jobs]
                finished = sum(b"Klaar." in page or b"niet gelukt" in page for page in pages)
                web = [rss_mib(p) for p in children(processes[0].pid)]
                celery = [rss_mib(p) for p in children(processes[1].pid)]
                peaks["web"] = max([peaks["web"], *web])
                peaks["celery"] = max([peaks["celery"], *celery])
                if finished == len(jobs):
                    done.set()
                time.sleep(0.5)

        watcher = threading.Thread(target=watch)
        watcher.start()
        latencies, failures = hammer(clients[:4], "/partijen/", until=all_done)
        watcher.join()
        took = time.monotonic() - started
        failed = sum(b"niet gelukt" in beheer.get(job)[2] for job in jobs)
        print(f"   {len(jobs)} PDF's klaar in {took:.1f} s ({failed} mislukt)")
        p50, p99 = statistics.median(latencies) * 1000, percentile(latencies, 99) * 1000
        print(f"   /partijen/ (4 clients): {len(latencies)} verzoeken, p50 {p50:.0f} ms, p99 {p99:.0f} ms, "
              f"max {max(latencies) * 1000:.0f} ms, fouten {failures}")  # fmt: skip
        print(f"   piek-RSS: web-werkproces {peaks['web']:.0f} MiB, Celery-werkproces {peaks['celery']:.0f} MiB")
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            process.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
