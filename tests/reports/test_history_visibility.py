"""The wijzigingshistorie shows a user only the versions of a record he could see at their time: a
confidential version, or a risk while it was on a party or deelname out of his scope, stays hidden,
also as the "old" side of a later change; and at a peildatum a risk confidential then or now stays
hidden from whoever may not see confidential risks."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.roles import BELEIDSMEDEWERKER, CONTROLLER
from tests.partners.factories import MunicipalityFactory, ParticipationFactory, PartyFactory
from tests.partners.pages import text
from tests.risks.factories import RiskFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(make_user):
    """Eigenstad takes part in the shared party, Anderstad in it and in a party of its own."""
    with at(datetime.datetime(2025, 1, 2, 9, 0, tzinfo=AMSTERDAM)):
        own, other = MunicipalityFactory(name="Eigenstad"), MunicipalityFactory(name="Anderstad")
        shared = PartyFactory(name="Gedeelde regeling")
        ParticipationFactory(party=shared, participant=own)
        other_in_shared = ParticipationFactory(party=shared, participant=other)
        elsewhere = ParticipationFactory(party=PartyFactory(name="Regeling van Anderstad"), participant=other).party
    return {
        "shared": shared,
        "other_in_shared": other_in_shared,
        "elsewhere": elsewhere,
        "beleid": make_user("beleid", role=BELEIDSMEDEWERKER, municipalities=[own]),
        "controller": make_user("controller", role=CONTROLLER, municipalities=[own]),
    }


def pages(client, user, party, query=""):
    """The history tab of the party's page as the user reads it (the arrow read as "wordt")."""
    client.force_login(user)
    found = []
    for url in (reverse("reports:party_history", args=[party.slug]) + query,):
        response = client.get(url)
        assert response.status_code == 200
        response.content = response.content.replace('<span aria-hidden="true">→</span>'.encode(), b"")
        found.append(text(response))
    return found


def declassified(party):
    """A risk recorded as confidential, then rewritten and made public in one save."""
    risk = RiskFactory(
        party=party, title="Sluiting van de locatie Noord", description="Overleg met de bond", confidential=True
    )
    risk.title, risk.description, risk.confidential = "Herinrichting van locaties", "Zie de begroting", False
    risk.save()
    return risk


def test_a_declassified_risk_shows_a_beleidsmedewerker_only_its_public_version(client, world):
    declassified(world["shared"])
    for page in pages(client, world["beleid"], world["shared"]):
        assert "Risico “Herinrichting van locaties” gewijzigd" in page
        assert "Titel: Herinrichting van locaties" in page
        assert "Omschrijving: Zie de begroting" in page
        assert "Sluiting van de locatie Noord" not in page
        assert "Overleg met de bond" not in page
        assert "Vertrouwelijk: ja" not in page
        assert "Vertrouwelijk: nee" in page  # as any other field: the fields that changed do not show
        assert "Risico “Herinrichting van locaties” aangemaakt" not in page  # the confidential version


def test_a_controller_still_sees_every_version_of_a_declassified_risk(client, world):
    declassified(world["shared"])
    for page in pages(client, world["controller"], world["shared"]):
        assert "Titel: Sluiting van de locatie Noord wordt Herinrichting van locaties" in page
        assert "Vertrouwelijk: ja wordt nee" in page
        assert "Risico “Sluiting van de locatie Noord” aangemaakt" in page


def test_a_risk_moved_from_a_party_the_user_cannot_see_shows_only_its_new_values(client, world):
    risk = RiskFactory(party=world["elsewhere"], title="Frictiekosten", description="Afspraken van Anderstad")
    risk.party, risk.description = world["shared"], "Verdeeld over de deelnemers"
    risk.save()
    for page in pages(client, world["beleid"], world["shared"]):
        assert "Risico “Frictiekosten” gewijzigd" in page
        assert "Omschrijving: Verdeeld over de deelnemers" in page
        assert "Afspraken van Anderstad" not in page
        assert "Regeling van Anderstad" not in page


