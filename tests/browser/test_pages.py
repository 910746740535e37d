"""Every page at 1280 and 360 px: axe-core with the WCAG 2.1 A and AA rules (at 1280 px, to keep the
suite short), landmarks, tables, charts, no sideways scrolling, and a full-page screenshot in
screenshots/ to look at by eye.

One test per page and width loads the page once and reports every problem it finds together.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import SCREENSHOTS
from .pages import DOCUMENTS, PAGES

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
axe = Axe()

# Elements wider than the screen outside a scrollable table region, and how far the page scrolls sideways.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && !el.closest('.table-wrap');
  });
  const samples = wide.slice(0, 5).map(el => el.outerHTML.slice(0, 100));
  return {scroll: document.documentElement.scrollWidth - width, wide: samples};
}"""


def axe_problems(page):
    problems = []
    for violation in axe.run(page, options=WCAG_21_AA).response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:8])
        problems.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return problems


def structure_problems(page, name):
    problems = []
    application_page = name not in DOCUMENTS
    for landmark in ("header", "main#inhoud", "footer") if application_page else ():
        if page.locator(landmark).count() == 0:
            problems.append(f"geen {landmark}")
    if application_page and page.locator("a.skip-link[href='#inhoud']").count() != 1:
        problems.append("geen skiplink naar #inhoud")
    if page.locator("h1").count() != 1:
        problems.append(f"{page.locator('h1').count()} h1-koppen in plaats van één")
    for index, table in enumerate(page.locator("main table").all()):
        if table.locator("caption").count() != 1:
            problems.append(f"tabel {index + 1} zonder caption")
        if unscoped := table.locator("th:not([scope])").count():
            problems.append(f"tabel {index + 1}: {unscoped} kopcellen zonder scope")
    for region in page.locator("main .table-wrap").all():
        if region.get_attribute("tabindex") != "0" or region.get_attribute("role") != "region":
            problems.append("een scrollbare tabel die niet met het toetsenbord te bereiken is")
    for index, chart in enumerate(page.locator("main svg").all()):
        named = chart.get_attribute("aria-labelledby") or chart.get_attribute("aria-label")
        if chart.get_attribute("aria-hidden") != "true" and not named:
            problems.append(f"grafiek {index + 1} zonder tekstalternatief")
    return problems


def overflow_problems(page, width):
    overflow = page.evaluate(OVERFLOW)
    if overflow["scroll"] > 0 or overflow["wide"]:
        return [f"breder dan {width} px (scrollt {overflow['scroll']} px opzij): {overflow['wide']}"]
    return []


@pytest.mark.parametrize("width", (1280, 360))
@pytest.mark.parametrize("name", PAGES)
def test_page_meets_wcag_21_aa_fits_the_screen_and_is_captured(visit, name, width):
    page = visit(name, width=width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    problems = (axe_problems(page) if width == 1280 else []) + structure_problems(page, name)
    overflow = overflow_problems(page, width)
    problems += overflow
    assert not problems, f"{name} op {width} px:\n" + "\n".join(problems)
