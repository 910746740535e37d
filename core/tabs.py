"""Object tabs (NetBox's habit): a factsheet or gemeente page opens on an overview, the rest of the object
is on tabs with their own URLs, so links and the browser's back button work and each tab renders only
its own content. The tabs are named by URL name (strings: the platform imports no app)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

# (label, URL name) per kind of object, in the order of the tabs; the first is the overview.
TABS = {
    "partij": [
        ("Overzicht", "reports:party_detail"),
        ("Deelnemers", "partners:party_participants"),
        ("Financiën", "reports:party_finances"),
        ("Doelen", "reports:party_goals"),
        ("Sturing en planning", "reports:party_governance"),
        ("Risico's", "reports:party_risks"),
        ("Historie", "reports:party_history"),
    ],
    "gemeente": [
        ("Overzicht", "reports:municipality_detail"),
        ("Deelnames", "reports:municipality_participations"),
        ("Financiën", "reports:municipality_finances"),
        ("Doelen", "governance:municipality_goals"),
        ("Sturing en planning", "reports:municipality_governance"),
        ("Risico's", "reports:municipality_risks"),
    ],
}
# The query parameters a tab keeps when the reader moves to another: the year and the peildatum.
KEPT = ("jaar", "peildatum")


@dataclass(frozen=True)
class Tab:
    label: str
    url: str
    current: bool


def object_tabs(kind: str, key: str, *, current: str, query) -> list[Tab]:
    """The tabs of one object (`key`: a party's slug or a gemeente's CBS code); `current` is the URL name
    of the page shown, `query` its GET parameters."""
    kept = urlencode([(name, query[name]) for name in KEPT if query.get(name)])
    suffix = f"?{kept}" if kept else ""
    argument = "slug" if kind == "partij" else "code"
    return [Tab(label, reverse(name, kwargs={argument: key}) + suffix, name == current) for label, name in TABS[kind]]


def url_names(kind: str) -> set[str]:
    """The URL names (without namespace) of one kind's tabs: the main menu marks them all alike."""
    return {name.partition(":")[2] for _, name in TABS[kind]}
