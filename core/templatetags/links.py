"""``{{ value|http_url }}``: the value if it is an http(s) address, else an empty string."""

from django import template

from core.links import is_http_url

register = template.Library()


@register.filter
def http_url(value):
    return value if is_http_url(value) else ""
