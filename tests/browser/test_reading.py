"""What a reader sees: the timeline on a phone in both directions, the search field, the
film's infobox and breadcrumbs, pictures that load, text that stays put as the fonts arrive."""

import re
from contextlib import contextmanager

import pytest
from django.core.management import call_command


@pytest.fixture
def site_content(transactional_db, settings):
    settings.TITLE_CARDS = True
    call_command("load_site", verbosity=0)


@contextmanager
def viewing(browser, url, width, height=800):
    """A tab showing ``url`` in a window ``width`` pixels wide, closed afterwards."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        tab = context.new_page()
        tab.goto(url)
        yield tab
    finally:
        context.close()


def boxes(tab, selector):
    return tab.eval_on_selector_all(selector, "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })")


@pytest.mark.browser
@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_the_timeline_is_a_vertical_list_on_a_phone(site_content, live_server, browser, code):
    with viewing(browser, f"{live_server.url}/{code}/people/kamal-hachkar/", 360) as tab:
        years = boxes(tab, ".career__year")
        assert len(years) == 4
        tops = [box[1] for box in years]
        assert tops == sorted(tops) and len(set(tops)) == 4, "one year under the other"
        assert all(0 <= box[0] and box[2] <= 360 for box in years), "every year inside the screen"
        assert tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.browser
@pytest.mark.parametrize("code,first_on_the_right", [("fr", False), ("ar", True)])
def test_the_timeline_runs_in_the_reading_direction_on_a_desktop(site_content, live_server, browser, code, first_on_the_right):
    with viewing(browser, f"{live_server.url}/{code}/people/kamal-hachkar/", 1280, 900) as tab:
        years = boxes(tab, ".career__year")
        lefts = [box[0] for box in years]
        assert lefts == sorted(lefts, reverse=first_on_the_right)
        # The start is in view without scrolling: the first year lies inside the scroller.
        scroller = boxes(tab, ".career__scroll")[0]
        assert scroller[0] <= years[0][0] and years[0][2] <= scroller[2]


@pytest.mark.browser
def test_the_arabic_search_placeholder_runs_right_to_left(site_content, live_server, page):
    page.goto(f"{live_server.url}/ar/")
    direction = page.eval_on_selector("#site-search-q", "e => getComputedStyle(e).direction")
    assert direction == "rtl"
    page.fill("#site-search-q", "Tinghir")
    # Typed Latin text takes its own direction (dir="auto").
    assert page.eval_on_selector("#site-search-q", "e => e.matches(':dir(ltr)')")


@pytest.mark.browser
def test_cards_load_on_the_home_page(site_content, live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.evaluate("Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().catch(() => null); }))")
    images = page.eval_on_selector_all("img", "els => els.map(e => [e.currentSrc, e.naturalWidth])")
    assert len(images) == 3  # the person and the two films
    # Loaded (a broken image has no width), from the srcset's renditions: WebP copies for
    # places this narrow, not the 1200-pixel PNG.
    assert all(width > 0 and re.search(r"/media/cards/.+\.(480|640|960)\.webp\?v=", src) for src, width in images), images


@pytest.mark.browser
@pytest.mark.parametrize("code", ["fr", "ar", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_film_infobox_keeps_its_values_inside(site_content, live_server, browser, code, width):
    # "Réalisation et scénario" is a long label: it wraps, the value beside it stays in the box.
    with viewing(browser, f"{live_server.url}/{code}/films/tinghir-jerusalem/", width, 900) as tab:
        box = boxes(tab, ".infobox")[0]
        cells = boxes(tab, ".infobox dt, .infobox dd")
        assert len(cells) >= 6
        assert all(box[0] <= cell[0] and cell[2] <= box[2] for cell in cells), (box, cells)
        # Nor does any text run out of its cell (a word wider than its column would).
        overflowing = tab.eval_on_selector_all(
            ".infobox dt, .infobox dd", "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"
        )
        assert overflowing == []


@pytest.mark.browser
def test_arabic_film_titles_are_not_slanted(site_content, live_server, page):
    # Arabic has no italic; the browser would fake one by slanting the letters.
    page.goto(f"{live_server.url}/ar/")
    styles = page.eval_on_selector_all(".award-list cite", "els => els.map(e => getComputedStyle(e).fontStyle)")
    assert styles and set(styles) == {"normal"}
    page.goto(f"{live_server.url}/fr/")
    styles = page.eval_on_selector_all(".award-list cite", "els => els.map(e => getComputedStyle(e).fontStyle)")
    assert styles and set(styles) == {"italic"}


@pytest.mark.browser
@pytest.mark.parametrize("code", ["fr", "ar", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_search_box_shows_its_whole_hint(site_content, live_server, browser, code, width):
    with viewing(browser, f"{live_server.url}/{code}/", width) as tab:
        tab.evaluate("document.fonts.ready")
        room, needed = tab.eval_on_selector(
            "#site-search-q",
            """e => {
                const style = getComputedStyle(e, '::placeholder');
                const context = document.createElement('canvas').getContext('2d');
                context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                const padding = parseFloat(getComputedStyle(e).paddingInlineStart) + parseFloat(getComputedStyle(e).paddingInlineEnd);
                return [e.clientWidth - padding, context.measureText(e.placeholder).width];
            }""",
        )
        assert needed <= room, f"the hint needs {needed:.0f} px, the box has {room:.0f}"


@pytest.mark.browser
@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_a_wrapped_breadcrumb_starts_its_line_with_its_name(site_content, live_server, browser, code):
    # On a phone the film's long title goes to a second line; the separator stays at the
    # end of the line before, so each crumb's box starts where its text does.
    with viewing(browser, f"{live_server.url}/{code}/films/tinghir-jerusalem/", 360) as tab:
        gaps = tab.eval_on_selector_all(
            ".breadcrumbs li",
            """(items) => items.map((li) => {
                const range = document.createRange();
                range.selectNodeContents(li);
                const text = Array.from(range.getClientRects()).filter((r) => r.width > 0);
                const box = li.getBoundingClientRect();
                const rtl = getComputedStyle(li).direction === 'rtl';
                const first = text[0];
                return rtl ? box.right - first.right : first.left - box.left;
            })""",
        )
        assert len(gaps) == 3
        assert all(abs(gap) <= 1 for gap in gaps), gaps
        tops = boxes(tab, ".breadcrumbs li")
        assert tops[-1][1] > tops[0][1], "the title wraps to a second line at this width"


# A phone on a slow mobile network, as Lighthouse's mobile audit has it: 150 ms round trips,
# 1.6 Mbit/s down, a processor four times slower than this one.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8}
RECORD_LAYOUT_SHIFTS = """
window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShifts.push(entry.value);
}).observe({type: 'layout-shift', buffered: true});
"""


@pytest.mark.browser
@pytest.mark.parametrize("code", ["fr", "ar", "en"])
@pytest.mark.parametrize("width", [360, 412])
def test_the_text_stays_in_place_as_the_web_fonts_arrive(site_content, live_server, browser, code, width):
    # The layout shift a reader sees while the page loads (CLS), which Google counts as good
    # under 0.1. On an Arabic phone page the navigation fitted beside the site's name or not
    # depending on which fonts had arrived (0.16 on every page at 360 px), and the festival's
    # long name re-wrapped as each of the four font files came in (0.34 at 412 px).
    shifts = {}
    for path in ("people/kamal-hachkar/", "films/tinghir-jerusalem/", "festivals/ficmec/"):
        context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=2, is_mobile=True)
        try:
            tab = context.new_page()
            devtools = context.new_cdp_session(tab)
            devtools.send("Network.enable")
            devtools.send("Network.emulateNetworkConditions", SLOW_4G)
            devtools.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            tab.add_init_script(RECORD_LAYOUT_SHIFTS)
            tab.goto(f"{live_server.url}/{code}/{path}", wait_until="networkidle")
            tab.evaluate("document.fonts.ready.then(() => true)")
            tab.wait_for_timeout(300)
            shifts[path] = round(sum(tab.evaluate("window.layoutShifts")), 3)
        finally:
            context.close()
    assert all(shift < 0.1 for shift in shifts.values()), shifts
