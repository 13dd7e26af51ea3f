"""JSON-LD (schema.org) for every page, built from the models.

Each app describes its own objects (films.structured_data, awards.structured_data);
this module holds what every page shares: the WebSite node, the Person node, the
serialiser and a view mixin. Text is taken in the page's language, with the same
fallback the templates show. Builders only read data the views already loaded,
so the markup costs no queries.
"""

import json

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

from core.phrases import fit_sentences, sentences

from .templatetags.i18n_fields import resolve

# Characters that could end the <script> element or open a comment inside it.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}

SCHEMA = "https://schema.org"


def dumps(data):
    """Serialise for an inline ``<script type="application/ld+json">``: no content can break out."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).translate(_JSON_ESCAPES)


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


def website_node(request):
    home = absolute(request, reverse("home"))
    node = {
        "@type": "WebSite",
        "@id": f"{home}#website",
        "url": home,
        "name": str(settings.SITE_NAME),
        "inLanguage": get_language(),
    }
    try:
        search = absolute(request, reverse("search"))
    except NoReverseMatch:  # pragma: no cover - the search page is part of the site
        search = ""
    if search:
        node["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        }
    return node


def person_reference(person, request):
    """A short Person node, for a film's director or an award's recipient."""
    return compact({"@type": "Person", "name": text(person, "name"), "url": absolute(request, person.get_absolute_url())})


def nationality(term):
    """schema.org wants a Country: its name in the page's language ("Maroc"), not the demonym."""
    if term.country:
        return {"@type": "Country", "name": term.country.name, "identifier": term.country.code}
    return {"@type": "Country", "name": text(term, "name")}


def person_node(person, request):
    """The Person, from the person and their prefetched occupations and nationalities."""
    url = absolute(request, person.get_absolute_url())
    return compact(
        {
            "@type": "Person",
            "@id": f"{url}#person",
            "url": url,
            "name": text(person, "name"),
            # The name in the other scripts: the Arabic-script name on French and English pages.
            "alternateName": [form["name"] for form in person.name_forms()],
            "birthDate": person.birth_date.isoformat() if person.birth_date else "",
            "birthPlace": compact({"@type": "Place", "name": text(person, "birthplace")})
            if text(person, "birthplace")
            else "",
            "nationality": [nationality(n) for n in person.nationalities.all()],
            "jobTitle": [text(o, "name") for o in person.occupations.all()],
            "description": first_paragraph(text(person, "summary")),
            "image": absolute(request, person.portrait.url) if person.portrait else "",
            "sameAs": [link for _label, link in person.external_links],
        }
    )


def web_page(request, page_type="WebPage", name="", **extra):
    return compact(
        {
            "@type": page_type,
            "url": absolute(request, request.path),
            "name": str(name),
            "inLanguage": get_language(),
            "isPartOf": {"@id": f"{absolute(request, reverse('home'))}#website"},
            **extra,
        }
    )


def profile_page(person, request):
    node = person_node(person, request)
    return web_page(request, "ProfilePage", name=node.get("name", ""), mainEntity=node)


def item_list(request, nodes, name=""):
    """A CollectionPage listing ``nodes`` in order."""
    items = [{"@type": "ListItem", "position": index, "item": node} for index, node in enumerate(nodes, start=1)]
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

    def get_page_meta(self, context):
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = self.get_structured_data(context)
        context["page_meta"] = self.get_page_meta(context)
        return context
