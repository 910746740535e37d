"""Reference data that ships with the project: the gemeenten since 2000 (with begindatum, einddatum
and earlier names), the provincies and the BBV hoofdtaakvelden as default beleidsvelden. Loading is
idempotent (matched on code)."""

import csv
import re
from datetime import date
from pathlib import Path

MUNICIPALITIES_CSV = Path(__file__).resolve().parent / "data" / "gemeenten-2025.csv"
# Every gemeente that existed on some day since 1 January 2000 (CBS gemeentelijke indeling): 608
# rows, einddatum being the first day a gemeente no longer existed, earlier names as "Hengelo (t/m 2024)".
MUNICIPALITIES_SINCE_2000_CSV = Path(__file__).resolve().parent / "data" / "gemeenten-sinds-2000.csv"
_EARLIER_NAME = re.compile(r"^(?P<naam>.+?) \(t/m (?P<jaar>\d{4})\)$")

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


def parse_earlier_names(text: str) -> list[dict]:
    """'Hengelo (t/m 2024)' -> [{"naam": "Hengelo", "tot_en_met": 2024}]; several are separated by ';'."""
    names = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = _EARLIER_NAME.match(part)
        if not match:
            raise ValueError(f"Eerdere naam “{part}” heeft niet de vorm “Naam (t/m jaar)”.")
        names.append({"naam": match["naam"], "tot_en_met": int(match["jaar"])})
    return names


def load_municipalities_since_2000(participant_model) -> dict[str, int]:
    """Create or update every gemeente since 2000 with its begindatum, einddatum and earlier names.
    The successor of a merged gemeente is not in the source: the beheerder records it in the admin."""
    created = {"provincies": 0, "gemeenten": 0, "bijgewerkt": 0}
    rows = read_municipalities(MUNICIPALITIES_SINCE_2000_CSV)
    provinces = {}
    for row in rows:
        code = row["provincie_code"]
        if code not in provinces:
            provinces[code], was_created = participant_model.objects.get_or_create(
                code=code, defaults={"kind": "provincie", "name": row["provincie"]}
            )
            created["provincies"] += was_created
    existing = {p.code: p for p in participant_model.objects.filter(code__in=[r["cbs_code"] for r in rows])}
    for row in rows:
        values = {
            "kind": "gemeente",
            "name": row["naam"],
            "province": provinces[row["provincie_code"]],
            "started_on": date.fromisoformat(row["begindatum"]) if row["begindatum"] else None,
            "ended_on": date.fromisoformat(row["einddatum"]) if row["einddatum"] else None,
            "earlier_names": parse_earlier_names(row["eerdere_namen"]),
        }
        current = existing.get(row["cbs_code"])
        if current is None:
            participant_model.objects.create(code=row["cbs_code"], **values)
            created["gemeenten"] += 1
            continue
        changed = [name for name, value in values.items() if getattr(current, name) != value]
        # A beheerder's own einddatum (an herindeling after the source's date) is kept.
        if "ended_on" in changed and current.ended_on and not values["ended_on"]:
            changed.remove("ended_on")
        if changed:
            for name in changed:
                setattr(current, name, values[name])
            current.save(update_fields=changed)
            created["bijgewerkt"] += 1
    return created
