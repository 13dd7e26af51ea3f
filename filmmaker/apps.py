from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilmmakerConfig(AppConfig):
    name = "filmmaker"
    verbose_name = _("People")
