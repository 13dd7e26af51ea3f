"""JSON-LD (schema.org) for every page, built from the models.

Each app describes its own objects (people, films and awards each have a
structured_data module); this module holds what every page shares: the WebSite node,
the page nodes, the serialiser and a view mixin. Text is taken in the page's language, with the same
fallback the templates show. Builders only read data the views already loaded,
so the markup costs no queries.
"""

import json

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils.translation import get_language

from core.phrases import fit_sentences, sentences

from .paths import page_path
from .templatetags.i18n_fields import resolve

# Characters that could end the <script> element or open a comment inside it. (Replaced one
# by one: str.translate goes character by character in Python and takes far longer on a page's
# worth of non-ASCII text; no escape holds a character escaped after it.)
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))

SCHEMA = "https://schema.org"


def dumps(data):
    """Serialise for an inline ``<script type="application/ld+json">``: no content can break out."""
    serialised = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    for character, escaped in _JSON_ESCAPES:
        serialised = serialised.replace(character, escaped)
    return serialised


def text(obj, field):
    """A translated field in the page's language (or its fallback), as plain text."""
    return resolve(obj, field)[0] or ""


def first_paragraph(value, limit=300):
    """The first paragraph, or as many of its whole sentences as fit in ``limit``.

    Only a first sentence longer than the limit is cut, at a word, with an ellipsis.
    """
    paragraph = (value or "").strip().split("\n\n", 1)[0].strip()
    if len(paragraph) > limit:
        paragraph = fit_sentences(sentences(paragraph), limit) or paragraph[: limit - 1].rsplit(" ", 1)[0] + "…"
    return paragraph


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def compact(node):
    """Drop empty values, so a field the editors left empty is simply absent."""
    return {key: value for key, value in node.items() if value not in ("", None, [], {})}


def entity_id(request, obj, kind):
    """One identifier per entity, the same on its French, Arabic and English pages.

    It is the page's address without the language prefix (which sends each visitor to
    their own language) and a fragment naming the kind: ``/people/kamal-hachkar/#person``.
    """
    from django.utils import translation

    code = settings.LANGUAGE_CODE
    with translation.override(code):
        path = obj.get_absolute_url()
    path = "/" + path.removeprefix(f"/{code}/")
    return f"{absolute(request, path)}#{kind}"


def website_node(request):
    home = absolute(request, page_path("home"))
    node = {
        "@type": "WebSite",
        "@id": f"{home}#website",
        "url": home,
        "name": str(settings.SITE_NAME),
        "inLanguage": get_language(),
    }
    try:
        search = absolute(request, page_path("search"))
    except NoReverseMatch:  # pragma: no cover - the search page is part of the site
        search = ""
    if search:
        node["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        }
    return node


def web_page(request, page_type="WebPage", name="", **extra):
    return compact(
        {
            "@type": page_type,
            "url": absolute(request, request.path),
            "name": str(name),
            "inLanguage": get_language(),
            "isPartOf": {"@id": f"{absolute(request, page_path('home'))}#website"},
            **extra,
        }
    )


def item_list(request, nodes, name="", start=1):
    """A CollectionPage listing ``nodes`` in order; ``start`` is the first node's position in the
    whole list (a later page of a paginated list goes on counting from the page before)."""
    items = [{"@type": "ListItem", "position": index, "item": node} for index, node in enumerate(nodes, start=start)]
    return web_page(
        request, "CollectionPage", name=name, mainEntity={"@type": "ItemList", "itemListElement": items} if items else ""
    )


def graph(request, nodes):
    """The whole document: the site, then the page's own nodes."""
    return {"@context": SCHEMA, "@graph": [website_node(request), *[n for n in nodes if n]]}


class StructuredDataMixin:
    """Adds ``structured_data`` (a list of schema.org nodes) and ``page_meta`` (Open Graph) to a view's context."""

    def get_structured_data(self, context):
        return [web_page(self.request)]

    # The title card of the site's section this page belongs to, for Open Graph (core.title_cards).
    section_card = None
    section_label = ""

    def get_page_meta(self, context):
        if self.section_card:
            from .pictures import section_image

            return section_image(self.section_card, str(self.section_label), self.request)
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = self.get_structured_data(context)
        context["page_meta"] = self.get_page_meta(context)
        return context
