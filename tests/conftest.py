"""Fixtures every test may use: the seed content, uploads kept out of the project, editors.

Factories live in tests/factories.py, admin form helpers in tests/admin_forms.py and the
browser in tests/browser/conftest.py.
"""

import os

import pytest
from django.core.management import call_command

from people.models import Person

from .browser.chromium import CHROMIUM, chromium_available
from .factories import EditorFactory


@pytest.fixture
def seed(db):
    """The first site's content, loaded the way the run command loads it."""
    call_command("load_site", verbosity=0)
    return Person.objects.get(slug="kamal-hachkar")


@pytest.fixture
def kamal(seed):
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
