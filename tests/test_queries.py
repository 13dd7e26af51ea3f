"""Each public page costs a fixed number of SQL queries, however much content the site holds.

A page that queries once per film or per award gets slower as the filmography grows; here the
count with the seed content must equal the count with ten times more films and awards.
"""

import pytest

from awards.models import Award, Festival
from filmmaker.filmography import PERSON_PAGE_CREDITS
from films.models import Film
from tests.factories import (
    AwardFactory,
    CreditFactory,
    FestivalFactory,
    FilmFactory,
    RoleFactory,
    SourceFactory,
)
from tests.rendered import LANGUAGES, url

pytestmark = pytest.mark.django_db

# (URL name, arguments, expected status, queries)
PAGES = [
    # The featured person, their latest films, their latest awards.
    ("home", {}, 200, 4),
    # The page count, the people, their occupations, their credits with films.
    ("people:list", {}, 200, 4),
    # The person with their biography, occupations and nationalities; their credits with the
    # films' and their own sources; which awards to list; those awards.
    ("people:detail", {"slug": "kamal-hachkar"}, 200, 4),
    # The page count, the page's films, their credits.
    ("films:list", {}, 200, 3),
    # The film, its sources, credits, awards.
    ("films:detail", {"slug": "tinghir-jerusalem"}, 200, 4),
    # The page count and the page's festivals with their award counts; the festival with its
    # awards; the page count and the page's awards.
    ("awards:festival_list", {}, 200, 2),
    ("awards:festival_detail", {"slug": "ficmec"}, 200, 2),
    ("awards:list", {}, 200, 2),
]
NOT_FOUND_QUERIES = 0
# Lists long enough, once grown, to have a second page.
LISTS = ("films:list", "awards:festival_list", "awards:list")


def grow(kamal, factor=10):
    """Add films, credits, festivals and awards until there are ``factor`` times as many."""
    director, writer = RoleFactory(slug="director"), RoleFactory(slug="writer")
    tinghir = Film.objects.get(slug="tinghir-jerusalem")
    ficmec = Festival.objects.get(slug="ficmec")
    films = [tinghir]
    for n in range((factor - 1) * Film.objects.count()):
        film = FilmFactory(slug=f"extra-film-{n}", year=1990 + n % 30)
        film.sources.add(SourceFactory())
        CreditFactory(film=film, person=kamal, role=director, order=1)
        CreditFactory(film=film, person=kamal, role=writer, order=2).sources.add(SourceFactory())
        films.append(film)
    festivals = [ficmec]
    for n in range((factor - 1) * Festival.objects.count()):
        festivals.append(FestivalFactory(slug=f"extra-festival-{n}", city_fr="Ville", country="MA"))
    for n in range((factor - 1) * Award.objects.count()):
        AwardFactory(
            slug=f"extra-award-{n}",
            festival=festivals[n % len(festivals)] if n % 3 else ficmec,
            film=films[n % len(films)] if n % 5 else tinghir,
            person=kamal if n % 4 == 0 else None,
            year=None if n % 6 == 0 else 2000 + n % 20,
        )


def assert_counts(client, django_assert_num_queries):
    # Each page once first: the first request after a change also works out the site-wide
    # facts (core.page_cache.remember), and a new connection checks its database's features.
    for name, kwargs, _status, _queries in PAGES:
        client.get(url("fr", name, **kwargs))
    for code in LANGUAGES:
        for name, kwargs, status, queries in PAGES:
            with django_assert_num_queries(queries):
                response = client.get(url(code, name, **kwargs))
            assert response.status_code == status, (code, name)
        with django_assert_num_queries(NOT_FOUND_QUERIES):
            assert client.get(f"/{code}/no-such-page/").status_code == 404


def test_query_counts_with_the_seed_content(client, seed, django_assert_num_queries):
    assert_counts(client, django_assert_num_queries)


def test_query_counts_do_not_grow_with_ten_times_more_content(client, seed, django_assert_num_queries):
    films, awards = Film.objects.count(), Award.objects.count()
    grow(seed)
    assert Film.objects.count() == 10 * films
    assert Award.objects.count() == 10 * awards
    assert_counts(client, django_assert_num_queries)


def test_the_grown_site_really_shows_the_extra_content(client, seed):
    """Guards the test above: the same count must not come from pages that ignore the new rows."""
    grow(seed)
    home = client.get(url("en", "home")).content.decode()
    assert home.count('<li class="card card--picture">') == 12, "the home page shows the latest films only"
    person = client.get(url("en", "people:detail", slug="kamal-hachkar")).content.decode()
    # The person's page lists their most recent films only (PERSON_PAGE_CREDITS of them).
    assert person.count("/en/films/extra-film-") >= PERSON_PAGE_CREDITS - 2
    # The award list shows them a page at a time.
    awards = "".join(client.get(url("en", "awards:list") + query).content.decode() for query in ("", "?page=2"))
    assert awards.count('id="award-extra-award-') == 63
    festival = client.get(url("en", "awards:festival_detail", slug="ficmec")).content.decode()
    assert festival.count('id="award-extra-award-') >= 21
    film = client.get(url("en", "films:detail", slug="tinghir-jerusalem")).content.decode()
    assert film.count('id="award-extra-award-') >= 13


def test_a_later_page_of_a_list_costs_what_the_first_costs(client, seed, django_assert_num_queries):
    """A page deep in a list is read through the page's keys: it costs the queries of the first."""
    grow(seed)
    FilmFactory.create_batch(10)
    client.get(url("fr", "home"))  # the site-wide facts are worked out once (core.page_cache.remember)
    lists = [(name, queries) for name, _kwargs, _status, queries in PAGES if name in LISTS]
    assert len(lists) == len(LISTS)
    for code in LANGUAGES:
        for name, queries in lists:
            for query in ("?page=2", "?page=last"):
                with django_assert_num_queries(queries):
                    response = client.get(url(code, name) + query)
                assert response.status_code == 200, (code, name, query)


def test_a_missing_object_costs_one_query(client, seed, django_assert_num_queries):
    client.get(url("fr", "home"))  # the site-wide facts are worked out once (core.page_cache.remember)
    for code in LANGUAGES:
        with django_assert_num_queries(1):
            assert client.get(url(code, "films:detail", slug="no-such-film")).status_code == 404
