"""The career at a glance: the years with films and awards, readable on a phone in both directions."""

import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from filmmaker.timeline import build_timeline
from tests.factories import AwardFactory, CreditFactory, FilmFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


def film(year, title="Film"):
    return SimpleNamespace(year=year, title=title)


def award(year):
    return SimpleNamespace(year=year, several=False)


def test_years_in_order_with_films_and_awards_and_unknown_years_apart():
    rows = [{"film": film(2019)}, {"film": film(2013)}]
    awards = [award(2013), award(2015), award(None), award(2013)]
    timeline = build_timeline(rows, awards)
    assert [row["year"] for row in timeline["rows"]] == [2013, 2015, 2019]
    assert [len(row["awards"]) for row in timeline["rows"]] == [2, 1, 0]
    assert [len(row["films"]) for row in timeline["rows"]] == [1, 0, 1]
    assert timeline["film_count"] == 2 and timeline["award_count"] == 4 and timeline["unknown_count"] == 1


def test_no_timeline_without_dated_work():
    assert build_timeline([], [award(None)]) is None


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_person_page_shows_the_years_with_films_named_and_awards_counted(client, seed, code):
    html = client.get(f"/{code}/people/kamal-hachkar/").content.decode()
    career = html[html.index('class="career"') : html.index('id="filmography"')]
    # A group that can be scrolled with the keyboard, and an ordered list of years.
    assert 'role="group" aria-labelledby="timeline-heading" tabindex="0"' in career
    years = re.findall(r'<span class="career__label">([^<]+)</span>', career)
    assert years[:3] == ["2013", "2015", "2019"] and len(years) == 4  # and "year not known"
    assert career.count('class="career__film"') == 2
    assert career.count(f'href="/{code}/films/') == 2
    # The awards are counted and lead to the one list that names them.
    assert career.count('class="career__awards"><a href="#awards">') == 3


def test_timeline_costs_no_extra_query(client, db):
    director = RoleFactory(slug="director")
    person = PersonFactory()
    first = FilmFactory(year=2010)
    CreditFactory(person=person, film=first, role=director)
    AwardFactory(film=first, year=2010)
    client.get(person.get_absolute_url())  # once first: the site-wide facts are worked out once
    with CaptureQueriesContext(connection) as few:
        client.get(person.get_absolute_url())
    for year in range(2011, 2020):
        f = FilmFactory(year=year)
        CreditFactory(person=person, film=f, role=director)
        AwardFactory(film=f, year=year)
    with CaptureQueriesContext(connection) as many:
        html = client.get(person.get_absolute_url()).content.decode()
    assert html.count('class="career__film"') == 10 and html.count('class="career__awards"') == 10
    assert len(many) == len(few)
