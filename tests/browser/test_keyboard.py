"""Keyboard use: the skip link, a visible focus on every action, filtering and the risk matrix
without a mouse, and risk levels written out rather than shown by colour alone."""

from .conftest import log_in


def focus_ring(page):
    return page.evaluate(
        """() => { const el = document.activeElement, s = getComputedStyle(el);
                   return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), tag: el.tagName,
                           text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim()}; }"""
    )


def test_the_first_tab_shows_a_skip_link_that_moves_focus_to_the_content(visit):
    page = visit("partijen")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Direct naar de inhoud"
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "de skiplink blijft buiten beeld bij focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def tab_through(page, limit=120):
    """Tab from the top to the end of the page; the texts of what got focus, each with a visible ring."""
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        if ring["tag"] == "BODY" or (reached and ring["text"] == reached[0]):
            break
        assert ring["style"] != "none" and ring["width"] >= 2, f"geen zichtbare focus op {ring}"
        reached.append(ring["text"])
    return reached


def test_every_action_on_the_register_is_reachable_by_keyboard_with_a_visible_focus(visit):
    page = visit("partijen")
    reached = tab_through(page)
    for action in (
        "Direct naar de inhoud",
        "Partijen",
        "Risico's",
        "Uitloggen",
        "Filteren",
        "Filters wissen",
        "CSV",
        "Excel (XLSX)",
        "BNG Bank N.V.",  # the first party of Groningen, the gemeente of the demo user beleid
    ):
        assert action in reached, f"{action!r} is niet met Tab te bereiken"


def test_every_link_on_the_factsheet_is_reachable_by_keyboard_with_a_visible_focus(visit):
    page = visit("factsheet")
    reached = tab_through(page, limit=400)
    links = page.locator("main a[href]:visible").count()
    assert len(reached) >= links


def test_the_login_form_works_with_the_keyboard_only(open_as, base_url):
    page = open_as()
    page.goto("/inloggen/")
    # The username field has autofocus; without it, Tab past the skip link and the application name.
    for _ in range(5):
        if page.evaluate("document.activeElement.name") == "username":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("beleid")
    page.keyboard.press("Tab")
    page.keyboard.type("beleid-demo-2026")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/partijen/")


def test_the_register_filters_with_the_keyboard_only(visit):
    page = visit("partijen")
    page.get_by_label("Zoeken").focus()
    page.keyboard.type("Groningen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=Groningen" in page.url
    assert "gevonden" in page.locator(".result-count").inner_text()


def test_the_risk_matrix_cells_open_their_risks_from_the_keyboard(visit):
    page = visit("factsheet-risicos")
    cell = page.locator("svg.heatmap a").first
    cell.focus()
    assert focus_ring(page)["style"] != "none", "een vak van de risicomatrix zonder zichtbare focus"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/risicos/?" in page.url
    assert page.locator("main table tbody tr").count() >= 1


def test_risk_levels_are_written_out_not_only_coloured(visit):
    page = visit("risicos")
    levels = page.locator("main tbody .risk-badge, main tbody [class*='badge--risk']").all_inner_texts()
    assert levels, "geen risiconiveaus op de risicolijst"
    assert all(text.strip() for text in levels), "een risiconiveau zonder tekst"
    page = visit("factsheet-risicos")
    cells = page.locator("main .heatmap-table__level").all_inner_texts()
    assert cells and all(text.strip() for text in cells), "een vak van de risicomatrix zonder niveau in tekst"


def test_the_404_page_is_dutch_and_keeps_the_layout(visit):
    page = visit("niet-gevonden")
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert page.get_by_role("link", name="Direct naar de inhoud").count() == 1


def test_logging_out_is_a_button_that_works_from_the_keyboard(open_as, base_url):
    page = open_as()
    log_in(page, base_url, "controller", "controller-demo-2026")
    page.get_by_role("button", name="Uitloggen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/inloggen/" in page.url
