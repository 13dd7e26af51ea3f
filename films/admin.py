from django.contrib import admin
from reversion.admin import VersionAdmin

from editorial.admin import PublishableAdmin, VocabularyAdmin
from editorial.inlines import BoundedInlineMixin, chosen_parent_filter

from .models import Credit, Film, Genre, Role

admin.site.register(Genre, VocabularyAdmin)
admin.site.register(Role, VocabularyAdmin)


class CreditInline(BoundedInlineMixin, admin.TabularInline):
    model = Credit
    extra = 0
    autocomplete_fields = ["person", "role", "sources"]
    fields = ["person", "role", "order", "sources"]
    list_select_related = ["film", "person", "role"]
    prefetch_related = ["sources"]


class FilmCreditInline(CreditInline):
    """Credits on the film page: choose the person."""


class PersonCreditInline(CreditInline):
    """Credits on the person page: choose the film."""

    fields = ["film", "role", "order", "sources"]
    autocomplete_fields = ["film", "role", "sources"]
    # The most recent films first: the older ones are in the credits list.
    ordering = ["-film__year", "film__slug", "order", "pk"]


@admin.register(Film)
class FilmAdmin(PublishableAdmin):
    list_display = ["title", "year", "genre", "is_published", "updated_at"]
    list_filter = ["is_published", "year", "genre"]
    search_fields = ["slug", "title_fr", "title_ar", "title_en", "original_title", "synopsis_fr", "synopsis_ar", "synopsis_en"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["genre", "sources"]
    list_select_related = ["genre"]
    fields = [
        "title", "slug", "original_title", "original_language", "year", "genre", "runtime",
        "synopsis", "poster", "poster_alt", "sources", "is_published", "published_at",
    ]
    inlines = [FilmCreditInline]


@admin.register(Credit)
class CreditAdmin(VersionAdmin):
    """Credits are usually edited on the film or the person; this list finds them all."""

    list_display = ["film", "person", "role", "order"]
    # The person's or film's "see all credits" link lands here, filtered on them.
    list_filter = ["role", chosen_parent_filter("person"), chosen_parent_filter("film")]
    list_select_related = ["film", "person", "role"]
    search_fields = ["film__title_fr", "film__title_ar", "film__title_en", "person__name_fr", "person__name_ar", "person__name_en"]
    autocomplete_fields = ["film", "person", "role", "sources"]
