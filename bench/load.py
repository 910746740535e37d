"""Load test of the register as it runs in production: gunicorn with 2 workers on PostgreSQL.

Uses the national-scale register of bench/register.py (its own database, built on the first run),
starts gunicorn with DEBUG off, logs in through the login form, and runs `wrk` (apt install wrk)
for 30 s at 20 connections on the party list, the factsheet of the largest party and the page of
the gemeente with the most deelnames. Prints requests/s, p50/p99 latency and the answers that were
not 200 (a redirect to the login page counts as a failure). Then requests one paragraaf PDF 10
times in parallel, with the report cache off so that each request really renders, and prints each
time and the peak memory (RSS) of the workers. A script that prints figures, not a test.

    SECRET_KEY=bench-only-secret .venv/bin/python bench/load.py \
        --database-url postgres://postgres@127.0.0.1:5432/vp_load
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import register as national  # noqa: E402  (bench/register.py: the national-scale generator)

USERNAME, PASSWORD = "belasting", "belasting-bench-2026"

# Counts every answer that is not a 200 (wrk itself only counts status >= 400 as an error, so a
# redirect to the login page would pass as success), and the redirects separately.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_ok = 0; redirects = 0 end
function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
  if status >= 300 and status < 400 then redirects = redirects + 1 end
end
function done(summary, latency, requests)
  local n, r = 0, 0
  for _, thread in ipairs(threads) do n = n + thread:get("not_ok"); r = r + thread:get("redirects") end
  io.write(string.format("NOT_200 %d\\nREDIRECTS %d\\n", n, r))
end
"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/vp_load")
    parser.add_argument("--duration", type=int, default=30, help="seconden wrk per pagina")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn-werkprocessen")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--pdf-requests", type=int, default=10, help="gelijktijdige verzoeken om de PDF")
    parser.add_argument("--regenerate", action="store_true", help="bouw het landelijke register opnieuw")
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgres"):
        parser.error("de belastingtest draait op PostgreSQL, zoals in productie: geef postgres://…/naam")
    if not shutil.which("wrk"):
        parser.error("wrk ontbreekt: apt-get install -y wrk")
    return args


# --- the register and its user ------------------------------------------------------------------


def prepare(args) -> dict:
    """The national-scale register in its own database, a user, and the addresses to load."""
    national.prepare_database(args.database_url, args.regenerate)
    national.setup_django(args.database_url)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count

    from core.periods import report_year
    from partners.models import Participant, Party

    call_command("migrate", verbosity=0, interactive=False)
    if not national.register_is_complete():
        if Party.objects.exists():
            sys.exit("De benchmarkdatabase is onvolledig; draai opnieuw met --regenerate.")
        print("Register op landelijke schaal genereren …", flush=True)
        national.generate_register(2025)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    user, _ = get_user_model().objects.get_or_create(username=USERNAME, defaults={"is_superuser": True})
    user.set_password(PASSWORD)
    user.save()
    party = Party.objects.annotate(n=Count("participations")).order_by("-n", "pk").first()
    gemeente = Participant.objects.municipalities().annotate(n=Count("participations")).order_by("-n", "code").first()
    year = report_year()
    return {
        "pages": [
            ("Partijenlijst", "/partijen/"),
            (f"Factsheet ({party.n} deelnemers)", party.get_absolute_url()),
            (f"Gemeentepagina {gemeente.code} ({gemeente.n} deelnames)", gemeente.get_absolute_url()),
        ],
        "pdf": (
            f"Paragraaf {gemeente.code} {year} (PDF)",
            f"/gemeenten/{gemeente.code}/rapportage/{year}/begroting.pdf",
        ),
    }


# --- gunicorn -----------------------------------------------------------------------------------


def start_gunicorn(args) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret"),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain http on 127.0.0.1 (in production a proxy in front ends TLS): no https redirect or secure cookies.
        "HTTPS": "false",
        # No cache: every page and PDF request is built as the first after a change to the register
        # (the worst case; with the default cache a repeated page or PDF comes from memory).
        "CACHE_URL": "dummycache://",
        "LOG_LEVEL": "WARNING",
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi:application",
        f"--workers={args.workers}",
        f"--bind=127.0.0.1:{args.port}",
        "--timeout=300",  # the PDFs queue behind each other on 2 workers
        "--log-level=warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/inloggen/", timeout=5)
            return process
        except OSError:
            if process.poll() is not None:
                sys.exit("gunicorn startte niet; zie de uitvoer hierboven.")
            time.sleep(0.5)
    stop(process)
    sys.exit("gunicorn antwoordde niet binnen 60 s.")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def worker_pids(master: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == master:
                pids.append(int(entry.name))
    return pids


def memory_kib(pid: int, key: str) -> int:
    """VmRSS (now) or VmHWM (the peak since the process started) of a process, in KiB."""
    try:
        match = re.search(rf"^{key}:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M)
    except OSError:
        return 0
    return int(match.group(1)) if match else 0


class RssSampler:
    """The highest RSS of each worker and of all workers together, sampled every 100 ms."""

    def __init__(self, master: int):
        self.master, self.peak_each, self.peak_total = master, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            rss = [memory_kib(pid, "VmRSS") for pid in worker_pids(self.master)]
            if rss:
                self.peak_each, self.peak_total = max(self.peak_each, *rss), max(self.peak_total, sum(rss))
            time.sleep(0.1)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


# --- logging in and checking the cookie ---------------------------------------------------------


def log_in(base: str) -> str:
    """Log in through the login form, as a browser does; returns the Cookie header for wrk."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/inloggen/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token})
    request = urllib.request.Request(f"{base}/inloggen/", data.encode(), headers={"Referer": f"{base}/inloggen/"})
    opener.open(request).read()
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        sys.exit("Inloggen mislukt: geen sessiecookie.")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, cookie: str, timeout: float = 600) -> tuple[int, str, bytes, float]:
    opener = urllib.request.build_opener(NoRedirect)
    start = time.perf_counter()
    try:
        response = opener.open(urllib.request.Request(url, headers={"Cookie": cookie}), timeout=timeout)
        status, content_type, body = response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        status, content_type, body = error.code, error.headers.get("Content-Type", ""), error.read()
    return status, content_type, body, time.perf_counter() - start


