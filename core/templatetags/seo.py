from django import template
from django.utils.safestring import mark_safe

from core.structured_data import dumps, graph, web_page

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context):
    """The page's JSON-LD, escaped for an inline script: the site, then the view's nodes.

    Pages without their own (the 404 page) describe themselves as a plain WebPage.
    """
    request = context.get("request")
    if request is None:
        return ""
    nodes = context.get("structured_data")
    if nodes is None:
        nodes = [web_page(request, name=context.get("page_title", ""))]
    return mark_safe(dumps(graph(request, nodes)))
