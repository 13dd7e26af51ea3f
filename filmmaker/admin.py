"""The admin as editors see it: each app's admin, composed.

A person's page lists their credits (from films) and a film's page its awards (from
awards). The apps below cannot name the apps above them, so the project registers those
two admins again with the higher apps' inlines and the public pages that preview them.
"""

import reversion
from django.conf import settings
from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from awards.admin import FilmAwardInline
from films.admin import FilmAdmin, PersonCreditInline
from films.models import Film
from people.admin import PersonAdmin
from people.models import Person

from .views import FilmDetailView, PersonDetailView

# The admin is named after the site, in the editor's language.
admin.site.site_header = format_lazy(_("{site_name} administration"), site_name=settings.SITE_NAME)
admin.site.site_title = admin.site.site_header


class PersonPageAdmin(PersonAdmin):
    inlines = [*PersonAdmin.inlines, PersonCreditInline]
    preview_view = PersonDetailView


class FilmPageAdmin(FilmAdmin):
    inlines = [*FilmAdmin.inlines, FilmAwardInline]
    preview_view = FilmDetailView


for model, model_admin in [(Person, PersonPageAdmin), (Film, FilmPageAdmin)]:
    admin.site.unregister(model)
    # django-reversion follows the inlines an admin has when it is created: let it start again.
    reversion.unregister(model)
    admin.site.register(model, model_admin)
