"""The peer comparison: a party against the parties of its kind (median, spread, its position), and a
gemeente's bijdrage per inwoner against its co-deelnemers and the same kind elsewhere; missing figures
are "niet bekend" and never count as zero, and parties the user may not see count without a name."""

from decimal import Decimal

import pytest
from django.urls import reverse

from partners import comparison
from partners.choices import FigureKind, LegalForm, PartyKind
from partners.roles import BELEIDSMEDEWERKER, CONTROLLER
from tests.conftest import pass_two_factor
from tests.core.test_chart_labels import legibility_problems

from .factories import (
    MunicipalityFactory,
    ParticipationFactory,
    ParticipationFinancialsFactory,
    PartyFactory,
    PartyFinancialsFactory,
    PopulationFactory,
)
from .pages import row_headers, row_of, text
from .test_query_counts import count_queries

pytestmark = pytest.mark.django_db

D = Decimal
R, B = FigureKind.REALISATIE, FigureKind.BEGROTING
YEAR = 2025


def member(party, gemeente, *, per_inhabitant, inhabitants=10_000, year=YEAR, kind=R):
    participation = ParticipationFactory(party=party, participant=gemeente)
    if per_inhabitant is not None:
        ParticipationFinancialsFactory(
            participation=participation, year=year, kind=kind, contribution=D(per_inhabitant) * inhabitants
        )
    return participation


@pytest.fixture
def ggds():
    """Four GGD's whose gemeenten pay 10, 20, 30 and 40 euro per inwoner in 2025, and a fifth whose
    bijdrage is not known; gemeente "Eigendorp" takes part in the first only."""
    own = MunicipalityFactory(name="Eigendorp")
    parties = [
        PartyFactory(name=f"GGD {name}", kind=PartyKind.GGD) for name in ("Noord", "Oost", "Zuid", "West", "Midden")
    ]
    towns = [own] + [MunicipalityFactory(name=f"Plaats {n}") for n in range(1, 6)]
    for town in towns:
        PopulationFactory(participant=town, year=YEAR, inhabitants=10_000)
    member(parties[0], own, per_inhabitant=10)
    member(parties[1], towns[1], per_inhabitant=20)
    member(parties[2], towns[2], per_inhabitant=30)
    member(parties[3], towns[3], per_inhabitant=40)
    member(parties[4], towns[4], per_inhabitant=None)
    # Five years earlier the first GGD cost 80.000 in total: a growth of 25%.
    participation = parties[0].participations.get()
    ParticipationFinancialsFactory(participation=participation, year=YEAR - 5, kind=R, contribution=D(80_000))
    # Balance: eigen vermogen 1 of 4 (25%) for the first, 1 of 2 (50%) for the second, none for the others.
    PartyFinancialsFactory(party=parties[0], year=YEAR, kind=R, equity_end=D(100), liabilities_end=D(300), result=-5)
    PartyFinancialsFactory(party=parties[1], year=YEAR, kind=R, equity_end=D(100), liabilities_end=D(100), result=7)
    # Another kind never counts.
    member(PartyFactory(name="Veiligheidsregio Elders", kind=PartyKind.VEILIGHEIDSREGIO), towns[5], per_inhabitant=99)
    return {"own": own, "parties": parties, "towns": towns}


@pytest.fixture
def beleid(client, make_user, ggds):
    user = make_user("anna", role=BELEIDSMEDEWERKER, municipalities=[ggds["own"]])
    return pass_two_factor(client, user)


def test_the_spread_interpolates_between_ranks_like_a_spreadsheet():
    found = comparison.spread([D(40), D(10), None, D(30), D(20), comparison.NVT])

    assert found.count == 4
    assert found.values == (D(10), D("17.5"), D(25), D("32.5"), D(40))


def test_the_spread_of_one_value_is_that_value_and_of_none_is_unknown():
    assert comparison.spread([D(7)]).values == (D(7),) * 5
    assert comparison.spread([None, comparison.NVT]) is None


