"""Benchmark of the peer comparison at national scale: the comparison page of a party of the largest
kind and the gemeente comparison of the busiest gemeente, for a superuser and for a beleidsmedewerker.

Uses the national register of bench/register.py (generated in its own database when missing) and
gives every party a kind (register.ensure_kinds). Prints per page the median and p90 server time and
the number of queries, and the number of queries again after the kind has grown by a tenth (it must
not change). A script that prints figures, not a test.

    SECRET_KEY=bench-only-secret .venv/bin/python bench/peers.py \\
        --database-url postgres://postgres@127.0.0.1:5432/vp_peers_bench
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from register import (  # noqa: E402
    OUT,
    busiest_municipality,
    ensure_kinds,
    ensure_populations,
    generate_register,
    prepare_database,
    register_is_complete,
    scoped_user,
    setup_django,
)

DEFAULT_DATABASE_URL = f"sqlite:///{OUT / 'bench.sqlite3'}"
TARGET_MS = 1_000


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--runs", type=int, default=10, help="gemeten runs per pagina (na 2 opwarmruns)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--regenerate", action="store_true")
    return parser.parse_args(argv)


def timed(client, url: str, runs: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        client.get(url)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} gaf status {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return timings, len(queries)


def grow_kind(kind: str, party) -> None:
    """A tenth more parties of the kind, each with two gemeenten paying a bijdrage in the year."""
    from core.periods import report_year
    from partners.choices import FigureKind, LegalForm
    from partners.models import Participant, Participation, ParticipationFinancials, Party

    count = max(1, Party.objects.filter(kind=kind).count() // 10)
    gemeenten = list(Participant.objects.municipalities().filter(ended_on__isnull=True).order_by("code")[:2])
    for n in range(count):
        extra = Party.objects.create(
            name=f"Extra {kind} {n}", legal_form=LegalForm.OPENBAAR_LICHAAM, seat="Utrecht", kind=kind
        )
        for gemeente in gemeenten:
            participation = Participation.objects.create(
                party=extra, participant=gemeente, governance_interest=True, financial_interest=True
            )
            ParticipationFinancials.objects.create(
                participation=participation, year=report_year(), kind=FigureKind.BEGROTING, contribution=1000 + n
            )


def main(argv=None) -> int:
    args = parse_args(argv)
    prepare_database(args.database_url, args.regenerate)
    setup_django(args.database_url)

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from partners.models import Party

    print(f"Benchmarkdatabase: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0, interactive=False)
    if not register_is_complete():
        if Party.objects.exists():
            sys.exit("De benchmarkdatabase is onvolledig; draai opnieuw met --regenerate.")
        print("Register op landelijke schaal genereren …")
        generate_register(args.seed)
    ensure_populations(args.seed)
    if given := ensure_kinds(args.seed):
        print(f"  {given:,} partijen kregen een soort")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    kinds = Party.objects.exclude(kind__in=["", "overig"]).values("kind").annotate(n=Count("pk")).order_by("-n", "kind")
    largest = kinds[0]
    party = Party.objects.filter(kind=largest["kind"]).annotate(n=Count("participations")).order_by("-n", "pk").first()
    gemeente = busiest_municipality()
    print(
        f"Grootste soort: {largest['kind']} met {largest['n']:,} partijen; gemeten partij {party.name} "
        f"({party.n} deelnemers); gemeente {gemeente.code} ({gemeente.name})"
    )

    superuser, _ = get_user_model().objects.update_or_create(username="bench", defaults={"is_superuser": True})
    everything, scoped = Client(), Client()
    everything.force_login(superuser)
    scoped.force_login(scoped_user(gemeente))
    pages = [
        ("Vergelijking partij, superuser", everything, reverse("partners:party_comparison", args=[party.slug])),
        ("Vergelijking partij, beleid", scoped, reverse("partners:party_comparison", args=[party.slug])),
        ("Vergelijking gemeente, beleid", scoped, reverse("partners:municipality_comparison", args=[gemeente.code])),
    ]
    print(f"Meten ({args.runs} runs per pagina) …")
    rows = []
    for label, client, url in pages:
        timings, queries = timed(client, url, args.runs)
        rows.append((label, url, timings, queries))
    # The same pages with a tenth more parties of the kind, rolled back afterwards: the queries stay.
    with transaction.atomic():
        grow_kind(largest["kind"], party)
        grown = [timed(client, url, 1)[1] for _, client, url in pages]
        transaction.set_rollback(True)

    print(f"\n{'Pagina':<34} {'mediaan':>9} {'p90':>9} {'queries':>8} {'na groei':>9}  doel < {TARGET_MS} ms")
    ok = True
    for (label, _url, timings, queries), after in zip(rows, grown, strict=True):
        ordered = sorted(timings)
        median, p90 = statistics.median(ordered), ordered[max(0, round(0.9 * len(ordered) + 0.5) - 1)]
        good = median < TARGET_MS and queries == after
        ok = ok and good
        print(f"{label:<34} {median:>7.0f} ms {p90:>6.0f} ms {queries:>8} {after:>9}  {'ok' if good else 'TE TRAAG'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
