"""Benchmark of the import: a 10,000-row workbook checked (dry run) and imported into an empty register.

Builds its own database (never the developer's), writes a workbook in the template's layout with
800 parties, 2,400 deelnames, 800 party figures, 800 deelname figures, 1,200 vertegenwoordigers
(seats of wethouders), 1,600 risks, 400 beheersmaatregelen, 400 inwonertallen, 400 P&C-documenten,
400 zienswijzen, 400 financiële belangen and 400 niet bekend (10,000 rows in all), and prints time,
peak memory and queries of the dry run, the import, and a second import of the same file (which
must change nothing). Targets: under 10 s and under 500 MB each; queries grow per batch, not per row.
The processor time is printed too: on a busy machine it says more than the wall-clock time.

    SECRET_KEY=bench-only-secret .venv/bin/python bench/import.py
    SECRET_KEY=bench-only-secret .venv/bin/python bench/import.py --database-url postgres://postgres@127.0.0.1:5432/vp_bench_import
"""

import argparse
import io
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from register import OUT, prepare_database, setup_django  # noqa: E402

DEFAULT_DATABASE_URL = f"sqlite:///{OUT / 'import.sqlite3'}"
PARTY_COUNT = 800
TARGET_SECONDS = 10
TARGET_MB = 500


def build_workbook() -> tuple[bytes, dict]:
    from openpyxl import Workbook

    from importer.columns import (
        DOCUMENTS,
        INTERESTS,
        MEASURES,
        OPINIONS,
        PARTICIPATION_FIGURES,
        PARTICIPATIONS,
        PARTIES,
        PARTY_FIGURES,
        POPULATION,
        REPRESENTATIVES,
        RISKS,
        SHEETS,
        UNKNOWNS,
    )
    from partners.models import Participant

    # The gemeenten of today: a former gemeente cannot join a party in 2025 or have its figures.
    today = Participant.objects.municipalities().filter(ended_on__isnull=True)
    codes = list(today.order_by("code").values_list("code", flat=True))
    workbook = Workbook(write_only=True)
    sheets = {s.title: workbook.create_sheet(s.title) for s in SHEETS}
    for sheet in SHEETS:
        sheets[sheet.title].append(sheet.headers)
    rows = dict.fromkeys(sheets, 0)

    def add(sheet, values):
        sheets[sheet.title].append(values)
        rows[sheet.title] += 1

    for i in range(PARTY_COUNT):
        name = f"Benchpartij {i:04d}"
        add(PARTIES,
            [name, f"BP{i}", "Openbaar lichaam", "Utrecht", "Actief", "Veiligheid", f"{10_000_000 + i}", "01-01-2010",
             None, None, "Openbaar belang van de benchpartij.", "Doel.", "", "", "https://www.voorbeeld.nl/", "", "nee"]
        )  # fmt: skip
        members = [codes[(i * 3 + k) % len(codes)] for k in range(3)]
        for k, code in enumerate(members):
            add(PARTICIPATIONS,
                [name, "Openbaar lichaam", code, "ja", "1 zetel in AB", 1, "ja", "Aansprakelijkheid voor tekorten",
                 "", "33,33%", None, None, "01-01-2025", None]
            )  # fmt: skip
            if k < 1:
                for year in (2025,):
                    add(
                        PARTICIPATION_FIGURES,
                        [name, "Openbaar lichaam", code, year, "Begroting", "€ 1.234.567,89", None, None, None],
                    )
            if k < 2 and i % 4:
                add(REPRESENTATIVES,
                    [f"Wethouder {code}", "Wethouder", code, f"wethouder@{code.lower()}.nl", "050 123 45 67", name,
                     "Openbaar lichaam", "Algemeen bestuur", "Lid", code, "01-01-2023", None, ""]
                )  # fmt: skip
        risks = [("Tekort op de begroting", None), ("Garantstelling lening", members[0])]
        if i % 2 == 0:
            add(MEASURES,
                [name, "Openbaar lichaam", None, "Tekort op de begroting", "Bestemmingsreserve vormen",
                 "Concerncontroller", "31-12-2026", "In uitvoering"]
            )  # fmt: skip
        if i % 2 == 0:
            add(DOCUMENTS,
                [name, "Openbaar lichaam", "Ontwerpbegroting", 2026, "Ontwerpbegroting 2026", "15-04-2025", "ja",
                 "02-07-2025", "10-07-2025", "https://www.voorbeeld.nl/begroting-2026"]
            )  # fmt: skip
            add(OPINIONS,
                [name, "Openbaar lichaam", "Ontwerpbegroting", 2026, None, members[0], "Verzonden", "25-06-2025",
                 "26-06-2025", "Houd de bijdrage gelijk.", "", "De bijdrage stijgt met de loonindex.", "01-07-2025"]
            )  # fmt: skip
        if i % 2:
            add(INTERESTS,
                [name, "Openbaar lichaam", members[0], 2025, "Lening", None, None, None, "3.600.000", "2.400.000",
                 "1.800.000", None, "2.400.000", "1.800.000", "Aandeelhouderslening"]
            )  # fmt: skip
            add(UNKNOWNS,
                [name, "Openbaar lichaam", members[1], 2025, "Vreemd vermogen", "Jaarrekening nog niet vastgesteld"]
            )  # fmt: skip
        for title, member in risks:
            add(RISKS,
                [name, "Openbaar lichaam", member, title, "Financieel", "Toelichting op het risico.", "3 – gemiddeld",
                 "groot", "€ 100.000", "250.000", "Open", "Concerncontroller", "15-01-2025", "01-06-2025", "nee"]
            )  # fmt: skip
        for year in (2025,):
            add(PARTY_FIGURES,
                [name, "Openbaar lichaam", year, "Begroting", "4.800.000", "2.800.000", "12.000.000,50",
                 "11.000.000", "-154.000"]
            )  # fmt: skip
    for code in codes[:200]:
        for year in (2025, 2026):
            add(POPULATION, [code, year, "12.345", "CBS, bevolking op 1 januari"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), rows


def measure(label: str, action):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start, cpu_start = time.perf_counter(), time.process_time()
        report = action()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    tracemalloc.start()
    action_for_memory = action if label.startswith("controle") else None
    if action_for_memory:
        action_for_memory()
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024 if action_for_memory else None
    tracemalloc.stop()
    return report, seconds, cpu, len(queries), peak


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    args = parser.parse_args(argv)
    prepare_database(args.database_url, regenerate=True)
    setup_django(args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from importer.service import run_file

    data, per_sheet = build_workbook()
    size = f"{len(data) / 1024 / 1024:.1f}".replace(".", ",")
    print(f"Werkmap: {sum(per_sheet.values()):,} rijen, {size} MB".replace(",", ".", 1))
    print("    " + "; ".join(f"{title}: {rows:,}".replace(",", ".") for title, rows in per_sheet.items()))

    def dry():
        return run_file(data=data, filename="bench.xlsx", dry_run=True)

    def real():
        return run_file(data=data, filename="bench.xlsx", dry_run=False)

    results = []
    for label, action in (("controle (leeg register)", dry), ("import", real), ("controle na import", dry),
                          ("nogmaals importeren", real)):  # fmt: skip
        report, seconds, cpu, queries, peak = measure(label, action)
        assert report.ok, report.lines()[:10]
        counts = "; ".join(f"{t}: {c.created} nieuw, {c.updated} gewijzigd, {c.unchanged} ongewijzigd"
                           for t, c in report.counts.items())  # fmt: skip
        memory = f", piek Python-geheugen {peak:.0f} MB" if peak is not None else ""
        print(f"{label:28} {seconds:6.1f} s (processortijd {cpu:5.1f} s), {queries:4} queries{memory}\n    {counts}")
        results.append(seconds)
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Hoogste geheugengebruik van het proces (max RSS): {max_rss:.0f} MB")
    # On a busy machine the wall-clock time grows with the load; the processor time much less so.
    print(f"Belasting van de machine (load average, 1 min): {os.getloadavg()[0]:.1f} op {os.cpu_count()} cores")
    ok = max(results) < TARGET_SECONDS and max_rss < TARGET_MB
    print(f"Doel: elke stap onder {TARGET_SECONDS} s en onder {TARGET_MB} MB — {'gehaald' if ok else 'NIET gehaald'}.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
