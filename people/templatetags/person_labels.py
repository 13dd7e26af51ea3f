from django import template
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def name_form_label(form):
    """The infobox label of one of ``Person.name_forms()``: named by script, as readers see it.

    "Nom en arabe" on a French page; "الاسم بالحروف اللاتينية" (name in Latin letters) on an
    Arabic page, where "(الفرنسية)" would wrongly say the name itself is French.
    """
    if form.get("dir") == "rtl":
        return pgettext("name form", "Name in Arabic")
    return pgettext("name form", "Name in Latin script")
