"""Each filter of the list of parties narrows it to exactly the parties a user asked for."""

import pytest

from partners.models import PolicyArea

from .factories import sample_register
from .pages import linked_names, text

pytestmark = pytest.mark.django_db

VR = "Veiligheidsregio Testland"
BANK = "Bank Nederlandse Testgemeenten"
ARCHIEF = "Stichting Streekarchief"
AFVAL = "Afvalcoöperatie Twente"
EGTS = "EGTS Grensregio Maas"


@pytest.fixture
def register():
    return sample_register()


def names(client, **query):
    response = client.get("/partijen/", query)
    assert response.status_code == 200
    return linked_names(response)


def test_without_filters_the_list_shows_all_parties_by_name(logged_in_client, register):
    assert names(logged_in_client) == [AFVAL, BANK, EGTS, ARCHIEF, VR]


def test_the_deelnemer_filter_keeps_the_parties_of_one_participant_by_code(logged_in_client, register):
    assert names(logged_in_client, deelnemer=register["dorp"].code) == [BANK, VR]
    assert names(logged_in_client, deelnemer=register["stad"].code) == [ARCHIEF, VR]


def test_the_deelnemer_filter_shows_each_party_once(logged_in_client, register):
    assert names(logged_in_client, deelnemer=register["dorp"].code).count(VR) == 1


def test_a_gemeente_without_participations_gives_an_empty_list(logged_in_client, register):
    response = logged_in_client.get("/partijen/", {"deelnemer": "GM0014"})
    assert linked_names(response) == []
    assert "Geen partijen gevonden met deze filters." in text(response)


@pytest.mark.parametrize(
    ("legal_form", "expected"),
    [("openbaar_lichaam", [VR]), ("nv", [BANK]), ("cooperatie", [AFVAL]), ("bv", [])],
)
def test_the_rechtsvorm_filter_keeps_one_legal_form(logged_in_client, register, legal_form, expected):
    assert names(logged_in_client, rechtsvorm=legal_form) == expected


@pytest.mark.parametrize(
    ("category", "expected"),
    [("1", [VR]), ("2", [AFVAL, BANK]), ("3", [ARCHIEF]), ("4", [EGTS])],
)
def test_the_bbv_categorie_filter_keeps_the_legal_forms_of_that_category(
    logged_in_client, register, category, expected
):
    assert names(logged_in_client, bbv_categorie=category) == expected


def test_the_beleidsveld_filter_keeps_the_parties_of_one_policy_area(logged_in_client, register):
    veiligheid = PolicyArea.objects.get(code="1")
    assert names(logged_in_client, beleidsveld=veiligheid.pk) == [VR]


@pytest.mark.parametrize(
    ("status", "expected"),
    [("actief", [BANK, VR]), ("beeindigd", [AFVAL]), ("in_liquidatie", [ARCHIEF]), ("in_oprichting", [EGTS])],
)
def test_the_status_filter_keeps_one_status(logged_in_client, register, status, expected):
    assert names(logged_in_client, status=status) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("streekarchief", [ARCHIEF]),  # name, any case
        ("VRT", [VR]),  # afkorting
        ("hengelo", [AFVAL]),  # vestigingsplaats
        ("test", [BANK, VR]),  # part of a name
        ("  Venlo  ", [EGTS]),  # surrounding spaces ignored
        ("27008387", [BANK]),  # KvK-nummer
        ("bestaat-niet", []),
    ],
)
def test_the_search_looks_in_name_afkorting_and_vestigingsplaats(logged_in_client, register, q, expected):
    assert names(logged_in_client, q=q) == expected


def test_filters_combine(logged_in_client, register):
    assert names(logged_in_client, deelnemer=register["stad"].code, rechtsvorm="stichting") == [ARCHIEF]
    assert names(logged_in_client, deelnemer=register["stad"].code, bbv_categorie="2") == []


def test_the_list_says_how_many_parties_it_found(logged_in_client, register):
    response = logged_in_client.get("/partijen/", {"status": "actief"})
    assert "2 partijen gevonden" in text(response)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"rechtsvorm": "onzin"}, "rechtsvorm"),
        ({"bbv_categorie": "9"}, "bbv_categorie"),
        ({"status": "opgeheven"}, "status"),
        ({"deelnemer": "GM9999X"}, "deelnemer"),
        ({"beleidsveld": "abc"}, "beleidsveld"),
    ],
)
def test_an_invalid_filter_value_shows_the_dutch_form_error_and_no_parties(logged_in_client, register, query, field):
    response = logged_in_client.get("/partijen/", query)
    assert response.status_code == 200
    page = text(response)
    assert "Selecteer een geldige keuze." in page
    assert f'id="id_{field}-fout"' in response.content.decode()
    assert linked_names(response) == []
    assert "Geen partijen gevonden: controleer de filters hierboven." in page


@pytest.mark.parametrize("chosen", [None, "", "GM0014", "GM9999", '"><script>'])
def test_the_deelnemer_select_is_the_same_html_as_the_long_select_of_model_instances(rf, user, register, chosen):
    # ParticipantSelect reads (code, name) pairs instead of ~700 Participant instances; the HTML is
    # what LongSelect makes of the model choices, the chosen option selected and everything escaped.
    from partners.filters import LongSelect, ParticipantSelect, PartyFilterSet

    request = rf.get("/partijen/", {} if chosen is None else {"deelnemer": chosen})
    request.user = user
    field = PartyFilterSet(request.GET, request=request).form["deelnemer"]
    assert isinstance(field.field.widget, ParticipantSelect)
    fast = str(field)
    assert fast == field.as_widget(widget=LongSelect(choices=field.field.choices))
    assert fast.count("<option") == 1 + field.field.queryset.count()
    assert fast.count(" selected") == (1 if chosen in (None, "", "GM0014") else 0)
