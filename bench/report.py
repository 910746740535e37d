"""Benchmark of the paragraaf verbonden partijen PDF: the demo gemeente and a large one.

Builds its own database (never the developer's) with the demo data plus a gemeente with 40
verbonden partijen and 200 risks, then prints per report the total time, the part spent in queries
and template rendering, the part spent in WeasyPrint, the process's peak memory and the page count,
and what a cached repeat request costs. It also renders the large report once with the per-party
fields as table rows instead of definition lists, to show why the print layout avoids tables.
A script that prints figures, not a test.

    SECRET_KEY=bench-only-secret .venv/bin/python bench/report.py
    SECRET_KEY=bench-only-secret .venv/bin/python bench/report.py --database-url postgres://postgres@127.0.0.1:5432/vp_bench_report
"""

import argparse
import io
import re
import resource
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from register import OUT, prepare_database, setup_django  # noqa: E402

DEFAULT_DATABASE_URL = f"sqlite:///{OUT / 'report.sqlite3'}"
DEMO_CODE = "GM0014"
LARGE_CODE = "GM9990"
LARGE_PARTIES = 40
LARGE_RISKS = 200
YEAR = 2026

TARGET_TOTAL_S = 5.0
TARGET_APP_SHARE = 0.10
TARGET_PEAK_MB = 500
TARGET_CACHED_MS = 100


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--runs", type=int, default=3, help="gemeten runs per rapport (mediaan)")
    parser.add_argument("--regenerate", action="store_true")
    return parser.parse_args(argv)


def prepare_data() -> None:
    from django.core.management import call_command

    from partners.models import Participant

    call_command("migrate", verbosity=0, interactive=False)
    # The gemeenten themselves are reference data (a migration); the demo adds their deelnames.
    if not Participant.objects.filter(code=DEMO_CODE, participations__isnull=False).exists():
        call_command("load_demo", force=True, verbosity=0)  # its own database, never a production one
    if not Participant.objects.filter(code=LARGE_CODE).exists():
        build_large_municipality()


