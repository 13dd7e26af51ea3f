"""Measuring tools of the production benchmark: a free port, and what a first visit transfers."""

import socket


def free_port():
    for port in [*range(8120, 8150), 0]:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]


def first_visit_bytes(base, paths, chromium="/usr/bin/chromium"):
    """Bytes a first visit transfers (compressed bodies and headers, fonts included), per
    path, measured in headless Chromium with an empty cache; None without Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    totals = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            for path in paths:
                context = browser.new_context(viewport={"width": 412, "height": 900})
                page = context.new_page()
                responses = []
                page.on("requestfinished", lambda request: responses.append(request))
                page.goto(base + path, wait_until="networkidle")
                page.evaluate("document.fonts.ready.then(() => true)")
                total = 0
                files = []
                for request in responses:
                    sizes = request.sizes()
                    size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                    total += size
                    files.append((request.url.replace(base, ""), size))
                totals[path] = (total, files)
                context.close()
        finally:
            browser.close()
    return totals
