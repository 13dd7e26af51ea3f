"""Site-wide search: people, films, festivals and award categories, in all three languages.

Matching ignores case and accents in French and English, and in Arabic ignores
diacritics (tashkeel) and tatweel, and folds the alef forms, ta marbuta to ha and
alef maqsura to ya (core.text_search). Each searched column is folded apart; on
PostgreSQL a trigram index on each folded column answers ``LIKE '%word%'``, and
full-text ranking orders the results. One query per kind of result, whatever the data.

This module is the one place that reads every app's models.
"""

import re
import unicodedata

from django.db.models import CharField, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from awards.models import Award, Festival
from core.text_search import ARABIC_FOLDS, LIGATURES, TATWEEL, Fold, fold  # noqa: F401 - the search's folding
from core.structured_data import StructuredDataMixin, web_page
from films.models import Film
from people.models import BiographySection, Person

from .search_extras import countries_matching, highlight_results, suggestions

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
LIMIT = 50  # results per kind
LANGUAGE_CODES = ("fr", "ar", "en")

def column(field):
    # Numbers (a film's year) are searched as text: "2013" finds the films of 2013.
    return Cast(F(field.removeprefix("#")), CharField()) if field.startswith("#") else F(field)


def folded_columns(fields, prefix="search"):
    """One folded annotation per text field. A term is a single word, so matching each field
    apart finds what one long concatenation would, SQLite's parser copes with it, and on
    PostgreSQL each has its trigram index. Numbers ("#year") are compared, not folded."""
    return {f"{prefix}_{index}": Fold(column(field)) for index, field in enumerate(fields) if not field.startswith("#")}


def any_contains(names, term):
    query = Q(pk__in=[])
    for name in names:
        query |= Q(**{f"{name}__contains": term})
    return query


def document(*fields):
    """One folded text made of the given fields, for ranking on PostgreSQL."""
    parts = []
    for field in fields:
        parts.extend([column(field), Value(" ")])
    return Fold(Concat(*parts, output_field=CharField()))


def translated(field):
    return [f"{field}_{code}" for code in LANGUAGE_CODES]


# What each kind of result is searched by.
# ("#year": a number, searched as text.)
KINDS = {
    "people": (Person, [*translated("name"), *translated("birthplace"), *translated("summary")]),
    "films": (Film, [*translated("title"), "original_title", "#year", *translated("synopsis"), *translated("reception")]),
    "festivals": (Festival, [*translated("name"), "acronym", *translated("city")]),
    "awards": (Award, [*translated("category"), "#year"]),
}
BIOGRAPHY_FIELDS = [*translated("heading"), *translated("body")]


def term_filter(kind, term, names):
    """What one term must match: one of the kind's texts, a person's biography, a
    festival's country by its name in any of the three languages."""
    query = any_contains(names, term)
    if "#year" in KINDS[kind][1] and term.isdigit() and len(term) == 4:
        query |= Q(year=int(term))
    if kind == "people":
        columns = folded_columns(BIOGRAPHY_FIELDS, prefix="section")
        sections = BiographySection.objects.filter(person=OuterRef("pk")).annotate(**columns)
        query |= Exists(sections.filter(any_contains(columns, term)))
    elif kind == "festivals":
        codes = countries_matching(term, fold)
        if codes:
            query |= Q(country__in=codes)
    return query


def clean_query(raw):
    """(query as shown back, folded terms, was it shortened)."""
    raw = "".join(ch for ch in (raw or "") if unicodedata.category(ch) not in {"Cc", "Cs", "Co"} or ch in " \t")
    raw = " ".join(raw.split())
    shortened = len(raw) > MAX_QUERY_LENGTH
    if shortened:
        # Cut between words, not inside one.
        cut = raw[: MAX_QUERY_LENGTH + 1]
        raw = cut.rsplit(" ", 1)[0] if " " in cut else raw[:MAX_QUERY_LENGTH]
    terms = []
    for term in re.findall(r"\w+", fold(raw)):
        if term not in terms:
            terms.append(term)
    return raw, terms[:MAX_TERMS], shortened or len(terms) > MAX_TERMS


def queryset(kind, terms, vendor):
    model, fields = KINDS[kind]
    columns = folded_columns(fields)
    qs = model.objects.published().annotate(**columns)
    for term in terms:
        qs = qs.filter(term_filter(kind, term, columns))
    if kind == "awards":
        qs = qs.select_related("festival", "film", "person")
    elif kind == "films":
        qs = qs.select_related("genre")
    elif kind == "people":
        # The matching passage may be in the biography.
        qs = qs.prefetch_related("biography_sections")
    if vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector(document(*fields), config="simple")
        query = SearchQuery(" ".join(terms), config="simple", search_type="plain")
        qs = qs.annotate(rank=SearchRank(vector, query)).order_by("-rank", *model._meta.ordering)
    return qs


def search(raw, using="default"):
    """Run a search: a dict with the cleaned query and the results of each kind."""
    from django.db import connections

    query, terms, shortened = clean_query(raw)
    results = {}
    if terms:
        vendor = connections[using].vendor
        for kind in KINDS:
            found = list(queryset(kind, terms, vendor)[: LIMIT + 1])
            results[kind] = {"items": found[:LIMIT], "more": len(found) > LIMIT}
        highlight_results(results, terms, fold)
    count = sum(len(r["items"]) for r in results.values())
    return {
        "query": query,
        # Isolated from the sentence around it: an Arabic query in a French sentence, or the reverse.
        "query_html": format_html('<bdi dir="auto">{}</bdi>', query),
        "terms": terms,
        "shortened": shortened,
        "results": results,
        "count": count,
        # Nothing found: spelling-tolerant suggestions among the names and titles.
        "suggestions": suggestions(terms, fold) if terms and not count else {},
    }


class SearchView(StructuredDataMixin, TemplateView):
    template_name = "filmmaker/search.html"

    def get_context_data(self, **kwargs):
        raw = self.request.GET.get("q", "")
        context = {"search": search(raw), "searched": bool(raw.strip())}
        return super().get_context_data(**context, **kwargs)

    def get_structured_data(self, context):
        return [web_page(self.request, "SearchResultsPage", name=_("Search"))]
