"""Reference data that ships with the project: the gemeenten of 2025, the provincies and the
BBV hoofdtaakvelden as default beleidsvelden. Loading is idempotent (matched on code)."""

import csv
from datetime import date
from pathlib import Path

MUNICIPALITIES_CSV = Path(__file__).resolve().parent / "data" / "gemeenten-2025.csv"

# BBV hoofdtaakvelden (Regeling informatie voor derden, bijlage taakvelden), used as programma's.
POLICY_AREAS = [
    ("0", "Bestuur en ondersteuning"),
    ("1", "Veiligheid"),
    ("2", "Verkeer, vervoer en waterstaat"),
    ("3", "Economie"),
    ("4", "Onderwijs"),
    ("5", "Sport, cultuur en recreatie"),
    ("6", "Sociaal domein"),
    ("7", "Volksgezondheid en milieu"),
    ("8", "Volkshuisvesting, leefomgeving en stedelijke vernieuwing"),
]


def read_municipalities(path: Path = MUNICIPALITIES_CSV) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference_data(participant_model, policy_area_model) -> dict[str, int]:
    """Create or update provincies, gemeenten and beleidsvelden; return counts of created rows."""
    created = {"provincies": 0, "gemeenten": 0, "beleidsvelden": 0}
    rows = read_municipalities()
    provinces = {}
    for row in rows:
        code = row["provincie_code"]
        if code not in provinces:
            province, was_created = participant_model.objects.update_or_create(
                code=code, defaults={"kind": "provincie", "name": row["provincie"]}
            )
            provinces[code] = province
            created["provincies"] += was_created
    for row in rows:
        _, was_created = participant_model.objects.update_or_create(
            code=row["cbs_code"],
            defaults={
                "kind": "gemeente",
                "name": row["naam"],
                "province": provinces[row["provincie_code"]],
                "started_on": date.fromisoformat(row["begindatum"]) if row["begindatum"] else None,
            },
        )
        created["gemeenten"] += was_created
    for code, name in POLICY_AREAS:
        _, was_created = policy_area_model.objects.update_or_create(code=code, defaults={"name": name})
        created["beleidsvelden"] += was_created
    return created
