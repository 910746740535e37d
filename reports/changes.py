"""The wijzigingshistorie of a party in plain Dutch: per change when, who, which record, and per
field "label: old → new", read from the history tables (core/history.py).

A party's history includes its deelnames, its own and its deelnames' financial figures, its seats
and its risks. A user sees only the versions he could see at their time (partners/scoping.py); a
change from a version hidden from him shows the record as it became, without its old values.

The number of queries does not depend on the number of changes: one per kind of record (the changes
with the versions before them) and one per kind of related record named.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from itertools import pairwise

from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from core.formatting import euro, number, pct
from core.history import BEGINSTAND_REASON
from governance.models import CycleDocument, MunicipalPolicy, Opinion, ParticipationGovernance, Seat
from partners import scoping
from partners.models import Participant, Participation, ParticipationFinancials, Party, PartyFinancials
from risks.models import Risk
from risks.models import visible_q as risk_visible_q

ACTIONS = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}
EMPTY = "leeg"
LONG_TEXT = 120


@dataclass
class FieldChange:
    label: str
    old: str | None  # None: the version before is hidden from the reader, so only the new value shows
    new: str


@dataclass
class Change:
    when: datetime
    who: str
    subject: str
    action: str
    reason: str = ""
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def on_behalf(self) -> str:
        """ "namens Veiligheidsregio Groningen": a change a party's bronhouder made (supply/rules.py)."""
        return self.reason if self.reason.startswith("namens ") else ""


@dataclass
class _Source:
    """One kind of record in a party's history: the model and how its records belong to the party."""

    model: type
    belongs: Q
    subject: object  # (record, names) -> str
    shown: Q = field(default_factory=Q)  # on a version's own fields: could the user see it then (empty: always)


def _sources(party_id: int, user) -> list[_Source]:

    # Every deelname the party ever had (also a deleted one), as ids: with a subquery PostgreSQL reads
    # all 300,000 versions of figures of a national register instead of those of this party.
    participations = list(
        Participation.history.filter(party_id=party_id).order_by().values_list("id", flat=True).distinct()
    )
    # The risks the user may see now (partners/scoping.py), and of those only the versions he could see
    # at their time: not a confidential one, nor one on a party or deelname out of his scope.
    risks = Risk.objects.using(DEFAULT_DB_ALIAS).filter(party_id=party_id).visible_to(user)
    # A record of a party is seen with that party: a version on another party only if that one is visible.
    on_visible_party = scoping.party_q(user)
    return [
        _Source(Party, Q(id=party_id), lambda r, n: "Partij"),
        _Source(
            Participation,
            Q(party_id=party_id),
            lambda r, n: f"Deelname van {n.participant(r.participant_id)}",
            on_visible_party,
        ),
        _Source(
            PartyFinancials,
            Q(party_id=party_id),
            lambda r, n: f"Cijfers van de partij {r.year}, {n.choice(r, 'kind').lower()},",
            on_visible_party,
        ),
        _Source(
            ParticipationFinancials,
            Q(participation_id__in=participations),
            lambda r, n: f"Cijfers {r.year}, {n.choice(r, 'kind').lower()}, van {n.participation(r.participation_id)}",
            Q(participation_id__in=participations),
        ),
        _Source(
            Seat,
            Q(party_id=party_id),
            lambda r, n: f"Zetel van {n.label(Seat, 'person', r.person_id)}",
            on_visible_party,
        ),
        _Source(
            CycleDocument,
            Q(party_id=party_id),
            lambda r, n: f"Document “{r.title or n.choice(r, 'kind') + ' ' + str(r.year)}”",
            on_visible_party,
        ),
        _Source(
            Opinion,
            Q(document__party_id=party_id),  # the zienswijzen on the party's documents, with their answers
            lambda r, n: (
                f"Zienswijze van {n.participant(r.municipality_id)} op {n.label(Opinion, 'document', r.document_id)}"
            ),
        ),
        _Source(
            Risk,
            Q(party_id=party_id, id__in=risks.values("id")),
            lambda r, n: f"Risico “{r.title}”",
            risk_visible_q(user),
        ),
    ]


