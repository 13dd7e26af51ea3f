"""Inlines that stay fast however many rows their parent has.

A prolific filmmaker has hundreds of credits and a festival hundreds of awards. Rendering
every row, each with its own query for the chosen film, person or role, made their change
pages unusable; here a page shows the first rows only (with a link to the full, filtered
list), loads the rows' related objects with them, and the autocomplete widgets take their
labels from those objects instead of asking the database once per row.
"""

from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple, RelatedFieldWidgetWrapper
from django.forms.models import BaseInlineFormSet
from django.urls import NoReverseMatch, reverse


class PreloadedLabelsMixin:
    """An autocomplete widget that shows its selected options without a query when the
    form already holds the selected objects (``preloaded``: value -> label)."""

    preloaded = None

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.preloaded is None or not set(selected) <= self.preloaded.keys():
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for option_value in selected if self.allow_multiple_selected else selected[:1]:
            options.append(
                self.create_option(name, option_value, self.preloaded[option_value], set(selected), len(options))
            )
        return [(None, options, 0)]


class PreloadedAutocompleteSelect(PreloadedLabelsMixin, AutocompleteSelect):
    pass


class PreloadedAutocompleteSelectMultiple(PreloadedLabelsMixin, AutocompleteSelectMultiple):
    pass


class PreloadedAutocompleteMixin:
    """Admin (or inline) mixin: its autocomplete fields use the widgets above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PreloadedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PreloadedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def preload_labels(form):
    """Give the form's autocomplete widgets the labels of the objects its instance holds
    already (loaded by select_related or prefetch_related): no query per widget."""
    instance = form.instance
    if instance is None or instance.pk is None:
        return
    prefetched = getattr(instance, "_prefetched_objects_cache", {})
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget = widget.widget
        if not isinstance(widget, PreloadedLabelsMixin):
            continue
        try:
            model_field = instance._meta.get_field(name)
        except Exception:  # a form-only field
            continue
        if model_field.many_to_many:
            if name not in prefetched:
                continue
            objects = list(prefetched[name])
        elif model_field.many_to_one:
            if not model_field.is_cached(instance):
                continue
            related = model_field.get_cached_value(instance)
            objects = [related] if related is not None else []
        else:
            continue
        widget.preloaded = {str(obj.pk): field.label_from_instance(obj) for obj in objects}


class BoundedInlineFormSet(BaseInlineFormSet):
    """Shows at most ``max_shown`` existing rows; ``total_count`` and ``all_url`` tell the
    editor how many there are and where to see them all."""

    max_shown = None
    total_count = None

    def get_queryset(self):
        if not hasattr(self, "_bounded_rows"):
            queryset = super().get_queryset()
            if self.max_shown is None or self.instance.pk is None:
                self._bounded_rows = queryset
            else:
                # One row more than shown says whether there are more, without counting them all.
                rows = list(queryset[: self.max_shown + 1])
                if len(rows) > self.max_shown:
                    self.total_count = queryset.count()
                    rows = rows[: self.max_shown]
                self._bounded_rows = rows
        return self._bounded_rows

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        preload_labels(form)
        return form

    @property
    def is_truncated(self):
        return self.total_count is not None

    @property
    def all_url(self):
        """The model's changelist filtered on this parent, where every row can be found."""
        if self.instance.pk is None:
            return None
        opts = self.model._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            return None
        return f"{url}?{self.fk.name}__{self.fk.target_field.attname}__exact={quote(self.instance.pk)}"


class BoundedInlineMixin(PreloadedAutocompleteMixin):
    """An inline that shows at most ``max_shown`` rows, loading ``list_select_related`` and
    ``prefetch_related`` with them, and says how many there are when it shows fewer."""

    formset = BoundedInlineFormSet
    max_shown = 20
    list_select_related = ()
    prefetch_related = ()
    template = "admin/editorial/edit_inline/bounded_tabular.html"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        return queryset

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.max_shown = self.max_shown
        return formset


def chosen_parent_filter(field_name):
    """A changelist filter for the "see all" link of a bounded inline: it shows the chosen
    parent (so the editor sees, and can clear, why the list is shorter) without listing
    every possible parent, which would be as long as the table of people or films."""

    class ChosenParentFilter(admin.SimpleListFilter):
        parameter_name = f"{field_name}__id__exact"

        def __init__(self, request, params, model, model_admin):
            self.field = model._meta.get_field(field_name)
            self.title = self.field.verbose_name
            super().__init__(request, params, model, model_admin)

        def lookups(self, request, model_admin):
            value = self.value()
            if not value or not str(value).isdigit():
                return []
            chosen = self.field.related_model._default_manager.filter(pk=value).first()
            return [(value, str(chosen))] if chosen is not None else []

        def queryset(self, request, queryset):
            value = self.value()
            if not value:
                return queryset
            if not str(value).isdigit():
                # A hand-typed address: nothing matches rather than an error.
                return queryset.none()
            return queryset.filter(**{f"{field_name}_id": value})

    ChosenParentFilter.__name__ = f"Chosen{field_name.title()}Filter"
    return ChosenParentFilter
