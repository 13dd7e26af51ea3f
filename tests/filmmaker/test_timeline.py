"""The career timeline: an accessible SVG drawn on the server, mirrored in Arabic."""

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
    return SimpleNamespace(year=year)


def xs(timeline):
    return {tick["year"]: int(tick["x"]) for tick in timeline["ticks"]}


def test_years_run_left_to_right_in_french_and_right_to_left_in_arabic():
    rows = [{"film": film(2013)}, {"film": film(2019)}]
    awards = [award(2013), award(2015), award(None)]
    with translation.override("fr"):
        ltr = build_timeline(rows, awards)
    with translation.override("ar"):
        rtl = build_timeline(rows, awards)
    assert xs(ltr)[2013] < xs(ltr)[2015] < xs(ltr)[2019]
    assert xs(rtl)[2013] > xs(rtl)[2015] > xs(rtl)[2019]
    width = int(ltr["width"])
    assert all(xs(rtl)[year] == width - x for year, x in xs(ltr).items())
    assert [t["year"] for t in ltr["ticks"]] == list(range(2013, 2020))
    assert ltr["film_count"] == 2 and ltr["award_count"] == 3 and ltr["unknown_count"] == 1
    assert [row["year"] for row in ltr["rows"]] == [2013, 2015, 2019]


def test_awards_of_the_same_year_are_stacked_not_overlapping():
    with translation.override("en"):
        timeline = build_timeline([{"film": film(2013)}], [award(2013), award(2013), award(2013)])
    assert len({mark["path"] for mark in timeline["awards"]}) == 3


def test_coordinates_never_use_a_decimal_comma():
    with translation.override("fr"):
        timeline = build_timeline([{"film": film(2001)}, {"film": film(2002)}], [])
    assert all(re.fullmatch(r"-?\d+", tick["x"]) for tick in timeline["ticks"])


def test_no_timeline_without_dated_work():
    assert build_timeline([], [award(None)]) is None


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_person_page_shows_an_accessible_svg_and_its_text_equivalent(client, seed, code):
    html = client.get(f"/{code}/people/kamal-hachkar/").content.decode()
    svg = re.search(r"<svg class=\"timeline__chart\"(.*?)</svg>", html, re.S)
    assert svg
    assert 'role="img" aria-labelledby="timeline-title timeline-desc"' in svg.group(0)
    assert '<title id="timeline-title">' in svg.group(0) and '<desc id="timeline-desc">' in svg.group(0)
    assert svg.group(0).count('class="timeline__film"') == 2
    assert svg.group(0).count('class="timeline__award"') == 3  # the four awards of unknown year are not drawn
    listing = html.split('class="timeline__list"')[1].split("</ol>")[0]
    assert listing.count('href="/%s/films/' % code) == 2
    assert listing.count('class="timeline__list-year"') == 4  # 2013, 2015, 2019 and "year not known"
    years = re.findall(r'<text class="timeline__year[^"]*" x="(\d+)"[^>]*>(\d{4})</text>', svg.group(0))
    positions = {int(year): int(x) for x, year in years}
    if code == "ar":
        assert positions[2013] > positions[2019]
    else:
        assert positions[2013] < positions[2019]


def test_timeline_costs_no_extra_query(client, db):
    director = RoleFactory(slug="director")
    person = PersonFactory()
    CreditFactory(person=person, film=FilmFactory(year=2010), role=director)
    with CaptureQueriesContext(connection) as few:
        client.get(person.get_absolute_url())
    for year in range(2011, 2020):
        f = FilmFactory(year=year)
        CreditFactory(person=person, film=f, role=director)
        AwardFactory(film=f, year=year)
    with CaptureQueriesContext(connection) as many:
        html = client.get(person.get_absolute_url()).content.decode()
    assert html.count('class="timeline__film"') == 10
    assert len(many) == len(few)
