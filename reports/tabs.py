"""The object tabs of a party's page and of a gemeente's page (NetBox's object tabs): an overview and one
tab per subject, each at its own URL under the overview, so links, bookmarks and the back button work
and each tab loads only what it shows."""

from dataclasses import dataclass
from urllib.parse import urlencode

from partners import scoping

# (key, label) in the order of the tab bar; the key is also the last part of the tab's URL.
PARTY_TABS = (
    ("", "Overzicht"),
    ("deelnemers", "Deelnemers"),
    ("financien", "Financiën"),
    ("doelen", "Doelen"),
    ("sturing", "Sturing en planning"),
    ("risicos", "Risico's"),
    ("historie", "Historie"),
)
# A gemeente takes part in parties: its first tab lists its deelnames rather than deelnemers.
MUNICIPALITY_TABS = (
    ("", "Overzicht"),
    ("deelnames", "Deelnames"),
    ("financien", "Financiën"),
    ("doelen", "Doelen"),
    ("sturing", "Sturing en planning"),
    ("risicos", "Risico's"),
    ("historie", "Historie"),
)
# What a tab keeps of the address when the reader moves to another tab: the year and the peildatum.
KEPT = ("jaar", "peildatum")


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class TabBar:
    """The tabs of one object's page; `current` is the tab on screen (its label names the page)."""

    label: str  # the aria-label of the <nav>
    tabs: tuple[Tab, ...]

    @property
    def current(self) -> Tab:
        return next(tab for tab in self.tabs if tab.current)


def tab_bar(definitions, *, base_url: str, current: str, query, label: str) -> TabBar:
    """`base_url`: the overview's URL; `query`: the request's GET, of which the year and peildatum go along."""
    kept = urlencode([(name, query[name]) for name in KEPT if query.get(name)])
    suffix = f"?{kept}" if kept else ""
    tabs = tuple(
        Tab(key, name, f"{base_url}{key}/{suffix}" if key else f"{base_url}{suffix}", key == current)
        for key, name in definitions
    )
    return TabBar(label, tabs)


def party_tabs(party, *, current: str, query, user=None) -> TabBar:
    """The history names who changed what: not a tab of the public version (partners/scoping.py)."""
    public = user is not None and scoping.reads_public_version(user)
    return tab_bar(
        [tab for tab in PARTY_TABS if not (public and tab[0] == "historie")],
        base_url=party.get_absolute_url(),
        current=current,
        query=query,
        label=f"Onderdelen van {party.name}",
    )


def municipality_tabs(municipality, *, current: str, query) -> TabBar:
    return tab_bar(
        MUNICIPALITY_TABS,
        base_url=municipality.get_absolute_url(),
        current=current,
        query=query,
        label=f"Onderdelen van gemeente {municipality.name}",
    )
