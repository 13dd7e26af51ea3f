from django.core.management.base import BaseCommand

from filmmaker import presskit


class Command(BaseCommand):
    help = (
        "Write the press kit PDF of every published person in every language to MEDIA_ROOT/presskit/ "
        "(and remove those of people no longer published). The site rebuilds them after each content change."
    )

    def handle(self, **options):
        paths = presskit.build_all()
        for path in paths:
            self.stdout.write(f"{path} ({path.stat().st_size // 1024} KB)")
        self.stdout.write(f"{len(paths)} press kits written.")