def test_a_position_counts_from_the_lowest_and_an_unknown_value_has_none():
    values = [D(10), D(20), D(20), D(40), None]
    assert comparison.position(D(20), values) == 2
    assert comparison.position(D(40), values) == 4
    assert comparison.position(None, values) is None


def test_the_party_is_compared_with_every_party_of_its_kind_and_missing_figures_stay_out(ggds, superuser):
    found = comparison.peer_comparison(party=ggds["parties"][1], year=YEAR, user=superuser)

    cost, growth, equity, result = found.summaries
    assert len(found.peers) == 5  # the veiligheidsregio is another kind
    assert cost.spread.values == (D(10), D("17.5"), D(25), D("32.5"), D(40))
    assert cost.value == D(20) and cost.position_text == "2 van 4"
    assert cost.missing == 1  # the fifth GGD: niet bekend, not € 0
    assert growth.spread.values == (D(25),) * 5 and growth.value is None and growth.position_text == "niet bekend"
    assert equity.spread.count == 2 and equity.spread.median == D("37.5") and equity.value == D(50)
    assert result.spread.values == (D(-5), D("-2.0"), D(1), D("4.0"), D(7))


def test_a_regeling_without_legal_personality_has_no_vermogen_and_says_nvt_not_unknown(ggds, superuser):
    orgaan = PartyFactory(
        name="GGD Gemeenschappelijk Orgaan", kind=PartyKind.GGD, legal_form=LegalForm.GEMEENSCHAPPELIJK_ORGAAN
    )

    found = comparison.peer_comparison(party=orgaan, year=YEAR, user=superuser)

    equity = found.summaries[2]
    assert equity.value_text == "n.v.t." and equity.not_applicable == 1 and equity.spread.count == 2


def test_a_party_alone_in_its_kind_is_compared_with_nothing_and_says_so(client, make_user):
    gemeente = MunicipalityFactory(name="Alleendorp")
    archief = PartyFactory(name="Enig Archief", kind=PartyKind.ARCHIEF)
    member(archief, gemeente, per_inhabitant=6)
    PopulationFactory(participant=gemeente, year=YEAR, inhabitants=10_000)
    user = make_user("alleen", role=BELEIDSMEDEWERKER, municipalities=[gemeente])

    response = pass_two_factor(client, user).get(
        reverse("partners:party_comparison", args=[archief.slug]) + "?jaar=2025"
    )

    page = text(response)
    assert "Enig Archief is de enige partij van de soort archief" in page
    assert "Kosten per inwoner € 6,00 1 van 1 € 6,00" in row_of(response, "Kosten per inwoner")


def test_a_party_without_a_kind_is_not_compared_and_the_page_says_who_sets_it(ggds, superuser_client):
    party = PartyFactory(name="Zonder Soort")

    response = superuser_client.get(reverse("partners:party_comparison", args=[party.slug]))

    assert "nog geen soort partij vastgelegd" in text(response)
    assert "De beheerder legt die vast in het beheer" in text(response)


def test_the_page_names_visible_parties_and_counts_the_others_without_naming_them(ggds, beleid):
    url = reverse("partners:party_comparison", args=[ggds["parties"][0].slug]) + "?jaar=2025"

    response = beleid.get(url)

    page = text(response)
    assert response.status_code == 200
    assert "GGD Noord" in page
    for hidden in ("GGD Oost", "GGD Zuid", "GGD West", "GGD Midden", "Plaats"):
        assert hidden not in page
    assert "5 partijen van deze soort in het register in 2025, waarvan 4 die u niet kunt inzien" in page
    assert "4 andere partijen tellen mee in de mediaan" in page
    # The hidden parties are in the median: 25 is the median of 10, 20, 30 and 40.
    assert row_of(response, "Kosten per inwoner").startswith(
        "Kosten per inwoner € 10,00 1 van 4 € 25,00 € 17,50 – € 32,50 € 10,00 – € 40,00 1"
    )
    assert row_of(response, "Groei bijdrage in 5 jaar") == (
        "Groei bijdrage in 5 jaar +25,0% 1 van 1 +25,0% +25,0% – +25,0% +25,0% – +25,0% 4"
    )
    assert row_of(response, "GGD Noord").startswith("GGD Noord (deze partij) € 10,00 +25,0% 25% € -5")


