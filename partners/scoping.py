"""Who sees what: the one place that narrows the register to a user's gemeenten.

Every view, export, report, feed and template tag asks this module, never the user's groups itself:

- Superusers and beheerders see the whole register.
- Any other user sees the gemeenten they are linked to (UserMunicipality), the parties in which one of
  those gemeenten takes part (also a deelname that has ended: its history stays readable), the risks of
  those parties that are not recorded on another deelnemer's own deelname, and the people of their
  gemeenten or with a seat in a visible party. Anything else answers 404, as if it did not exist.

Each app applies this to its own rows with `visible_to(user)` on its querysets (Risk, Seat, Person,
Assessment), built from the conditions below; this module imports no app above partners.
- Confidential risks only for controllers, beheerders and superusers.
- A raadslid or griffier (RAAD_GRIFFIE) reads his gemeente's register as the public paragraaf shows it
  (`reads_public_version`): no confidential risk, no internal report, and none of what a gemeente keeps
  for itself (signalen, aandachtspunten, monitoring scans, the change history with its authors, the people
  pages with their contact data, the weerstandsvermogen with its count of confidential risks).
- Anyone without login reads, as a PublicReader, the public registers that gemeenten switched on (public/):
  the same public version, for those gemeenten.

A visible party shows all its deelnemers, seats and zienswijzen: those are public facts of the party
(its regeling names them). What a gemeente decides for itself (its sturing and risk profile per deelname,
its monitoring scans) shows only for the user's own gemeenten.

A bronhouder (partners.UserParty) works for a party, not a gemeente: he sees his own parties with their
public facts (deelnemers, seats, zienswijzen and their answers, party-wide risks that are not confidential),
and no gemeente's internal data (gemeente pages, sturing, risk profiles, scans, reports): no gemeente is his.

The user's groups, gemeenten and parties are read once per request and kept on the user object, so a list
costs the same number of queries however many rows it shows.
"""

import copy
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .choices import ParticipantKind
from .models import Participant, Participation, Party
from .roles import BEHEERDER, BELEIDSMEDEWERKER, BRONHOUDER, CONTROLLER, RAAD_GRIFFIE

NOT_FOUND = "Deze pagina bestaat niet."
_GROUPS = "_scope_groups"
_MUNICIPALITIES = "_scope_municipality_ids"
_PARTIES = "_scope_party_ids"


@dataclass(frozen=True)
class PublicReader:
    """A visitor without login reading the public registers of these gemeenten (public/, the open API):
    scoped like a user linked to them, reading the public version only."""

    municipality_ids: frozenset[int]
    is_authenticated = False
    is_active = True
    is_superuser = False
    pk = None


def _group_names(user) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, _GROUPS):
        setattr(user, _GROUPS, frozenset(user.groups.values_list("name", flat=True)))
    return getattr(user, _GROUPS)


def sees_everything(user) -> bool:
    """Superusers and beheerders: the whole register, in the pages and in the admin."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or BEHEERDER in _group_names(user)


def can_see_confidential(user) -> bool:
    """Confidential risks: controllers, beheerders and superusers only."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or bool(_group_names(user) & {CONTROLLER, BEHEERDER})


def reads_public_version(user) -> bool:
    """A raadslid/griffie (and nothing more) or a visitor of the public register: the public version only.
    Pages and parts a gemeente keeps for itself answer 404 or are left out for them."""
    if isinstance(user, PublicReader):
        return True
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return False
    groups = _group_names(user)
    return RAAD_GRIFFIE in groups and not groups & {BELEIDSMEDEWERKER, CONTROLLER, BEHEERDER}


def require_internal_reader(user) -> None:
    """The Dutch 404 for a page the public version does not have."""
    require(not reads_public_version(user))


def has_role(user, *roles: str) -> bool:
    """Whether the user is in one of these groups (partners/roles.py)."""
    return bool(_group_names(user) & set(roles))


def linked_municipality_ids(user) -> frozenset[int]:
    """The pks of the gemeenten the user is linked to, also for a beheerder (who sees every gemeente)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    ids = municipality_ids(user)
    if ids is not None:
        return ids
    return frozenset(user.municipality_links.values_list("municipality_id", flat=True))


def may_import(user) -> bool:
    """The import of an existing register writes to the whole register: beheerders and superusers."""
    return sees_everything(user)


def municipality_ids(user) -> frozenset[int] | None:
    """The pks of the user's gemeenten; None when the user sees every gemeente."""
    if isinstance(user, PublicReader):
        return user.municipality_ids
    if sees_everything(user):
        return None
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if not hasattr(user, _MUNICIPALITIES):
        ids = user.municipality_links.values_list("municipality_id", flat=True)
        setattr(user, _MUNICIPALITIES, frozenset(ids))
    return getattr(user, _MUNICIPALITIES)


