"""Inputs typed in the right direction, whatever the admin's own language."""

from django.contrib import admin
from django.db import models
from django.utils.translation import get_language_info
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from modeltranslation.widgets import ClearableWidgetWrapper


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


class TranslatedStackedInline(LanguageDirectionMixin, TranslationStackedInline):
    pass


class TranslatedTabularInline(LanguageDirectionMixin, TranslationTabularInline):
    pass


def inline_foreign_key(parent_model, inline):
    """The foreign key by which an inline's rows belong to their parent object."""
    candidates = [
        field
        for field in inline.model._meta.concrete_fields
        if field.many_to_one and issubclass(parent_model, field.related_model)
        and (inline.fk_name is None or field.name == inline.fk_name)
    ]
    return candidates[0] if len(candidates) == 1 else None
