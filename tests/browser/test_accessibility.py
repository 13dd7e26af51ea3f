"""WCAG 2.2 AA with axe-core, and valid HTML with the Nu HTML Checker, on every page type in fr, ar and en."""

import os
import shutil

import pytest
from django.core.management import call_command

from .pages import all_pages
from .vnu import CheckerUnavailable, check

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture
def site_content(transactional_db, settings):
    # With the title cards, as visitors see the site.
    settings.TITLE_CARDS = True
    call_command("load_site", verbosity=0)


@pytest.mark.browser
def test_axe_finds_no_violations(site_content, live_server, page, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    report = {}
    for name, path, _status in all_pages():
        page.goto(live_server.url + path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        if violations:
            report[name] = [
                f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in violations
            ]
    (artifacts / "axe-report.txt").write_text(
        "\n".join(f"{name}: {line}" for name, lines in report.items() for line in lines) or "no violations\n",
        encoding="utf-8",
    )
    assert report == {}


@pytest.mark.browser
def test_keyboard_reaches_skip_link_search_and_language_switcher(site_content, live_server, page):
    page.goto(live_server.url + "/ar/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.goto(live_server.url + "/fr/")
    page.fill("#site-search-q", "échos")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/search/?q=*")
    assert page.locator("#results-films").is_visible()
    # Focus is visible: the outline is drawn.
    page.focus(".language-switcher a[hreflang='en']")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@pytest.mark.browser
def test_arabic_layout_is_mirrored(site_content, live_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(live_server.url + "/ar/people/kamal-hachkar/")
    title = tab.locator(".site-title").bounding_box()
    switcher = tab.locator(".language-switcher").bounding_box()
    assert title["x"] > switcher["x"], "the site title starts on the right in Arabic"
    heading = tab.locator(".data-table thead th").first.bounding_box()
    last = tab.locator(".data-table thead th").last.bounding_box()
    assert heading["x"] > last["x"], "table columns run right to left"
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("fonts", ["loaded", "not yet loaded"])
@pytest.mark.parametrize("width", [360, 1280])
def test_no_page_scrolls_sideways(site_content, live_server, browser, width, fonts):
    # Before the web fonts arrive, text is set in a wider fallback font: the layout must hold then too.
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    if fonts == "not yet loaded":
        tab.route("**/*.woff2", lambda route: route.abort())
    wide = []
    for name, path, _status in all_pages():
        tab.goto(live_server.url + path)
        if fonts == "loaded":
            tab.evaluate("document.fonts.ready.then(() => true)")
        if tab.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
            wide.append(name)
    context.close()
    assert wide == []


def test_html_checker_reports_no_errors(client, seed, tmp_path, artifacts, settings):
    settings.TITLE_CARDS = True
    call_command("title_cards", verbosity=0)
    files = {}
    for name, path, status in all_pages():
        response = client.get(path)
        assert response.status_code == status, path
        target = tmp_path / f"{name}.html"
        target.write_bytes(response.content)
        files[str(target)] = name
    try:
        errors = check(files)
    except CheckerUnavailable as error:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(str(error))
        pytest.skip(str(error))
    lines = [
        f"{files.get(e['url'].removeprefix('file:'), e['url'])}:{e.get('lastLine')}: {e['message']} — {e.get('extract', '')!r}"
        for e in errors
    ]
    (artifacts / "vnu-report.txt").write_text("\n".join(lines) or "no errors\n", encoding="utf-8")
    assert lines == []


def test_css_is_valid(tmp_path):
    if not shutil.which("java"):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("Java is needed to run the Nu HTML Checker.")
        pytest.skip("Java is needed to run the Nu HTML Checker.")
    from django.conf import settings

    errors = check([settings.BASE_DIR / "static" / "css" / "site.css"], css=True)
    assert [e["message"] for e in errors] == []
