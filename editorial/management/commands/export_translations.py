import sys

from django.core.management.base import BaseCommand, CommandError

from editorial import po_exchange
from editorial import translation_status as ts


class Command(BaseCommand):
    help = (
        "Write a PO file of every translated field that is missing or possibly outdated in one language, "
        "for a translator (Poedit, Weblate…). Give the file back with import_translations."
    )

    def add_arguments(self, parser):
        parser.add_argument("language", help=f"The language to translate into: {', '.join(ts.LANGUAGES)}.")
        parser.add_argument("--source", help="The language to translate from (default: the site's default language).")
        parser.add_argument("--all", action="store_true", help="Every field, complete ones included.")
        parser.add_argument("-o", "--output", help="The file to write (default: standard output).")

    def handle(self, language, source=None, all=False, output=None, **options):
        for code in filter(None, [language, source]):
            if code not in ts.LANGUAGES:
                raise CommandError(f"Unknown language {code!r}: choose one of {', '.join(ts.LANGUAGES)}.")
        po = po_exchange.export_po(language, source=source, include_complete=all)
        if output:
            po.save(output)
            self.stderr.write(f"{len(po)} entries to translate into {language} written to {output}.")
        else:
            sys.stdout.write(str(po))
