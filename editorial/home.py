"""The editors' home page: what changed lately, what is scheduled, what each language lacks.

Every item links to the page where it is dealt with; the number of queries depends on the
number of content models, never on the amount of content.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from . import translation_status as ts
from .overview import admin_link

RECENT_CHANGES = 10
SCHEDULED = 10


def _can_view(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def _changelist_url(site, model):
    opts = model._meta
    try:
        return reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_changelist")
    except NoReverseMatch:
        return None


def recent_changes(site, user, limit=RECENT_CHANGES):
    """The latest additions, changes and deletions by anyone, with who made them, on the
    models the editor may see (an editor is not shown changes to accounts)."""
    models_seen = [model for model in site._registry if _can_view(user, model)]
    content_types = ContentType.objects.get_for_models(*models_seen).values()
    entries = (
        LogEntry.objects.filter(content_type__in=list(content_types))
        .select_related("user", "content_type")
        .order_by("-action_time")[:limit]
    )
    return [
        {
            "entry": entry,
            "url": None if entry.is_deletion() else entry.get_admin_url(),
            "model": entry.content_type.model_class()._meta.verbose_name if entry.content_type and entry.content_type.model_class() else "",
        }
        for entry in entries
    ]


def scheduled_items(site, user, limit=SCHEDULED):
    """Published items whose publication date is still to come, soonest first."""
    now = timezone.now()
    items = []
    for model in ts.translated_models():
        field_names = {field.name for field in model._meta.get_fields()}
        if not {"is_published", "published_at"} <= field_names or model not in site._registry or not _can_view(user, model):
            continue
        for obj in model._default_manager.filter(is_published=True, published_at__gt=now).order_by("published_at")[:limit]:
            items.append({"object": obj, "model": model._meta.verbose_name, "url": admin_link(obj, site), "date": obj.published_at})
    items.sort(key=lambda item: item["date"])
    return items[:limit]


def language_gaps(site, user):
    """Per model, how many items miss each language or may be outdated in it, with links to
    the changelist filtered on exactly those items. One query per model."""
    rows = []
    for model in ts.translated_models():
        if model not in site._registry or not _can_view(user, model):
            continue
        url = _changelist_url(site, model)
        aggregates = {}
        for code in ts.LANGUAGES:
            aggregates[f"missing_{code}"] = models.Count("pk", filter=ts.missing_q(model, code))
            aggregates[f"outdated_{code}"] = models.Count("pk", filter=models.Q(pk__in=ts.outdated_ids(model, code)))
        counts = model._default_manager.aggregate(**aggregates)
        cells = []
        for code in ts.LANGUAGES:
            cell = {"code": code, "name": ts.language_name(code)}
            for kind in ("missing", "outdated"):
                count = counts[f"{kind}_{code}"]
                cell[kind] = count
                cell[f"{kind}_url"] = f"{url}?translation={kind}-{code}" if url and count else None
            cells.append(cell)
        if any(cell["missing"] or cell["outdated"] for cell in cells):
            rows.append({"label": model._meta.verbose_name_plural, "url": url, "cells": cells})
    return rows


def editor_home(site, request):
    user = request.user
    return {
        "recent_changes": recent_changes(site, user),
        "scheduled": scheduled_items(site, user),
        "language_gaps": language_gaps(site, user),
        "languages": [{"code": code, "name": ts.language_name(code)} for code in ts.LANGUAGES],
    }
