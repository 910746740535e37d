"""Benchmark of the signalen (governance/early_warnings.py) for ALL gemeenten at national scale: the
register of bench/register.py (3,000 parties, 30,000 deelnames, five years of figures) plus the rows
the rules read (bench/register.py ensure_warning_figures). A script that prints figures.

Prints, for the computation over all 342 gemeenten, for the regional overview of a beheerder (every
gemeente, grouped per party) and for the gemeente with the most deelnames: median and p90 time, the
median CPU time of the Python process (the rest is the database, or waiting on a busy machine), the
number of queries and of signals.

    SECRET_KEY=bench-only-secret .venv/bin/python bench/early_warnings.py \\
        --database-url postgres://postgres@127.0.0.1:5432/vp_signals_bench
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from register import (  # noqa: E402
    busiest_municipality,
    ensure_warning_figures,
    generate_register,
    prepare_database,
    register_is_complete,
    setup_django,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/vp_signals_bench"
TARGET_S = 1.0


def measure(label, run, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # warm-up
        run()
    timings, cpu = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            result = run()
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    median = statistics.median(timings)
    p90 = sorted(timings)[max(0, round(0.9 * len(timings) + 0.5) - 1)]
    verdict = "ok" if median < TARGET_S else "TE TRAAG"
    print(
        f"  {label:<52} mediaan {median * 1000:6.0f} ms  p90 {p90 * 1000:6.0f} ms  "
        f"CPU Python {statistics.median(cpu) * 1000:6.0f} ms  "
        f"{len(queries):3d} queries  {result}  [{verdict}, doel < {TARGET_S:.0f} s]",
        flush=True,
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args(argv)
    prepare_database(args.database_url, args.regenerate)
    setup_django(args.database_url)

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from governance import early_warnings
    from partners.models import Participation, Party
    from partners.roles import BEHEERDER, ensure_roles

    call_command("migrate", verbosity=0, interactive=False)
    if not register_is_complete():
        if Party.objects.exists():
            sys.exit("De benchmarkdatabase is onvolledig; draai met --regenerate.")
        print("Register op landelijke schaal genereren …", flush=True)
        generate_register(args.seed)
    added = ensure_warning_figures(args.seed)
    if added:
        print(f"  {added:,} rijen voor de signalen toegevoegd")
    today = timezone.localdate()
    beheerder, _ = get_user_model().objects.get_or_create(username="bench-beheerder")
    beheerder.groups.set([ensure_roles()[BEHEERDER]])
    gemeente = busiest_municipality()
    print(
        f"Database: {connection.vendor}; {Party.objects.count():,} partijen, {Participation.objects.count():,} "
        f"deelnames; peildag {today:%d-%m-%Y}; {args.runs} runs na 2 opwarmruns"
    )

    def all_municipalities():
        found = early_warnings.warnings_for(today=today)
        return f"{sum(map(len, found.values())):,} signalen bij {len(found)} gemeenten"

    def overview():
        parties = early_warnings.regional_overview(user=beheerder, today=today)
        return f"{len(parties):,} partijen met een signaal"

    def one():
        result = early_warnings.municipality_overview(municipality=gemeente, today=today)
        return f"{result.total} open signalen bij {len(result.parties)} partijen ({gemeente.name})"

    measure("signalen van alle gemeenten", all_municipalities, args.runs)
    measure("regionaal overzicht van een beheerder (alle gemeenten)", overview, args.runs)
    measure("gemeente met de meeste deelnames", one, args.runs)
    print(f"Load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
