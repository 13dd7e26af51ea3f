"""Search: one box on every page; French, English and Arabic folding; hostile input; constant queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.typography import for_language
from filmmaker.search import MAX_QUERY_LENGTH, clean_query, fold, search
from tests.browser.pages import LANGUAGES, PAGE_TYPES, page_url
from tests.factories import AwardFactory, FestivalFactory, FilmFactory, PersonFactory

pytestmark = pytest.mark.django_db


def slugs(result, kind):
    return [obj.slug for obj in result["results"].get(kind, {}).get("items", [])]


# --- folding, in Python -------------------------------------------------------


@pytest.mark.parametrize(
    "text,folded",
    [
        ("Les Échos du mellah", "les echos du mellah"),
        ("ÇA CŒUR Straße", "ca coeur strasse"),
        ("تَنْغِير", "تنغير"),  # tashkeel
        ("تنـــغير", "تنغير"),  # tatweel
        ("أ إ آ ٱ ا", "ا ا ا ا ا"),  # alef forms
        ("الجائزة الكبرى", "الجايزه الكبري"),  # ta marbuta, alef maqsura, hamza on its seat
        ("٢٠١٣", "2013"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


# --- in the database (SQLite and PostgreSQL) ---------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "echos du mellah",
        "ÉCHOS DU MELLAH",
        "Échos",
        "tinghir jerusalem",
        "Tinghir-Jérusalem",
        "echoes of the mellah",  # English title
        "تنغير جيروزاليم",
        "تَنْغِير",  # with tashkeel
        "تنـــغير",  # with tatweel
        "اصداء الملاح",  # أصداء typed without its hamza
        "إصداء",  # a different alef form
    ],
)
def test_finds_the_film_in_every_language_and_spelling(seed, query):
    assert slugs(search(query), "films") == ["tinghir-jerusalem"]


def test_finds_by_original_title(db):
    FilmFactory(slug="lost", title_fr="Perdu", title_ar="ضائع", title_en="Lost", original_title="Ṭafsut")
    assert slugs(search("tafsut"), "films") == ["lost"]


def test_ta_marbuta_and_alef_maqsura(seed):
    # "الكبرى" (alef maqsura) typed with ya; "اليهودية" (ta marbuta) typed with ha.
    assert "ficmec-grand-prize-best-documentary" in slugs(search("الكبري لافضل"), "awards")
    assert slugs(search("العين اليهوديه"), "festivals") == ["ashkelon-jewish-eye-festival"]
    assert slugs(search("الجائزه الكبرى"), "awards")


def test_festivals_by_acronym_and_city_people_and_award_categories(seed):
    assert slugs(search("ficmec"), "festivals") == ["ficmec"]
    assert slugs(search("الناظور"), "festivals") == ["ficmec"]
    assert slugs(search("hachkar"), "people") == ["kamal-hachkar"]
    assert slugs(search("هشكار"), "people") == ["kamal-hachkar"]
    assert slugs(search("pomegranate"), "awards") == ["new-york-sephardic-2015-pomegranate-award"]
    assert slugs(search("séfarade"), "festivals") == ["new-york-sephardic-jewish-film-festival"]


def test_every_word_must_match(seed):
    assert slugs(search("mellah pays"), "films") == []


def test_unpublished_and_future_objects_are_not_found(db):
    from datetime import timedelta

    from django.utils import timezone

    FilmFactory(title_fr="Zyxwv caché", is_published=False)
    FilmFactory(title_fr="Zyxwv futur", published_at=timezone.now() + timedelta(days=1))
    PersonFactory(name_fr="Zyxwv", is_published=False)
    FestivalFactory(name_fr="Zyxwv", is_published=False)
    AwardFactory(category_fr="Zyxwv", is_published=False)
    AwardFactory(category_fr="Zyxwv visible", film=FilmFactory(is_published=False))
    assert search("zyxwv")["count"] == 0


# --- the page -----------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("name,url_name,kwargs,query", PAGE_TYPES, ids=[p[0] for p in PAGE_TYPES])
def test_every_page_has_the_search_box(client, seed, code, name, url_name, kwargs, query):
    html = client.get(page_url(code, url_name, kwargs, query)).content.decode()
    form = re.search(r'<form class="site-search" role="search" action="([^"]+)" method="get">', html)
    assert form and form.group(1) == f"/{code}/search/"
    assert '<label class="visually-hidden" for="site-search-q">' in html


@pytest.mark.parametrize(
    "code,shown", [("fr", "Tinghir-Jérusalem : Les Échos du mellah"), ("ar", "تنغير - جيروزاليم: أصداء الملاح"), ("en", "Tinghir-Jerusalem: The Echoes of the Mellah")]
)
def test_results_are_shown_in_the_visitors_language(client, seed, code, shown):
    # An Arabic query on a French page, a French one on an Arabic page: the result is in the page's language.
    query = "اصداء" if code != "ar" else "echos"
    html = client.get(f"/{code}/search/", {"q": query}).content.decode()
    assert f'<a href="/{code}/films/tinghir-jerusalem/">{for_language(shown, code)}</a>' in html


@pytest.mark.parametrize("code,original_shown", [("fr", False), ("ar", True), ("en", True)])
def test_a_film_s_original_title_is_not_repeated_after_its_own_title(client, seed, code, original_shown):
    # The film is French: on the French page its title is the original title already.
    html = client.get(f"/{code}/search/", {"q": "tinghir"}).content.decode()
    original = for_language("Tinghir-Jérusalem : Les Échos du mellah", "fr")
    assert (f'<bdi lang="fr">{original}</bdi>' in html) is original_shown
    assert "2013 · " in html if original_shown else "2013 ·" not in html


def test_a_search_is_kept_in_the_header_box(client, seed):
    html = client.get("/en/search/", {"q": "mellah"}).content.decode()
    assert 'id="site-search-q" type="search" name="q" value="mellah"' in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "é " * 3_000,
        "' OR 1=1 --",
        "%",
        "_",
        "\\",
        "a\x00b",
        "<script>alert(1)</script>",
        "ـــ ُ ِ",  # only tatweel and diacritics
        "?!…",
        "%00",
        "a" * 5 + " b" * 100,
    ],
)
def test_odd_queries_get_a_clear_page(client, seed, query):
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert 'role="status"' in html


def test_invalid_utf8_in_the_address_gets_a_page(client, seed):
    assert client.get("/ar/search/?q=%ED%A0%80%FF%C3").status_code == 200


def test_long_query_is_shortened_and_said_so(seed):
    query, terms, shortened = clean_query("mellah " * 100)
    assert len(query) <= MAX_QUERY_LENGTH and shortened and terms == ["mellah"]


def test_empty_and_nothing_found_messages(client, seed):
    assert "Nothing found" not in client.get("/en/search/").content.decode()
    assert client.get("/en/search/", {"q": "qqqqzzz"}).status_code == 200


def test_hostile_query_parameters_are_not_patterns(seed):
    # % and _ are LIKE wildcards: they must be searched for literally (and here match nothing).
    assert search("%")["count"] == 0
    assert search("_")["count"] == 0


def test_search_costs_one_query_per_kind_whatever_the_data(client, db):
    for index in range(3):
        AwardFactory(category_fr=f"Prix commun {index}")
    client.get("/fr/search/", {"q": "commun"})  # once first: the site-wide facts are worked out once
    with CaptureQueriesContext(connection) as few:
        assert client.get("/fr/search/", {"q": "commun"}).status_code == 200
    for index in range(15):
        AwardFactory(category_fr=f"Prix commun encore {index}", film=FilmFactory(title_fr=f"Commun {index}"))
    with CaptureQueriesContext(connection) as many:
        html = client.get("/fr/search/", {"q": "commun"}).content.decode()
    assert "Commun 14" in html
    assert len(many) == len(few)
