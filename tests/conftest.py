"""Fixtures every test may use: the seed content, uploads kept out of the project, editors.

Factories live in tests/factories.py, admin form helpers in tests/admin_forms.py and the
browser in tests/browser/conftest.py.
"""

import os

import pytest
from django.apps import apps
from django.core.cache import caches
from django.core.management import call_command

from filmmaker.management.commands.load_site import DEFAULT_MEDIA
from filmmaker.management.commands.load_site import Command as LoadSite
from people.models import Person

from .browser.chromium import CHROMIUM, chromium_available
from .factories import EditorFactory


SEED_APPS = ("core", "people", "films", "awards", "editorial")
# The rows load_site writes, read once per run: hundreds of tests start from the seed, and
# inserting the rows again is several times faster than validating the fixture again.
_seed_rows = None


def _read_seed_rows():
    rows = []
    for label in SEED_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            names = [field.attname for field in model._meta.concrete_fields]
            rows.append((model, list(model._default_manager.values(*names))))
    return rows


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty in-process cache: no page, generation or site-wide fact
    (core.page_cache.remember) left by another test's content."""
    caches["default"].clear()


@pytest.fixture
def seed(request, db):
    """The first site's content, loaded the way the run command loads it."""
    global _seed_rows
    # A transactional test flushes the database (content types included) and may run
    # anywhere in the suite: it always loads the fixture itself.
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
    if _seed_rows is None or transactional:
        call_command("load_site", verbosity=0)
        if not transactional:
            _seed_rows = _read_seed_rows()
    else:
        for model, rows in _seed_rows:
            model._default_manager.bulk_create([model(**row) for row in rows])
        LoadSite().copy_media(DEFAULT_MEDIA)
    return Person.objects.get(slug="kamal-hachkar")


@pytest.fixture
def kamal(seed):
    """The seed's filmmaker, for tests that read better by his name."""
    return seed


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads in a test go to a throw-away folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _english_default_is_not_assumed(settings):
    # Tests run with the site's real default language, French.
    assert settings.LANGUAGE_CODE == "fr"


@pytest.fixture
def editor(db):
    return EditorFactory(username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def pytest_report_header(config):
    if chromium_available():
        return f"browser tests: headless Chromium at {CHROMIUM}"
    return f"browser tests: Chromium NOT found at {CHROMIUM}; they will be skipped (install Debian's chromium to run them)"


_skipped_browser_tests = []


def pytest_runtest_logreport(report):
    if report.skipped and "browser" in report.keywords:
        _skipped_browser_tests.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    # In CI a skipped browser test is a failure: a skip proves nothing.
    if os.environ.get("REQUIRE_BROWSER") == "1" and _skipped_browser_tests:
        print(f"\n{len(_skipped_browser_tests)} browser tests were skipped but REQUIRE_BROWSER=1: failing the run.")
        session.exitstatus = 1
