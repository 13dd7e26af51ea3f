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


# The session and user, the film (with its translation state and versions), its sources, its
# first credits and awards with their people, roles, festivals and sources, and the
# concurrency fingerprint.
# Counts include saving the staff session's sliding expiry (filmmaker.middleware).
FILM_CHANGE_QUERIES = 20
CHANGELIST_QUERIES = 12


def test_film_change_form_queries_do_not_grow_with_800_awards_and_300_credits(
    admin_client, kamal, django_assert_max_num_queries
):
    from awards.models import Festival
    from films.models import Film
    from tests.admin_growth import add_awards, add_credits

    film = Film.objects.get(slug="tinghir-jerusalem")
    url = reverse("admin:films_film_change", args=[film.pk])
    with django_assert_max_num_queries(FILM_CHANGE_QUERIES):
        assert admin_client.get(url).status_code == 200
    add_awards(Festival.objects.get(slug="ficmec"), film=film)
    add_credits(kamal)
    with django_assert_max_num_queries(FILM_CHANGE_QUERIES):
        response = admin_client.get(url)
    awards = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "awards")
    assert len(awards.forms) == 20 and awards.total_count == film.awards.count()
    assert f"?film__id__exact={film.pk}" in response.content.decode()


@pytest.mark.parametrize("name", ["films_film_changelist", "films_credit_changelist"])
def test_film_and_credit_changelists_cost_the_same_with_300_credits(admin_client, kamal, django_assert_max_num_queries, name):
    from tests.admin_growth import add_credits

    url = reverse(f"admin:{name}")
    with django_assert_max_num_queries(CHANGELIST_QUERIES):
        assert admin_client.get(url).status_code == 200
    add_credits(kamal)
    with django_assert_max_num_queries(CHANGELIST_QUERIES):
        assert admin_client.get(url).status_code == 200


def test_see_all_credits_link_shows_the_chosen_person_as_an_active_filter(admin_client, kamal):
    with translation.override("fr"):
        listing_url = reverse("admin:films_credit_changelist")
    response = admin_client.get(listing_url, {"person__id__exact": kamal.pk})
    assert response.status_code == 200
    assert {credit.person_id for credit in response.context["cl"].result_list} == {kamal.pk}
    html = response.content.decode()
    # The filter panel is open and names the person, with a way back to every credit.
    assert '<details class="changelist-filter-panel" open>' in html
    assert "Kamal Hachkar" in html and "Effacer tous les filtres" in html
    # A hand-typed value finds nothing instead of failing.
    assert admin_client.get(listing_url, {"person__id__exact": "abc"}).status_code in (200, 302)
