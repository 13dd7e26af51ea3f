"""Addresses reversed once per process are still each language's, each slug's and each
URLconf's own."""

import pytest
from django.test import override_settings
from django.urls import get_script_prefix, include, path, reverse, set_script_prefix
from django.utils import translation

from core.paths import _reverse, page_path
from tests.factories import FilmFactory


def other_page(request, slug):  # pragma: no cover - only reversed
    raise AssertionError


urlpatterns = [path("elsewhere/", include(([path("<slug:slug>/", other_page, name="detail")], "films")))]


@pytest.mark.django_db
def test_a_film_has_its_address_in_each_language_and_a_new_one_with_a_new_slug():
    film = FilmFactory(slug="tinghir-jerusalem")
    addresses = {}
    for code in ("fr", "ar", "en"):
        with translation.override(code):
            addresses[code] = film.get_absolute_url()
            assert addresses[code] == reverse("films:detail", kwargs={"slug": "tinghir-jerusalem"})
    assert addresses == {
        "fr": "/fr/films/tinghir-jerusalem/",
        "ar": "/ar/films/tinghir-jerusalem/",
        "en": "/en/films/tinghir-jerusalem/",
    }
    film.slug = "tinghir-jerusalem-2013"
    with translation.override("ar"):
        assert film.get_absolute_url() == "/ar/films/tinghir-jerusalem-2013/"


def test_the_address_is_worked_out_once_per_language():
    _reverse.cache_clear()
    with translation.override("fr"):
        for _ in range(3):
            assert page_path("films:detail", kwargs={"slug": "x"}) == "/fr/films/x/"
    with translation.override("en"):
        assert page_path("films:detail", kwargs={"slug": "x"}) == "/en/films/x/"
    info = _reverse.cache_info()
    assert (info.misses, info.hits) == (2, 2)


def test_another_urlconf_gets_its_own_addresses():
    with translation.override("fr"):
        assert page_path("films:detail", kwargs={"slug": "x"}) == "/fr/films/x/"
        with override_settings(ROOT_URLCONF=__name__):
            assert page_path("films:detail", kwargs={"slug": "x"}) == "/elsewhere/x/"
        assert page_path("films:detail", kwargs={"slug": "x"}) == "/fr/films/x/"


def test_the_script_prefix_is_part_of_the_address():
    previous = get_script_prefix()
    try:
        set_script_prefix("/site/")
        with translation.override("en"):
            assert page_path("films:detail", kwargs={"slug": "x"}) == "/site/en/films/x/"
    finally:
        set_script_prefix(previous)
    with translation.override("en"):
        assert page_path("films:detail", kwargs={"slug": "x"}) == "/en/films/x/"
