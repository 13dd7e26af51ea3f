"""Downloading and uploading translators' PO files from the translation status page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import po_exchange, po_import
from . import translation_status as ts

# A translator's file for the whole site is a few hundred kilobytes; refuse anything far larger.
MAX_PO_BYTES = 5 * 1024 * 1024


def language_choices():
    return [(code, ts.language_name(code)) for code in ts.LANGUAGES]


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Translate into"), choices=language_choices)
    include_complete = forms.BooleanField(
        label=_("Include complete fields"), required=False, help_text=_("For a full review of a language.")
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Translated PO file"), help_text=_("A file exported from this page, translated."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_PO_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB: it is not a file exported from this site."))
        return upload


class POExchangeMixin:
    """Two actions on the translation overview: export a language as PO, import it back."""

    def get_urls(self):
        opts = self.model._meta
        prefix = f"{opts.app_label}_{opts.model_name}"
        return [
            path("po/export/", self.admin_site.admin_view(self.po_export_view), name=f"{prefix}_po_export"),
            path("po/import/", self.admin_site.admin_view(self.po_import_view), name=f"{prefix}_po_import"),
            *super().get_urls(),
        ]

    def po_context(self, request, **kwargs):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "export_form": ExportForm(),
            "import_form": ImportForm(),
            **kwargs,
        }

    def po_export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = ExportForm(request.GET or None)
        if not form.is_valid():
            messages.error(request, gettext("Choose the language to translate into."))
            return redirect(self.overview_url())
        language = form.cleaned_data["language"]
        po = po_exchange.export_po(language, include_complete=form.cleaned_data["include_complete"])
        response = HttpResponse(str(po), content_type="text/x-gettext-translation; charset=utf-8")
        filename = f"translations-{language}-{timezone.now():%Y%m%d-%H%M}.po"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def po_import_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        title = gettext("Import translations")
        if request.method != "POST":
            return TemplateResponse(request, "admin/editorial/po_import.html", self.po_context(request, title=title))
        form = ImportForm(request.POST, request.FILES)
        errors = []
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                objects, fields = po_import.import_po(upload.read(), user=request.user, filename=upload.name)
            except po_import.ImportRefused as refused:
                errors = refused.errors
            else:
                messages.success(
                    request,
                    gettext("%(fields)s fields of %(objects)s items were translated; each item's history shows the import.")
                    % {"fields": fields, "objects": objects},
                )
                return redirect(self.overview_url())
        context = self.po_context(request, title=title, import_form=form, errors=errors)
        return TemplateResponse(request, "admin/editorial/po_import.html", context, status=400)

    def overview_url(self):
        opts = self.model._meta
        return reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
