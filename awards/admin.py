from django.contrib import admin

from editorial.admin import PublishableAdmin
from editorial.widgets import TranslatedTabularInline

from .models import Award, Festival
from .views import FestivalDetailView


class AwardInline(TranslatedTabularInline):
    model = Award
    extra = 0
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
    list_display = ["__str__", "year", "festival", "outcome", "film", "is_published"]
    list_filter = ["is_published", "outcome", "year", "festival"]
    search_fields = [
        "slug", "category_fr", "category_ar", "category_en", "notes_fr", "notes_ar", "notes_en",
        "festival__name_fr", "festival__name_ar", "festival__name_en", "festival__acronym",
    ]
    autocomplete_fields = ["festival", "film", "person", "sources"]
    list_select_related = ["festival", "film", "person"]
    fields = ["slug", "festival", "year", "category", "outcome", "several", "film", "person", "notes", "sources", "is_published", "published_at"]
