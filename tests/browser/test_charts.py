"""The charts as Chromium draws them: every label at least 12 px at 100% zoom on a 1280 px screen,
no two labels of a chart overlapping (their boxes measured by the browser), and the risk heatmap
replaced by its table on a 360 px screen. tests/core/test_chart_labels.py checks the same layouts
without a browser, for many more figures."""

import pytest

from .conftest import SCREENSHOTS

# The pages with charts: costs, the regional comparison, doelen, monitoring, heatmaps, the simulation.
CHART_PAGES = [
    "factsheet-financien",
    "factsheet-doelen",
    "factsheet-sturing",
    "factsheet-risicos",
    "gemeente-financien",
    "gemeente-risicos",
    "doelen",
    "weerstandsvermogen",
    "vergelijking",
    "gemeente-vergelijking",
]

LABELS = """() => {
  const problems = [];
  let count = 0;
  for (const svg of document.querySelectorAll('main svg')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;
    const viewBox = svg.viewBox.baseVal;
    const scale = viewBox && viewBox.width ? box.width / viewBox.width : 1;
    const title = svg.querySelector('title');
    const name = title ? title.textContent : svg.getAttribute('class');
    const boxes = [];
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent.trim()) continue;
      count++;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < 11.95) problems.push(`${name}: “${text.textContent}” is ${size.toFixed(1)} px`);
      boxes.push([text.textContent, text.getBoundingClientRect()]);
    }
    boxes.forEach(([ta, a], i) => boxes.slice(i + 1).forEach(([tb, b]) => {
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (across > 1 && down > 1) problems.push(`${name}: “${ta}” overlapt “${tb}”`);
    }));
  }
  return {count, problems};
}"""


@pytest.mark.parametrize("username", ["beleid", "controller"])
@pytest.mark.parametrize("name", CHART_PAGES)
def test_chart_labels_are_12_px_or_more_and_never_overlap(visit, name, username):
    page = visit(name, width=1280, username=username)

    labels = page.evaluate(LABELS)

    assert labels["count"] > 0, f"{name}: geen grafieken met tekst"
    assert labels["problems"] == []


@pytest.mark.parametrize("name", ["factsheet-risicos", "gemeente-risicos"])
def test_on_a_narrow_screen_the_heatmap_gives_way_to_its_table(visit, name):
    page = visit(name, width=360, username="controller")

    heatmap = page.locator(".risk-heatmap").first
    assert not heatmap.locator("svg.heatmap").is_visible()
    table = heatmap.locator("table.heatmap-table")
    assert table.is_visible()
    assert table.bounding_box()["width"] <= 360
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    heatmap.screenshot(path=SCREENSHOTS / f"risicomatrix-{name}-360.png")
