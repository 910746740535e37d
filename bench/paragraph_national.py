"""Benchmark of the paragraaf verbonden partijen PDF for the gemeente with the most deelnames in the
national-scale register of bench/register.py (3,000 parties, 30,000 deelnames).

Builds or reuses that register in its own database, then prints for the begroting and jaarstukken of
the busiest gemeente: the time to gather the data, to render the HTML, and WeasyPrint's time, the
number of parties, open gaps of the completeness check and pages. A script that prints figures.

    SECRET_KEY=bench-only-secret .venv/bin/python bench/paragraph_national.py --database-url postgres://postgres@127.0.0.1:5432/vp_bench_national
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from register import OUT, busiest_municipality, generate_register, prepare_database, register_is_complete, setup_django  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=f"sqlite:///{OUT / 'bench.sqlite3'}")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    prepare_database(args.database_url, False)
    setup_django(args.database_url)

    from django.core.management import call_command
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from pypdf import PdfReader

    from core.periods import report_year
    from partners.models import Party
    from reports import paragraph as report
    from reports.pdf import html_to_pdf

    # The report year: the year in which every deelname of the generated register runs.
    year = report_year()

    call_command("migrate", verbosity=0, interactive=False)
    if not register_is_complete():
        if Party.objects.exists():
            sys.exit("De benchmarkdatabase is onvolledig; draai bench/register.py --regenerate.")
        print("Register op landelijke schaal genereren …", flush=True)
        start = time.perf_counter()
        generate_register(args.seed)
        print(f"  gegenereerd in {time.perf_counter() - start:.0f} s", flush=True)
    gemeente = busiest_municipality()
    print(f"Database: {connection.vendor}; gemeente met de meeste deelnames: {gemeente.code} {gemeente.name}")
    request = RequestFactory().get("/")
    request.user = type("Anonymous", (), {"is_authenticated": False, "is_active": False})()
    request.peildatum = None
    for variant in (report.BEGROTING, report.JAARSTUKKEN):
        t0 = time.perf_counter()
        data = report.paragraph_report(municipality=gemeente, year=year, variant=variant, internal=False)
        t1 = time.perf_counter()
        html = render_to_string("reports/paragraph.html", {"report": data, "print_mode": True}, request=request)
        t2 = time.perf_counter()
        c2 = time.process_time()
        body = html_to_pdf(html)
        t3, c3 = time.perf_counter(), time.process_time()
        pages = len(PdfReader(io.BytesIO(body)).pages)
        print(
            f"  {variant} {year}: {len(data.parties)} partijen, {len(data.open_gaps)} open punten, {pages} pagina's; "
            f"gegevens {t1 - t0:.2f} s, HTML {t2 - t1:.2f} s, WeasyPrint {t3 - t2:.2f} s ({c3 - c2:.2f} s cpu), "
            f"totaal {t3 - t0:.2f} s",
            flush=True,
        )
    print(f"Load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
