"""Inwonertallen read from a CSV file: all rows or none, with a Dutch message per bad row."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from partners.models import Population
from tests.partners.factories import MunicipalityFactory, PopulationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeenten():
    return MunicipalityFactory(code="GM9401", name="Importdorp"), MunicipalityFactory(code="GM9402", name="Importstad")


def run(tmp_path, content, *args):
    path = tmp_path / "inwoners.csv"
    path.write_text(content, encoding="utf-8")
    out = StringIO()
    call_command("import_population", str(path), *args, stdout=out)
    return out.getvalue()


def test_a_good_file_is_read_with_codes_names_and_dutch_thousands(tmp_path, gemeenten):
    PopulationFactory(participant=gemeenten[1], year=2024, inhabitants=1)
    output = run(
        tmp_path, "gemeente;jaar;inwoners;bron\nGM9401;2024;12.400;CBS\nImportstad;2024;31900;CBS\n9401;2025;12.380;\n"
    )
    assert "2 nieuw, 1 gewijzigd, 0 ongewijzigd" in output
    assert sorted(Population.objects.values_list("participant__code", "year", "inhabitants")) == [
        ("GM9401", 2024, 12_400),
        ("GM9401", 2025, 12_380),
        ("GM9402", 2024, 31_900),
    ]


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("GM9402;2025;0", "Rij 3: Het aantal inwoners moet groter zijn dan 0"),
        ("GM9402;2025;veel", "Rij 3: “veel” is geen geheel getal"),
        ("GM0000;2025;100", "Rij 3: gemeente “GM0000” is onbekend"),
        ("GM9401;2024;100", "Rij 3: Importdorp 2024 staat ook al in rij 2."),
    ],
)
def test_a_file_with_one_bad_row_stores_nothing_and_names_the_row(tmp_path, gemeenten, bad_row, message):
    with pytest.raises(CommandError) as error:
        run(tmp_path, f"gemeente;jaar;inwoners\nGM9401;2024;12400\n{bad_row}\n")
    assert message in str(error.value)
    assert not Population.objects.exists()


def test_the_dry_run_checks_without_storing(tmp_path, gemeenten):
    assert "Niets opgeslagen" in run(tmp_path, "gemeente,jaar,inwoners\nGM9401,2024,12400\n", "--dry-run")
    assert not Population.objects.exists()
