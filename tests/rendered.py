"""Read a rendered page the way a visitor does: its text, its language, its links, its tables."""

import re
from html.parser import HTMLParser

from django.urls import reverse
from django.utils import translation

LANGUAGES = ("fr", "ar", "en")
_SKIPPED = {"script", "style", "head"}


def url(code, name, **kwargs):
    """The address of a named page in one language: url("ar", "films:list") is /ar/films/."""
    with translation.override(code):
        return reverse(name, kwargs=kwargs or None)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_attrs = {}
        self.text = []
        self.links = []  # (href, attrs, the classes of the enclosing elements)
        self.tables = []  # [{"headers": [...], "rows": [[cell, …], …]}]
        self._stack = []  # (tag, classes)
        self._skip = 0
        self._cell = None
        self._row = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag in _SKIPPED:
            self._skip += 1
        classes = set((attrs.get("class") or "").split())
        if tag == "a" and "href" in attrs:
            ancestors = set().union(*(c for _t, c in self._stack)) if self._stack else set()
            self.links.append((attrs["href"], attrs, ancestors | classes))
        if tag == "table":
            self.tables.append({"headers": [], "rows": []})
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self.tables:
            self._cell = {"scope": attrs.get("scope"), "text": []}
        if tag in ("br", "p", "li", "dd", "dt", "h1", "h2", "h3", "td", "th", "div"):
            self.text.append(" ")
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._stack.append((tag, classes))

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        if tag in ("td", "th") and self._cell is not None:
            text = _squash("".join(self._cell["text"]))
            if self._cell["scope"] == "col":
                self.tables[-1]["headers"].append(text)
            elif self._row is not None:
                self._row.append(text)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row:
                self.tables[-1]["rows"].append(self._row)
            self._row = None
        self.text.append(" ")
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell["text"].append(data)


def _squash(text):
    return re.sub(r"\s+", " ", text).strip()


def parse(response):
    page = _Page()
    page.feed(response.content.decode())
    page.close()
    return page


def text(response):
    """The visible text of the page (without the <head>), whitespace squashed."""
    return _squash("".join(parse(response).text))


def html_lang_dir(response):
    attrs = parse(response).html_attrs
    return attrs.get("lang"), attrs.get("dir")


def links(response, within=None):
    """Link targets in the page, optionally only those inside an element with the class ``within``."""
    return [href for href, _attrs, classes in parse(response).links if within is None or within in classes]


def tables(response):
    return parse(response).tables


def shown(code, words):
    """``words`` as a page in language ``code`` shows them: French pages typeset apostrophes,
    guillemets and the spaces before punctuation (core.typography)."""
    from core.typography import for_language

    return for_language(str(words), code)