def test_the_chart_shows_the_party_against_the_spread_with_legible_labels(ggds, superuser):
    found = comparison.peer_comparison(party=ggds["parties"][2], year=YEAR, user=superuser)

    chart = str(found.chart)

    assert "deze partij € 30,00" in chart and "mediaan € 25,00" in chart
    assert "deze partij: niet bekend" in chart  # its growth
    assert legibility_problems(chart) == []


@pytest.mark.parametrize("marker", ["1", "12.5", "1000000"])
def test_a_spread_chart_keeps_its_labels_apart_wherever_the_marker_falls(marker):
    from core import charts
    from core.formatting import euro

    strips = [
        charts.Strip("Een heel lange naam van een groep die niet past", (D(1), D(2), D(3), D(4), D(5)), D(marker), "x"),
        charts.Strip("Geen cijfers", None, None, "x"),
        charts.Strip("Onbekend", (D(-5), D(-5), D(-5), D(-5), D(-5)), None, "Eigendorp"),
    ]
    svg = charts.spread_chart(strips=strips, title="t", description="d", chart_id="c", fmt=lambda v: euro(v, 2))

    assert legibility_problems(svg) == []


def test_the_page_uses_the_same_number_of_queries_however_many_parties_the_kind_has(ggds, beleid):
    url = reverse("partners:party_comparison", args=[ggds["parties"][0].slug]) + "?jaar=2025"
    few = count_queries(beleid, url)
    for n in range(12):
        party = PartyFactory(name=f"GGD Extra {n}", kind=PartyKind.GGD)
        town = MunicipalityFactory()
        PopulationFactory(participant=town, year=YEAR)
        member(party, town, per_inhabitant=n + 1)
        PartyFinancialsFactory(party=party, year=YEAR)

    assert count_queries(beleid, url) == few


def test_a_gemeente_sees_its_bijdrage_per_inwoner_against_co_deelnemers_and_the_kind_elsewhere(ggds, beleid):
    noord = ggds["parties"][0]
    for n, rate in enumerate((6, 14, 30)):
        town = MunicipalityFactory(name=f"Buur {n}")
        PopulationFactory(participant=town, year=YEAR, inhabitants=20_000)
        member(noord, town, per_inhabitant=rate, inhabitants=20_000)

    response = beleid.get(reverse("partners:municipality_comparison", args=[ggds["own"].code]) + "?jaar=2025")

    # Co-deelnemers 6, 14, 30: median 14; Eigendorp (10) is second of four. Elsewhere 20, 30, 40:
    # median 30, and the fifth GGD's unknown bijdrage does not count; Eigendorp is first of four.
    assert row_of(response, "GGD Noord") == (
        "GGD Noord GGD € 10,00 2 van 4 € 14,00 € 10,00 – € 22,00 1 van 4 € 30,00 € 25,00 – € 35,00"
    )
    page = text(response)
    assert "GGD Oost" not in page and "Plaats" not in page
    assert "Veiligheidsregio Elders" not in page


def test_the_gemeente_comparison_uses_the_same_number_of_queries_as_parties_grow(ggds, beleid):
    url = reverse("partners:municipality_comparison", args=[ggds["own"].code]) + "?jaar=2025"
    few = count_queries(beleid, url)
    for n in range(6):
        party = PartyFactory(kind=PartyKind.ARCHIEF if n % 2 else PartyKind.GGD)
        member(party, ggds["own"], per_inhabitant=n + 1)
        member(party, MunicipalityFactory(), per_inhabitant=n + 2)

    assert count_queries(beleid, url) == few


