from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from django.db.models import CharField

from core import title_cards
from editorial import staleness
from people.models import Person

from ...cards import SECTIONS

DEFAULT_FIXTURE = settings.BASE_DIR / "fixtures" / "kamal_hachkar.json"
DEFAULT_MEDIA = settings.BASE_DIR / "fixtures" / "media"


def describe(instance):
    return f"{instance._meta.label} {'/'.join(map(str, natural_key(instance)))}"


def natural_key(instance):
    try:
        return tuple(instance.natural_key())
    except (AttributeError, ObjectDoesNotExist):
        # No natural key, or one through a relation that is not resolved yet.
        return (instance.pk,)


def over_length(instance):
    """Fields whose text is longer than their column allows: (name, length, limit).

    Checked here because PostgreSQL's error does not name the field."""
    found = []
    for field in instance._meta.concrete_fields:
        limit = getattr(field, "max_length", None)
        value = getattr(instance, field.attname, None)
        if limit and isinstance(value, str) and len(value) > limit:
            found.append((field.name, len(value), limit))
    return found


def field_problems(instance):
    """What is wrong with an object's own fields (not its relations), each named by field.

    Each offending value is replaced on the instance by a value the database accepts, so
    the load can go on finding problems; nothing of such a load is kept.
    """
    found = [f"{name} has {length} characters, at most {limit} are allowed" for name, length, limit in over_length(instance)]
    for name, length, limit in over_length(instance):
        setattr(instance, instance._meta.get_field(name).attname, getattr(instance, name)[:limit])
    relations = [f.name for f in instance._meta.fields if f.is_relation]
    try:
        # Check constraints on the object's own fields, with the values as written.
        instance.validate_constraints(exclude=relations)
    except ValidationError as error:
        found.extend(error.messages)
    try:
        instance.clean_fields(exclude=relations)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            found.append(f"{name}: {' '.join(messages)}")
            field = instance._meta.get_field(name)
            if field.has_default():
                setattr(instance, field.attname, field.get_default())
            elif isinstance(field, CharField) or field.null:
                setattr(instance, field.attname, None if field.null else "")
    return found


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
        parser.add_argument(
            "--check",
            action="store_true",
            help="Validate the fixture as a load would, then change nothing (no rows, no media).",
        )

    def handle(self, fixture, media, if_empty=False, check=False, **options):
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
            count = self.load(path, check=check)
        except (serializers.base.DeserializationError, DatabaseError, ValueError) as error:
            # Malformed JSON raises a DeserializationError with no message: the reason is its cause.
            reason = str(error) or str(error.__cause__ or "") or type(error).__name__
            raise CommandError(f"{path.name}: nothing was loaded. {reason}") from error
        if check:
            self.stdout.write(self.style.SUCCESS(f"{path.name} is valid: {count} objects; nothing was changed."))
            return
        copied = self.copy_media(Path(media))
        # Fixtures are saved raw (no signals): draw the title cards of what was loaded.
        drawn = title_cards.update_all(sections=SECTIONS) if title_cards.enabled() else 0
        self.stdout.write(
            self.style.SUCCESS(f"Loaded {count} objects from {path.name}; copied {copied} media files; drew {drawn} title cards.")
        )

    def load(self, path, check=False):
        """Load (or with ``check``, only validate) the fixture; on any error nothing is kept.

        Every problem found is reported together, so a fixture is fixed in one pass: values
        longer than their column (checked before the database sees them: PostgreSQL would
        not name the field), natural keys given twice (the second copy would silently
        overwrite the first) and every ``full_clean`` error.
        """
        errors = []
        objects = []
        with transaction.atomic():
            seen = {}
            try:
                with path.open(encoding="utf-8") as stream:
                    # Save as we go, as loaddata does: later natural keys refer to earlier objects.
                    for index, obj in enumerate(serializers.deserialize("json", stream, handle_forward_references=True), 1):
                        instance = obj.object
                        # Field problems are found before the database sees the row, named by
                        # field. The row is then saved with stand-in values (all is rolled back
                        # anyway), so objects that refer to it can still be read and checked.
                        invalid = field_problems(instance)
                        if invalid:
                            errors.append(f"object #{index} ({describe(instance)}): {'; '.join(invalid)}")
                            obj.already_reported = True
                        # Saved raw, like loaddata; unlike a restore, a fixture loaded over edited
                        # content must update the translation state as an editor's save would.
                        try:
                            with transaction.atomic(), staleness.recorded(instance):
                                obj.save()
                        except DatabaseError as error:
                            errors.append(f"object #{index} ({describe(instance)}): refused by the database: {error}")
                            continue
                        key = (instance._meta.label, *natural_key(instance))
                        if key in seen:
                            errors.append(
                                f"objects #{seen[key]} and #{index} are both {describe(instance)}: "
                                "the second would overwrite the first"
                            )
                        seen.setdefault(key, index)
                        objects.append(obj)
            except serializers.base.DeserializationError as error:
                if not errors:
                    raise
                # An object refused earlier can make a later one unreadable: report both.
                errors.append(str(error) or str(error.__cause__ or "") or type(error).__name__)
                transaction.set_rollback(True)
                raise CommandError(f"{path.name}: nothing was loaded; {len(errors)} problem(s):\n  " + "\n  ".join(errors)) from error
            for obj in objects:
                if obj.deferred_fields:
                    obj.save_deferred_fields()
            # Validate after every object and relation is in place, so unique checks see the whole set.
            for obj in objects:
                if getattr(obj, "already_reported", False):
                    continue
                try:
                    obj.object.full_clean()
                except ValidationError as error:
                    errors.append(f"{describe(obj.object)} is invalid: {error.message_dict}")
            if errors:
                transaction.set_rollback(True)
                problems = "\n  ".join(errors)
                raise CommandError(f"{path.name}: nothing was loaded; {len(errors)} problem(s):\n  {problems}")
            if check:
                transaction.set_rollback(True)
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
