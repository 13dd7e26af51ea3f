"""Comparing two saved versions of an object, word by word, inline rows included."""

import difflib

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from reversion.models import Version

from .widgets import language_attrs


def field_label(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(field.verbose_name)


def word_diff(old, new):
    """Old and new text as runs of words: [{"text", "change"}], change being "", "del" or "ins"."""
    old_words, new_words = str(old).split(" "), str(new).split(" ")
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    before, after = [], []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = " ".join(old_words[a1:a2]), " ".join(new_words[b1:b2])
        if tag == "equal":
            before.append({"text": removed, "change": ""})
            after.append({"text": added, "change": ""})
            continue
        if removed:
            before.append({"text": removed, "change": "del"})
        if added:
            after.append({"text": added, "change": "ins"})
    return before, after


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


class HistoryCompareMixin:
    """django-reversion's history list, with a form to compare two of its versions."""

    object_history_template = "admin/editorial/object_history.html"
    history_latest_first = True

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
        opts = self.model._meta
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            first = versions.get(pk=int(request.GET.get("from", "")))
            second = versions.get(pk=int(request.GET.get("to", "")))
        except (ValueError, Version.DoesNotExist):
            messages.warning(request, gettext("Choose two versions to compare."))
            return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history", quote(obj.pk))
        if first.pk > second.pk:
            first, second = second, first

        def revision_url(version):
            return reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision", args=[quote(obj.pk), version.pk]
            )

        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": obj,
            "title": gettext("Compare versions of %(name)s") % {"name": obj},
            "first": first,
            "second": second,
            "rows": diff_versions(first, second),
            "related": diff_related(first, second, exclude=(first.content_type_id, first.object_id)),
            "first_url": revision_url(first),
            "second_url": revision_url(second),
        }
        return TemplateResponse(request, "admin/editorial/compare.html", context)

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_compare"
        return [
            path("<path:object_id>/history/compare/", self.admin_site.admin_view(self.compare), name=name),
            *super().get_urls(),
        ]
