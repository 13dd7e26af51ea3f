"""A headless browser for the browser tests, and a folder for their screenshots."""

import os

import pytest

from .chromium import ARTIFACTS, CHROMIUM, chromium_available


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from the system (Playwright cannot download its own here).

    Where Chromium is missing the browser tests are skipped with a plain message;
    with REQUIRE_BROWSER=1 (as in CI) a missing Chromium is a failure instead.
    """
    if not chromium_available():
        message = f"Chromium not found at {CHROMIUM}: browser tests need Debian's chromium package."
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made
    # by the test itself (set-up, assertions) are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