def own_party_ids(user) -> frozenset[int]:
    """The pks of the parties the user is linked to as bronhouder (UserParty); none for a beheerder,
    who sees every party anyway."""
    if not has_role(user, BRONHOUDER) or sees_everything(user) or not user.is_active:
        return frozenset()
    if not hasattr(user, _PARTIES):
        setattr(user, _PARTIES, frozenset(user.party_links.values_list("party_id", flat=True)))
    return getattr(user, _PARTIES)


def supplies_for(user, party) -> bool:
    """Whether the user keeps this party's own record: a bronhouder linked to it."""
    return party is not None and has_role(user, BRONHOUDER) and party.pk in own_party_ids(user)


def supplied_parties(user):
    """The parties whose record the user keeps (empty unless he is a bronhouder)."""
    if not has_role(user, BRONHOUDER):
        return Party.objects.none()
    return Party.objects.filter(pk__in=own_party_ids(user)).order_by("name")


def restrict_to_party(user, party):
    """A copy of `user` that sees as a bronhouder of `party` only, whatever the user may see himself:
    the scope of an API key (api/tokens.py). The copy is the same user for the history ("who")."""
    restricted = copy.copy(user)
    restricted.is_superuser = False
    restricted.is_staff = False
    setattr(restricted, _GROUPS, frozenset({BRONHOUDER}))
    setattr(restricted, _MUNICIPALITIES, frozenset())
    setattr(restricted, _PARTIES, frozenset({party.pk}))
    return restricted


def own_municipalities(user):
    """The gemeenten the user is linked to (for the header), also for a beheerder who sees all."""
    if not getattr(user, "is_authenticated", False):
        return Participant.objects.none()
    return Participant.objects.filter(user_links__user=user).order_by("name")


def municipality_visible(user, participant: Participant) -> bool:
    """Whether a gemeente's own pages (page, dashboard, reports, feed) open for this user."""
    ids = municipality_ids(user)
    return ids is None or participant.pk in ids


def visibility_key(user) -> str:
    """What this user may see, as part of a cache key: users with the same key see the same rows."""
    ids = municipality_ids(user)
    municipalities = "alle" if ids is None else "-".join(map(str, sorted(ids)))
    kind = "vertrouwelijk" if can_see_confidential(user) else "publiek" if reads_public_version(user) else "openbaar"
    key = f"{kind}.{municipalities}"
    if parties := own_party_ids(user):
        key += ".partij-" + "-".join(map(str, sorted(parties)))
    return key


# --- Querysets ------------------------------------------------------------------------------------


def visible_municipalities(user, queryset=None):
    """Gemeenten whose pages the user may open."""
    queryset = Participant.objects.municipalities() if queryset is None else queryset.municipalities()
    ids = municipality_ids(user)
    return queryset if ids is None else queryset.filter(pk__in=ids)


def visible_participants(user, queryset=None):
    """Deelnemers a filter may offer: every provincie, waterschap and other body, and the user's gemeenten."""
    queryset = Participant.objects.all() if queryset is None else queryset
    ids = municipality_ids(user)
    return queryset if ids is None else queryset.filter(~Q(kind=ParticipantKind.GEMEENTE) | Q(pk__in=ids))


def _visible_party_ids(ids):
    return Participation.objects.filter(participant_id__in=ids).values("party_id")


def party_q(user, field: str = "party_id") -> Q:
    """A condition on `field` (a party id) for rows of visible parties, for use inside annotations:
    parties of the user's gemeenten, and a bronhouder's own parties."""
    ids = municipality_ids(user)
    if ids is None:
        return Q()
    condition = Q(**{f"{field}__in": _visible_party_ids(ids)})
    if parties := own_party_ids(user):
        condition |= Q(**{f"{field}__in": sorted(parties)})
    return condition


def visible_parties(user, queryset=None):
    """Parties in which one of the user's gemeenten takes part (or has taken part), and a bronhouder's own."""
    queryset = Party.objects.all() if queryset is None else queryset
    condition = party_q(user, "pk")
    return queryset.filter(condition) if condition else queryset


