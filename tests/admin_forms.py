"""What an editor's browser would send back from an admin form."""


def admin_form_data(response):
    """The POST data an unchanged admin form would send: main form, inlines and management forms."""
    from django import forms as django_forms

    data = {}

    def add(form):
        for name, field in form.fields.items():
            bound = form[name]
            key = bound.html_name
            value = bound.value()
            widget = field.widget
            if isinstance(field, django_forms.FileField):
                continue
            if isinstance(widget, django_forms.CheckboxInput):
                if value:
                    data[key] = "on"
                continue
            if isinstance(field, django_forms.SplitDateTimeField):
                if value:
                    value = value if isinstance(value, list) else widget.decompress(value)
                    data[f"{key}_0"], data[f"{key}_1"] = [str(v or "") for v in value]
                continue
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)

    context = response.context
    add(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = str(management[name].value())
        for form in formset.forms:
            add(form)
    return data
