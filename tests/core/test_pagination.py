"""KeyPaginator: the pages of Django's Paginator, each read through its keys in one query."""

import pytest
from django.core.paginator import EmptyPage, Paginator

from core.pagination import KeyPaginator
from films.models import Film
from tests.factories import FilmFactory

pytestmark = pytest.mark.django_db


def test_pages_hold_what_django_pages_hold_in_the_same_order(django_assert_num_queries):
    for n in range(23):
        FilmFactory(slug=f"film-{n:02}", year=2000 + n % 4)
    films = Film.objects.published().select_related("genre").order_by("-year", "slug")
    plain, keyed = Paginator(films, 5), KeyPaginator(films, 5)
    assert keyed.num_pages == plain.num_pages == 5
    for number in keyed.page_range:
        with django_assert_num_queries(1):
            shown = [(film.slug, film.genre.slug) for film in keyed.page(number)]
        assert shown == [(film.slug, film.genre.slug) for film in plain.page(number)]
    with pytest.raises(EmptyPage):
        keyed.page(6)


def test_orphans_and_plain_lists_are_paged_as_django_pages_them():
    FilmFactory.create_batch(11)
    films = Film.objects.order_by("slug")
    assert list(KeyPaginator(films, 5, orphans=1).page(2)) == list(Paginator(films, 5, orphans=1).page(2))
    assert list(KeyPaginator(list(range(11)), 5).page(3)) == [10]