def party_changes(*, party, user, before: datetime | None = None, limit: int | None = None) -> list[Change]:
    """The changes to `party` and its records that `user` may see, newest first; only those before
    `before` (a peildatum)."""
    sources = _sources(party.pk, user)
    return _changes(
        sources,
        before=before,
        limit=limit,
        names=lambda records: _Names(records, sources, own=(Party, party.pk, party.name)),
    )


def _municipality_sources(municipality_id: int, user) -> list[_Source]:
    """The records of a gemeente's own history: the gemeente, its deelnames with their figures and its
    sturing and risk profile, the seats it holds, its zienswijzen, its visie and its own risks."""
    # Every deelname the gemeente ever had (also a deleted one), as ids (see _sources).
    participations = list(
        Participation.history.filter(participant_id=municipality_id).order_by().values_list("id", flat=True).distinct()
    )
    own = Q(participation_id__in=participations)
    risks = Risk.objects.using(DEFAULT_DB_ALIAS).filter(own).visible_to(user)
    return [
        _Source(Participant, Q(id=municipality_id), lambda r, n: "Gemeente"),
        _Source(Participation, Q(participant_id=municipality_id), lambda r, n: f"Deelname in {n.party(r.party_id)}"),
        _Source(
            ParticipationFinancials,
            own,
            lambda r, n: f"Cijfers {r.year}, {n.choice(r, 'kind').lower()}, van {n.participation(r.participation_id)}",
        ),
        _Source(
            ParticipationGovernance,
            own,
            lambda r, n: f"Sturing en risicoprofiel van {n.participation(r.participation_id)}",
        ),
        _Source(
            Seat,
            Q(on_behalf_of_id=municipality_id),
            lambda r, n: f"Zetel van {n.label(Seat, 'person', r.person_id)} in {n.party(r.party_id)}",
        ),
        _Source(Opinion, Q(municipality_id=municipality_id), lambda r, n: f"Zienswijze op {n.document(r.document_id)}"),
        _Source(MunicipalPolicy, Q(municipality_id=municipality_id), lambda r, n: f"Visie en beleid {r.year}"),
        _Source(Risk, Q(id__in=risks.values("id")), lambda r, n: f"Risico “{r.title}”", risk_visible_q(user)),
    ]


def municipality_changes(
    *, municipality, user, before: datetime | None = None, limit: int | None = None
) -> list[Change]:
    """The changes to a gemeente's own records that `user` may see (he may open the gemeente's page,
    partners/scoping.py), newest first; only those before `before` (a peildatum)."""
    sources = _municipality_sources(municipality.pk, user)
    return _changes(
        sources,
        before=before,
        limit=limit,
        names=lambda records: _Names(records, sources, own=(Participant, municipality.pk, municipality.name)),
    )


