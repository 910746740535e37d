"""Create the PostgreSQL database of DATABASE_URL if it does not exist yet (for `make prod` and the
distributed test); connects to the server's `postgres` database to do so."""

import os
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql


def ensure(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        return
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Database {name} aangemaakt.")


if __name__ == "__main__":
    ensure(sys.argv[1] if len(sys.argv) > 1 else os.environ["DATABASE_URL"])
