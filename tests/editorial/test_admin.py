"""The admin in three languages, with each language's inputs in its own direction."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import AwardFactory, BiographySectionFactory, FestivalFactory, FilmFactory, OccupationFactory, PersonFactory

pytestmark = pytest.mark.django_db

LANGS = ("fr", "ar", "en")


def admin_url(lang, name, *args):
    with translation.override(lang):
        return reverse(name, args=args)


def inputs(html, name_pattern):
    """{name: tag} for the inputs and textareas whose name matches."""
    found = {}
    for tag in re.findall(r"<(?:input|textarea)\b[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if name and re.fullmatch(name_pattern, name.group(1)):
            found[name.group(1)] = tag
    return found


def assert_directions(tags):
    assert tags, "no translated input found"
    for name, tag in tags.items():
        code = name.rsplit("_", 1)[1]
        direction = "rtl" if code == "ar" else "ltr"
        assert f'lang="{code}"' in tag, tag
        assert f'dir="{direction}"' in tag, tag


@pytest.mark.parametrize("lang", LANGS)
def test_film_form_inputs_carry_their_language_and_direction(admin_client, lang):
    film = FilmFactory()
    html = admin_client.get(admin_url(lang, "admin:films_film_change", film.pk)).content.decode()
    assert_directions(inputs(html, r"(title|synopsis|poster_alt)_(fr|ar|en)"))
    # Slugs are Latin whatever the admin's language.
    assert 'dir="ltr"' in inputs(html, "slug")["slug"]


@pytest.mark.parametrize("lang", LANGS)
def test_person_form_and_its_biography_inline(admin_client, lang):
    person = PersonFactory()
    BiographySectionFactory(person=person)
    html = admin_client.get(admin_url(lang, "admin:people_person_change", person.pk)).content.decode()
    assert_directions(inputs(html, r"(name|summary|birthplace|portrait_alt)_(fr|ar|en)"))
    assert_directions(inputs(html, r"biography_sections-\d+-(heading|body)_(fr|ar|en)"))
    # The empty form the "add another" button copies has them too.
    assert_directions(inputs(html, r"biography_sections-__prefix__-(heading|body)_(fr|ar|en)"))


@pytest.mark.parametrize("lang", LANGS)
def test_festival_form_and_its_award_inline(admin_client, lang):
    festival = FestivalFactory()
    AwardFactory(festival=festival)
    html = admin_client.get(admin_url(lang, "admin:awards_festival_change", festival.pk)).content.decode()
    assert_directions(inputs(html, r"(name|city)_(fr|ar|en)"))
    assert_directions(inputs(html, r"awards-\d+-category_(fr|ar|en)"))


@pytest.mark.parametrize(
    "name, factory",
    [
        ("admin:people_occupation_add", None),
        ("admin:films_genre_add", None),
        ("admin:awards_award_add", None),
        ("admin:films_film_add", None),
        ("admin:people_person_add", None),
    ],
)
def test_add_forms_too(admin_client, name, factory):
    html = admin_client.get(admin_url("fr", name)).content.decode()
    assert_directions(inputs(html, r"[a-z_]+_(fr|ar|en)"))


@pytest.mark.parametrize("lang, direction", [("fr", "ltr"), ("ar", "rtl"), ("en", "ltr")])
def test_the_admin_itself_speaks_the_editors_language(admin_client, lang, direction):
    OccupationFactory()
    html = admin_client.get(admin_url(lang, "admin:people_occupation_changelist")).content.decode()
    assert f'<html lang="{lang}" dir="{direction}"' in html
    if lang == "ar":
        assert "rtl.css" in html


def test_language_tabs_are_served_locally_and_need_no_inline_script(admin_client):
    film = FilmFactory()
    response = admin_client.get(admin_url("fr", "admin:films_film_change", film.pk))
    html = response.content.decode()
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert "tabbed_translation_fields.js" in html
    assert "code.jquery.com" not in html
    # Every executable script is a file from this site (or carries the nonce).
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or "nonce=" in tag or 'type="application/json"' in tag, tag
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("lang", LANGS)
def test_admin_pages_answer_in_every_language(admin_client, lang):
    film = FilmFactory()
    person = PersonFactory()
    for name, args in [
        ("admin:index", []),
        ("admin:films_film_changelist", []),
        ("admin:films_film_change", [film.pk]),
        ("admin:films_film_history", [film.pk]),
        ("admin:people_person_change", [person.pk]),
        ("admin:editorial_translationstate_changelist", []),
        ("admin:films_film_recoverlist", []),
    ]:
        assert admin_client.get(admin_url(lang, name, *args)).status_code == 200, name


@pytest.mark.parametrize(
    "path",
    [
        "films/film/999999/change/",
        "films/film/abc/change/",
        "films/film/1/history/compare/?from=x&to=y",
        "films/film/999999/history/compare/",
        "films/film/999999/preview/",
        "films/film/?year=abc",
        "films/film/?translation=%00",
        "films/film/?o=99",
        "editorial/translationstate/999999/change/",
        "people/person/999999/history/999999/",
    ],
)
def test_bad_input_never_answers_500(admin_client, path):
    FilmFactory()
    response = admin_client.get(f"/fr/admin/{path}")
    assert response.status_code < 500
