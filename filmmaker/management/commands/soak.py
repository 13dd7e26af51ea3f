"""A bounded load test of a running site on this machine: visitors on every page type while an
editor saves, then a check that every saved change is visible.

    manage.py soak --base-url http://127.0.0.1:8200 --seconds 60 --concurrency 64 [--pid PID]

Only loopback addresses are accepted: this is a check of our own server, never of anyone
else's. The editor signs in to the admin with a temporary staff account the command creates
in the site's database (so run it with the server's settings) and removes afterwards; its
saves go through the real change form, concurrency guard included. The film it edits is
given back its own text at the end. The command exits non-zero on any failed request, any
5xx answer, any save refused, or a saved change not visible afterwards.
"""

import os
import re
import secrets
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from filmmaker.soak import LANGUAGES, TIMEOUT, Editor, is_loopback, rss_bytes

LIST_PAGES = ("", "films/", "festivals/", "awards/", "search/?q=hachkar", "search/?q=%D9%83%D9%85%D8%A7%D9%84", "no-such-page/")


class Command(BaseCommand):
    help = "Load a running site on this machine: visitors on every page type while an editor saves."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", required=True, help="The server, on a loopback address, e.g. http://127.0.0.1:8200")
        parser.add_argument("--seconds", type=float, default=60, help="How long the visitors keep going (at most 600).")
        parser.add_argument("--concurrency", type=int, default=64, help="Visitors at once (at most 256).")
        parser.add_argument("--pid", type=int, help="The server's process id, to follow its memory (workers included).")
        parser.add_argument("--film", default="tinghir-jerusalem", help="Slug of the film the editor saves.")

    def handle(self, base_url, seconds, concurrency, pid=None, film="tinghir-jerusalem", **options):
        from films.models import Film

        if not is_loopback(base_url):
            raise CommandError(f"{base_url} is not a loopback address: the soak only runs against this machine.")
        if not 0 < seconds <= 600 or not 0 < concurrency <= 256:
            raise CommandError("Give --seconds between 0 and 600 and --concurrency between 1 and 256.")
        base_url = base_url.rstrip("/")
        try:
            film_obj = Film.objects.get(slug=film)
        except Film.DoesNotExist:
            raise CommandError(f"No film {film!r} in this database: run the soak with the server's settings.") from None
        originals = {code: getattr(film_obj, f"synopsis_{code}") or "" for code in LANGUAGES}
        try:
            urls = self.page_urls(base_url)
        except (OSError, urllib.error.URLError) as error:
            raise CommandError(f"No site answers at {base_url}: {error}") from error
        memory_pid = pid or os.getpid()
        username, password = f"soak-{secrets.token_hex(4)}", secrets.token_urlsafe(24)
        user = get_user_model().objects.create_superuser(username, password=password)
        editor = Editor(base_url, username, password, film_obj)
        stop = threading.Event()
        statuses, failures, latencies, memory = Counter(), [], [], []
        lock = threading.Lock()

        def visitor(offset):
            opener = urllib.request.build_opener()
            index = offset
            while not stop.is_set():
                url = urls[index % len(urls)]
                index += concurrency
                started = time.monotonic()
                try:
                    with opener.open(url, timeout=TIMEOUT) as response:
                        response.read()
                        status = response.status
                except urllib.error.HTTPError as error:
                    status = error.code
                    error.read()
                except (OSError, urllib.error.URLError) as error:
                    with lock:
                        failures.append(f"{url}: {error}")
                    continue
                with lock:
                    statuses[status] += 1
                    latencies.append(time.monotonic() - started)

        def sample_memory():
            while not stop.is_set():
                value = rss_bytes(memory_pid)
                if value:
                    memory.append(value)
                stop.wait(0.5)

        threads = [threading.Thread(target=visitor, args=(n,), daemon=True) for n in range(concurrency)]
        threads += [
            threading.Thread(target=editor.run, args=(stop, originals), daemon=True),
            threading.Thread(target=sample_memory, daemon=True),
        ]
        started = time.monotonic()
        try:
            for thread in threads:
                thread.start()
            stop.wait(seconds)
        finally:
            stop.set()
            for thread in threads:
                thread.join(TIMEOUT)
        elapsed = time.monotonic() - started

        problems = []
        try:
            visible = self.check_visible(base_url, film_obj, editor.last_marker)
            if editor.last_marker is None:
                problems.append("the editor saved nothing")
            elif not visible:
                problems.append(f"the last saved change ({editor.last_marker}) is not visible on the film's pages")
            # Give the film its own text back, through the same form.
            if editor.saves:
                editor.save(originals)
        except (CommandError, OSError, urllib.error.URLError) as error:
            problems.append(f"checking the saved change failed: {error}")
        finally:
            user.delete()

        server_errors = sum(n for status, n in statuses.items() if status >= 500)
        unexpected = sum(n for status, n in statuses.items() if status not in (200, 404) and status < 500)
        requests = sum(statuses.values()) + len(failures)
        self.report(requests, elapsed, statuses, failures, latencies, memory, editor, pid)
        if failures:
            problems.append(f"{len(failures)} failed requests (first: {failures[0]})")
        if server_errors:
            problems.append(f"{server_errors} answers with a 5xx status")
        if unexpected:
            problems.append(f"{unexpected} answers with an unexpected status")
        problems += [f"editor: {error}" for error in editor.errors]
        if problems:
            raise CommandError("Soak failed: " + "; ".join(problems))
        self.stdout.write(self.style.SUCCESS("Soak passed: no failed request, no server error, every saved change visible."))

    def page_urls(self, base_url):
        """Every page type in every language: lists, details from the sitemap, search, a 404."""
        urls = [f"{base_url}/{code}/{page}" for code in LANGUAGES for page in LIST_PAGES]
        with urllib.request.urlopen(f"{base_url}/sitemap.xml", timeout=TIMEOUT) as response:
            sitemap = response.read().decode()
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
            path = urllib.parse.urlsplit(loc).path
            urls.append(f"{base_url}{path}")
        urls += [f"{base_url}/sitemap.xml", f"{base_url}/robots.txt"]
        return sorted(set(urls))

    def check_visible(self, base_url, film, marker):
        if marker is None:
            return False
        for code in LANGUAGES:
            with urllib.request.urlopen(f"{base_url}/{code}/films/{film.slug}/", timeout=TIMEOUT) as response:
                if marker not in response.read().decode("utf-8", "replace"):
                    return False
        return True

    def report(self, requests, elapsed, statuses, failures, latencies, memory, editor, pid):
        server_errors = sum(n for status, n in statuses.items() if status >= 500)
        lines = [
            f"Requests: {requests} in {elapsed:.1f} s ({requests / elapsed:.0f}/s); "
            + ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items())),
            f"Failed requests: {len(failures)}; 5xx: {server_errors}",
        ]
        if latencies:
            ordered = sorted(latencies)
            lines.append(
                f"Latency: median {statistics.median(ordered) * 1000:.0f} ms, "
                f"95th percentile {ordered[int(len(ordered) * 0.95) - 1] * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
            )
        lines.append(f"Editor: {editor.saves} saves, {len(editor.errors)} errors")
        if memory:
            whose = f"server process {pid} and its children" if pid else "this process (give --pid for the server's)"
            lines.append(
                f"Memory ({whose}): start {memory[0] / 2**20:.0f} MB, peak {max(memory) / 2**20:.0f} MB, "
                f"end {memory[-1] / 2**20:.0f} MB"
            )
        for line in lines:
            self.stdout.write(line)
