"""reports/pdf.py runs Python's cyclic garbage collector less often while WeasyPrint works, and only then."""

import gc

from reports import pdf


def test_the_collector_runs_less_often_during_rendering_and_as_before_afterwards():
    before = gc.get_threshold()
    seen = []
    body = pdf.html_to_pdf(
        '<!DOCTYPE html><html lang="nl"><head><title>Test</title></head><body><p>Tekst</p></body></html>',
        laid_out=lambda: seen.append(gc.get_threshold()),
    )
    assert body.startswith(b"%PDF")
    assert seen[0][0] == max(before[0], pdf.RENDER_GC_THRESHOLD)
    assert gc.get_threshold() == before


def test_the_thresholds_come_back_when_rendering_fails():
    before = gc.get_threshold()
    try:
        with pdf.fewer_collections():
            assert gc.get_threshold()[0] >= pdf.RENDER_GC_THRESHOLD
            raise RuntimeError("kapot")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before
