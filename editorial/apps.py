from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Editors' bookkeeping (translation status), kept apart from the content apps so content
    dumps and fixtures hold content only."""

    name = "editorial"
    verbose_name = _("Editorial")
