"""Translation status in changelists: a badge per language, a filter and a confirm action."""

from django.contrib import admin, messages
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import staleness
from . import translation_status as ts


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


def render_badges(status):
    return render_to_string("admin/editorial/includes/badges.html", {"badges": status.badges()})


class TranslationStatusMixin:
    """A language status column, a filter and a "confirm translations" action."""

    actions = ["confirm_translations"]

    def get_queryset(self, request):
        # Each row's stored status comes with the row: no query per row.
        return super().get_queryset(request).annotate(translation_outdated=ts.outdated_subquery(self.model))

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_status"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStatusFilter]

    @admin.display(description=_("Languages"))
    def translation_status(self, obj):
        return render_badges(ts.status_for(obj, outdated=obj.translation_outdated or {}))

    @admin.action(description=_("Mark the selected items' translations as up to date"), permissions=["change"])
    def confirm_translations(self, request, queryset):
        count = 0
        for obj in queryset:
            staleness.confirm(obj)
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
