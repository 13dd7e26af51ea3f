"""Property-based: hostile URLs, slugs, query strings, search terms and admin form input never cost a 500.

Hypothesis generates the input (Arabic, mixed scripts, bidi controls, NUL, very long text,
broken percent-encoding); each test keeps to a modest number of examples so the suite stays
fast, and Hypothesis keeps no example database in the working tree.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from films.models import Film
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Scripts and characters that have broken sites before: Arabic (with diacritics and tatweel),
# Hebrew, Latin with accents, bidi controls, zero-width joiners, NUL and other controls, emoji.
HOSTILE_CHARS = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0x05D0, max_codepoint=0x05EA),
    st.sampled_from(list("éèàçÉœßĲ")),
    st.sampled_from(["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200e", "\u061c"]),
    st.sampled_from(["\u200b", "\u200d", "\ufeff", "\x00", "\x1f", "\x7f", "\r", "\n", "\t"]),
    st.sampled_from(["'", '"', "<", ">", "&", "%", "/", "\\", "?", "#", ";", ".", " ", "+"]),
    st.characters(blacklist_categories=("Cs",)),
)
HOSTILE_TEXT = st.one_of(
    st.text(HOSTILE_CHARS, max_size=60),
    st.text(HOSTILE_CHARS, min_size=500, max_size=3000),
    st.sampled_from(["", " ", "\x00", "%", "%%", "%zz", "%c3%28", "%ff%fe", "%00", "%2e%2e%2f", "كمال", "كَمَال هَشْكَار", "\u202eraktsih"]),
)
BROKEN_PERCENT = st.lists(
    st.sampled_from(["%", "%G1", "%c3", "%c3%28", "%e2%82", "%ff", "%00", "%25", "%2F", "%u0041", "%%41", "a"]), max_size=8
).map("".join)
LANGUAGE_PREFIXES = st.sampled_from(["fr", "ar", "en", "de", "FR", "ar-ma", "zz", "", "fr/fr", "..", "%61r"])
SECTIONS = st.sampled_from(["", "films", "festivals", "awards", "people", "search", "media", "static", "admin", "i18n"])


def raw_path(*parts):
    return "/" + "/".join(parts)


def assert_no_server_error(response, url):
    assert response.status_code < 500, url
    if response.status_code in (400, 404):
        # The site's own error page, in a language, not a bare server message.
        assert b"<html lang=" in response.content, url


@BOUNDED
@given(lang=LANGUAGE_PREFIXES, section=SECTIONS, slug=st.one_of(HOSTILE_TEXT, BROKEN_PERCENT))
def test_public_urls_never_answer_a_server_error(client, seed, lang, section, slug):
    url = raw_path(lang, section, slug) + "/"
    assert_no_server_error(client.get(url), url)


@BOUNDED
@given(lang=st.sampled_from(["fr", "ar", "en"]), term=HOSTILE_TEXT, extra=BROKEN_PERCENT)
def test_search_terms_never_answer_a_server_error(client, seed, lang, term, extra):
    with translation.override(lang):
        url = reverse("search")
    response = client.get(url, {"q": term, "page": term[:10]})
    assert_no_server_error(response, url)
    # Query strings that are not even well-formed percent-encoding.
    url = f"{url}?q={extra}&page={extra}&{extra}={extra}"
    assert_no_server_error(client.get(url), url)


@BOUNDED
@given(
    page=st.sampled_from(["films/", "festivals/", "awards/", "people/kamal-hachkar/", "films/tinghir-jerusalem/", ""]),
    query=st.dictionaries(st.text(HOSTILE_CHARS, max_size=20), HOSTILE_TEXT, max_size=4),
)
def test_query_strings_on_every_page_never_answer_a_server_error(client, seed, page, query):
    for lang in ("fr", "ar", "en"):
        url = f"/{lang}/{page}"
        assert_no_server_error(client.get(url, query), url)


@settings(BOUNDED, max_examples=15)
@given(
    title=HOSTILE_TEXT,
    year=st.one_of(st.integers(-10**12, 10**12).map(str), HOSTILE_TEXT),
    runtime=st.one_of(st.integers(-70000, 70000).map(str), HOSTILE_TEXT),
    slug=HOSTILE_TEXT,
    synopsis=HOSTILE_TEXT,
)
def test_the_film_change_form_answers_a_form_error_never_a_server_error(admin_client, seed, title, year, runtime, slug, synopsis):
    film = Film.objects.get(slug="tinghir-jerusalem")
    with translation.override("en"):
        url = reverse("admin:films_film_change", args=[film.pk])
    data = admin_form_data(admin_client.get(url))
    data.update(title_ar=title, title_en=title, year=year, runtime=runtime, slug=slug, synopsis_fr=synopsis)
    response = admin_client.post(url, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["adminform"].form.errors or response.context.get("errors"), "refused with a reason"


@settings(BOUNDED, max_examples=10)
@given(name=HOSTILE_TEXT, slug=HOSTILE_TEXT, identifier=HOSTILE_TEXT, website=st.one_of(HOSTILE_TEXT, BROKEN_PERCENT))
def test_the_person_and_festival_change_forms_answer_form_errors_never_server_errors(admin_client, seed, name, slug, identifier, website):
    from awards.models import Festival
    from people.models import Person

    targets = [
        ("admin:people_person_change", Person.objects.get(slug="kamal-hachkar"), {"name_ar": name, "slug": slug, "wikidata_id": identifier, "imdb_id": identifier[:30]}),
        ("admin:awards_festival_change", Festival.objects.order_by("pk").first(), {"name_en": name, "slug": slug, "website": website, "acronym": identifier}),
    ]
    for route, obj, changes in targets:
        with translation.override("en"):
            url = reverse(route, args=[obj.pk])
        data = admin_form_data(admin_client.get(url))
        data.update(changes)
        response = admin_client.post(url, data)
        assert response.status_code in (200, 302), url
