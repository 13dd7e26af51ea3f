"""Every public page type, as (name, URL name, kwargs) — checked in every language."""

from django.urls import reverse
from django.utils import translation

LANGUAGES = ("fr", "ar", "en")

PAGE_TYPES = [
    ("home", "home", {}, ""),
    ("person", "people:detail", {"slug": "kamal-hachkar"}, ""),
    ("people", "people:list", {}, ""),
    ("film-list", "films:list", {}, ""),
    ("film-detail", "films:detail", {"slug": "tinghir-jerusalem"}, ""),
    ("film-detail-sparse", "films:detail", {"slug": "in-your-eyes-i-see-my-country"}, ""),
    ("festival-list", "awards:festival_list", {}, ""),
    ("festival-detail", "awards:festival_detail", {"slug": "ficmec"}, ""),
    ("awards", "awards:list", {}, ""),
    ("search", "search", {}, "?q=tinghir"),
    ("search-empty", "search", {}, ""),
    ("search-nothing-found", "search", {}, "?q=tinghri"),
    ("not-found", None, {}, ""),
]


def page_url(code, url_name, kwargs, query=""):
    with translation.override(code):
        path = reverse(url_name, kwargs=kwargs or None) if url_name else f"/{code}/no-such-page/"
    return path + query


def all_pages():
    """(id, path, expected status) for every page type in every language."""
    for code in LANGUAGES:
        for name, url_name, kwargs, query in PAGE_TYPES:
            yield f"{name}-{code}", page_url(code, url_name, kwargs, query), 404 if url_name is None else 200
