"""The film admin: credits and awards edited on the film's page, status per film."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.admin_forms import admin_form_data
from tests.factories import AwardFactory, CreditFactory, FilmFactory, GenreFactory

pytestmark = pytest.mark.django_db


def test_film_page_edits_credits_and_awards_inline(admin_client):
    film = FilmFactory()
    CreditFactory(film=film)
    AwardFactory(film=film, category_ar="جائزة")
    with translation.override("ar"):
        response = admin_client.get(reverse("admin:films_film_change", args=[film.pk]))
    prefixes = {inline.formset.prefix for inline in response.context["inline_admin_formsets"]}
    assert prefixes == {"credits", "awards"}
    html = response.content.decode()
    assert 'name="awards-0-category_ar"' in html


def test_adding_a_film_in_the_admin_records_its_status(admin_client):
    genre = GenreFactory(slug="documentary")
    with translation.override("en"):
        add_url = reverse("admin:films_film_add")
    data = admin_form_data(admin_client.get(add_url))
    data.update(
        {"title_fr": "Nouveau", "title_ar": "", "title_en": "New", "slug": "new", "year": "2020", "genre": genre.pk}
    )
    assert admin_client.post(add_url, data).status_code == 302
    with translation.override("en"):
        listing = admin_client.get(reverse("admin:films_film_changelist"), {"translation": "missing-ar"})
    assert [film.slug for film in listing.context["cl"].result_list] == ["new"]


def test_genre_and_role_changelists_have_badges(admin_client):
    GenreFactory(name_ar="")
    with translation.override("fr"):
        html = admin_client.get(reverse("admin:films_genre_changelist")).content.decode()
    assert "tr-badge--missing" in html
