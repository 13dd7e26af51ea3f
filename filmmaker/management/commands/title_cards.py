from django.core.management.base import BaseCommand, CommandError

from core import title_cards
from filmmaker.cards import SECTIONS

NO_SHAPING = (
    "Pillow cannot shape Arabic here (no libraqm): the Arabic cards were not drawn. Install Debian's "
    "libfribidi0 (and libraqm0 if Pillow was built without its own copy), then run this again."
)


class Command(BaseCommand):
    help = (
        "Draw the title cards (1200×630 PNG, one per language) of every person, film and festival "
        "and of the site's sections, where their text changed. Saving an object in the admin does "
        "the same for that object."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Draw every card again, even unchanged ones.")
        parser.add_argument("--strict", action="store_true", help="Fail when the Arabic cards cannot be drawn.")

    def handle(self, force=False, strict=False, **options):
        shaping = title_cards.shaping_available()
        if not shaping and strict:
            raise CommandError(NO_SHAPING)
        drawn = title_cards.update_all(force=force, sections=SECTIONS)
        self.stdout.write(self.style.SUCCESS(f"Drew {drawn} title cards."))
        if not shaping:
            self.stderr.write(NO_SHAPING)
