"""The Vertegenwoordigers sheet: people and their seats in the bodies of a party (governance).

A row holds a person, and optionally one seat of that person. A person is matched on naam + gemeente
(none for an extern lid) and must carry the same functie, e-mail and telefoon on every row; a seat is
matched on persoon + partij + orgaan + rol + begindatum, the seat's unique constraint. Seats of one
person in the same role and body may not overlap, neither in the file nor with seats in the register
that the file leaves as they are; the message is the one the admin gives (overlap_message).
"""

from collections import defaultdict

from governance.choices import PersonFunction, SeatRole
from governance.models import Person, Seat
from governance.models.representation import overlap_message

from . import values as v
from .columns import REPRESENTATIVES

PEOPLE = "personen"
PERSON_FIELDS = ["name", "function", "municipality", "email", "phone"]
SEAT_FIELDS = ["body", "role", "on_behalf_of", "started_on", "ended_on", "note"]
SEAT_MESSAGES = {c.name: c.violation_error_message for c in Seat._meta.constraints}
HEADERS = {c.key: c.header for c in REPRESENTATIVES.columns}


def _overlaps(a, b) -> bool:
    return (b.ended_on is None or a.started_on <= b.ended_on) and (a.ended_on is None or b.started_on <= a.ended_on)


class RepresentativeRows:
    """Part of Plan (plan.py): reading, checking and writing the Vertegenwoordigers sheet."""

    def _load_representatives(self):
        self.people_by_key = defaultdict(list)
        for person in Person.objects.all():
            self.people_by_key[(v.normalize(person.name), person.municipality_id)].append(person)
        self.stored_seats = {}
        self.seats_by_group = defaultdict(list)
        for seat in Seat.objects.select_related("person", "party"):
            self.stored_seats[(seat.person_id, seat.party_id, seat.body, seat.role, seat.started_on)] = seat
            self.seats_by_group[(seat.person_id, seat.party_id, seat.body, seat.role)].append(seat)

    def _representatives(self):
        sheet_rows = self.rows(REPRESENTATIVES)
        if sheet_rows is None:
            return
        people, seats = {}, {}
        for row in sheet_rows.rows:
            data = self._parse(REPRESENTATIVES, row)
            if data is None or not self._seat_columns_complete(row, data):
                continue
            found = self._person(row, data, people)
            if found is None:
                continue
            person, person_change, first_row = found
            person_news = person_change.new or bool(person_change.changed) if first_row else False
            if not data["party"]:
                self._count(REPRESENTATIVES, new=person_change.new and first_row, changed=person_news)
                continue
            self._seat(row, data, person, person_news, seats)
        self._check_overlaps(seats)

    def _seat_columns_complete(self, row, data) -> bool:
        seat_keys = [k for k in SEAT_FIELDS if k != "role"] + ["party_legal_form", "role"]
        if not data["party"]:
            filled = [HEADERS[k] for k in seat_keys if data[k]]
            if filled:
                self._problem(
                    REPRESENTATIVES,
                    row.number,
                    "Partij",
                    f"Vul de partij in bij een zetel ({', '.join(filled)} is ingevuld), of laat de kolommen van de "
                    "zetel leeg voor alleen de persoon.",
                )
                return False
            return True
        ok = True
        for key in ("body", "started_on"):
            if not data[key]:
                self._problem(
                    REPRESENTATIVES, row.number, HEADERS[key], f"Verplicht bij een zetel: vul “{HEADERS[key]}” in."
                )
                ok = False
        return ok

    def _person(self, row, data, people):
        """The row's person, the change recorded for it, and whether this is the person's first row."""
        values = {f: data[f] for f in PERSON_FIELDS}
        municipality = values["municipality"]
        key = (v.normalize(values["name"]), municipality.pk if municipality else None)
        if key in people:
            change, first = people[key]
            different = [f for f in PERSON_FIELDS[1:] if _value(values[f]) != _value(getattr(change.obj, f))]
            if different:
                for name in different:
                    self._problem(
                        REPRESENTATIVES,
                        row.number,
                        HEADERS[name],
                        f"{values['name']} staat op rij {first} met {HEADERS[name].lower()} "
                        f"“{_shown(name, getattr(change.obj, name))}”, hier met “{_shown(name, values[name])}”. "
                        "Vul per persoon "
                        "op elke rij dezelfde functie, e-mail en telefoon in.",
                    )
                return None
            return change.obj, change, False
        stored = self.people_by_key.get(key, [])
        if len(stored) > 1:
            where = f" bij {municipality.name}" if municipality else " zonder gemeente"
            self._problem(
                REPRESENTATIVES,
                row.number,
                "Naam",
                f"Het register heeft {len(stored)} personen met de naam “{values['name']}”{where}; maak de namen "
                "daar eerst verschillend.",
            )
            return None
        candidate = Person(**values)
        if not self._validate(REPRESENTATIVES, row, candidate, ["municipality"]):
            return None
        existing = stored[0] if stored else None
        new = existing is None
        change = self._record(
            REPRESENTATIVES, row, existing or candidate, new, values, PERSON_FIELDS, key=PEOPLE, count=False
        )
        people[key] = (change, row.number)
        return change.obj, change, True

    def _seat(self, row, data, person, person_news, seats):
        party = self.party(REPRESENTATIVES, row, data)
        if party is None:
            return
        values = {f: data[f] for f in SEAT_FIELDS}
        values["role"] = values["role"] or SeatRole.LID
        key = (id(person), id(party), values["body"], values["role"], values["started_on"])
        if key in seats:
            self._problem(
                REPRESENTATIVES,
                row.number,
                "Begindatum",
                f"Deze zetel (persoon, partij, orgaan, rol en begindatum) staat al op rij {seats[key][0].row}.",
            )
            return
        candidate = Seat(person=person, party=party, **values)
        if not self._validate(REPRESENTATIVES, row, candidate, ["person", "party", "on_behalf_of"]):
            return
        if values["ended_on"] and values["ended_on"] < values["started_on"]:
            self._problem(REPRESENTATIVES, row.number, "Einddatum", SEAT_MESSAGES["seat_end_after_start"])
            return
        behalf = values["on_behalf_of"]
        if behalf is not None and not self._takes_part(party, behalf):
            self._problem(
                REPRESENTATIVES,
                row.number,
                "Namens",
                f"{behalf} neemt niet deel in {party}; kies een deelnemer, zet de deelname op het tabblad "
                "Deelnames of laat “Namens” leeg.",
            )
            return
        existing = None
        if person.pk and party.pk:
            stored_key = (person.pk, party.pk, values["body"], values["role"], values["started_on"])
            existing = self.stored_seats.get(stored_key)
        change = self._record(
            REPRESENTATIVES, row, existing or candidate, existing is None, values, SEAT_FIELDS, count=False
        )
        # Counted after the overlap check, so that a refused row does not count.
        change.person_news = person_news
        seats[key] = (change, person, party)

    def _takes_part(self, party, participant) -> bool:
        if (id(party), participant.pk) in self.participation_index:
            return True
        return bool(party.pk) and (party.pk, participant.pk) in self.participations

    def _check_overlaps(self, seats):
        """Seats of one person in one role and body must not overlap: in the file, or with stored seats
        the file does not change."""
        in_file = defaultdict(list)
        matched = set()
        for (person_id, party_id, body, role, _), (change, person, party) in seats.items():
            in_file[(person_id, party_id, body, role)].append((change, person, party))
            if change.obj.pk:
                matched.add(change.obj.pk)
        for group in in_file.values():
            _, person, party = group[0]
            stored = []
            if person.pk and party.pk:
                body, role = group[0][0].obj.body, group[0][0].obj.role
                stored_group = self.seats_by_group.get((person.pk, party.pk, body, role), ())
                stored = [s for s in stored_group if s.pk not in matched]
            earlier = []
            for change, _, _ in sorted(group, key=lambda g: g[0].row):
                other = next((s for s in [*stored, *earlier] if _overlaps(change.obj, s)), None)
                if other is not None:
                    self._problem(REPRESENTATIVES, change.row, "Begindatum", overlap_message(change.obj, other))
                else:
                    self._count(REPRESENTATIVES, new=change.new, changed=bool(change.changed) or change.person_news)
                earlier.append(change.obj)

    def _write_representatives(self):
        self._write(Person, REPRESENTATIVES, PERSON_FIELDS, key=PEOPLE)
        self._write(Seat, REPRESENTATIVES, SEAT_FIELDS)


def _value(value):
    return value.pk if hasattr(value, "pk") else value


def _shown(field: str, value) -> str:
    if value is None or value == "":
        return "leeg"
    if field == "function":
        return PersonFunction(value).label
    return getattr(value, "name", None) or str(value)
