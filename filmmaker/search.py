"""Site-wide search: people, films, festivals and award categories, in all three languages.

Matching ignores case and accents in French and English, and in Arabic ignores
diacritics (tashkeel) and tatweel, and folds the alef forms, ta marbuta to ha and
alef maqsura to ya. The same folding runs in Python on the query and in the
database on the text: a Python function registered with SQLite, an SQL
expression (lower/translate) on PostgreSQL, where full-text ranking orders the
results. One query per kind of result, whatever the data.

This module is the one place that reads every app's models.
"""

import re
import unicodedata
from functools import cache

from django.db.models import CharField, Exists, F, Func, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from awards.models import Award, Festival
from core.structured_data import StructuredDataMixin, web_page
from films.models import Film
from people.models import BiographySection, Person

from .search_extras import countries_matching, highlight_results, suggestions

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
LIMIT = 50  # results per kind
LANGUAGE_CODES = ("fr", "ar", "en")

TATWEEL = "\u0640"
ARABIC_FOLDS = {
    "\u0671": "\u0627",  # ٱ alef wasla → ا (أ إ آ lose their hamza/madda when decomposed)
    "\u0629": "\u0647",  # ة ta marbuta → ه
    "\u0649": "\u064a",  # ى alef maqsura → ي
    "\u06cc": "\u064a",  # ی Persian yeh → ي
    "\u06a9": "\u0643",  # ک keheh → ك
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}
LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"}


def fold(value):
    """Lower case, without accents, Arabic diacritics or tatweel, with the Arabic letter forms folded."""
    value = unicodedata.normalize("NFKD", value or "")
    out = []
    for char in value:
        if unicodedata.combining(char) or char == TATWEEL or unicodedata.category(char) == "Cc":
            continue
        out.append(LIGATURES.get(char) or ARABIC_FOLDS.get(char, char))
    return "".join(out).lower()


@cache
def _translate_table():
    """(from, to) for PostgreSQL's translate(): the same folding, one character at a time."""
    source, target, deleted = [], [], []
    ranges = [(0x00C0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x0600, 0x06FF), (0x08D3, 0x08FF)]
    for low, high in ranges:
        for code in range(low, high + 1):
            char = chr(code)
            if char in LIGATURES:
                continue
            folded = fold(char)
            if folded == char:
                continue
            if folded == "":
                deleted.append(char)
            elif len(folded) == 1:
                source.append(char)
                target.append(folded)
    # Characters beyond the end of "to" are deleted by translate().
    return "".join(source + deleted), "".join(target)


class Fold(Func):
    """The database-side twin of :func:`fold`."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):  # pragma: no cover - other databases
        return compiler.compile(Func(*self.source_expressions, function="LOWER", output_field=CharField()))

    def as_sqlite(self, compiler, connection, **extra_context):
        # Register on this very connection: it may have been opened before this module was imported.
        connection.ensure_connection()
        connection.connection.create_function("filmmaker_fold", 1, fold, deterministic=True)
        return super().as_sql(compiler, connection, function="filmmaker_fold", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        expression = self.source_expressions[0]
        for ligature, replacement in LIGATURES.items():
            expression = Func(expression, Value(ligature), Value(replacement), function="REPLACE", output_field=CharField())
        source, target = _translate_table()
        expression = Func(expression, Value(source), Value(target), function="TRANSLATE", output_field=CharField())
        return compiler.compile(Func(expression, function="LOWER", output_field=CharField()))


def column(field):
    # Numbers (a film's year) are searched as text: "2013" finds the films of 2013.
    return Cast(F(field.removeprefix("#")), CharField()) if field.startswith("#") else F(field)


def folded_columns(fields, prefix="search"):
    """One folded annotation per field. A term is a single word, so matching each field
    apart finds what one long concatenation would, and SQLite's parser copes with it."""
    return {f"{prefix}_{index}": Fold(column(field)) for index, field in enumerate(fields)}


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
