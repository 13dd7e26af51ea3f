from django.core.management.base import BaseCommand, CommandError

from core import title_cards
from filmmaker.cards import SECTIONS


class Command(BaseCommand):
    help = (
        "Draw the title cards (1200×630 PNG, one per language) of every person, film and festival "
        "and of the site's sections, where their text changed. Saving an object in the admin does "
        "the same for that object."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Draw every card again, even unchanged ones.")

    def handle(self, force=False, **options):
        if not title_cards.shaping_available():
            raise CommandError(
                "Pillow cannot shape Arabic here (no libraqm): install Debian's libfribidi0 "
                "(and libraqm0 if Pillow was built without its own copy), then run this again."
            )
        drawn = title_cards.update_all(force=force, sections=SECTIONS)
        self.stdout.write(self.style.SUCCESS(f"Drew {drawn} title cards."))
