"""Show a translated field, marking text that falls back to another language.

modeltranslation's fallbacks fill a missing Arabic title with the French one.
That text must carry its real language and direction, so screen readers
pronounce it right and an Arabic page does not lay Latin text out right to left.
"""

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, pgettext
from modeltranslation.utils import build_localized_fieldname

from core.typography import for_language

register = template.Library()


def resolve(obj, field):
    """The field's text and the language it is really in: (text, language code)."""
    current = get_language()
    value = getattr(obj, build_localized_fieldname(field, current), None)
    if value:
        return value, current
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for code in fallbacks.get(current, fallbacks["default"]):
        value = getattr(obj, build_localized_fieldname(field, code), None)
        if value:
            return value, code
    return "", current


def _wrap(tag, text, code):
    if code == get_language():
        return text
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return format_html('<{} lang="{}" dir="{}">{}</{}>', tag, code, direction, text, tag)


@register.simple_tag
def tr(obj, field):
    """Inline text: ``{% tr film "title" %}``."""
    text, code = resolve(obj, field)
    return _wrap("span", conditional_escape(for_language(text, code)), code)


@register.simple_tag
def tr_block(obj, field):
    """Paragraphs: ``{% tr_block section "body" %}``; empty lines separate paragraphs."""
    text, code = resolve(obj, field)
    if not text:
        return ""
    return _wrap("div", linebreaks_filter(for_language(text, code), autoescape=True), code)


@register.simple_tag
def tr_lang(obj, field):
    """The language the field is really shown in, for attributes such as JSON-LD's inLanguage."""
    return resolve(obj, field)[1]


@register.filter
def join_terms(terms):
    """Join translated terms with the language's own separator ("، " in Arabic)."""
    separator = conditional_escape(pgettext("list separator", ", "))
    return mark_safe(separator.join(conditional_escape(tr(term, "name")) for term in terms))
