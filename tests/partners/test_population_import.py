"""Inwonertallen read from a CSV file: all rows or none, with a Dutch message per bad row."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from partners.models import Population

from .factories import MunicipalityFactory, PopulationFactory

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


def refused(tmp_path, content) -> str:
    with pytest.raises(CommandError) as error:
        run(tmp_path, content)
    assert not Population.objects.exists()
    return str(error.value)


def test_a_control_character_in_the_source_is_refused_and_a_manual_line_break_is_not(tmp_path, gemeenten):
    message = refused(tmp_path, "gemeente;jaar;inwoners;bron\nGM9401;2024;12400;CBS\x01\n")
    assert "Rij 2, kolom bron: De tekst bevat een onzichtbaar stuurteken (U+0001) op positie 4" in message
    run(tmp_path, "gemeente;jaar;inwoners;bron\nGM9401;2024;12400;CBS\x0bbevolking\n")
    assert Population.objects.get().source == "CBS\nbevolking"


def test_a_source_longer_than_the_field_is_refused_before_the_database_sees_it(tmp_path, gemeenten):
    message = refused(tmp_path, f"gemeente;jaar;inwoners;bron\nGM9401;2024;12400;{'x' * 201}\n")
    assert "Rij 2: de kolom bron is 201 tekens lang; hooguit 200 tekens." in message


def test_a_cell_beyond_what_the_csv_reader_takes_is_refused(tmp_path, gemeenten):
    message = refused(tmp_path, f"gemeente;jaar;inwoners;bron\nGM9401;2024;12400;{'x' * 200_000}\n")
    assert "Rij 2: een cel is veel te lang of een aanhalingsteken sluit niet; niets ingelezen." in message


def test_too_many_rows_or_columns_or_bytes_are_refused(tmp_path, gemeenten, settings):
    settings.IMPORT_MAX_ROWS = 2
    assert "Het bestand heeft meer dan 2 rijen." in refused(
        tmp_path, "gemeente;jaar;inwoners\n" + "GM9401;2024;1\n" * 3
    )
    assert "Rij 2 heeft 21 kolommen" in refused(tmp_path, "gemeente;jaar;inwoners\nGM9401;2024;1" + ";x" * 18 + "\n")
    settings.IMPORT_MAX_MB = 1
    content = "gemeente;jaar;inwoners\n" + "GM9401;2024;1\n" * 80_000
    assert "Het bestand is groter dan 1 MB (IMPORT_MAX_MB)." in refused(tmp_path, content)
