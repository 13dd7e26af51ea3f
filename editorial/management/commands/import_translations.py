from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from editorial import po_import
from editorial import translation_status as ts


class Command(BaseCommand):
    help = (
        "Read a translated PO file made by export_translations. Every entry is checked first; if any is "
        "wrong nothing is changed. Each object changed gets one revision in its history."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The PO file.")
        parser.add_argument("--language", help="The file's language, if its Language header does not say it.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file only.")

    def handle(self, path, language=None, dry_run=False, **options):
        if language and language not in ts.LANGUAGES:
            raise CommandError(f"Unknown language {language!r}: choose one of {', '.join(ts.LANGUAGES)}.")
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.")
        try:
            objects, fields = po_import.import_po(data, target=language, filename=Path(path).name, dry_run=dry_run)
        except po_import.ImportRefused as refused:
            raise CommandError("The file was refused; nothing was changed.\n" + "\n".join(refused.errors))
        verb = "would change" if dry_run else "changed"
        self.stdout.write(f"{fields} fields of {objects} objects {verb}.")
