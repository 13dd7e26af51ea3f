from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from filmmaker.models import Person

DEFAULT_FIXTURE = settings.BASE_DIR / "fixtures" / "kamal_hachkar.json"
DEFAULT_MEDIA = settings.BASE_DIR / "fixtures" / "media"


class Command(BaseCommand):
    help = (
        "Load the site's content from a fixture (and its media folder, if any). "
        "Every object is validated; on any error nothing is changed. Running it again updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("fixture", nargs="?", default=str(DEFAULT_FIXTURE), help="JSON fixture with natural keys.")
        parser.add_argument("--media", default=str(DEFAULT_MEDIA), help="Folder copied into MEDIA_ROOT.")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only into a site with no people yet, so editors' changes are never overwritten.",
        )

    def handle(self, fixture, media, if_empty=False, **options):
        path = Path(fixture)
        if not path.is_file():
            raise CommandError(f"No fixture at {path}.")
        if if_empty and Person.objects.exists():
            self.stdout.write(
                "The site already has content: nothing loaded, so no edit is overwritten. "
                "Run `manage.py load_site` to load the fixture over it."
            )
            return
        try:
            count = self.load(path)
        except (serializers.base.DeserializationError, DatabaseError, ValueError) as error:
            # Malformed JSON raises a DeserializationError with no message: the reason is its cause.
            reason = str(error) or str(error.__cause__ or "") or type(error).__name__
            raise CommandError(f"{path.name}: nothing was loaded. {reason}") from error
        copied = self.copy_media(Path(media))
        self.stdout.write(self.style.SUCCESS(f"Loaded {count} objects from {path.name}; copied {copied} media files."))

    @transaction.atomic
    def load(self, path):
        objects = []
        with path.open(encoding="utf-8") as stream:
            # Save as we go, as loaddata does: later natural keys refer to earlier objects.
            for obj in serializers.deserialize("json", stream, handle_forward_references=True):
                obj.save()
                objects.append(obj)
        for obj in objects:
            if obj.deferred_fields:
                obj.save_deferred_fields()
        # Validate after every object and relation is in place, so unique checks see the whole set.
        for obj in objects:
            try:
                obj.object.full_clean()
            except ValidationError as error:
                label = f"{obj.object._meta.label} {getattr(obj.object, 'slug', obj.object.pk)!s}"
                raise CommandError(f"{path.name}: nothing was loaded; {label} is invalid: {error.message_dict}") from error
        return len(objects)

    def copy_media(self, source):
        if not source.is_dir():
            return 0
        copied = 0
        # Through the media storage, so the files land where the site reads them (a folder
        # or an S3 bucket), replacing what is there under the same name.
        for file in source.rglob("*"):
            if file.is_file():
                name = file.relative_to(source).as_posix()
                if default_storage.exists(name):
                    default_storage.delete(name)
                with file.open("rb") as handle:
                    default_storage.save(name, File(handle))
                copied += 1
        return copied
