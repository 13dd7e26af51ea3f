"""A prolific person's page lists the most recent films and a bounded list of awards, says
there are more, and costs the same queries as anyone's."""

import re

import pytest
from django.test.utils import CaptureQueriesContext
from django.db import connection

from filmmaker.award_groups import FESTIVALS_PER_FILM
from filmmaker.filmography import PERSON_PAGE_CREDITS
from tests.factories import AwardFactory, CreditFactory, FilmFactory, PersonFactory
from tests.rendered import LANGUAGES, tables, text, url

pytestmark = pytest.mark.django_db

NOTE = {
    "fr": "Seuls les films les plus récents sont présentés ici.",
    "ar": "لا تُعرض هنا إلا أحدث الأفلام.",
    "en": "Only the most recent films are listed here.",
}


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_a_prolific_person_page_is_summarised(client):
    person = PersonFactory(slug="prolific")
    small = PersonFactory(slug="modest")
    for year in range(1900, 1900 + PERSON_PAGE_CREDITS + 10):
        film = FilmFactory(year=year, title_en=f"Film of {year}")
        CreditFactory(person=person, film=film)
    CreditFactory(person=small, film=FilmFactory(year=2000))
    for index in range(FESTIVALS_PER_FILM + 10):
        AwardFactory(person=person, film=None, year=1950 + index % 70, slug=f"prize-{index}")
    AwardFactory(person=small, film=None, year=2001)

    for code in LANGUAGES:
        page = client.get(url(code, "people:detail", slug="prolific"))
        shown = text(page)
        assert NOTE[code] in shown
        filmography = tables(page)[0]
        assert len(filmography["rows"]) == PERSON_PAGE_CREDITS
        # Awards given to the person alone: a festival row each, at most FESTIVALS_PER_FILM shown.
        shown_awards = set(re.findall(r'id="award-(prize-\d+)"', page.content.decode()))
        assert 0 < len(shown_awards) <= FESTIVALS_PER_FILM
        # The newest years are the ones kept.
        assert shown_awards == {f"prize-{index}" for index in range(10, FESTIVALS_PER_FILM + 10)}
    # The most recent films, in career order.
    english = text(client.get(url("en", "people:detail", slug="prolific")))
    last = 1900 + PERSON_PAGE_CREDITS + 9
    assert f"Film of {last}" in english and "Film of 1900" not in english
    assert english.index(f"Film of {last - 1}") < english.index(f"Film of {last}")
    # The rows cut in the database are still counted: 18 festival rows, 8 shown.
    assert "10 more festivals: see every award" in english
    assert NOTE["en"] not in text(client.get(url("en", "people:detail", slug="modest")))
    assert queries(client, url("fr", "people:detail", slug="prolific")) == queries(client, url("fr", "people:detail", slug="modest"))


def test_a_film_s_award_rows_are_cut_and_shown_in_the_award_list_s_order(client):
    """Newest year first, then by festival as the awards page reads them; the rows past
    FESTIVALS_PER_FILM are the ones left out, whatever the order they were added in."""
    from awards.models import Award
    from tests.factories import FestivalFactory

    person = PersonFactory(slug="busy")
    film = FilmFactory(year=2010)
    CreditFactory(person=person, film=film)
    # One year, more festivals than a film shows, created in reverse order of their slugs.
    for index in reversed(range(FESTIVALS_PER_FILM + 2)):
        festival = FestivalFactory(slug=f"festival-{index:02d}")
        AwardFactory(film=film, person=None, year=2012, festival=festival, slug=f"same-year-{index:02d}")
    AwardFactory(film=film, person=None, year=None, slug="undated")

    page = client.get(url("en", "people:detail", slug="busy"))
    shown = re.findall(r'id="award-(same-year-\d+|undated)"', page.content.decode())
    expected = [award.slug for award in Award.objects.published().filter(film=film).in_reading_order()]
    assert shown == expected[:FESTIVALS_PER_FILM]
    assert "undated" not in shown
    assert "3 more festivals: see every award" in text(page)
