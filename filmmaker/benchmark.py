"""Measuring tools of the production benchmark: a free port, what a first visit transfers,
the in-process measure of every page, and the comparison of a list's pages."""

import gzip
import socket
import statistics
import time

# A list shows a page at a time, so at the large size its first page and a page deep in the
# list must cost the same; against the seed, whose lists fill part of one page, the fair
# comparison is with a full page. {label: (query string of a deep page, what one item looks
# like in the HTML)}. Films: page 100; festivals and awards: the last page.
LISTS = {
    "film list": ("?page=100", '<li class="card card--picture">'),
    "festival list": ("?page=last", '<li class="card">'),
    "award list": ("?page=last", '<tr id="award-'),
}


def free_port(preferred=range(8120, 8150)):
    """A free port on the loopback, in ``preferred`` when one is free there, else any."""
    for port in [*preferred, 0]:
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


def measure_pages(pages, repeat):
    """Rows of SQL queries, median render time and HTML size (plain and gzipped), in-process, for
    ``pages`` ((label, language, path) each), then for the deep page of each list that has one:
    those rows say ``deep`` and are not served by wrk.

    Render time is the process's CPU time, and the pages are requested in turn, round after
    round: a moment when the machine is busy elsewhere neither counts as rendering nor
    falls on one page only."""
    import logging

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    logging.getLogger("django.request").setLevel(logging.ERROR)
    client = Client(HTTP_HOST="127.0.0.1")
    deep = [(label, code, path + LISTS[label][0]) for label, code, path in pages if label in LISTS]
    measured = []
    for index, (label, code, path) in enumerate([*pages, *deep]):
        if client.get(path).status_code == 404 and index >= len(pages):
            continue  # a list too short for that page (the seed has no page 100 of films)
        measured.append((label, code, path, index >= len(pages)))
    timings = {path: [] for _label, _code, path, _deep in measured}
    for _ in range(repeat):
        for _label, _code, path, _deep in measured:
            start = time.process_time()
            client.get(path)
            timings[path].append((time.process_time() - start) * 1000)
    rows = []
    for label, code, path, is_deep in measured:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        row = {"label": label, "lang": code, "path": path, "deep": is_deep}
        if label in LISTS:
            row["items"] = response.content.decode().count(LISTS[label][1])
        rows.append({
            **row, "queries": len(queries), "ms": statistics.median(timings[path]), "bytes": len(response.content),
            "gzip_bytes": len(gzip.compress(response.content)),
        })
    return rows


def list_report(pages, deep):
    """Lines comparing, at one size, each list's first page (in ``pages``) with its ``deep`` page."""
    first = {(row["label"], row["lang"]): row for row in pages}
    lines = ["a page deep in each list against its first page, large size (target ≤ 1.5)"]
    for row in deep:
        top = first[row["label"], row["lang"]]
        lines.append(
            f"  {row['label']:<14} {row['lang']:<4} {row['path']:<26} time ×{row['ms'] / top['ms']:.2f}"
            f"  size ×{row['bytes'] / top['bytes']:.2f}  queries {top['queries']} → {row['queries']}"
            f"  items {top['items']} → {row['items']}"
        )
    return lines