def test_the_financien_tabs_of_the_party_and_the_gemeente_link_to_the_comparison(ggds, beleid):
    party = ggds["parties"][0]

    factsheet = beleid.get(party.get_tab_url("financien"))
    gemeente = beleid.get(ggds["own"].get_tab_url("financien"))

    assert reverse("partners:party_comparison", args=[party.slug]) in factsheet.content.decode()
    assert "Soort partij: GGD" in text(factsheet)
    assert reverse("partners:municipality_comparison", args=[ggds["own"].code]) in gemeente.content.decode()


def test_the_party_list_filters_on_the_kind_and_on_parties_without_one(ggds, superuser_client):
    PartyFactory(name="Nog Zonder Soort")

    ggd = text(superuser_client.get(reverse("partners:party_list") + "?soort=ggd"))
    unknown = text(superuser_client.get(reverse("partners:party_list") + "?soort=onbekend"))

    assert "GGD Zuid" in ggd and "Veiligheidsregio Elders" not in ggd and "Nog Zonder Soort" not in ggd
    assert "Nog Zonder Soort" in unknown and "GGD Zuid" not in unknown


def test_a_controller_of_another_gemeente_cannot_open_the_gemeente_comparison(ggds, client, make_user):
    user = make_user("carl", role=CONTROLLER, municipalities=[ggds["towns"][1]])

    response = pass_two_factor(client, user).get(reverse("partners:municipality_comparison", args=[ggds["own"].code]))

    assert response.status_code == 404


def test_a_vennootschap_counts_its_latest_jaarrekening_and_a_regeling_only_the_year_asked(superuser):
    nv = PartyFactory(name="Afval NV", kind=PartyKind.AFVALBEDRIJF, legal_form=LegalForm.NV)
    gr = PartyFactory(name="Afval GR", kind=PartyKind.AFVALBEDRIJF)
    for party in (nv, gr):
        PartyFinancialsFactory(party=party, year=YEAR - 2, kind=R, equity_end=D(30), liabilities_end=D(70), result=9)

    found = comparison.peer_comparison(party=nv, year=YEAR, user=superuser)

    by_name = {peer.name: peer for peer in found.peers}
    assert by_name["Afval NV"].values["result"] == D(9) and by_name["Afval NV"].values["equity_share"] == D(30)
    assert by_name["Afval GR"].values["result"] is None  # a begroting of the year is missing: niet bekend
    assert found.summaries[3].missing == 1


def test_the_table_of_a_large_kind_is_paged_with_the_party_itself_on_every_page(ggds, superuser_client, settings):
    settings.PAGE_SIZE = 2
    url = reverse("partners:party_comparison", args=[ggds["parties"][0].slug]) + "?jaar=2025"

    first, last = superuser_client.get(url), superuser_client.get(url + "&page=2")
    beyond = superuser_client.get(url + "&page=99")  # past the end: the last page, not an error

    # The other four GGD's by name, two a page; GGD Noord heads each page.
    assert rows_of(first) == ["GGD Noord", "GGD Midden", "GGD Oost"]
    assert rows_of(last) == ["GGD Noord", "GGD West", "GGD Zuid"]
    assert "Pagina 1 van 2 (4 resultaten)" in text(first)
    assert "jaar=2025&amp;page=2" in first.content.decode()
    assert beyond.status_code == 200
    assert rows_of(beyond) == rows_of(last)
    # The median still counts all five, whatever the page.
    assert row_of(last, "Kosten per inwoner").startswith("Kosten per inwoner € 10,00 1 van 4 € 25,00")


def rows_of(response):
    """The parties named in the row headers of the table of parties."""
    return [header.removesuffix(" (deze partij)") for header in row_headers(response) if header.startswith("GGD ")]
