"""The soak command against a live server: visitors on every page type while an editor saves."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from films.models import Film


@pytest.fixture
def site(transactional_db):
    from django.db import connection

    if connection.vendor == "sqlite":
        # The live server's threads share the test's one in-memory SQLite connection; many
        # requests at once on it stall. CI runs this test in its PostgreSQL pass.
        pytest.skip("the soak needs a database that takes concurrent connections (PostgreSQL)")
    call_command("load_site", verbosity=0, stdout=io.StringIO())


def test_a_short_soak_passes_and_reports_its_figures(live_server, site):
    before = Film.objects.get(slug="tinghir-jerusalem").synopsis_fr
    out = io.StringIO()
    call_command("soak", base_url=live_server.url, seconds=3, concurrency=6, stdout=out)
    report = out.getvalue()
    assert "Soak passed" in report
    assert "Failed requests: 0; 5xx: 0" in report
    assert "Memory (this process" in report
    saves = int(report.split("Editor: ")[1].split(" saves")[0])
    assert saves >= 1
    # The film has its own text back, and the temporary editor is gone.
    assert Film.objects.get(slug="tinghir-jerusalem").synopsis_fr == before
    from django.contrib.auth.models import User

    assert not User.objects.filter(username__startswith="soak-").exists()


def test_the_soak_refuses_anything_but_this_machine(db):
    with pytest.raises(CommandError, match="loopback"):
        call_command("soak", base_url="http://example.org", seconds=1, concurrency=1)


def test_the_soak_fails_when_no_server_answers(db):
    """No server at all: the command says so with a non-zero exit."""
    call_command("load_site", verbosity=0, stdout=io.StringIO())
    with pytest.raises(CommandError, match="No site answers"):
        call_command("soak", base_url="http://127.0.0.1:1", seconds=1, concurrency=2, stdout=io.StringIO())
