from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every content app builds on: publication, vocabularies, sources, images."""

    name = "core"
    verbose_name = _("Sources")

    def ready(self):
        from . import images, page_cache

        # Uploaded images lose their camera and location data, whatever path saves them.
        images.connect_signals()
        # Any content change renews the shared page cache's generation.
        page_cache.connect_signals()

        from . import title_cards

        # Title cards are drawn when their text is saved, never during a visitor's request.
        title_cards.connect_signals()
