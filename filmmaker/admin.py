"""The editors' admin: language tabs with the right direction, translation status, history,
previews of drafts and protection against two editors overwriting each other."""

import difflib
import hashlib

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import ChangeList
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.forms.models import _get_foreign_key
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.timezone import template_localtime
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from modeltranslation.widgets import ClearableWidgetWrapper
from reversion.admin import VersionAdmin
from reversion.models import Version

from . import translation_status as ts
from editorial.models import TranslationState

from .models import BiographySection, Nationality, Occupation, Person, Source

# --- Right-to-left and left-to-right inputs ---------------------------------------------------


def language_attrs(code):
    return {"lang": code, "dir": "rtl" if get_language_info(code)["bidi"] else "ltr"}


class LanguageDirectionMixin:
    """Each language's input carries its ``lang`` and ``dir``: Arabic is typed right to left
    even in the French admin, French and English left to right even in the Arabic admin.

    Slugs and addresses are always left to right: they are Latin whatever the admin's language.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is None:
            return formfield
        widget = formfield.widget
        if isinstance(widget, admin.widgets.RelatedFieldWidgetWrapper):
            widget = widget.widget
        if isinstance(widget, ClearableWidgetWrapper):
            widget = widget.widget
        language = getattr(db_field, "language", None)
        if language:
            widget.attrs.update(language_attrs(language))
        elif isinstance(db_field, (models.SlugField, models.URLField, models.EmailField)):
            widget.attrs["dir"] = "ltr"
        return formfield


# --- Forms: confirming translations and detecting concurrent edits ------------------------------


class ContentForm(forms.ModelForm):
    """Adds two fields to every content form.

    ``concurrency_token`` fingerprints the object and its inlines as they were when the
    form was opened; if they differ when it is saved, someone else saved in between.
    ``confirm_translations`` lets an editor say the other languages are still right after
    a change in one of them.
    """

    concurrency_token = forms.CharField(widget=forms.HiddenInput, required=False)
    confirm_translations = forms.BooleanField(
        label=_("The other languages are up to date"),
        required=False,
        help_text=_(
            "Tick after checking every language: fields marked possibly outdated are then marked up to date."
        ),
    )

    # Set by ContentAdmin.get_form: computes the token of an object.
    concurrency_admin = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.concurrency_admin is not None:
            self.initial["concurrency_token"] = self.concurrency_admin.concurrency_token(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        admin_ = self.concurrency_admin
        if self.instance.pk is None or admin_ is None or "concurrency_token" not in self.fields:
            return cleaned_data
        # Locked until this save commits (the admin saves in a transaction): a second save
        # pressed at the same moment waits here, then sees this one's token and is told.
        current_obj = type(self.instance)._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if current_obj is None:
            return cleaned_data
        current = admin_.concurrency_token(current_obj)
        sent = cleaned_data.get("concurrency_token")
        if sent and sent != current:
            # The next save is a deliberate choice to keep this version: accept the new token then.
            self.data = self.data.copy()
            self.data[self.add_prefix("concurrency_token")] = current
            raise forms.ValidationError(admin_.conflict_message(current_obj), code="concurrent_edit")
        return cleaned_data

    def save(self, commit=True):
        self.instance._confirm_translations = bool(self.cleaned_data.get("confirm_translations"))
        return super().save(commit)


# --- Translation status in changelists ---------------------------------------------------------


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = [(f"missing-{code}", _("Missing in %(language)s") % {"language": ts.language_name(code)}) for code in ts.LANGUAGES]
        choices += [
            (f"outdated-{code}", _("Possibly outdated in %(language)s") % {"language": ts.language_name(code)})
            for code in ts.LANGUAGES
        ]
        choices.append(("incomplete", _("Anything to do")))
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if value == "incomplete":
            return queryset.filter(ts.any_missing_q(queryset.model) | models.Q(pk__in=ts.outdated_ids(queryset.model)))
        kind, _sep, code = value.partition("-")
        if code not in ts.LANGUAGES:
            # A hand-typed address with an unknown language: show nothing rather than fail.
            return queryset.none()
        if kind == "missing":
            return queryset.filter(ts.missing_q(queryset.model, code))
        if kind == "outdated":
            return queryset.filter(pk__in=ts.outdated_ids(queryset.model, code))
        return queryset.none()


class TranslationChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        # One query for every row's stored status, instead of one per row.
        ts.load_states(list(self.result_list))


def render_badges(status):
    parts = []
    for badge in status.badges():
        detail = ", ".join(str(name) for name in badge["fields"])
        title = f"{badge['name']}: {badge['label']}" + (f" ({detail})" if detail else "")
        parts.append(
            format_html(
                '<span class="tr-badge tr-badge--{}" title="{}"><span class="tr-badge__code">{}</span>'
                '<span class="tr-badge__state">{}</span></span>',
                badge["state"],
                title,
                badge["code"].upper(),
                badge["label"],
            )
        )
    return format_html('<span class="tr-badges">{}</span>', mark_safe(" ".join(parts)))


class TranslationStatusMixin:
    """A language status column, a filter and a "confirm translations" action."""

    actions = ["confirm_translations"]

    def get_changelist(self, request, **kwargs):
        return TranslationChangeList

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_status"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStatusFilter]

    @admin.display(description=_("Languages"))
    def translation_status(self, obj):
        return render_badges(ts.status_for(obj))

    @admin.action(description=_("Mark the selected items' translations as up to date"), permissions=["change"])
    def confirm_translations(self, request, queryset):
        count = 0
        for obj in queryset:
            ts.confirm(obj)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d item's translations marked as up to date.",
                "%(count)d items' translations marked as up to date.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


# --- The content admin -------------------------------------------------------------------------


class ContentAdmin(LanguageDirectionMixin, TranslationStatusMixin, VersionAdmin, TabbedTranslationAdmin):
    """Translated content: language tabs, translation status, history with compare, restore
    and recover, and a guard against concurrent edits."""

    save_on_top = True
    form = ContentForm
    change_form_template = "admin/filmmaker/change_form.html"
    object_history_template = "admin/filmmaker/object_history.html"
    history_latest_first = True
    # The public page that shows an object, for previews of drafts; None when there is none.
    preview_view = None

    class Media:
        css = {"all": ["filmmaker/admin.css"]}

    # Forms

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

    def concurrency_token(self, obj):
        """A fingerprint of the object and of the rows its inlines edit."""
        objects = [obj]
        for inline in self.inlines:
            try:
                fk = _get_foreign_key(self.model, inline.model, fk_name=inline.fk_name)
            except ValueError:
                continue
            objects.extend(inline.model._default_manager.filter(**{fk.name: obj}).order_by("pk"))
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

    # Drafts

    def preview_url(self, obj):
        if self.preview_view is None or obj is None or obj.pk is None:
            return None
        opts = self.model._meta
        return reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_preview", args=[quote(obj.pk)])

    def view_on_site(self, obj):
        # A draft's public address answers 404: "view on site" shows its preview instead.
        if getattr(obj, "is_visible", True) or self.preview_view is None:
            return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None
        return self.preview_url(obj)

    def preview(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        # The page as it will look once published: publish the object inside a transaction,
        # render the real public view, and roll back. The view's own queries (credits, awards,
        # prefetches) then behave exactly as they will for visitors, and nothing is saved.
        with transaction.atomic():
            self.model._default_manager.filter(pk=obj.pk).update(is_published=True, published_at=None)
            response = self.preview_view.as_view()(request, slug=obj.slug)
            if hasattr(response, "render"):
                response.render()
            transaction.set_rollback(True)
        # Never indexed, never cached: a draft must not leak through a shared cache.
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        response.headers["Cache-Control"] = "private, no-store"
        return response

    # History

    def history_view(self, request, object_id, extra_context=None):
        # The same list as django-reversion's, with each version's id for the compare form.
        opts = self.model._meta
        versions = (
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision", "revision__user")
            .order_by("-pk")
        )
        action_list = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.pk),
                ),
            }
            for version in versions
        ]
        return super().history_view(request, object_id, {"action_list": action_list, **(extra_context or {})})

    def compare(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            first = versions.get(pk=int(request.GET.get("from", "")))
            second = versions.get(pk=int(request.GET.get("to", "")))
        except (ValueError, Version.DoesNotExist):
            messages.warning(request, gettext("Choose two versions to compare."))
            opts = self.model._meta
            return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history", quote(obj.pk))
        if first.pk > second.pk:
            first, second = second, first
        rows = diff_versions(first, second)
        related = diff_related(first, second, exclude=(first.content_type_id, first.object_id))
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": obj,
            "title": gettext("Compare versions of %(name)s") % {"name": obj},
            "first": first,
            "second": second,
            "rows": rows,
            "related": related,
            "first_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision", args=[quote(obj.pk), first.pk]
            ),
            "second_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision", args=[quote(obj.pk), second.pk]
            ),
        }
        return TemplateResponse(request, "admin/filmmaker/compare.html", context)

    def get_urls(self):
        opts = self.model._meta
        info = opts.app_label, opts.model_name
        urls = [
            path("<path:object_id>/history/compare/", self.admin_site.admin_view(self.compare), name="%s_%s_compare" % info),
        ]
        if self.preview_view is not None:
            urls.append(
                path("<path:object_id>/preview/", self.admin_site.admin_view(self.preview), name="%s_%s_preview" % info)
            )
        return urls + super().get_urls()


def field_label(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(field.verbose_name)


def word_diff(old, new):
    """Old and new text with the removed and added words marked up."""
    old_words, new_words = str(old).split(" "), str(new).split(" ")
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    before, after = [], []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = " ".join(old_words[a1:a2]), " ".join(new_words[b1:b2])
        if tag == "equal":
            before.append(format_html("{}", removed))
            after.append(format_html("{}", added))
            continue
        if removed:
            before.append(format_html("<del>{}</del>", removed))
        if added:
            after.append(format_html("<ins>{}</ins>", added))
    return mark_safe(" ".join(before)), mark_safe(" ".join(after))


def diff_versions(first, second):
    """The fields that differ between two versions of one object, in the model's order."""
    model = first._model
    old, new = first.field_dict, second.field_dict
    rows = []
    for field in model._meta.get_fields():
        name = getattr(field, "attname", None) or field.name
        if name not in old and field.name not in new:
            continue
        key = name if name in old or name in new else field.name
        before, after = old.get(key, ""), new.get(key, "")
        if isinstance(before, (list, tuple, set)):
            before, after = ", ".join(map(str, sorted(before))), ", ".join(map(str, sorted(after or [])))
        before = "" if before is None else before
        after = "" if after is None else after
        if before == after:
            continue
        marked_before, marked_after = word_diff(before, after)
        language = getattr(field, "language", None)
        rows.append(
            {
                "label": field_label(model, field.name),
                "before": marked_before,
                "after": marked_after,
                **({"lang": language, "dir": language_attrs(language)["dir"]} if language else {}),
            }
        )
    return rows