def _changes(sources: list[_Source], *, before, limit, names) -> list[Change]:
    """The changes of the records of `sources`, newest first, with their field changes; `names(records)`
    gives the labels of the records they refer to."""
    records = []
    for source in sources:
        historical = source.model.history.model
        pk = source.model._meta.pk.attname
        # The same 342-id condition twice (a national party's deelnames in `belongs` and `shown`) made
        # PostgreSQL read all versions of every deelname's figures instead of using the index.
        conditions = [source.belongs] if source.shown == source.belongs else [source.belongs, source.shown]
        listed = historical.objects.filter(*conditions).exclude(history_change_reason=BEGINSTAND_REASON)
        if before is not None:
            listed = listed.filter(history_date__lt=before)
        listed = listed.order_by("-history_date", "-history_id")
        newest, rows = listed.values("history_id"), listed.values(pk)
        if limit:
            newest, rows = newest[:limit], rows[:limit]
        # One query: every version of the rows that have one of the newest changes, so that the
        # version before each change is among them; the newest themselves are marked, and so are the
        # versions the user could see.
        shown = Case(When(source.shown, then=Value(True)), default=Value(False)) if source.shown else Value(True)
        versions = list(
            historical.objects.filter(**{f"{pk}__in": rows})
            .annotate(
                is_listed=Case(When(history_id__in=newest, then=Value(True)), default=Value(False)), is_shown=shown
            )
            .select_related("history_user")
        )
        versions.sort(key=lambda v: (getattr(v, pk), v.history_date, v.history_id))
        previous = {
            version.history_id: earlier
            for earlier, version in pairwise(versions)
            if getattr(earlier, pk) == getattr(version, pk)
        }
        listed_versions = sorted(
            (v for v in versions if v.is_listed), key=lambda v: (v.history_date, v.history_id), reverse=True
        )
        records.extend((source, record, previous.get(record.history_id)) for record in listed_versions[:limit])
    records.sort(key=lambda item: (item[1].history_date, item[1].history_id), reverse=True)
    if limit:
        records = records[:limit]
    names = names(records)
    changes = []
    for source, record, previous in records:
        # A change to a row written without history (a bulk write) has no earlier version to compare.
        changed = record.history_type == "~" and previous is not None
        if changed and not previous.is_shown:
            # The version before was hidden from this user: he gets the record as it became, every field
            # with its value, so that neither the old values nor which fields changed show.
            fields = _field_values(source.model, record, names)
        else:
            fields = _field_changes(source.model, previous, record, names) if changed else []
        if record.history_type == "~" and previous is not None and not fields:
            continue  # saved without a change
        changes.append(
            Change(
                when=timezone.localtime(record.history_date),
                who=_who(record.history_user),
                subject=source.subject(record, names),
                action=ACTIONS[record.history_type],
                reason=record.history_change_reason or "",
                fields=fields,
            )
        )
    return changes


def _who(user) -> str:
    if user is None:
        return "onbekend (systeem)"
    return user.get_full_name() or user.username


def _tracked(model) -> list:
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.name != "slug"]


def _field_changes(model, previous, record, names) -> list[FieldChange]:
    found = []
    for model_field in _tracked(model):
        old = getattr(previous, model_field.attname) if previous else None
        new = getattr(record, model_field.attname)
        if old == new or (old in (None, "") and new in (None, "")):
            continue
        label = str(model_field.verbose_name)
        if isinstance(old, str) and isinstance(new, str) and old and new:
            old, new = _from_first_difference(old, new)
        old_text, new_text = names.value(model_field, old), names.value(model_field, new)
        if old_text == new_text and isinstance(new, Decimal | float):
            old_text, new_text = names.value(model_field, old, cents=True), names.value(model_field, new, cents=True)
        found.append(FieldChange(label[:1].upper() + label[1:], old_text, new_text))
    return found


def _field_values(model, record, names) -> list[FieldChange]:
    """Every field of `record` that has a value, as new values only (the page's own party or gemeente left out)."""
    found = []
    for model_field in _tracked(model):
        value = getattr(record, model_field.attname)
        if value in (None, "") or (model_field.is_relation and model_field.related_model is names.own_model):
            continue
        label = str(model_field.verbose_name)
        found.append(FieldChange(label[:1].upper() + label[1:], None, names.value(model_field, value)))
    return found


def _from_first_difference(old: str, new: str, context: int = 30) -> tuple[str, str]:
    """Two long texts from a little before where they start to differ, so the change shows."""
    same = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        same += 1
    start = max(0, same - context)
    if start == 0:
        return old, new
    start = old.rfind(" ", 0, start) + 1  # begin at a word
    return "…" + old[start:], "…" + new[start:]


