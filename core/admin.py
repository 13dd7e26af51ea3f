from django.contrib import admin
from reversion.admin import VersionAdmin

from .models import Source


@admin.register(Source)
class SourceAdmin(VersionAdmin):
    list_display = ["title", "publisher", "date", "url"]
    search_fields = ["title", "publisher", "url"]
    list_filter = ["publisher"]
    prepopulated_fields = {"slug": ["title"]}