def build_large_municipality() -> None:
    """A gemeente with 40 verbonden partijen of every legal form, figures, seats and 200 risks."""
    import datetime

    from django.db import transaction

    from governance.choices import Body, PersonFunction
    from governance.models import Person, Seat
    from partners.choices import FigureKind, LegalForm, ParticipantKind
    from partners.models import Participant, Participation, ParticipationFinancials, Party, PartyFinancials
    from risks.choices import RiskCategory
    from risks.models import Measure, ResistanceCapacity, Risk

    forms = [f for f in LegalForm if f != LegalForm.CENTRUMGEMEENTEREGELING]
    with transaction.atomic():
        municipality = Participant.objects.create(kind=ParticipantKind.GEMEENTE, code=LARGE_CODE, name="Grootstad")
        person = Person.objects.create(
            name="Wethouder Grootstad", function=PersonFunction.WETHOUDER, municipality=municipality
        )
        ResistanceCapacity.objects.create(municipality=municipality, year=YEAR, available=Decimal("25000000"))
        for n in range(LARGE_PARTIES):
            party = Party.objects.create(
                name=f"Benchpartij {n + 1:02d}",
                legal_form=forms[n % len(forms)],
                seat="Grootstad",
                public_interest="Een openbaar belang van enige lengte, zoals een gemeente het in de paragraaf "
                "beschrijft: uitvoering van wettelijke taken voor de deelnemende gemeenten.",
            )
            participation = Participation.objects.create(
                party=party,
                participant=municipality,
                share_percentage=Decimal("12.5"),
                governance_interest_note="1 zetel in het algemeen bestuur",
            )
            for kind in FigureKind:
                ParticipationFinancials.objects.create(
                    participation=participation,
                    year=YEAR,
                    kind=kind,
                    contribution=Decimal(100_000 + n * 1_000),
                    interest_start=Decimal(50_000),
                    interest_end=Decimal(55_000),
                )
                PartyFinancials.objects.create(
                    party=party,
                    year=YEAR,
                    kind=kind,
                    equity_start=Decimal(1_000_000),
                    equity_end=Decimal(1_100_000),
                    liabilities_start=Decimal(2_000_000),
                    liabilities_end=Decimal(1_900_000),
                    result=Decimal(100_000),
                )
            Seat.objects.create(
                person=person,
                party=party,
                body=Body.ALGEMEEN_BESTUUR,
                on_behalf_of=municipality,
                started_on=datetime.date(2022, 4, 1),
            )
            for r in range(LARGE_RISKS // LARGE_PARTIES):
                risk = Risk.objects.create(
                    party=party,
                    category=RiskCategory.FINANCIEEL,
                    title=f"Risico {r + 1} van partij {n + 1}",
                    likelihood=1 + (n + r) % 5,
                    impact=1 + (n * 3 + r) % 5,
                    amount_max=Decimal(50_000 * (r + 1)),
                    confidential=r == 4,
                )
                Measure.objects.create(risk=risk, description="Periodieke monitoring door de accounthouder")


def as_tables(html: str) -> str:
    """The same report with every per-party field as a table row: the layout the print CSS avoids."""
    html = html.replace('<dl class="fields">', '<table class="fields-table"><tbody>')
    html = re.sub(r"<div><dt>(.*?)</dt><dd>(.*?)</dd></div>", r"<tr><th>\1</th><td>\2</td></tr>", html, flags=re.S)
    return html.replace("</dl>", "</tbody></table>")


def measure(code: str, runs: int, *, tables: bool = False) -> dict:
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext
    from pypdf import PdfReader

    from partners.models import Participant
    from reports import paragraph as report
    from reports.pdf import html_to_pdf

    municipality = Participant.objects.get(code=code)
    app, pdf, app_cpu, pdf_cpu, queries, pages, rows = [], [], [], [], 0, 0, 0
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as captured:
            data = report.paragraph_report(
                municipality=municipality, year=YEAR, variant=report.BEGROTING, internal=False
            )
            html = render_to_string("reports/paragraph.html", {"report": data, "print_mode": True})
        if tables:
            html = as_tables(html)
        middle, middle_cpu = time.perf_counter(), time.process_time()
        body = html_to_pdf(html)
        end, end_cpu = time.perf_counter(), time.process_time()
        app.append(middle - start)
        pdf.append(end - middle)
        app_cpu.append(middle_cpu - start_cpu)
        pdf_cpu.append(end_cpu - middle_cpu)
        queries = len(captured)
        pages = len(PdfReader(io.BytesIO(body)).pages)
        rows = html.count("<tr")
    app_s, pdf_s = statistics.median(app), statistics.median(pdf)
    return {
        "label": f"{code} ({len(data.parties)} partijen, {data.risk_count} risico's)"
        + (" als tabellen" if tables else ""),
        "total": app_s + pdf_s,
        "app": app_s,
        "pdf": pdf_s,
        # CPU time of this process: what the report costs when the machine is busy with other work.
        "cpu": statistics.median(app_cpu) + statistics.median(pdf_cpu),
        "pdf_cpu": statistics.median(pdf_cpu),
        "queries": queries,
        "pages": pages,
        "rows": rows,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cached_request_ms(code: str) -> tuple[float, float]:
    """First and repeated request of the PDF through the test client: the repeat comes from the cache."""
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    user, _ = User.objects.get_or_create(username="bench-report", defaults={"is_superuser": True})
    client = Client()
    client.force_login(user)
    url = f"/gemeenten/{code}/rapportage/{YEAR}/begroting.pdf"
    times = []
    for _ in range(2):
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        times.append((time.perf_counter() - start) * 1000)
    return times[0], times[1]


def main(argv=None) -> int:
    args = parse_args(argv)
    prepare_database(args.database_url, args.regenerate)
    setup_django(args.database_url)
    from django.db import connection

    prepare_data()
    results = [measure(DEMO_CODE, args.runs), measure(LARGE_CODE, args.runs), measure(LARGE_CODE, 1, tables=True)]
    print(f"\nParagraaf verbonden partijen, begroting {YEAR}, {connection.vendor}, mediaan van {args.runs} runs")
    print(
        f"{'rapport':<48} {'totaal':>8} {'app':>8} {'aandeel':>8} {'WeasyPrint':>11} {'CPU':>7} "
        f"{'CPU WP':>7} {'queries':>8} {'<tr>':>5} {'pagina':>7} {'piek-RSS':>9}"
    )
    for r in results:
        print(
            f"{r['label']:<48} {r['total']:>7.2f}s {r['app']:>7.3f}s {r['app'] / r['total']:>7.1%} "
            f"{r['pdf']:>10.2f}s {r['cpu']:>6.2f}s {r['pdf_cpu']:>6.2f}s {r['queries']:>8} {r['rows']:>5} "
            f"{r['pages']:>7} {r['peak_mb']:>6.0f} MB"
        )
    demo = results[0]
    print(
        f"\nDoelen demo: totaal < {TARGET_TOTAL_S} s: {'ja' if demo['total'] < TARGET_TOTAL_S else 'NEE'}; "
        f"app-aandeel < {TARGET_APP_SHARE:.0%}: {'ja' if demo['app'] / demo['total'] < TARGET_APP_SHARE else 'NEE'}; "
        f"piek < {TARGET_PEAK_MB} MB: {'ja' if max(r['peak_mb'] for r in results) < TARGET_PEAK_MB else 'NEE'}"
    )
    extra = results[2]["pdf_cpu"] - results[1]["pdf_cpu"]
    extra_rows = results[2]["rows"] - results[1]["rows"]
    if extra_rows:
        print(
            f"Velden als tabelrijen: {extra_rows} rijen meer, CPU-tijd WeasyPrint {extra:+.2f} s "
            f"({extra / extra_rows * 1000:+.1f} ms per rij)"
        )
    for code in (DEMO_CODE, LARGE_CODE):
        first, repeat = cached_request_ms(code)
        print(
            f"Verzoek {code}: eerste {first:.0f} ms, herhaald (cache) {repeat:.1f} ms "
            f"(doel < {TARGET_CACHED_MS} ms: {'ja' if repeat < TARGET_CACHED_MS else 'NEE'})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