def test_a_risk_moved_from_another_deelnemers_own_deelname_shows_only_its_new_values(client, world):
    risk = RiskFactory(
        party=world["shared"],
        participation=world["other_in_shared"],
        title="Garantstelling",
        description="Lening van Anderstad bij de BNG",
    )
    risk.participation, risk.description = None, "Garantie van alle deelnemers"
    risk.save()
    for page in pages(client, world["beleid"], world["shared"]):
        assert "Omschrijving: Garantie van alle deelnemers" in page
        assert "Lening van Anderstad bij de BNG" not in page
        assert "Deelname: Anderstad" not in page


def test_at_a_peildatum_a_risk_confidential_now_stays_hidden_from_a_beleidsmedewerker(client, world):
    with at(datetime.datetime(2025, 12, 31, 12, 0, tzinfo=AMSTERDAM)):
        risk = RiskFactory(party=world["shared"], title="Later geheim", likelihood=5, impact=5)
    risk.confidential = True
    risk.save()
    for who, sees in [("beleid", False), ("controller", True)]:
        for page in pages(client, world[who], world["shared"], "?peildatum=2025-12-31"):
            assert ("Later geheim" in page) is sees, who
        client.force_login(world[who])
        factsheet = text(client.get(world["shared"].get_tab_url("risicos") + "?peildatum=2025-12-31"))
        assert ("alle 2 open risico" in factsheet or "het open risico" in factsheet) is sees, who


def test_at_a_peildatum_a_risk_confidential_then_stays_hidden_from_a_beleidsmedewerker(client, world):
    with at(datetime.datetime(2025, 12, 31, 12, 0, tzinfo=AMSTERDAM)):
        risk = RiskFactory(party=world["shared"], title="Toen geheim", likelihood=5, impact=5, confidential=True)
    risk.confidential = False
    risk.save()
    for who, sees in [("beleid", False), ("controller", True)]:
        for page in pages(client, world[who], world["shared"], "?peildatum=2025-12-31"):
            assert ("Toen geheim" in page) is sees, who


def test_the_history_of_a_beleidsmedewerker_takes_the_same_number_of_queries_for_more_hidden_versions(client, world):
    client.force_login(world["beleid"])

    def count(changes):
        for n in range(changes):
            declassified(world["shared"])
            moved = RiskFactory(party=world["elsewhere"], description=f"Elders {n}")
            moved.party = world["shared"]
            moved.save()
            RiskFactory(party=world["shared"], confidential=True)
        counts = []
        for url in (reverse("reports:party_history", args=[world["shared"].slug]), world["shared"].get_absolute_url()):
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    assert count(1) == count(5)


@pytest.mark.pdf
def test_at_a_peildatum_the_paragraph_and_the_factsheet_pdf_leave_out_a_risk_confidential_now(client, world):
    from tests.reports.test_reports import pdf_text

    own = world["shared"].participations.get(participant__name="Eigenstad")
    own.share_percentage = 10
    own.save()
    with at(datetime.datetime(2025, 12, 31, 12, 0, tzinfo=AMSTERDAM)):
        risk = RiskFactory(party=world["shared"], title="Later geheim", likelihood=5, impact=5)
    risk.confidential = True
    risk.save()
    municipality = own.participant
    report = reverse(
        "reports:paragraph_report", kwargs={"code": municipality.code, "year": "2025", "variant": "begroting"}
    )
    factsheet = reverse("reports:factsheet_pdf", args=[world["shared"].slug])
    for who, sees in [("beleid", False), ("controller", True)]:
        client.force_login(world[who])
        version = "&versie=intern" if sees else ""  # the beleidsmedewerker's is the public version
        preview = text(client.get(f"{report}?peildatum=2025-12-31{version}"))
        assert ("Later geheim" in preview) is sees, who
        assert ("De 1 open risico van" in preview) is sees, who
        _, pages = pdf_text(client.get(factsheet + f"?peildatum=2025-12-31&gemeente={municipality.code}"))
        assert "Later geheim" not in "".join(pages), who  # the factsheet is public: never a confidential risk