class _Names:
    """Labels of the records a party's history refers to (gemeenten, people, policy areas, deelnames):
    one query per kind of record, for those that the shown changes and the versions before them name.

    Names are read from the register as it is now (the main database, also at a peildatum): a
    gemeente or person keeps its name, and a record deleted since reads as its number.
    """

    def __init__(self, records, sources, *, own: tuple):
        # `own`: (model, pk, name) of the page's party or gemeente. On a party's page a reference to a party
        # is a reference to this one: its name is known without a query; a gemeente's page names parties.
        self.own_model, own_pk, own_name = own
        self._labels = {self.own_model: {own_pk: own_name}} if self.own_model is Party else {}
        # Every kind a source can name gets its query, named or not, so that the number of queries
        # does not depend on which changes happen to be shown.
        wanted: dict[type, set] = {}
        for source in sources:
            for model_field in _tracked(source.model):
                if model_field.is_relation and model_field.related_model not in self._labels:
                    wanted.setdefault(model_field.related_model, set())
        for source, record, previous in records:
            if previous is not None and not previous.is_shown:
                previous = None  # hidden from the reader: its labels are not needed
            for model_field in _tracked(source.model):
                if model_field.is_relation and model_field.related_model in wanted:
                    for version in (record, previous):
                        value = getattr(version, model_field.attname) if version is not None else None
                        if value is not None:
                            wanted[model_field.related_model].add(value)
        for model, pks in wanted.items():
            related = [f.name for f in model._meta.concrete_fields if f.is_relation]
            # pk IS NULL matches nothing; it keeps Django from skipping the query when pks is empty.
            named = Q(pk__in=pks) | Q(pk__isnull=True)
            objects = model._base_manager.using(DEFAULT_DB_ALIAS).select_related(*related).filter(named)
            # A deelname is named by its deelnemer on a party's page, by its party on a gemeente's page.
            if model is Participation:
                name = (lambda obj: str(obj.participant)) if self.own_model is Party else (lambda obj: str(obj.party))
            else:
                name = str
            self._labels[model] = {obj.pk: name(obj) for obj in objects}

    def label(self, model, field_name, pk) -> str:
        related = model._meta.get_field(field_name).related_model
        return self._labels.get(related, {}).get(pk, f"nr. {pk}")

    def participant(self, pk) -> str:
        return self._labels.get(Participant, {}).get(pk, f"deelnemer nr. {pk}")

    def participation(self, pk) -> str:
        return self._labels.get(Participation, {}).get(pk, f"deelname nr. {pk}")

    def party(self, pk) -> str:
        return self._labels.get(Party, {}).get(pk, f"partij nr. {pk}")

    def document(self, pk) -> str:
        return self._labels.get(CycleDocument, {}).get(pk, f"document nr. {pk}")

    @staticmethod
    def choice(record, field_name) -> str:
        return str(dict(record._meta.get_field(field_name).choices).get(getattr(record, field_name), ""))

    def value(self, model_field, value, *, cents=False) -> str:
        if value is None or value == "":
            return EMPTY
        if model_field.is_relation:
            return self._labels.get(model_field.related_model, {}).get(value, f"nr. {value}")
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.BooleanField):
            return "ja" if value else "nee"
        if isinstance(model_field, models.DateTimeField):
            return f"{timezone.localtime(value):%d-%m-%Y %H:%M}"
        if isinstance(model_field, models.DateField) and isinstance(value, date):
            return f"{value:%d-%m-%Y}"
        if isinstance(model_field, models.DecimalField):
            label = str(model_field.verbose_name)
            if "€" in label:
                return euro(value, 2 if cents else 0)
            if "%" in label:
                return pct(value)
            return number(value, model_field.decimal_places if cents else 0)
        if isinstance(model_field, models.IntegerField):
            return str(value) if model_field.name == "year" else number(value)
        text = str(value)
        return text if len(text) <= LONG_TEXT else text[: LONG_TEXT - 1].rstrip() + "…"
