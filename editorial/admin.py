"""The editors' admin: language tabs with the right direction, translation status, history,
previews of drafts and protection against two editors overwriting each other.

Content apps build their admins on ContentAdmin; this app registers only the overview.
"""

import hashlib

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.widgets import DateInput

from . import staleness
from . import translation_status as ts
from .changelist import TranslationStatusMixin
from .forms import ContentForm
from .history import HistoryCompareMixin
from .models import TranslationState
from .overview import admin_link, overview_rows
from .po_admin import ExportForm, ImportForm, POExchangeMixin
from .preview import PreviewMixin
from .widgets import LanguageDirectionMixin, inline_foreign_key


class ContentAdmin(
    LanguageDirectionMixin, TranslationStatusMixin, PreviewMixin, HistoryCompareMixin, VersionAdmin, TabbedTranslationAdmin
):
    """Translated content: language tabs, translation status, history with compare, restore
    and recover, previews of drafts, and a guard against concurrent edits."""

    save_on_top = True
    form = ContentForm
    # Dates without a time (a birth date) get the browser's date input, not the calendar
    # with its "Today" shortcut and time-zone note.
    formfield_overrides = {models.DateField: {"widget": DateInput}}
    change_form_template = "admin/editorial/change_form.html"

    class Media:
        css = {"all": ["editorial/admin.css"]}
        # After modeltranslation's tabs: the tabs are the one language choice, kept in step.
        js = ["modeltranslation/js/tabbed_translation_fields.js", "editorial/language_tabs.js"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.concurrency_admin = self
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.append(
                (_("Translations"), {"fields": ["confirm_translations", "concurrency_token"], "classes": ["translation-confirm"]})
            )
        return fieldsets

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.cleaned_data.get("confirm_translations"):
            staleness.confirm(obj)

    def concurrency_token(self, obj):
        """A fingerprint of the object and of the rows its inlines edit."""
        objects = [obj]
        for inline in self.inlines:
            fk = inline_foreign_key(self.model, inline)
            if fk is not None:
                rows = inline.model._default_manager.filter(**{fk.name: obj}).order_by("pk")
                # Their many-to-many values in one query each, not one per row.
                m2m = [field.name for field in inline.model._meta.many_to_many]
                objects.extend(rows.prefetch_related(*m2m))
        data = serializers.serialize("json", objects, sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def conflict_message(self, current_obj):
        version = (
            Version.objects.get_for_object(current_obj).select_related("revision__user").order_by("-pk").first()
        )
        if version and version.revision.user:
            return gettext(
                "%(user)s saved this item at %(time)s, after you opened it. Your changes are below but not saved: "
                "save again to replace their version with yours, or open the item in a new tab to see theirs."
            ) % {
                "user": version.revision.user.get_username(),
                "time": localize(template_localtime(version.revision.date_created)),
            }
        return gettext(
            "Someone saved this item after you opened it. Your changes are below but not saved: "
            "save again to replace their version with yours, or open the item in a new tab to see theirs."
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context["translation_status"] = ts.status_for(obj)
            context["preview_url"] = self.preview_url(obj)
            context["is_draft"] = hasattr(obj, "is_visible") and not obj.is_visible
        return super().render_change_form(request, context, add, change, form_url, obj)


class PublishableAdmin(ContentAdmin):
    list_filter = ["is_published"]


class VocabularyAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", "name_fr", "name_ar", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(TranslationState)
class TranslationStateAdmin(POExchangeMixin, admin.ModelAdmin):
    """Not edited directly: its list page is the overview of what remains to translate."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        groups = overview_rows(request.user)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Translations to do"),
            "groups": groups,
            "total": sum(len(group["rows"]) for group in groups),
            "languages": [{"code": code, "name": ts.language_name(code)} for code in ts.LANGUAGES],
            "media": forms.Media(css={"all": ["editorial/admin.css"]}),
            "export_form": ExportForm(),
            "import_form": ImportForm(),
        }
        return TemplateResponse(request, "admin/editorial/translation_overview.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        state = get_object_or_404(TranslationState, pk=unquote(object_id))
        model = state.content_type.model_class()
        obj = model._default_manager.filter(pk=state.object_id).first() if model else None
        url = admin_link(obj) if obj is not None else None
        if url is None:
            raise Http404
        return redirect(url)