def visible_participations(user, queryset=None, *, prefix: str = ""):
    """Deelnames of the user's own gemeenten (or rows hanging on one, via `prefix`): where a gemeente's
    own sturing, risk profile and scans are kept."""
    queryset = Participation.objects.all() if queryset is None else queryset
    ids = municipality_ids(user)
    return queryset if ids is None else queryset.filter(**{f"{prefix}participant_id__in": ids})


def deelnames_of(participant_ids):
    """The ids of the deelnames of these deelnemers, as a subquery."""
    return Participation.objects.filter(participant_id__in=participant_ids).values("pk")


def party_wide_or_on(deelnames, *, prefix: str = "") -> Q:
    """The one rule for a row recorded on a party (a risk): it weighs for a deelnemer when it holds for
    the whole party (no deelname) or was recorded on one of that deelnemer's own `deelnames` (ids or
    a subquery of them). A row on another deelnemer's deelname is that deelnemer's alone."""
    return Q(**{f"{prefix}participation_id": None}) | Q(**{f"{prefix}participation_id__in": deelnames})


def party_wide_or_own(participant, *, prefix: str = "") -> Q:
    """party_wide_or_on() for the deelnames of one deelnemer (a gemeente)."""
    return party_wide_or_on(deelnames_of([participant.pk]), prefix=prefix)


def weighing_q(user) -> Q:
    """Rows on a party (risks) that the user's gemeenten weigh: of a visible party, and party-wide or on
    one of their own deelnames; no condition for a user who sees everything."""
    ids = municipality_ids(user)
    if ids is None:
        return Q()
    condition = Q(party_id__in=_visible_party_ids(ids)) & party_wide_or_on(deelnames_of(ids))
    if parties := own_party_ids(user):
        # A bronhouder weighs no deelname: his party's risks of the whole party.
        condition |= Q(party_id__in=sorted(parties), participation_id=None)
    return condition


def own_municipality_q(user, field: str = "municipality_id") -> Q:
    """Rows of the user's own gemeenten (a gemeente's own judgement: monitoring scans)."""
    ids = municipality_ids(user)
    return Q() if ids is None else Q(**{f"{field}__in": ids})


def shown_to(user, *, confidential: bool) -> bool:
    """For a row already loaded for one of the user's gemeenten: whether the page may name it."""
    return not confidential or can_see_confidential(user)


# --- Lookups that answer 404 ----------------------------------------------------------------------


def get_municipality_or_404(user, code: str, queryset=None) -> Participant:
    """The gemeente with this CBS code, if the user may see it; any other code is a plain 404."""
    return get_object_or_404(visible_municipalities(user, queryset), code=code)


def get_party_or_404(user, slug: str, queryset=None) -> Party:
    return get_object_or_404(visible_parties(user, queryset), slug=slug)


def require(condition: bool) -> None:
    """Raise the Dutch 404 unless `condition` holds."""
    if not condition:
        raise Http404(NOT_FOUND)


# --- What the header says -------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """The role(s) and gemeente(n) the header names next to the user."""

    roles: list[str]
    municipalities: list[str]
    sees_everything: bool
    may_import: bool
    public_version: bool = False  # a raadslid/griffie: no signalen, people, history or internal parts
    parties: list[str] = ()

    @property
    def party_only(self) -> bool:
        """A bronhouder without a gemeente: the pages of gemeenten are not for him."""
        return bool(self.parties) and not self.municipalities and not self.sees_everything

    @property
    def municipalities_text(self) -> str:
        if self.parties and not self.municipalities:
            return ("Partij " if len(self.parties) == 1 else "Partijen ") + ", ".join(self.parties)
        if len(self.municipalities) == 1:
            return f"Gemeente {self.municipalities[0]}"
        if self.municipalities:
            return "Gemeenten " + ", ".join(self.municipalities)
        return "Alle gemeenten" if self.sees_everything else "Geen gemeente gekoppeld"


def header(user) -> Header:
    return Header(
        roles=sorted(_group_names(user)),
        municipalities=list(own_municipalities(user).values_list("name", flat=True)),
        sees_everything=sees_everything(user),
        may_import=may_import(user),
        public_version=reads_public_version(user),
        parties=list(supplied_parties(user).values_list("name", flat=True)),
    )
