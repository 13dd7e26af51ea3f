from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin

from .models import BiographySection, Nationality, Occupation, Person, Source


class ContentAdmin(VersionAdmin, TabbedTranslationAdmin):
    """Translated content: language tabs, history with restore, and a "view on site" link."""

    save_on_top = True


class PublishableAdmin(ContentAdmin):
    list_filter = ["is_published"]
    date_hierarchy = None


class VocabularyAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", "name_fr", "name_ar", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}


admin.site.register(Occupation, VocabularyAdmin)
admin.site.register(Nationality, VocabularyAdmin)


@admin.register(Source)
class SourceAdmin(VersionAdmin):
    list_display = ["title", "publisher", "date", "url"]
    search_fields = ["title", "publisher", "url"]
    list_filter = ["publisher"]
    prepopulated_fields = {"slug": ["title"]}


class BiographySectionInline(TranslationStackedInline):
    model = BiographySection
    extra = 0
    fields = ["order", "slug", "heading", "body"]
    prepopulated_fields = {"slug": ["heading_en"]}


@admin.register(Person)
class PersonAdmin(PublishableAdmin):
    list_display = ["name", "birth_date", "is_published", "updated_at"]
    list_filter = ["is_published", "occupations", "nationalities"]
    search_fields = ["slug", "name_fr", "name_ar", "name_en", "summary_fr", "summary_ar", "summary_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["occupations", "nationalities"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary"]}),
        (_("Facts"), {"fields": ["birth_date", "birthplace", "occupations", "nationalities"]}),
        (_("Portrait"), {"fields": ["portrait", "portrait_alt"]}),
        (_("External identifiers"), {"fields": ["wikidata_id", "imdb_id"]}),
        (_("Publication"), {"fields": ["is_published", "published_at"]}),
    ]
    inlines = [BiographySectionInline]
