"""Fallback text is marked with its real language and direction on every public page."""

from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.browser.pages import LANGUAGES
from tests.factories import (
    AwardFactory,
    BiographySectionFactory,
    CreditFactory,
    FestivalFactory,
    FilmFactory,
    PersonFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db

BIDI = {"fr": "ltr", "en": "ltr", "ar": "rtl"}


class LangOfText(HTMLParser):
    """Records, for each text node of the body, the nearest lang and dir around it."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.texts = []
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        parent = self.stack[-1] if self.stack else (None, None, None)
        self.stack.append((tag, attrs.get("lang", parent[1]), attrs.get("dir", parent[2])))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.in_body and data.strip() and self.stack and self.stack[-1][0] not in {"script", "title"}:
            self.texts.append((data.strip(), self.stack[-1][1], self.stack[-1][2]))


def texts_with(html, marker):
    parser = LangOfText()
    parser.feed(html)
    return [(text, lang, direction) for text, lang, direction in parser.texts if marker in text]


def french_only(**fields):
    """French text only: Arabic and English fall back to it."""
    return {f"{name}_fr": f"{value} FRONLY" for name, value in fields.items()} | {
        f"{name}_{code}": "" for name in fields for code in ("ar", "en")
    }


@pytest.fixture
def french_only_site(db):
    director = RoleFactory(slug="director")
    person = PersonFactory(slug="kamal-hachkar", **french_only(name="Nom", birthplace="Lieu", summary="Résumé"))
    BiographySectionFactory(person=person, **french_only(heading="Titre", body="Corps\n\nSuite"))
    film = FilmFactory(slug="film", **french_only(title="Titre du film", synopsis="Synopsis"))
    CreditFactory(film=film, person=person, role=director)
    festival = FestivalFactory(slug="fest", **french_only(name="Festival", city="Ville"))
    AwardFactory(festival=festival, film=film, person=None, **french_only(category="Prix", notes="Note"))
    return person


PAGES = ["/{code}/", "/{code}/people/kamal-hachkar/", "/{code}/films/", "/{code}/films/film/", "/{code}/festivals/",
         "/{code}/festivals/fest/", "/{code}/awards/", "/{code}/search/?q=fronly"]


@pytest.mark.parametrize("code", ["ar", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_fallback_text_carries_its_language_and_direction(client, french_only_site, code, path):
    html = client.get(path.format(code=code)).content.decode()
    found = texts_with(html, "FRONLY")
    assert found, "the fallback text is shown"
    wrong = [(text, lang, direction) for text, lang, direction in found if (lang, direction) != ("fr", "ltr")]
    assert wrong == []


@pytest.mark.parametrize("path", PAGES)
def test_text_in_the_pages_language_is_not_marked(client, french_only_site, path):
    html = client.get(path.format(code="fr")).content.decode()
    assert 'lang="fr" dir="ltr"' not in html.split("<body>")[1].split('class="language-switcher"')[0]
    assert all(lang == "fr" for _text, lang, _dir in texts_with(html, "FRONLY"))


def test_english_inside_an_arabic_page_is_left_to_right(db, client):
    film = FilmFactory(title_fr="", title_ar="", title_en="Only English")
    html = client.get(f"/ar/films/{film.slug}/").content.decode()
    assert '<h1 id="film-title"><span lang="en" dir="ltr">Only English</span></h1>' in html


def test_arabic_inside_an_english_page_is_right_to_left(db, client):
    film = FilmFactory(title_fr="", title_ar="بالعربية فقط", title_en="")
    html = client.get(f"/en/films/{film.slug}/").content.decode()
    assert '<span lang="ar" dir="rtl">بالعربية فقط</span>' in html


def test_tr_block_marks_paragraphs(db):
    film = FilmFactory(synopsis_fr="Un\n\nDeux", synopsis_ar="", synopsis_en="")
    with translation.override("ar"):
        html = Template('{% load i18n_fields %}{% tr_block film "synopsis" %}').render(Context({"film": film}))
    assert html == '<div lang="fr" dir="rtl">'.replace("rtl", "ltr") + "<p>Un</p>\n\n<p>Deux</p></div>"


def test_tr_escapes(db):
    film = FilmFactory(title_fr="<b>&</b>", title_ar="", title_en="")
    with translation.override("en"):
        html = Template('{% load i18n_fields %}{% tr film "title" %}').render(Context({"film": film}))
    assert html == '<span lang="fr" dir="ltr">&lt;b&gt;&amp;&lt;/b&gt;</span>'


def test_sparse_film_of_the_seed_shows_no_empty_sections(client, seed):
    for code in LANGUAGES:
        html = client.get(f"/{code}/films/in-your-eyes-i-see-my-country/").content.decode()
        assert 'id="synopsis"' not in html
        assert "Original title" not in html and 'lang="und"' not in html
