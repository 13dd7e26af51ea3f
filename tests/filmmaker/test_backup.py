"""Backup and restore: a whole site, history and all, into an empty database and back."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest
import reversion
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from reversion.models import Version

from awards.models import Award
from editorial.models import TranslationState
from tests.factories import AwardFactory, PersonFactory

BASE_DIR = Path(settings.BASE_DIR)
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/filmmaker"


def postgres_url():
    """A PostgreSQL database of its own for the round trip, on the server the suite uses.

    ``BACKUP_TEST_POSTGRES_URL`` names it; otherwise it is the suite's PostgreSQL database
    (or the local default) with ``_restore`` appended.
    """
    if os.environ.get("BACKUP_TEST_POSTGRES_URL"):
        return os.environ["BACKUP_TEST_POSTGRES_URL"]
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = DEFAULT_POSTGRES
    return url.rstrip("/") + "_restore"


def fresh_postgres(url):
    """Drop and create the database ``url`` names; skip (fail in CI) when no server answers."""
    import psycopg

    config = dj_database_url.parse(url)
    try:
        admin = psycopg.connect(
            host=config["HOST"] or "127.0.0.1", port=config["PORT"] or 5432, user=config["USER"] or "postgres",
            password=config["PASSWORD"] or None, dbname="postgres", autocommit=True, connect_timeout=3,
        )
    except psycopg.OperationalError as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"No PostgreSQL server for the round trip: {error}")
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{config["NAME"]}"')


def run(database_url, media_root, *args):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_MEDIA_ROOT": str(media_root), "PYTHONPATH": str(BASE_DIR)}
    result = subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def manage(database_url, media_root, *args):
    return run(database_url, media_root, "manage.py", *args)


def snapshot(database_url, media_root, action="snapshot"):
    output = run(database_url, media_root, "-m", "tests.filmmaker.site_snapshot", action)
    return json.loads(output.strip().splitlines()[-1])


def test_sqlite_to_postgresql_and_back_keeps_pages_history_and_translation_flags(tmp_path):
    sqlite_url = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    media = tmp_path / "media"
    manage(sqlite_url, media, "migrate", "--noinput", "-v", "0")
    manage(sqlite_url, media, "load_site", "-v", "0")
    snapshot(sqlite_url, media, "history")
    before = snapshot(sqlite_url, media)
    # What the snapshot describes must be worth comparing.
    assert len(before["pages"]) > 40 and all(status == 200 for status, _digest in before["pages"].values())
    assert any(url.endswith(".webp") for url in before["pages"]), "the pages show renditions"
    assert len(before["history"]) >= 14
    assert all(entry["attached_to"] == [entry["describes"]] for entry in before["history"] if entry["model"] == "award")
    assert any(outdated for _model, _key, outdated, _codes in before["states"])
    manage(sqlite_url, media, "backup", str(tmp_path / "from-sqlite"))

    postgres = postgres_url()
    fresh_postgres(postgres)
    pg_media = tmp_path / "pg-media"
    manage(postgres, pg_media, "migrate", "--noinput", "-v", "0")
    manage(postgres, pg_media, "restore", str(tmp_path / "from-sqlite"))
    assert snapshot(postgres, pg_media) == before

    manage(postgres, pg_media, "backup", str(tmp_path / "from-postgres"))
    back_url = f"sqlite:///{tmp_path / 'back.sqlite3'}"
    back_media = tmp_path / "back-media"
    manage(back_url, back_media, "migrate", "--noinput", "-v", "0")
    manage(back_url, back_media, "restore", str(tmp_path / "from-postgres"))
    assert snapshot(back_url, back_media) == before

    # Reverting restored history changes the award it belongs to, and no other.
    reverted = snapshot(postgres, pg_media, "revert")
    assert reverted["category"].endswith("(v1)")
    assert reverted["others_unchanged"]


# --- In-process: the same commands against the suite's own database ----------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_restore_refuses_a_database_with_content_and_changes_nothing(db, tmp_path, media_root):
    PersonFactory(slug="kept")
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    PersonFactory(slug="added-after")
    with pytest.raises(CommandError, match="already has content"):
        call_command("restore", str(tmp_path / "backup"), stdout=io.StringIO())
    assert {"kept", "added-after"} <= set(PersonFactory._meta.model.objects.values_list("slug", flat=True))


def test_backup_refuses_a_folder_that_is_not_empty(db, tmp_path, media_root):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "data.json").write_text("[]")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "old"), stdout=io.StringIO())
    assert (tmp_path / "old" / "data.json").read_text() == "[]"


def test_restore_refuses_a_folder_that_is_not_a_backup(db, tmp_path):
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path), stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_force_replaces_the_content_and_history_follows_its_object(tmp_path, media_root):
    for n in range(3):
        AwardFactory(slug=f"gap-{n}")
    Award.objects.filter(slug__startswith="gap-").delete()
    award = AwardFactory(slug="kept-award", category_fr="Prix")
    with reversion.create_revision():
        award.category_fr = "Prix revu"
        award.save()
    state = TranslationState.objects.get(object_id=award.pk, content_type__model="award")
    assert state.outdated, "French edited alone leaves the other languages possibly outdated"
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    AwardFactory(slug="made-after-the-backup")
    out = io.StringIO()
    call_command("restore", "--force", str(tmp_path / "backup"), stdout=out)
    assert "Restored" in out.getvalue()
    assert not Award.objects.filter(slug="made-after-the-backup").exists()
    restored = Award.objects.get(slug="kept-award")
    assert [v.field_dict["slug"] for v in Version.objects.get_for_object(restored)] == ["kept-award"]
    restored_state = TranslationState.objects.get(object_id=restored.pk, content_type__model="award")
    assert (restored_state.outdated, restored_state.outdated_languages) == (state.outdated, state.outdated_languages)


def test_loaddata_of_a_full_dump_no_longer_collides_with_translation_state(db, tmp_path):
    """The signal handler ignores raw saves: the dump's own TranslationState rows load as they are."""
    award = AwardFactory(slug="dumped")
    path = tmp_path / "dump.json"
    call_command("dumpdata", "filmmaker", "films", "awards", "editorial", "--natural-foreign", output=str(path))
    TranslationState.objects.all().delete()
    Award.objects.all().delete()
    call_command("loaddata", str(path), verbosity=0)
    assert TranslationState.objects.filter(object_id=award.pk, content_type__model="award").count() == 1
