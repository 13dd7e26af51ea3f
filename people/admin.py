from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.admin import ContentAdmin, PublishableAdmin, VocabularyAdmin
from editorial.widgets import TranslatedStackedInline

from .models import BiographySection, Nationality, Occupation, Person

admin.site.register(Occupation, VocabularyAdmin)
admin.site.register(Nationality, VocabularyAdmin)


class BiographySectionInline(TranslatedStackedInline):
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


@admin.register(BiographySection)
class BiographySectionAdmin(ContentAdmin):
    """Sections are usually edited on their person's page; this list finds them across people."""

    edited_on_parent = True

    list_display = ["heading", "person", "order"]
    list_filter = ["person"]
    list_select_related = ["person"]
    search_fields = ["slug", "heading_fr", "heading_ar", "heading_en", "body_fr", "body_ar", "body_en"]
    autocomplete_fields = ["person"]
    fields = ["person", "order", "slug", "heading", "body"]
