"""Chart text in the PDF is at least 8 pt: the charts keep their own size in the A4 text column (12 px
prints at 9 pt). Measured in the PDF itself: font size times the text and page matrices, per text run."""

import io
import math
from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

pytestmark = [pytest.mark.django_db, pytest.mark.pdf]

# Texts that only the charts draw: the legend of an indicator chart, and the years of the cost columns.
CHART_WORDS = {"realisatie", "streefwaarde"}


def text_sizes(pdf: bytes) -> list[tuple[str, float]]:
    runs = []
    for page in PdfReader(io.BytesIO(pdf)).pages:

        def visit(text, cm, tm, font, size):
            if text.strip():
                runs.append((text.strip(), size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])))

        page.extract_text(visitor_text=visit)
    return runs


def test_the_charts_of_the_demo_factsheet_print_at_8_pt_or_more(superuser_client):
    call_command("load_demo", force=True, stdout=StringIO())

    response = superuser_client.get("/partijen/veiligheidsregio-groningen/factsheet.pdf?gemeente=GM0014")

    assert response.status_code == 200
    runs = text_sizes(response.content)
    chart_runs = [(text, size) for text, size in runs if text in CHART_WORDS or text.startswith(("€ 81,", "+0,"))]
    assert len(chart_runs) >= 6
    assert [(text, round(size, 1)) for text, size in chart_runs if size < 8] == []
