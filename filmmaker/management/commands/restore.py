"""Read back a folder written by `backup` into a freshly migrated database.

Rows are loaded raw, as loaddata does: no signal handler recomputes translation state or
re-encodes images, so what comes back is what was backed up. The restore refuses a database
that already has content (it would mix two sites) unless ``--force`` is given, which empties
the database first. Afterwards every model's row count is checked against the manifest.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, transaction

from .backup import FORMAT_VERSION, NATURAL_PRIMARY, backed_up_models, copy_files


def models_with_content(database):
    """Labels of the models that have rows a fresh `migrate` would not have made."""
    found = []
    for model in backed_up_models():
        if model._meta.label_lower in NATURAL_PRIMARY or model._meta.proxy or not model._meta.managed:
            continue
        if model._base_manager.using(database).exists():
            found.append(model._meta.label_lower)
    return found


class Command(BaseCommand):
    help = "Restore a backup folder (from `manage.py backup`) into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A folder written by `manage.py backup`.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even if the database has content: everything in it is deleted first.",
        )

    def handle(self, directory, database, force=False, **options):
        source = Path(directory)
        manifest = self.read_manifest(source)
        data_path = source / "data.json"
        if not data_path.is_file():
            raise CommandError(f"{source} has no data.json: it is not a complete backup.")
        present = models_with_content(database)
        if present and not force:
            raise CommandError(
                "The database already has content ("
                + ", ".join(present)
                + "): nothing was restored. Restore into a freshly migrated database, "
                "or give --force to delete everything in this one first."
            )
        with transaction.atomic(using=database):
            if present:
                call_command("flush", interactive=False, database=database, verbosity=0)
            try:
                call_command("loaddata", str(data_path), database=database, verbosity=0)
            except (DatabaseError, IntegrityError) as error:
                raise CommandError(f"Nothing was restored: {error}") from error
            self.check_counts(manifest, database)
        copied = self.copy_media(source / "media", Path(settings.MEDIA_ROOT))
        total = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {total} rows of {len(manifest['counts'])} models and {copied} media files "
                f"from a {manifest.get('database', '?')} backup of {manifest.get('created', '?')}."
            )
        )

    def read_manifest(self, source):
        path = source / "manifest.json"
        if not path.is_file():
            raise CommandError(f"{source} has no manifest.json: it is not a backup folder.")
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise CommandError(f"{path} is damaged: {error}") from error
        if manifest.get("format") != FORMAT_VERSION:
            raise CommandError(f"{path} is format {manifest.get('format')!r}; this site reads format {FORMAT_VERSION}.")
        return manifest

    def check_counts(self, manifest, database):
        by_label = {model._meta.label_lower: model for model in backed_up_models()}
        wrong = []
        for label, expected in manifest["counts"].items():
            model = by_label.get(label)
            if model is None:
                raise CommandError(f"The backup has rows of {label}, a model this site does not have.")
            found = model._base_manager.using(database).count()
            # Groups are matched by name, and a fresh database may have made more of them.
            if found != expected and not (label in NATURAL_PRIMARY and found >= expected):
                wrong.append(f"{label}: {found} rows instead of {expected}")
        if wrong:
            raise CommandError("Nothing was restored; the loaded rows do not match the backup: " + "; ".join(wrong))

    def copy_media(self, source, target):
        return copy_files(source, target)
