"""Start the test identity provider (serve.py) as a subprocess and stop it again."""

import json
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID, CLIENT_SECRET, PASSWORD = "register", "geheim-van-de-client", "wachtwoord-idp"


@contextmanager
def running(folder: Path, *, users: dict, callbacks: list[str]):
    """The provider with these users (username -> claims) and the register's callbacks; yields its URL."""
    claims_file = folder / "claims.json"
    claims_file.write_text(json.dumps(users))
    command = [sys.executable, "-m", "tests.identity_provider.serve", "--db", str(folder / "provider.sqlite3")]
    command += ["--claims", str(claims_file), "--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET]
    command += ["--password", PASSWORD]
    for callback in callbacks:
        command += ["--redirect-uri", callback]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first_line = []
    reader = threading.Thread(target=lambda: first_line.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout=60)
    try:
        if not first_line or not first_line[0].startswith("READY "):
            process.kill()
            raise RuntimeError(f"De test-inlogdienst startte niet: {process.communicate()[1][-2000:]}")
        yield first_line[0].split()[1]
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def config(url: str, key: str = "gemeente", name: str = "Gemeente Aastad", **extra) -> dict:
    """The register's OIDC_PROVIDERS entry for this provider."""
    return {
        "key": key,
        "name": name,
        "issuer": url,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "scopes": "openid profile email register",
        **extra,
    }
