"""The production command from a copy of the repository, the way a fresh clone runs it:
`make run`'s set-up, then `make serve` (gunicorn, DEBUG off, hashed and compressed static
files, gzip, the page cache), and two servers sharing Redis."""

import gzip
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest

from filmmaker import benchmark

REPO = Path(__file__).resolve().parents[2]
PYTHON = REPO / ".venv" / "bin" / "python"
REDIS_URL = os.environ.get("FILMMAKER_TEST_REDIS_URL", "redis://127.0.0.1:6379/8")
# Variables of the test run that must not leak into the served copy (CI's PostgreSQL run).
CLEARED = ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_PAGE_CACHE", "DJANGO_CACHE_DIR", "HOST", "PORT")


def free_port():
    """A free port, in 8150-8199 when one is free there (this machine's share), else any."""
    return benchmark.free_port(range(8150, 8200))


def fetch(url, headers=None, data=None, opener=None):
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def body(headers, content):
    return (gzip.decompress(content) if headers.get("Content-Encoding") == "gzip" else content).decode()


def wait_until_healthy(base, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped: {process.stdout.read().decode()[-3000:]}")
        try:
            if fetch(f"{base}/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("the server did not become healthy")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """The repository's files (tracked and new, not ignored) in a fresh folder, set up as
    `make run` sets it up: migrated SQLite database, the content, the admin account."""
    target = tmp_path_factory.mktemp("clone")
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for name in filter(None, files):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    # The virtual environment `make install` made is reused rather than rebuilt.
    (target / ".venv").symlink_to(REPO / ".venv")
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    for command in (["migrate", "--noinput", "-v", "0"], ["load_site", "--if-empty"], ["ensure_admin"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=target, env=env, check=True, capture_output=True)
    return target, env


@pytest.fixture(scope="module")
def served(clone):
    target, env = clone
    port = free_port()
    process = subprocess.Popen(
        # -o: the symlinked environment counts as installed.
        ["make", "-o", ".venv/bin/.installed", "serve"],
        cwd=target, env={**env, "PORT": str(port), "WEB_CONCURRENCY": "2"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process, seconds=120)
        yield base
    finally:
        stop(process)


def test_make_serve_answers_every_language_and_healthz(served):
    for code, direction in (("fr", "ltr"), ("ar", "rtl"), ("en", "ltr")):
        status, headers, content = fetch(f"{served}/{code}/", {"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Server"].startswith("gunicorn")
        assert headers["Content-Encoding"] == "gzip"
        html = body(headers, content)
        assert f'<html lang="{code}" dir="{direction}">' in html
    status, headers, content = fetch(f"{served}/healthz")
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert b'"status": "ok"' in content


def test_debug_is_off_and_pages_are_cached(served):
    status, _headers, content = fetch(f"{served}/fr/no-such-page/")
    assert status == 404 and b"Traceback" not in content and b"URLconf" not in content
    fetch(f"{served}/en/people/kamal-hachkar/")
    status, headers, _content = fetch(f"{served}/en/people/kamal-hachkar/")
    assert status == 200 and headers["X-Page-Cache"] == "hit"
    etag = headers["ETag"]
    assert fetch(f"{served}/en/people/kamal-hachkar/", {"If-None-Match": etag})[0] == 304


def test_static_files_are_hashed_compressed_and_cached_for_good(served):
    _status, headers, content = fetch(f"{served}/fr/", {"Accept-Encoding": "gzip"})
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body(headers, content))
    assert stylesheet, "the page links the hashed stylesheet"
    status, headers, _content = fetch(served + stylesheet.group(1), {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
    assert max_age >= 365 * 24 * 3600


# --- two servers sharing Redis ---------------------------------------------------------------


def redis_client():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis does not answer at {REDIS_URL}, and CI must run the Redis tests")
        pytest.skip(f"Redis does not answer at {REDIS_URL}")
    return client


class FormFields(HTMLParser):
    """What a browser would send back from a form: every named field with its value."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or not attrs.get("name") and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image") or kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append([attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
            self.fields.append(self._textarea)
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append([self._select, attrs.get("value", "")])

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def sign_in(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"{base}/en/admin/login/"
    _status, _headers, content = fetch(login, opener=opener)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": "admin", "password": "admin", "next": "/en/admin/"})
    status, _headers, _content = fetch(login, {"Referer": login}, data.encode(), opener)
    assert status == 200 and any(cookie.name == "sessionid" for cookie in jar)
    return opener


def test_a_change_saved_through_one_server_is_served_fresh_by_the_other(clone):
    redis = redis_client()
    target, env = clone
    prefix = f"filmmaker-test-{uuid.uuid4().hex[:8]}"
    env = {**env, "REDIS_URL": REDIS_URL, "DJANGO_CACHE_PREFIX": prefix, "WEB_CONCURRENCY": "1",
           "DJANGO_PRODUCTION": "1", "DJANGO_PLAIN_STATIC": "1", "DJANGO_SERVE_MEDIA": "0"}
    servers = []
    try:
        for _ in range(2):
            port = free_port()
            process = subprocess.Popen(
                [PYTHON.parent / "gunicorn", "-c", "filmmaker/gunicorn.conf.py"],
                cwd=target, env={**env, "PORT": str(port)},
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
            )
            servers.append((f"http://127.0.0.1:{port}", process))
            wait_until_healthy(servers[-1][0], process)
            # Ports are taken once the server listens, so the next free_port() differs.
        (one, _), (other, _) = servers
        page = f"{other}/en/people/kamal-hachkar/"
        fetch(page)
        status, headers, content = fetch(page)
        assert headers["X-Page-Cache"] == "hit" and "documentary" in content.decode()

        genre_pk = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", "from films.models import Genre; print(Genre.objects.get(slug='documentary').pk)"],
            cwd=target, env=env, capture_output=True, check=True, text=True,
        ).stdout.strip().splitlines()[-1]
        opener = sign_in(one)
        change = f"{one}/en/admin/films/genre/{genre_pk}/change/"
        form = FormFields("genre_form")
        form.feed(fetch(change, opener=opener)[2].decode())
        fields = [(name, "documentary film, changed" if name == "name_en" else value) for name, value in form.fields]
        assert any(name == "name_en" for name, _value in fields)
        status, _headers, content = fetch(change, {"Referer": change}, urllib.parse.urlencode(fields).encode(), opener)
        # The admin redirects to the list, which confirms the change.
        assert status == 200 and b"was changed successfully" in content, content.decode()[-2000:]
        saved_at = time.monotonic()

        while True:
            status, headers, content = fetch(page)
            if "documentary film, changed" in content.decode():
                break
            assert time.monotonic() - saved_at < 1.0, "the other server still serves the old page after a second"
            time.sleep(0.05)
        assert headers["X-Page-Cache"] == "miss"
    finally:
        for _base, process in servers:
            stop(process)
        keys = list(redis.scan_iter(f"{prefix}:*"))
        if keys:
            redis.delete(*keys)


# --- a PostgreSQL restart heals without restarting the app -----------------------------------


class Relay:
    """A TCP relay to PostgreSQL whose open connections can be cut, as a server restart
    cuts them, while it goes on accepting new ones."""

    def __init__(self, upstream):
        import threading

        self.upstream, self.pairs, self.lock = upstream, [], threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        import threading

        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            with self.lock:
                self.pairs.append((client, server))
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self.pump, args=(source, target), daemon=True).start()

    @staticmethod
    def pump(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for sock in pair:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                    sock.close()
                except OSError:
                    pass
        return len(pairs)

    def close(self):
        self.listener.close()
        self.cut()


@pytest.mark.django_db
def test_a_postgresql_restart_heals_without_restarting_the_app(clone):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs the suite's PostgreSQL run (make test-postgres, CI)")
    target, env = clone
    settings_dict = connection.settings_dict
    relay = Relay((settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432)))
    user = settings_dict["USER"] or "postgres"
    env = {**env, "DATABASE_URL": f"postgres://{user}@127.0.0.1:{relay.port}/{settings_dict['NAME']}",
           "WEB_CONCURRENCY": "1", "DJANGO_PAGE_CACHE": "0", "DJANGO_PLAIN_STATIC": "1"}
    if settings_dict["PASSWORD"]:
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    port = free_port()
    process = subprocess.Popen(
        [PYTHON.parent / "gunicorn", "-c", "filmmaker/gunicorn.conf.py"], cwd=target, env={**env, "PORT": str(port)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process)
        assert fetch(f"{base}/fr/")[0] == 200
        # The worker keeps its connection between requests...
        assert relay.cut() == 1
        # ...and checks it before reuse: the next visitor gets the page, not an error.
        assert fetch(f"{base}/fr/")[0] == 200
        assert fetch(f"{base}/healthz")[0] == 200
    finally:
        stop(process)
        relay.close()


def test_templates_come_from_the_cached_loader():
    # Django wraps the loaders in its cached loader by default; nothing may turn that off.
    from django.template import engines
    from django.template.loaders.cached import Loader

    loaders = engines["django"].engine.template_loaders
    assert len(loaders) == 1 and isinstance(loaders[0], Loader)


def test_workers_start_with_the_loaded_site_frozen_out_of_garbage_collection(monkeypatch):
    import gc
    import runpy

    # The config sets defaults in the environment; they stay in this copy.
    monkeypatch.setattr(os, "environ", os.environ.copy())
    config = runpy.run_path(str(REPO / "filmmaker" / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    before = gc.get_freeze_count()
    thresholds = gc.get_threshold()
    try:
        config["pre_fork"](server=None, worker=None)
        assert gc.get_freeze_count() > before
        # The youngest generation is collected about once a request, not many times in one.
        assert gc.get_threshold() == (50_000, *thresholds[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