def diff_related(first, second, exclude):
    """Inline objects saved with each revision: added, removed or changed between the two."""
    def index(version):
        return {
            (v.content_type_id, v.object_id): v
            for v in version.revision.version_set.select_related("content_type")
            if (v.content_type_id, v.object_id) != exclude
        }

    old, new = index(first), index(second)
    result = []
    for key in sorted(set(old) | set(new), key=lambda k: (k[0], str(k[1]))):
        before, after = old.get(key), new.get(key)
        if before and after:
            rows = diff_versions(before, after)
            if rows:
                result.append({"label": after.object_repr, "state": gettext("changed"), "rows": rows})
        elif after:
            result.append({"label": after.object_repr, "state": gettext("added"), "rows": []})
        else:
            result.append({"label": before.object_repr, "state": gettext("removed"), "rows": []})
    return result


class PublishableAdmin(ContentAdmin):
    list_filter = ["is_published"]
    date_hierarchy = None


class VocabularyAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", "name_fr", "name_ar", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}


# The admin is named after the site, in the editor's language.
admin.site.site_header = format_lazy(_("{site_name} administration"), site_name=settings.SITE_NAME)
admin.site.site_title = admin.site.site_header

admin.site.register(Occupation, VocabularyAdmin)
admin.site.register(Nationality, VocabularyAdmin)


