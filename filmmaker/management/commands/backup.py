"""Write everything an operator would lose in a crash to a folder that `restore` reads back.

The folder holds ``data.json`` (every row of content in all languages, history, translation
state, users, groups and their permissions, the admin's log), ``media/`` (uploads and their
renditions) and ``manifest.json`` (what was written, and how many rows of each model).

Rows keep their primary keys: django-reversion's history and the translation state point at
objects by id, so ids must survive the trip for the history of an award to stay the history
of that award. Everything a freshly migrated database makes on its own is referred to by
natural key instead: content types and permissions (left out of the dump, their ids differ
between databases) and groups (the Editor group is made by a migration).
"""

import json
import shutil
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.management.utils import parse_apps_and_model_labels
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.utils import timezone

FORMAT_VERSION = 1
# Made again by `migrate` on the target (content types, permissions), or not worth keeping:
# sessions end with the crash, and axes' sign-in records are a throttle, not data.
EXCLUDED = ("contenttypes", "auth.permission", "sessions", "axes")
# Rows a migration creates on a fresh database: matched by natural key, not by id.
NATURAL_PRIMARY = ("auth.group",)


def backed_up_models():
    """Every model to back up, parents before children (natural-key dependencies first)."""
    excluded_models, excluded_apps = parse_apps_and_model_labels(EXCLUDED)
    app_list = {}
    for config in apps.get_app_configs():
        if config in excluded_apps or config.models_module is None:
            continue
        models = [m for m in config.get_models() if m not in excluded_models]
        app_list[config] = models
    return serializers.sort_dependencies(app_list.items(), allow_cycles=True)


def model_rows(model, database):
    manager = model._base_manager
    return manager.using(database).order_by(model._meta.pk.name)


class Command(BaseCommand):
    help = "Back up the whole site (content, history, translation state, accounts, media) into a folder."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Folder to write; created if missing, must be empty if it exists.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, directory, database, **options):
        target = Path(directory)
        if target.exists() and any(target.iterdir()):
            raise CommandError(f"{target} is not empty: give a new folder, so no earlier backup is overwritten.")
        target.mkdir(parents=True, exist_ok=True)
        counts = {}
        rows = []
        connection = connections[database]
        # One consistent snapshot of every table, even while editors save.
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=database):
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            for model in backed_up_models():
                if not model._meta.managed or model._meta.proxy or not router.allow_migrate_model(database, model):
                    continue
                serialized = serializers.serialize(
                    "python",
                    model_rows(model, database).iterator(chunk_size=500),
                    use_natural_foreign_keys=True,
                    use_natural_primary_keys=model._meta.label_lower in NATURAL_PRIMARY,
                )
                counts[model._meta.label_lower] = len(serialized)
                rows.extend(serialized)
        data_path = target / "data.json"
        with data_path.open("w", encoding="utf-8") as stream:
            # The JSON serializer's encoder writes dates, decimals and UUIDs as loaddata reads them.
            json.dump(rows, stream, cls=serializers.json.DjangoJSONEncoder, ensure_ascii=False, indent=1)
        media_count = self.copy_media(Path(settings.MEDIA_ROOT), target / "media")
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "django": django.get_version(),
            "database": connection.vendor,
            "counts": counts,
            "media_files": media_count,
        }
        (target / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
        self.stdout.write(
            self.style.SUCCESS(f"Backed up {sum(counts.values())} rows of {len(counts)} models and {media_count} media files to {target}.")
        )

    def copy_media(self, source, target):
        target.mkdir(parents=True, exist_ok=True)
        return copy_files(source, target)


def copy_files(source, target):
    """Copy every regular file under ``source`` to the same place under ``target`` (links are
    left out: a backup holds the site's own files only). Returns how many."""
    if not source.is_dir():
        return 0
    copied = 0
    for file in sorted(source.rglob("*")):
        if file.is_file() and not file.is_symlink():
            destination = target / file.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, destination)
            copied += 1
    return copied
