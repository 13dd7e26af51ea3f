"""The soak command's parts: loopback checks, process memory, and an editor who saves through
the real admin form."""

import http.cookiejar
import ipaddress
import os
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

from django.core.management.base import CommandError

LANGUAGES = ("fr", "ar", "en")
TIMEOUT = 30


def is_loopback(url):
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def rss_bytes(pid):
    """Resident memory of a process and its children (gunicorn workers), from /proc."""
    pids = {pid}
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                        fields = stat.read().rsplit(")", 1)[1].split()
                    if int(fields[1]) == pid:
                        pids.add(int(entry))
                except (OSError, IndexError, ValueError):
                    continue
    except OSError:
        return None
    total = 0
    for each in pids:
        try:
            with open(f"/proc/{each}/status", encoding="ascii") as status:
                match = re.search(r"VmRSS:\s+(\d+) kB", status.read())
            total += int(match.group(1)) * 1024 if match else 0
        except OSError:
            continue
    return total or None


class FormReader(HTMLParser):
    """The fields of an admin change form, as a browser would submit them unchanged."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = []
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append([name, attrs.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "select" and name:
            self.select = [name, None, "multiple" in attrs]
        elif tag == "option" and self.select is not None and "selected" in attrs:
            self.data.append([self.select[0], attrs.get("value", "")])
            self.select[1] = True
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.data.append(self.textarea)
            self.textarea = None


class Editor:
    """Signs in to the admin and saves one film's synopsis, in every language at once."""

    def __init__(self, base_url, username, password, film):
        self.base_url = base_url.rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.username, self.password, self.film = username, password, film
        self.change_url = f"{self.base_url}/en/admin/films/film/{film.pk}/change/"
        self.saves = 0
        self.errors = []
        self.last_marker = None

    def open(self, url, data=None):
        body = urllib.parse.urlencode([tuple(pair) for pair in data]).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        with self.opener.open(request, timeout=TIMEOUT) as response:
            return response.status, response.geturl(), response.read().decode("utf-8", "replace")

    def csrf(self):
        for handler in self.opener.handlers:
            if isinstance(handler, urllib.request.HTTPCookieProcessor):
                for cookie in handler.cookiejar:
                    if cookie.name == "csrftoken":
                        return cookie.value
        return ""

    def sign_in(self):
        login = f"{self.base_url}/en/admin/login/"
        self.open(login)
        status, final, _html = self.open(
            login,
            [("csrfmiddlewaretoken", self.csrf()), ("username", self.username), ("password", self.password), ("next", "/en/admin/")],
        )
        if "/login/" in final:
            raise CommandError("The editor could not sign in to the admin.")

    def fields(self):
        _status, _final, html = self.open(self.change_url)
        reader = FormReader("film_form")
        reader.feed(html)
        if not reader.data:
            raise CommandError(f"No change form at {self.change_url}.")
        return reader.data

    def save(self, texts):
        data = [field for field in self.fields() if field[0] not in {f"synopsis_{code}" for code in LANGUAGES}]
        data += [[f"synopsis_{code}", texts[code]] for code in LANGUAGES]
        data.append(["_continue", "1"])
        status, final, html = self.open(self.change_url, data)
        # Saved: the admin redirects back to the change page with a success message.
        if status != 200 or 'class="errornote"' in html or "errorlist" in html:
            raise CommandError(f"The editor's save was refused ({status} at {final}).")
        self.saves += 1

    def run(self, stop, originals):
        try:
            self.sign_in()
            while not stop.is_set():
                marker = f"soak-{self.saves + 1}-{secrets.token_hex(3)}"
                self.save({code: f"{originals[code]} {marker}".strip() for code in LANGUAGES})
                self.last_marker = marker
                stop.wait(0.5)
        except Exception as error:  # noqa: BLE001 - reported, and the soak fails
            self.errors.append(f"{type(error).__name__}: {error}")
