"""Check that a database made by an earlier version migrates to this one without losing rows.

    .venv/bin/python scripts/upgrade_check.py [GIT_REF]   (default: main; DATABASE_URL as usual)

DATABASE_URL must name an empty database; without it a new SQLite file is used. Exports GIT_REF's
code to a temporary folder, migrates the database with it, loads the demo and records one import run,
counts the rows of every table, then migrates the same database with this checkout and counts again.
Every table that existed must keep its rows, and the models that changed app must read them.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
# Known, intended differences: the roles no longer hold rights on the cache counter, which moved to
# the platform app (core.DataVersion) and which nobody edits: 4 for beheerder, 1 each for the others.
EXPECTED = {"auth_group_permissions": -6}
PYTHON = sys.executable

COUNT = """
from django.db import connection
tables = sorted(connection.introspection.table_names())
with connection.cursor() as cursor:
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        print("ROW", table, cursor.fetchone()[0])
"""

OLD_RUN = """
from django.contrib.auth import get_user_model
from partners.models import ImportRun
ImportRun.objects.create(user=get_user_model().objects.get(username="beheer"), file_name="oud.xlsx",
                         file_hash="0" * 64, content=b"bestand", counts={"Partijen": {"created": 1}})
"""

NEW_READ = """
from core.models import DataVersion
from importer.models import ImportRun
from django.contrib.admin.models import LogEntry
run = ImportRun.objects.get(file_name="oud.xlsx")
assert bytes(run.content) == b"bestand" and run.user.username == "beheer", run
assert DataVersion.objects.get().counter > 0
print("ImportRun and DataVersion read through their new apps:", run, DataVersion.objects.get())
"""


def manage(code_dir: Path, *args, stdin: str | None = None) -> str:
    env = {**os.environ, "SECRET_KEY": "upgrade-check", "DEBUG": "true", "PYTHONPATH": str(code_dir)}
    result = subprocess.run(
        [PYTHON, str(code_dir / "manage.py"), *args],
        cwd=code_dir,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} in {code_dir} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def counts(code_dir: Path) -> dict[str, int]:
    lines = manage(code_dir, "shell", stdin=COUNT).splitlines()
    return {table: int(n) for _, table, n in (line.split() for line in lines if line.startswith("ROW "))}


def main(ref: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        # An empty database: DATABASE_URL (which must be empty), or a new SQLite file.
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/upgrade.sqlite3")
        old = Path(folder) / "code"
        old.mkdir()
        archive = subprocess.run(["git", "archive", ref], cwd=HERE, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        manage(old, "migrate", "--no-input")
        manage(old, "load_demo")
        manage(old, "shell", stdin=OLD_RUN)
        before = counts(old)
        manage(HERE, "migrate", "--no-input")
        after = counts(HERE)
        manage(HERE, "shell", stdin=NEW_READ)
    lost = {
        t: (n, after.get(t))
        for t, n in before.items()
        if t != "django_migrations" and after.get(t) != n + EXPECTED.get(t, 0)
    }
    print(f"{len(before)} tables, {sum(before.values())} rows before; ", end="")
    print(f"{len(after)} tables, {sum(after.values())} rows after.")
    for table in ("partners_importrun", "partners_dataversion", "partners_party", "risks_risk", "governance_seat"):
        print(f"  {table}: {before.get(table)} -> {after.get(table)}")
    if lost:
        sys.exit(f"Rows changed: {lost}")
    print(f"No table lost or gained rows (django_migrations aside; expected: {EXPECTED}).")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "main")
