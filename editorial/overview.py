"""Everything still to translate, across the models modeltranslation knows."""

from django.contrib import admin
from django.contrib.admin.utils import quote
from django.urls import reverse

from . import translation_status as ts
from .changelist import render_badges
from .widgets import inline_foreign_key


def admin_link(obj, site=admin.site):
    """The page where an editor works on the object: its own change page, or its parent's
    page when its admin says it is edited there (a biography section on its person)."""
    model = type(obj)
    own_admin = site._registry.get(model)
    if own_admin is not None and not getattr(own_admin, "edited_on_parent", False):
        opts = model._meta
        return reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
    for parent_model, parent_admin in site._registry.items():
        for inline in parent_admin.inlines:
            fk = inline_foreign_key(parent_model, inline) if inline.model is model else None
            if fk is not None:
                opts = parent_model._meta
                return reverse(
                    f"{site.name}:{opts.app_label}_{opts.model_name}_change", args=[quote(getattr(obj, fk.attname))]
                )
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
        rows = []
        for obj in ts.incomplete(model).annotate(translation_outdated=ts.outdated_subquery(model)):
            status = ts.status_for(obj, outdated=obj.translation_outdated or {})
            if status.is_complete:
                continue
            rows.append({"object": obj, "url": admin_link(obj), "status": status, "badges": render_badges(status)})
        if rows:
            groups.append({"label": opts.verbose_name_plural, "rows": rows})
    return groups
