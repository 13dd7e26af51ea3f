from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilmmakerConfig(AppConfig):
    name = "filmmaker"
    verbose_name = _("People")

    def ready(self):
        # Every save of translated content, wherever it comes from (admin, shell, fixtures),
        # keeps the translation status up to date; modeltranslation is ready by now.
        from . import images, translation_status

        translation_status.connect_signals()
        images.connect_signals()

        # Any content change renews the shared page cache's generation (core.page_cache).
        from core import page_cache

        page_cache.connect_signals()
