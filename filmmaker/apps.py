from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilmmakerConfig(AppConfig):
    """The public website: the pages and features that gather several apps."""

    name = "filmmaker"
    verbose_name = _("Website")

    def ready(self):
        from . import press_kit_signals

        press_kit_signals.connect()
