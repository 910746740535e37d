"""Benchmark of the doelen and the costs over time: the new pages at demo size and at national size.

Builds its own database (never the developer's) with the demo data plus a national party in which
all 342 gemeenten take part, with bijdragen and inwonertallen for 2020-2026 and 20 doelen of
3 indicatoren with 7 years each, in which the demo gemeente Groningen takes part too. Prints per
page the median server time, the number of queries and the response size. A script that prints
figures, not a test.

    SECRET_KEY=bench-only-secret .venv/bin/python bench/goals.py
    SECRET_KEY=bench-only-secret .venv/bin/python bench/goals.py --database-url postgres://postgres@127.0.0.1:5432/vp_bench_goals
"""

import argparse
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from register import OUT, prepare_database, setup_django  # noqa: E402

DEFAULT_DATABASE_URL = f"sqlite:///{OUT / 'goals.sqlite3'}"
NATIONAL = "Landelijke Benchmarkregeling"
YEARS = range(2020, 2027)
GOALS, INDICATORS = 20, 3


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--runs", type=int, default=5, help="gemeten runs per pagina (mediaan)")
    parser.add_argument("--regenerate", action="store_true")
    return parser.parse_args(argv)


def prepare_data() -> None:
    from django.core.management import call_command

    from partners.models import Participant, Party

    call_command("migrate", verbosity=0, interactive=False)
    if not Participant.objects.filter(code="GM0014", participations__isnull=False).exists():
        call_command("load_demo", force=True, verbosity=0)  # its own database, never a production one
    if not Party.objects.filter(name=NATIONAL).exists():
        build_national_party()


def build_national_party() -> None:
    from django.db import transaction

    from governance.goals import Direction, Unit
    from governance.models import Goal, Indicator, IndicatorValue
    from partners.choices import FigureKind, LegalForm
    from partners.models import Participant, Participation, ParticipationFinancials, Party, PolicyArea, Population

    with transaction.atomic():
        party = Party.objects.create(
            name=NATIONAL, legal_form=LegalForm.VERENIGING, seat="Den Haag", founded_on=date(2000, 1, 1)
        )
        gemeenten = list(Participant.objects.municipalities())
        Participation.objects.bulk_create(Participation(party=party, participant=g) for g in gemeenten)
        participations = list(Participation.objects.filter(party=party))
        figures, populations = [], []
        have = set(Population.objects.values_list("participant_id", "year"))
        for index, participation in enumerate(participations):
            for year in YEARS:
                kind = FigureKind.BEGROTING if year == 2026 else FigureKind.REALISATIE
                amount = Decimal(20_000 + 37 * index + 500 * (year - 2020))
                figures.append(
                    ParticipationFinancials(participation=participation, year=year, kind=kind, contribution=amount)
                )
                if (participation.participant_id, year) not in have:
                    populations.append(
                        Population(
                            participant_id=participation.participant_id, year=year, inhabitants=20_000 + 91 * index
                        )
                    )
        ParticipationFinancials.objects.bulk_create(figures)
        Population.objects.bulk_create(populations)
        areas = list(PolicyArea.objects.all())
        for g in range(GOALS):
            goal = Goal.objects.create(party=party, title=f"Benchmarkdoel {g:02d}", policy_area=areas[g % len(areas)])
            for i in range(INDICATORS):
                indicator = Indicator.objects.create(
                    goal=goal,
                    name=f"Indicator {i}",
                    unit=Unit.PROCENT,
                    direction=Direction.HOGER if i else Direction.LAGER,
                )
                IndicatorValue.objects.bulk_create(
                    IndicatorValue(
                        indicator=indicator,
                        year=year,
                        target=Decimal(60 + i),
                        actual=Decimal(55 + (year - 2020) * 2 + g % 5),
                        source="Benchmark",
                        measured_on=date(year, 12, 31),
                    )
                    for year in YEARS
                )


def measure(client, url: str, runs: int) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.register_cache import bump_version

    times, cpu = [], []
    for _ in range(runs + 1):  # the first run warms caches and is not counted
        # Every run the first after a change: the pages' content is rendered, not served from the
        # cache (core/register_cache.py), since this measures what goals and costs cost to show.
        bump_version()
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times[1:]) * 1000, statistics.median(cpu[1:]) * 1000, len(queries), len(response.content)


def main(argv=None) -> int:
    args = parse_args(argv)
    prepare_database(args.database_url, args.regenerate)
    setup_django(args.database_url)
    prepare_data()

    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from partners.models import Party

    slug = Party.objects.get(name=NATIONAL).slug
    client = Client()
    client.force_login(get_user_model().objects.get(username="beleid"))
    pages = [
        ("doelen GM0014 (demo + landelijke partij)", "/gemeenten/GM0014/doelen/"),
        ("gemeentepagina GM0014", "/gemeenten/GM0014/"),
        ("factsheet VRG (demo)", "/partijen/veiligheidsregio-groningen/"),
        ("factsheet landelijke partij (342 gemeenten)", f"/partijen/{slug}/"),
    ]
    print(f"Database: {connection.vendor}; mediaan van {args.runs} runs")
    print("(CPU: processortijd van dit proces, minder gevoelig voor een drukke machine)")
    print(f"{'pagina':<46} {'ms':>8} {'CPU ms':>8} {'queries':>8} {'kB':>7}")
    for label, url in pages:
        ms, cpu_ms, queries, size = measure(client, url, args.runs)
        print(f"{label:<46} {ms:>8.0f} {cpu_ms:>8.0f} {queries:>8} {size / 1024:>7.0f}")
    for label, url in [
        ("factsheet-PDF VRG (demo)", "/partijen/veiligheidsregio-groningen/factsheet.pdf"),
        ("factsheet-PDF landelijke partij", f"/partijen/{slug}/factsheet.pdf"),
        ("paragraaf-PDF GM0014 begroting 2026", "/gemeenten/GM0014/rapportage/2026/begroting.pdf"),
    ]:
        cache.clear()  # rendered, not served from the report cache
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        ms, cpu_ms = (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000
        print(f"{label:<46} {ms:>8.0f} {cpu_ms:>8.0f} {'':>8} {len(response.content) / 1024:>7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