# --- wrk ----------------------------------------------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def run_wrk(url: str, cookie: str, args, script: Path) -> dict:
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency", "--timeout", "30s",
               "-s", str(script), "-H", f"Cookie: {cookie}", url]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.M))
    if not {"50", "99"} <= latency.keys():
        sys.exit(f"Geen latentieverdeling in de uitvoer van wrk:\n{output}")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
        "not_200": int(re.search(r"NOT_200 (\d+)", output).group(1)),
        "redirects": int(re.search(r"REDIRECTS (\d+)", output).group(1)),
        "wrk_non_2xx_3xx": int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


# --- main ---------------------------------------------------------------------------------------


def main(argv=None) -> int:
    args = parse_args(argv)
    target = prepare(args)
    base = f"http://127.0.0.1:{args.port}"
    print(f"gunicorn starten: {args.workers} werkprocessen, DEBUG uit, PostgreSQL, rapportcache uit …", flush=True)
    server = start_gunicorn(args)
    failures = 0
    try:
        cookie = log_in(base)
        for label, path in target["pages"]:
            status, _type, _body, _seconds = fetch(base + path, cookie)
            if status != 200:
                sys.exit(f"{label} ({path}) geeft {status} in plaats van 200 met de sessiecookie.")
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "count.lua"
            script.write_text(WRK_SCRIPT)
            print(f"\nwrk: {args.duration} s, {args.connections} verbindingen, 2 threads per pagina")
            header = f"{'Pagina':<42} {'verz./s':>8} {'p50 ms':>8} {'p99 ms':>8} {'verzoeken':>9} {'niet-200':>8}"
            print(header)
            print("-" * len(header))
            with RssSampler(server.pid) as pages_rss:
                for label, path in target["pages"]:
                    r = run_wrk(base + path, cookie, args, script)
                    failures += r["not_200"] + r["socket_errors"]
                    print(f"{label:<42} {r['rps']:>8.1f} {r['p50']:>8.1f} {r['p99']:>8.1f} {r['requests']:>9}"
                          f" {r['not_200']:>8}", flush=True)  # fmt: skip
                    if r["redirects"] or r["socket_errors"] or r["wrk_non_2xx_3xx"]:
                        print(f"    waarvan doorverwijzingen {r['redirects']}, socketfouten {r['socket_errors']},"
                              f" wrk 'Non-2xx or 3xx' {r['wrk_non_2xx_3xx']}")  # fmt: skip
            print(f"Piek-RSS tijdens wrk: {pages_rss.peak_each / 1024:.0f} MiB per werkproces, "
                  f"{pages_rss.peak_total / 1024:.0f} MiB samen")  # fmt: skip

        before_pdf = [memory_kib(pid, "VmRSS") for pid in worker_pids(server.pid)]
        label, path = target["pdf"]
        print(f"\n{args.pdf_requests} gelijktijdige verzoeken: {label} ({path}), elk opnieuw gemaakt")
        with RssSampler(server.pid) as pdf_rss, ThreadPoolExecutor(args.pdf_requests) as pool:
            start = time.perf_counter()
            results = list(pool.map(lambda _: fetch(base + path, cookie), range(args.pdf_requests)))
            wall = time.perf_counter() - start
        for i, (status, content_type, body, seconds) in enumerate(results, 1):
            ok = status == 200 and content_type == "application/pdf" and body.startswith(b"%PDF")
            failures += not ok
            print(f"  verzoek {i:>2}: {status} {content_type:<16} {len(body) / 1024:>6.0f} kB {seconds:>6.1f} s"
                  f"  {'OK' if ok else 'MISLUKT'}")  # fmt: skip
        times = [seconds for *_, seconds in results]
        print(f"Alle {len(results)} binnen {wall:.1f} s; per verzoek mediaan {statistics.median(times):.1f} s, "
              f"langste {max(times):.1f} s (wachten op een vrij werkproces inbegrepen)")  # fmt: skip
        peaks = [memory_kib(pid, "VmHWM") for pid in worker_pids(server.pid)]
        after_pdf = [memory_kib(pid, "VmRSS") for pid in worker_pids(server.pid)]
        print(f"Piek-RSS tijdens de PDF's: {pdf_rss.peak_each / 1024:.0f} MiB per werkproces, "
              f"{pdf_rss.peak_total / 1024:.0f} MiB samen (VmHWM na afloop: "
              f"{', '.join(f'{p / 1024:.0f}' for p in peaks)} MiB)")  # fmt: skip
        print(f"RSS per werkproces voor de PDF's {', '.join(f'{p / 1024:.0f}' for p in before_pdf)} MiB, "
              f"erna {', '.join(f'{p / 1024:.0f}' for p in after_pdf)} MiB")  # fmt: skip
    finally:
        stop(server)
    load = os.getloadavg()[0]
    print(f"\nBelasting van de machine (load average, 1 min) na afloop: {load:.1f} op {os.cpu_count()} cores")
    print("Geen mislukte antwoorden." if not failures else f"MISLUKT: {failures} antwoorden niet in orde.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
