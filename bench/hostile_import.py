"""Benchmark of refusing hostile import files: how long the check takes and how much memory it needs.

Builds, in bench/out/, the files a security test used against the import:

- wide.xlsx: one sheet "Partijen" of 50,000 rows × 120 cells (a few hundred KB zipped), stating
  its used range as Excel does;
- wide-unstated.xlsx: the same without the stated range, so that only reading finds the width;
- tall-unstated.xlsx: 16 columns and more rows than IMPORT_MAX_ROWS, without a stated range, so
  that the row limit is reached only by counting rows;
- long-cell.xlsx: one party whose Doel is a single 20 MB cell (a 21 KB file);
- long-cell.csv: the same with a 9 MB cell (a CSV of 20 MB is refused on its size alone).

Each file is checked (importer.service.check, what /import/ and import_register do) in two
fresh processes: one measures the wall time (and processor time, which suffers less on a busy
machine) of the check and the process's peak resident memory
(ru_maxrss, Django included), the other the peak of Python allocations during the check
(tracemalloc, which slows the check down). It prints those and the Dutch message. Target for
each: refused in under 2 s and under 200 MB. Nothing touches a database.

    SECRET_KEY=bench-only-secret .venv/bin/python bench/hostile_import.py
"""

import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
TARGET_SECONDS = 2
TARGET_MB = 200

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Partijen" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
HEADERS = ["Naam", "Rechtsvorm", "Vestigingsplaats", "Doel"]


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def inline(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def write_xlsx(path: Path, rows, *, width: int, height: int, stated: bool) -> None:
    """A minimal workbook written part by part, the sheet streamed row by row (as a hostile tool would)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            if stated:
                sheet.write(f'<dimension ref="A1:{column_letter(width)}{height}"/>'.encode())
            sheet.write(b"<sheetData>")
            for number, cells in enumerate(rows, start=1):
                sheet.write(f'<row r="{number}">{"".join(cells)}</row>'.encode())
            sheet.write(b"</sheetData></worksheet>")


def grid(width: int, height: int):
    """A header row under the template's first headers, then rows of the same number (cells without a
    reference, which the format allows: that is what makes such a file small)."""
    yield [
        inline(f"{column_letter(c + 1)}1", HEADERS[c] if c < len(HEADERS) else f"Kolom {c + 1}") for c in range(width)
    ]
    row = ["<c><v>1</v></c>"] * width
    for _ in range(2, height + 1):
        yield row


def long_cell_rows(length: int):
    yield [inline(f"{column_letter(c + 1)}1", h) for c, h in enumerate(HEADERS)]
    yield [inline("A2", "Lange Partij"), inline("B2", "Stichting"), inline("C2", "Ede"), inline("D2", "x" * length)]


def build() -> list[Path]:
    OUT.mkdir(exist_ok=True)
    files = []

    def made(name, writer):
        path = OUT / name
        if not path.exists():
            writer(path)
        files.append(path)

    made("wide.xlsx", lambda p: write_xlsx(p, grid(120, 50_001), width=120, height=50_001, stated=True))
    made("wide-unstated.xlsx", lambda p: write_xlsx(p, grid(120, 50_001), width=120, height=50_001, stated=False))
    made("tall-unstated.xlsx", lambda p: write_xlsx(p, grid(16, 100_002), width=16, height=100_002, stated=False))
    made("long-cell.xlsx", lambda p: write_xlsx(p, long_cell_rows(20_000_000), width=4, height=2, stated=True))
    made(
        "long-cell.csv",
        lambda p: p.write_text(";".join(HEADERS) + "\nLange Partij;Stichting;Ede;" + "x" * 9_000_000 + "\n"),
    )
    return files


def measure(path: Path, *, trace: bool) -> dict:
    """In this (fresh) process: check the file and report time, memory and the refusal."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from importer.service import check

    data = path.read_bytes()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if trace:
        tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    outcome = check(data, path.name)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    tracemalloc.stop()
    report = getattr(outcome, "report", outcome)
    return {
        "file": path.name,
        "size_kb": len(data) / 1024,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "python_peak_mb": peak / 1024 / 1024,
        "rss_before_mb": rss_before,
        "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "problems": [p.message for p in report.problems][:2],
    }


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        print(json.dumps(measure(Path(sys.argv[2]), trace=sys.argv[3] == "trace")))
        return
    env = {"SECRET_KEY": "bench-only-secret", "DEBUG": "false", **os.environ}
    print(f"Hostile import files refused (target: under {TARGET_SECONDS} s and {TARGET_MB} MB each)\n")

    def run(path, mode):
        result = subprocess.run(
            [sys.executable, __file__, "--measure", str(path), mode],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    for path in build():
        figures = run(path, "time")
        figures["python_peak_mb"] = run(path, "trace")["python_peak_mb"]
        ok = figures["seconds"] < TARGET_SECONDS and figures["rss_peak_mb"] < TARGET_MB
        print(
            f"{figures['file']:<20} {figures['size_kb']:>9,.0f} KB  {figures['seconds']:6.2f} s "
            f"(processortijd {figures['cpu_seconds']:5.2f} s)  "
            f"python peak {figures['python_peak_mb']:6.1f} MB  max RSS {figures['rss_peak_mb']:6.1f} MB "
            f"(Django loaded: {figures['rss_before_mb']:.1f} MB)  {'ok' if ok else 'OVER TARGET'}"
        )
        for message in figures["problems"]:
            print(f"    {message[:150]}")
    print(f"\nload average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
