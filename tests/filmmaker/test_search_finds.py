"""Search finds what a reader types: places, schools, words of a biography or synopsis,
years, countries; shows the passage that matched; suggests something when nothing matched."""

import pytest

from filmmaker.search import search
from tests.factories import FestivalFactory
from tests.rendered import LANGUAGES

pytestmark = pytest.mark.django_db


def slugs(result, kind):
    return [obj.slug for obj in result["results"].get(kind, {}).get("items", [])]


@pytest.mark.parametrize("query", ["Tinghir", "tinghir", "تنغير", "تَنْغِير"])
def test_the_birthplace_finds_the_person_and_the_film(seed, query):
    result = search(query)
    assert slugs(result, "people") == ["kamal-hachkar"]
    assert slugs(result, "films") == ["tinghir-jerusalem"]


@pytest.mark.parametrize(
    "query,kind,expected",
    [
        ("Sorbonne", "people", ["kamal-hachkar"]),  # a school, in the biography
        ("السوربون", "people", ["kamal-hachkar"]),
        ("berbère", "people", ["kamal-hachkar"]),
        ("berbere", "films", ["tinghir-jerusalem"]),  # a word of the synopsis, accents ignored
        ("Berber", "films", ["tinghir-jerusalem"]),
        ("الأمازيغية", "films", ["tinghir-jerusalem"]),
        ("2013", "films", ["tinghir-jerusalem"]),
        ("٢٠١٣", "films", ["tinghir-jerusalem"]),
        ("2019", "films", ["in-your-eyes-i-see-my-country"]),
        ("protectorat", "films", ["tinghir-jerusalem"]),
    ],
)
def test_people_by_their_biography_films_by_synopsis_and_year(seed, query, kind, expected):
    assert slugs(search(query), kind) == expected


@pytest.mark.parametrize("query", ["Maroc", "Morocco", "المغرب", "maroc"])
def test_festivals_by_country_in_every_language(seed, query):
    found = slugs(search(query), "festivals")
    assert {"ficmec", "moroccan-national-film-festival"} <= set(found)
    assert "new-york-sephardic-jewish-film-festival" not in found


@pytest.mark.parametrize("query", ["New York", "نيويورك", "États-Unis", "United States"])
def test_festivals_by_city_and_country(seed, query):
    assert "new-york-sephardic-jewish-film-festival" in slugs(search(query), "festivals")


@pytest.mark.parametrize("code,query", [("fr", "sorbonne"), ("ar", "السوربون"), ("en", "Sorbonne")])
def test_the_matching_passage_is_shown_with_the_match_marked(client, seed, code, query):
    html = client.get(f"/{code}/search/", {"q": query}).content.decode()
    assert f'<a href="/{code}/people/kamal-hachkar/">' in html
    snippet = html[html.index('class="search-snippet"') :].split("</p>", 1)[0]
    assert f'lang="{code}"' in snippet
    assert "<mark>" in snippet
    marked = snippet.split("<mark>", 1)[1].split("</mark>", 1)[0]
    assert marked.casefold() in {"sorbonne", "السوربون"}


def test_the_match_in_a_title_is_marked_too(client, seed):
    html = client.get("/en/search/", {"q": "hachkar"}).content.decode()
    assert '<a href="/en/people/kamal-hachkar/">Kamal <mark>Hachkar</mark></a>' in html


def test_an_accented_match_is_marked_on_the_accented_letters(client, seed):
    html = client.get("/fr/search/", {"q": "berbere"}).content.decode()
    assert "<mark>berbère</mark>" in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_one_search_box_on_the_results_page(client, seed, code):
    html = client.get(f"/{code}/search/", {"q": "tinghir"}).content.decode()
    assert html.count('type="search"') == 1
    assert 'value="tinghir"' in html


@pytest.mark.parametrize("query,suggested", [("tinghri", "tinghir"), ("sorbone", "sorbonne"), ("hachkr", "hachkar")])
def test_a_misspelling_gets_a_suggestion(client, seed, query, suggested):
    result = search(query)
    assert result["count"] == 0
    assert result["suggestions"]["query"] == suggested
    html = client.get("/en/search/", {"q": query}).content.decode()
    assert f'<a href="?q={suggested}">' in html


def test_nothing_found_lists_the_closest_titles(client, seed):
    html = client.get("/fr/search/", {"q": "mellahs echoes tinghiro"}).content.decode()
    assert "Les noms et titres les plus proches" in html
    assert '<a href="/fr/films/tinghir-jerusalem/">' in html


def test_suggestions_are_asked_only_when_nothing_is_found(seed, django_assert_max_num_queries):
    # One query per kind of result, and the people's biographies for their passages.
    with django_assert_max_num_queries(5):
        assert search("tinghir")["suggestions"] == {}


def test_a_country_is_not_matched_by_a_tiny_fragment(db):
    FestivalFactory(slug="somewhere", country="MA", name_fr="Quelque part")
    assert slugs(search("ma"), "festivals") == []


def test_a_passage_in_another_language_is_marked_with_its_language(client, seed):
    # A Latin query on the Arabic page matches the French text: shown as French, left to right.
    html = client.get("/ar/search/", {"q": "sorbonne"}).content.decode()
    assert '<p class="search-snippet" lang="fr" dir="ltr">' in html
