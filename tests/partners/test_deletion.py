"""A party or participant with participations or history is ended, never deleted."""

import pytest
from django.db.models import ProtectedError

from partners.models import Participant, Participation, Party

from .factories import MunicipalityFactory, ParticipationFactory, PartyFactory, PartyFinancialsFactory

pytestmark = pytest.mark.django_db


def test_deleting_a_party_with_participations_is_refused_with_a_dutch_message():
    participation = ParticipationFactory(party__name="Veiligheidsregio Groningen")

    with pytest.raises(ProtectedError) as refused:
        participation.party.delete()

    assert refused.value.args[0] == (
        "Verbonden partij ‘Veiligheidsregio Groningen’ heeft deelnames of historie en wordt daarom niet "
        "verwijderd. Beëindig de partij in plaats daarvan: zet de status op ‘Beëindigd’ en vul de einddatum in."
    )
    assert Party.objects.filter(pk=participation.party_id).exists()
    assert Participation.objects.filter(pk=participation.pk).exists()


def test_deleting_a_party_with_only_financial_history_is_refused():
    figures = PartyFinancialsFactory()

    with pytest.raises(ProtectedError, match="Beëindig de partij"):
        figures.party.delete()


def test_deleting_a_gemeente_that_takes_part_is_refused_and_points_to_the_end_date():
    participation = ParticipationFactory(participant=MunicipalityFactory(name="Ten Boer"))

    with pytest.raises(ProtectedError, match="Deelnemer ‘Ten Boer’ heeft deelnames of historie") as refused:
        participation.participant.delete()

    assert "vul de einddatum in (bijvoorbeeld bij herindeling)" in refused.value.args[0]
    assert Participant.objects.filter(pk=participation.participant_id).exists()


def test_a_party_without_history_can_still_be_deleted():
    party = PartyFactory()

    party.delete()

    assert not Party.objects.filter(pk=party.pk).exists()


def test_the_admin_refuses_to_delete_a_party_with_history_and_says_how_to_end_it(superuser_client):
    participation = ParticipationFactory(party__name="Afvalbedrijf Noord")
    url = f"/admin/partners/party/{participation.party_id}/delete/"

    page = superuser_client.get(url).content.decode()
    response = superuser_client.post(url, {"post": "yes"})

    assert "Verbonden partij ‘Afvalbedrijf Noord’ heeft deelnames of historie" in page
    assert "zet de status op ‘Beëindigd’ en vul de einddatum in" in page
    assert response.status_code == 200  # the same refusal, nothing deleted
    assert Party.objects.filter(pk=participation.party_id).exists()


def test_the_admin_refuses_to_delete_a_gemeente_that_takes_part(superuser_client):
    participation = ParticipationFactory(participant=MunicipalityFactory(name="Haren"))
    url = f"/admin/partners/participant/{participation.participant_id}/delete/"

    superuser_client.post(url, {"post": "yes"})
    page = superuser_client.get(url).content.decode()

    assert "Deelnemer ‘Haren’ heeft deelnames of historie" in page
    assert Participant.objects.filter(pk=participation.participant_id).exists()


def test_the_admin_bulk_delete_refuses_parties_with_history(superuser_client):
    with_history = ParticipationFactory().party
    without = PartyFactory()

    response = superuser_client.post(
        "/admin/partners/party/", {"action": "delete_selected", "_selected_action": [with_history.pk, without.pk]}
    )

    assert "Partijen met deelnames of historie worden niet verwijderd" in response.content.decode()
    assert Party.objects.filter(pk__in=[with_history.pk, without.pk]).count() == 2
