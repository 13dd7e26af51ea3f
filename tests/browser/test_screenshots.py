"""Screenshots of every page type in fr, ar and en, on a phone and a desktop, into the test artifacts.

The pages must also load without a console error (a CSP violation shows up there).
"""

import pytest
from django.core.management import call_command

from .pages import LANGUAGES, PAGE_TYPES, page_url

WIDTHS = {"phone": 360, "desktop": 1280}


@pytest.fixture
def site_content(transactional_db, settings):
    # With the title cards, as visitors see the site.
    settings.TITLE_CARDS = True
    call_command("load_site", verbosity=0)


@pytest.mark.browser
@pytest.mark.parametrize("code", LANGUAGES)
def test_screenshots(site_content, live_server, browser, artifacts, code):
    folder = artifacts / "screenshots" / code
    folder.mkdir(parents=True, exist_ok=True)
    problems = []
    for device, width in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=1)
        tab = context.new_page()
        tab.on("console", lambda message: message.type == "error" and problems.append(f"{tab.url}: {message.text}"))
        tab.on("pageerror", lambda error: problems.append(f"{tab.url}: {error}"))
        for name, url_name, kwargs, query in PAGE_TYPES:
            response = tab.goto(live_server.url + page_url(code, url_name, kwargs, query))
            assert response.status == (404 if url_name is None else 200)
            tab.evaluate("document.fonts.ready")
            # Lazy pictures below the fold: load them, so the full-page shot shows them.
            tab.evaluate("Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().catch(() => null); }))")
            broken = tab.evaluate("[...document.images].filter(i => !i.naturalWidth).map(i => i.src)")
            assert broken == [], f"{name}: images that did not load: {broken}"
            path = folder / f"{name}-{device}.png"
            tab.screenshot(path=path, full_page=True)
            assert path.stat().st_size > 0
        context.close()
    # A 404 answer is logged by the browser as a failed resource; anything else is a defect.
    assert [p for p in problems if "404 (Not Found)" not in p] == []
