"""The admin site editors use: content first, the editors' home on the index page."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class EditorialAdminSite(admin.AdminSite):
    """Django's admin site, with the apps in the order editors need them (the content,
    then the people who may edit it and the sign-in log: ``ADMIN_APP_ORDER``) and an
    editors' home on the index page."""

    index_template = "admin/editorial/index.html"

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        order = {label: position for position, label in enumerate(getattr(settings, "ADMIN_APP_ORDER", []))}
        return sorted(app_list, key=lambda app: order.get(app["app_label"], len(order)))

    def index(self, request, extra_context=None):
        # Imported here: this module is loaded with INSTALLED_APPS, before the models.
        from .home import editor_home

        context = {**editor_home(self, request), **(extra_context or {})}
        return super().index(request, context)


class EditorialAdminConfig(AdminConfig):
    """Django's admin with the editors' site as the default site (INSTALLED_APPS names it
    instead of "django.contrib.admin")."""

    default_site = "editorial.sites.EditorialAdminSite"
