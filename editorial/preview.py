"""Drafts and scheduled items, seen by editors as visitors will see them once published."""

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.urls import path, reverse


class PreviewMixin:
    # The public page that shows an object, for previews of drafts; None when there is none.
    preview_view = None

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

    def get_urls(self):
        urls = super().get_urls()
        if self.preview_view is None:
            return urls
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_preview"
        return [path("<path:object_id>/preview/", self.admin_site.admin_view(self.preview), name=name), *urls]
