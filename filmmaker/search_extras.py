"""What makes search results readable: the passage that matched, with the match marked;
countries found by their name; and, when nothing is found, spelling-tolerant suggestions.

Everything here works on data already loaded, except the suggestions, which read the
names and titles (one query per kind) only when a search found nothing.
"""

import difflib
import re
from functools import cache

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, override
from django_countries import countries

from awards.models import Festival
from core.templatetags.i18n_fields import resolve
from films.models import Film
from people.models import Person

SNIPPET_RADIUS = 90  # characters of context on each side of the match
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@cache
def _country_names(code):
    with override(code):
        return [(country_code, str(name)) for country_code, name in countries]


def countries_matching(term, fold):
    """Country codes whose name in French, Arabic or English contains the folded ``term``."""
    if len(term) < 3:
        return []
    found = set()
    for code in LANGUAGE_CODES:
        for country_code, name in _country_names(code):
            if term in fold(name):
                found.add(country_code)
    return sorted(found)


def _folded_with_positions(text, fold):
    """The folded text, and for each of its characters the position it came from."""
    folded, positions = [], []
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        positions.extend([index] * len(piece))
    return "".join(folded), positions


def _spans(text, terms, fold):
    folded, positions = _folded_with_positions(text, fold)
    spans = []
    for term in terms:
        for match in re.finditer(re.escape(term), folded):
            start = positions[match.start()]
            end = positions[match.end() - 1] + 1
            spans.append((start, end))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def marked(text, terms, fold):
    """``text`` with every match of ``terms`` in <mark>, escaped."""
    out, last = [], 0
    for start, end in _spans(text, terms, fold):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def snippet(text, terms, fold):
    """The passage of ``text`` around its first match, with the matches marked; "" if none."""
    text = " ".join((text or "").split())
    spans = _spans(text, terms, fold)
    if not spans:
        return ""
    start, end = spans[0]
    left = max(0, start - SNIPPET_RADIUS)
    right = min(len(text), end + SNIPPET_RADIUS)
    # Cut between words.
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    passage = marked(text[left:right], terms, fold)
    return mark_safe(f"{'… ' if left > 0 else ''}{passage}{' …' if right < len(text) else ''}")


def _passages(obj, kind):
    """The texts a result may have matched in, beyond its name: [(text, language)], the
    page's language first."""
    fields = {
        "people": ["summary", "birthplace"],
        "films": ["synopsis", "reception"],
        "festivals": ["city"],
    }.get(kind, [])
    found = []
    current = get_language()
    order = [current, *[code for code in LANGUAGE_CODES if code != current]]
    for code in order:
        for field in fields:
            value = getattr(obj, f"{field}_{code}", "") or ""
            if value:
                found.append((value, code))
        if kind == "people":
            for section in obj.biography_sections.all():
                value = getattr(section, f"body_{code}", "") or ""
                if value:
                    found.append((value, code))
        if kind == "festivals" and obj.country:
            with override(code):
                found.append((str(obj.country.name), code))
    return found


def _title(obj):
    return resolve(obj, "title")[0] or resolve(obj, "name")[0] or ""


def _marked_title(obj, terms, fold):
    """The name or title with the matches marked; text falling back to another language
    carries that language (as the {% tr %} tag does)."""
    text, code = resolve(obj, "title")
    if not text:
        text, code = resolve(obj, "name")
    html = marked(text or "", terms, fold)
    if code == get_language():
        return html
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return mark_safe(f'<span lang="{code}" dir="{direction}">{html}</span>')


def highlight_results(results, terms, fold):
    """Give each result a ``search_title`` with the match marked and, when the match is not
    in its name, a ``search_snippet``: {"html", "lang", "dir"}."""
    for kind, found in results.items():
        for obj in found["items"]:
            title = _title(obj)
            obj.search_title = _marked_title(obj, terms, fold)
            obj.search_snippet = None
            if kind == "awards" or _spans(title, terms, fold):
                continue
            for text, code in _passages(obj, kind):
                html = snippet(text, terms, fold)
                if html:
                    bidi = get_language_info(code)["bidi"]
                    obj.search_snippet = {"html": html, "lang": code, "dir": "rtl" if bidi else "ltr"}
                    break


def _candidates():
    """(label in the page's language, URL, [texts in every language]) for every name and title."""
    rows = []
    for model, fields in (
        (Person, ["name"]),
        (Film, ["title"]),
        (Festival, ["name", "city"]),
    ):
        for obj in model.objects.published():
            texts = [getattr(obj, f"{field}_{code}", "") or "" for field in fields for code in LANGUAGE_CODES]
            texts += [getattr(obj, name, "") or "" for name in ("original_title", "acronym") if hasattr(obj, name)]
            rows.append((_title(obj), obj.get_absolute_url(), [t for t in texts if t]))
    return rows


def _prose():
    """The words of the people's summaries and biographies, for spelling corrections."""
    texts = []
    for person in Person.objects.published().prefetch_related("biography_sections"):
        texts += [getattr(person, f"summary_{code}", "") or "" for code in LANGUAGE_CODES]
        for section in person.biography_sections.all():
            texts += [getattr(section, f"body_{code}", "") or "" for code in LANGUAGE_CODES]
    return texts


def suggestions(terms, fold, limit=5):
    """{"query": a corrected search or "", "closest": [(label, url)]} for a search that found nothing."""
    candidates = _candidates()
    vocabulary = set()
    for text in [text for _label, _url, texts in candidates for text in texts] + _prose():
        vocabulary.update(word for word in re.findall(r"\w+", fold(text)) if len(word) > 2)
    corrected, changed = [], False
    for term in terms:
        match = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.7)
        if match and match[0] != term:
            corrected.append(match[0])
            changed = True
        else:
            corrected.append(term)
    query = " ".join(terms)
    scored = []
    for label, url, texts in candidates:
        best = max(
            max(difflib.SequenceMatcher(None, query, fold(text)).ratio() for text in texts),
            max((difflib.SequenceMatcher(None, term, word).ratio() for term in terms for text in texts for word in re.findall(r"\w+", fold(text))), default=0),
        )
        scored.append((best, label, url))
    scored.sort(key=lambda row: -row[0])
    closest = [(label, url) for score, label, url in scored[:limit] if score >= 0.5]
    return {"query": " ".join(corrected) if changed else "", "closest": closest}
