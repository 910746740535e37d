"""PDF rendering of the reports with WeasyPrint: stylesheets read from disk, never over HTTP.

Rendering is slow compared with the queries, so callers build the data first and render with the
database transaction closed (see reports/views.py).
"""

import gc
from contextlib import contextmanager
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core import formatting
from risks import matrix, selectors

CONTENT_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".ttf": "font/ttf"}

# Tagged PDF for screen readers (PDF/UA-1); WeasyPrint adds the structure tree and the language.
PDF_VARIANT = "pdf/ua-1"


class StaticFileFetcher(URLFetcher):
    """Serves /static/… from the static files finders and the risk-level colours from the
    database; refuses every other URL (no HTTP, no arbitrary files), so a report never waits for
    the network or leaks what is on disk."""

    def fetch(self, url, headers=None):
        path = unquote(urlparse(url).path)
        if path == reverse("risks:level_styles"):
            css = matrix.level_stylesheet(selectors.levels()).encode()
            return URLFetcherResponse(url, body=css, headers={"Content-Type": "text/css"})
        prefix = "/" + settings.STATIC_URL.lstrip("/")
        if not path.startswith(prefix):
            raise ValueError(f"Een rapport laadt alleen statische bestanden, niet {url}")
        found = finders.find(path[len(prefix) :])
        if not found:
            raise ValueError(f"Statisch bestand niet gevonden: {url}")
        with open(found, "rb") as handle:
            body = handle.read()
        suffix = found[found.rfind(".") :]
        return URLFetcherResponse(url, body=body, headers={"Content-Type": CONTENT_TYPES.get(suffix, "")})


# While WeasyPrint works, the cyclic garbage collector runs after this many new objects instead of 700.
# A large paragraaf creates millions of boxes, styles and PDF objects that all live until the PDF is
# written, so with the default the collector walked that growing heap again and again for nothing:
# a fifth of the CPU time of the largest paragraaf (77 pages), for 3 MiB less peak memory.
RENDER_GC_THRESHOLD = 50_000


@contextmanager
def fewer_collections():
    """Python's cyclic garbage collector runs less often inside the block (reference counting still
    frees everything that is not in a cycle); the thresholds are restored afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], RENDER_GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def html_to_pdf(html: str, *, laid_out=None) -> bytes:
    """The PDF of a report page; its title and language come from <title> and <html lang>. `laid_out()`
    is called between the layout of the pages and the writing of the PDF (a job's progress)."""
    html = formatting.keep_amounts_together(html)
    with fewer_collections():
        source = HTML(string=html, base_url=settings.BASE_DIR.as_uri() + "/", url_fetcher=StaticFileFetcher())
        document = source.render(pdf_variant=PDF_VARIANT)
        if laid_out is not None:
            laid_out()
        return document.write_pdf(pdf_variant=PDF_VARIANT)