@admin.register(Source)
class SourceAdmin(VersionAdmin):
    list_display = ["title", "publisher", "date", "url"]
    search_fields = ["title", "publisher", "url"]
    list_filter = ["publisher"]
    prepopulated_fields = {"slug": ["title"]}


class TranslatedStackedInline(LanguageDirectionMixin, TranslationStackedInline):
    pass


class BiographySectionInline(TranslatedStackedInline):
    model = BiographySection
    extra = 0
    fields = ["order", "slug", "heading", "body"]
    prepopulated_fields = {"slug": ["heading_en"]}


def person_preview_view():
    from .views import PersonDetailView

    return PersonDetailView


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
    preview_view = person_preview_view()


def extend_inlines(model, *inlines):
    """Add inlines to a registered admin from another app, history included.

    The films app adds credits to the person page, the awards app adds awards to the film
    page: the apps depend on each other in that order only. django-reversion decides which
    related rows a version includes when the admin is created, so the admin is registered
    again, after reversion forgets the model, rather than patched in place.
    """
    import reversion

    current = type(admin.site._registry[model])
    extended = type(current.__name__, (current,), {"inlines": [*current.inlines, *inlines], "__module__": current.__module__})
    admin.site.unregister(model)
    if reversion.is_registered(model):
        reversion.unregister(model)
    admin.site.register(model, extended)
    return extended


# --- The translation overview ------------------------------------------------------------------


def admin_link(obj):
    """The page where an editor works on the object: its own change page, or its parent's
    page when its admin says it is edited there (a biography section on its person)."""
    model = type(obj)
    own_admin = admin.site._registry.get(model)
    if own_admin is not None and not getattr(own_admin, "edited_on_parent", False):
        opts = model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
    for parent_model, parent_admin in admin.site._registry.items():
        for inline in parent_admin.inlines:
            if inline.model is model:
                fk = _get_foreign_key(parent_model, model, fk_name=inline.fk_name)
                parent_id = getattr(obj, fk.attname)
                opts = parent_model._meta
                return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(parent_id)])
    return None


def overview_rows(user=None):
    """Every translated object with a missing or possibly outdated language, grouped by model."""
    groups = []
    for model in ts.translated_models():
        opts = model._meta
        if user is not None and not (
            user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        ):
            continue
        objects = list(ts.incomplete(model))
        ts.load_states(objects)
        rows = []
        for obj in objects:
            status = ts.status_for(obj)
            if status.is_complete:
                continue
            rows.append({"object": obj, "url": admin_link(obj), "status": status, "badges": render_badges(status)})
        if rows:
            groups.append({"label": opts.verbose_name_plural, "rows": rows})
    return groups


@admin.register(TranslationState)
class TranslationStateAdmin(admin.ModelAdmin):
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
            "media": forms.Media(css={"all": ["filmmaker/admin.css"]}),
        }
        return TemplateResponse(request, "admin/filmmaker/translation_overview.html", context)

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
