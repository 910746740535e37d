"""Tests of the demo data and demo users that `manage.py load_demo` loads, and of the roles."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from demo.peers import KINDS, PEER_NAMES
from demo.register import DEMO_USERS, PARTIES
from partners import selectors
from partners.choices import LegalForm, PartyKind, PartyStatus
from partners.models import Participant, Participation, ParticipationFinancials, Party, PartyFinancials
from partners.roles import BEHEERDER, BELEIDSMEDEWERKER, BRONHOUDER, CONTROLLER
from tests.partners.pages import text

pytestmark = pytest.mark.django_db

VNG = "Vereniging van Nederlandse Gemeenten"


@pytest.fixture
def fast_passwords(settings):
    # The real hasher costs a second per demo user; the tests check who exists, not the hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load(**options) -> str:
    out = StringIO()
    call_command("load_demo", force=True, stdout=out, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = (Party, Participant, Participation, PartyFinancials, ParticipationFinancials, get_user_model(), Group)
    return {model.__name__: model.objects.count() for model in models}


def test_demo_loads_about_25_parties_covering_every_legal_form(fast_passwords):
    load()
    # The demo region's own parties; the parties of the same kinds elsewhere come on top (demo/peers.py).
    assert 20 <= Party.objects.exclude(name__in=PEER_NAMES).count() <= 30
    assert set(Party.objects.values_list("legal_form", flat=True)) == set(LegalForm.values)
    assert Party.objects.filter(status=PartyStatus.BEEINDIGD, ended_on__isnull=False).exists()
    assert Party.objects.filter(status=PartyStatus.IN_OPRICHTING).exists()
    assert Participation.objects.not_verbonden().count() >= 2


def test_every_kind_of_the_demo_region_has_peers_elsewhere_to_compare_with(fast_passwords):
    load()
    for kind in set(KINDS.values()) - {PartyKind.OVERIG}:
        assert Party.objects.filter(kind=kind).count() >= 4, kind
    assert Party.objects.filter(name="Eems Dollard Regio", kind=PartyKind.OVERIG).exists()


def test_running_load_demo_twice_changes_nothing(fast_passwords):
    load()
    before = counts()
    output = load()
    assert counts() == before
    assert "al geladen" in output


def test_load_demo_refuses_without_force_when_debug_and_demo_are_off(settings):
    settings.DEBUG = False
    settings.DEMO = False
    with pytest.raises(CommandError, match="DEBUG en DEMO staan uit"):
        call_command("load_demo", stdout=StringIO())
    assert not Party.objects.exists()
    assert not get_user_model().objects.filter(username="beleid").exists()


def test_demo_users_exist_with_their_roles_and_the_command_prints_the_logins(fast_passwords):
    output = load()
    users = {user.username: user for user in get_user_model().objects.prefetch_related("groups")}
    expected = {"beleid": BELEIDSMEDEWERKER, "controller": CONTROLLER, "beheer": BEHEERDER, "bronhouder": BRONHOUDER}
    for username, group in expected.items():
        assert [g.name for g in users[username].groups.all()] == [group]
        assert not users[username].is_superuser
    assert users["beheer"].is_staff and not users["beleid"].is_staff
    # The bronhouder of the demo veiligheidsregio: its party, no gemeente, and one figure it supplied.
    assert [link.party.name for link in users["bronhouder"].party_links.all()] == ["Veiligheidsregio Groningen"]
    assert not users["bronhouder"].municipality_links.exists()
    supplied = PartyFinancials.objects.get(party__name="Veiligheidsregio Groningen", year=2026, kind="begroting")
    assert supplied.supplied_text == "aangeleverd door Veiligheidsregio Groningen op 14-11-2026"
    assert "http://127.0.0.1:8000/" in output
    for demo in DEMO_USERS:
        assert users[demo["username"]].check_password(demo["password"])
        assert demo["password"] in output


def test_the_three_roles_exist_after_migrate_without_the_demo():
    groups = {group.name: group for group in Group.objects.prefetch_related("permissions")}
    assert {BELEIDSMEDEWERKER, CONTROLLER, BEHEERDER} <= set(groups)
    assert {p.codename for p in groups[BELEIDSMEDEWERKER].permissions.all()} >= {"view_party", "view_participation"}
    assert not get_user_model().objects.filter(username__in=[u["username"] for u in DEMO_USERS]).exists()


def test_roles_give_view_to_readers_and_maintenance_to_the_beheerder(fast_passwords):
    load()
    beleid = get_user_model().objects.get(username="beleid")
    beheer = get_user_model().objects.get(username="beheer")
    assert beleid.has_perm("partners.view_party") and not beleid.has_perm("partners.change_party")
    assert beheer.has_perm("partners.change_party") and beheer.has_perm("partners.delete_participation")


def test_groningen_page_shows_the_veiligheidsregio(client, fast_passwords):
    load()
    client.force_login(get_user_model().objects.get(username="beleid"))
    response = client.get("/gemeenten/GM0014/")
    assert response.status_code == 200
    assert "Veiligheidsregio Groningen" in text(response)


def test_vng_is_not_a_verbonden_partij_for_groningen(fast_passwords):
    load()
    groningen = Participant.objects.get(code="GM0014")
    overview = selectors.municipality_overview(municipality=groningen, year=2026)
    verbonden = {row.party.name for group in overview.groups for row in group.rows}
    others = {row.party.name for row in overview.others}
    assert VNG in others and VNG not in verbonden
    assert "Veiligheidsregio Groningen" in verbonden


def test_demo_shares_per_party_stay_within_100_percent():
    for spec in PARTIES:
        total = sum(row.get("share_percentage") or 0 for row in spec.get("participations", []))
        assert total <= 100, spec["name"]


def test_load_demo_prints_the_address_the_server_will_run_on(fast_passwords):
    output = StringIO()
    call_command("load_demo", "--force", "--host", "0.0.0.0", "--port", "8123", stdout=output)
    assert "http://0.0.0.0:8123/" in output.getvalue()
