"""Users and their gemeenten in the admin, and the logboek of admin actions with who did them."""

import json

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry

from partners.models import Party, UserMunicipality
from partners.roles import BEHEERDER, CONTROLLER
from tests.conftest import pass_two_factor

from .factories import MunicipalityFactory, PartyFactory, ProvinceFactory
from .pages import text

pytestmark = pytest.mark.django_db


def user_form_data(response) -> dict:
    """The user change form as the admin shows it, ready to post back."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or value is False:
            continue
        if hasattr(field.widget, "decompress"):  # date and time in two inputs
            data[f"{name}_0"], data[f"{name}_1"] = field.widget.decompress(value)
        else:
            data[name] = value
    return data


def test_a_superuser_links_a_user_to_a_gemeente_on_the_user_page_and_it_is_logged(client, superuser, make_user):
    gemeente = MunicipalityFactory(name="Testgemeente Koppel")
    reader = make_user("lezer", role=CONTROLLER)
    pass_two_factor(client, superuser)
    url = f"/admin/auth/user/{reader.pk}/change/"
    page = client.get(url)
    assert "Gemeenten (bepalen wat een beleidsmedewerker of controller ziet)" in text(page)
    data = user_form_data(page)
    data.update(
        {
            "municipality_links-TOTAL_FORMS": "1",
            "municipality_links-INITIAL_FORMS": "0",
            "municipality_links-MIN_NUM_FORMS": "0",
            "municipality_links-MAX_NUM_FORMS": "1000",
            "municipality_links-0-municipality": str(gemeente.pk),
            "party_links-TOTAL_FORMS": "0",
            "party_links-INITIAL_FORMS": "0",
            "party_links-MIN_NUM_FORMS": "0",
            "party_links-MAX_NUM_FORMS": "1000",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(UserMunicipality.objects.filter(user=reader).values_list("municipality__name", flat=True)) == [
        "Testgemeente Koppel"
    ]
    entry = LogEntry.objects.get(object_id=str(reader.pk), action_flag=CHANGE)
    assert entry.user == superuser
    assert "Gemeente van de gebruiker ‘lezer: Testgemeente Koppel’ toegevoegd." in entry.get_change_message()


def test_the_gemeente_autocomplete_offers_only_gemeenten(client, superuser):
    MunicipalityFactory(name="Testgemeente Zoek")
    ProvinceFactory(name="Testprovincie Zoek")
    pass_two_factor(client, superuser)
    response = client.get(
        "/admin/autocomplete/",
        {"term": "Zoek", "app_label": "partners", "model_name": "usermunicipality", "field_name": "municipality"},
    )
    assert [item["text"] for item in json.loads(response.content)["results"]] == ["Testgemeente Zoek"]


def test_the_bulk_delete_action_logs_every_deleted_party_with_the_user(client, make_user):
    beheerder = make_user("beheer", role=BEHEERDER, is_staff=True)
    parties = PartyFactory.create_batch(3)
    pass_two_factor(client, beheerder)
    response = client.post(
        "/admin/partners/party/",
        {"action": "delete_selected", "_selected_action": [p.pk for p in parties], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Party.objects.exists()
    deleted = LogEntry.objects.filter(action_flag=DELETION)
    assert sorted(deleted.values_list("object_repr", flat=True)) == sorted(p.name for p in parties)
    assert {entry.user for entry in deleted} == {beheerder}


def test_the_logboek_shows_admin_actions_with_the_user_to_beheerders_only(client, make_user):
    beheerder = make_user("beheer", role=BEHEERDER, is_staff=True, first_name="Bea")
    pass_two_factor(client, beheerder)
    client.post("/admin/partners/policyarea/add/", {"code": "LOG1", "name": "Beleidsveld in het logboek"}, follow=True)
    assert LogEntry.objects.get(action_flag=ADDITION).user == beheerder
    page = text(client.get("/admin/admin/logentry/"))
    assert "Beleidsveld in het logboek" in page and "beheer" in page
    entry = LogEntry.objects.get()
    assert client.get(f"/admin/admin/logentry/{entry.pk}/change/").status_code == 200
    assert client.get(f"/admin/admin/logentry/{entry.pk}/delete/").status_code == 403

    pass_two_factor(client, make_user("controller", role=CONTROLLER, is_staff=True))
    assert client.get("/admin/admin/logentry/").status_code == 403
