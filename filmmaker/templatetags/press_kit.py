"""The person page's link to its press kit in the page's language, once the PDF exists."""

from django import template
from django.utils.translation import get_language

from filmmaker import presskit

register = template.Library()


@register.simple_tag
def press_kit_url(person):
    """``{% press_kit_url person as url %}``: the PDF's address, or None before it is built."""
    return presskit.url(person, get_language())
