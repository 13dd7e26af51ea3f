from django.contrib import admin
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from editorial.admin import PublishableAdmin
from editorial.inlines import BoundedInlineMixin, chosen_parent_filter
from editorial.widgets import TranslatedTabularInline

from .models import Award, Festival
from .views import FestivalDetailView


class AwardInline(BoundedInlineMixin, TranslatedTabularInline):
    model = Award
    extra = 0
    # Newest first, as the public lists read; the others are in the awards list.
    ordering = [F("year").desc(nulls_last=True), "slug"]
    list_select_related = ["festival", "film", "person"]
    fields = ["slug", "year", "category", "outcome", "film", "person", "is_published"]
    autocomplete_fields = ["film", "person"]
    show_change_link = True


class FestivalAwardInline(AwardInline):
    pass


class FilmAwardInline(AwardInline):
    fields = ["slug", "festival", "year", "category", "outcome", "is_published"]
    autocomplete_fields = ["festival"]


@admin.register(Festival)
class FestivalAdmin(PublishableAdmin):
    list_display = ["name", "acronym", "city", "country", "is_published"]
    list_filter = ["is_published", "country"]
    search_fields = ["slug", "acronym", "name_fr", "name_ar", "name_en", "city_fr", "city_ar", "city_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    fields = ["name", "slug", "acronym", "city", "country", "website", "is_published", "published_at"]
    inlines = [FestivalAwardInline]
    preview_view = FestivalDetailView


@admin.register(Award)
class AwardAdmin(PublishableAdmin):
    # The category alone: festival and year have their own columns.
    list_display = ["label", "festival", "year", "outcome", "film", "is_published"]
    list_display_links = ["label"]
    # A film's or person's "see all awards" link lands here, filtered on them.
    list_filter = ["is_published", "outcome", "year", "festival", chosen_parent_filter("film"), chosen_parent_filter("person")]
    search_fields = [
        "slug", "category_fr", "category_ar", "category_en", "notes_fr", "notes_ar", "notes_en",
        "festival__name_fr", "festival__name_ar", "festival__name_en", "festival__acronym",
    ]
    autocomplete_fields = ["festival", "film", "person", "sources"]
    list_select_related = ["festival", "film", "person"]
    fields = ["slug", "festival", "year", "category", "outcome", "several", "film", "person", "notes", "sources", "is_published", "published_at"]

    @admin.display(description=_("award"), ordering="category")
    def label(self, obj):
        return obj.category or obj.get_outcome_display()
