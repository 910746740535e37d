"""The look that the stylesheets promise: the user's role in the header, sticky table headers,
zebra rows, text badges, and a print stylesheet without navigation."""

from .pages import PARTY


def test_the_header_shows_the_application_the_user_and_the_role(visit):
    page = visit("partijen")
    header = page.locator("header.site-header")
    assert "Register verbonden partijen" in header.inner_text()
    assert header.locator(".site-header__role").inner_text() == "beleidsmedewerker"
    assert page.get_by_role("navigation", name="Hoofdmenu").locator("[aria-current='page']").inner_text() == "Partijen"


def test_table_headers_stay_in_view_while_a_long_table_scrolls(visit):
    page = visit("partijen")
    page.mouse.wheel(0, 1200)
    page.wait_for_function("window.scrollY > 600")
    top = page.locator("main table thead th").first.bounding_box()["y"]
    assert abs(top) < 2, f"de kop van de tabel scrolt mee weg (y={top})"


def test_rows_alternate_in_colour_and_badges_carry_text(visit):
    page = visit("partijen")
    rows = page.locator("main table tbody tr")
    odd, even = (rows.nth(i).evaluate("r => getComputedStyle(r).backgroundColor") for i in (0, 1))
    assert odd != even
    assert all(text.strip() for text in page.locator("main .badge").all_inner_texts())


def test_printing_leaves_out_navigation_and_filters(open_as):
    page = open_as("beleid")
    page.goto(f"/partijen/?q={PARTY[:5]}")
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert not page.locator(".filter-form").is_visible()
    assert page.locator("main table").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_the_admin_wears_the_register_colours_and_links_back_to_the_register(open_as):
    from .test_pages import axe_problems

    page = open_as("beheer")
    for path in (
        "/admin/",
        "/admin/partners/party/",
        "/admin/risks/risk/add/",
        "/admin/governance/seat/add/",
        "/admin/partners/party/add/",
    ):
        page.goto(path)
        header = page.locator("#header")
        assert header.evaluate("h => getComputedStyle(h).backgroundColor") == "rgb(21, 66, 115)", path
        assert header.get_by_role("link", name="Register verbonden partijen").get_attribute("href") == "/partijen/"
        assert header.get_by_role("link", name="Naar het register").count() == 1
        assert "Beheer — Register verbonden partijen" in page.title()
        problems = axe_problems(page)
        assert problems == [], path + "\n" + "\n".join(problems)


def test_menu_marks_the_section_of_the_page(visit):
    for name, section in (("weerstandsvermogen", "Gemeenten"), ("dashboard", "Gemeenten"), ("persoon", "Personen")):
        page = visit(name)
        current = page.get_by_role("navigation", name="Hoofdmenu").locator("[aria-current='page']")
        assert current.inner_text() == section, name


def test_a_persons_breadcrumb_starts_at_personen(visit):
    page = visit("persoon")
    assert page.get_by_role("navigation", name="Kruimelpad").locator("a").first.inner_text() == "Personen"
