from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editors' workflow: translation status, history, previews and the Editor role.

    It finds the content models through modeltranslation's registry and never imports a
    content app; its bookkeeping stays out of the content apps' dumps and fixtures.
    """

    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from . import permissions, staleness

        # Every save of translated content, wherever it comes from (admin, shell, fixtures),
        # keeps the translation status up to date; modeltranslation is ready by now.
        staleness.connect_signals()
        post_migrate.connect(permissions.grant_after_migrate, dispatch_uid="editorial-editor-group")
