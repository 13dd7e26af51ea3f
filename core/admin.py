from django.contrib import admin
from django.db import models
from reversion.admin import VersionAdmin

from .models import Source
from .widgets import DateInput


@admin.register(Source)
class SourceAdmin(VersionAdmin):
    list_display = ["title", "publisher", "date", "url"]
    search_fields = ["title", "publisher", "url"]
    list_filter = ["publisher"]
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = {models.DateField: {"widget": DateInput}}
