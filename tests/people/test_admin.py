"""The person admin stays fast and usable however many credits a person has."""

import pytest
from django.urls import reverse
from django.utils import translation

from films.models import Credit
from tests.admin_growth import CREDITS, add_credits

pytestmark = pytest.mark.django_db

# The session and user, the person (with its translation state and versions), its occupations,
# nationalities and biography, its first credits with their films, roles and sources, the
# concurrency fingerprint (the person, its sections, its credits and their sources).
# Includes saving the staff session's sliding expiry (filmmaker.middleware).
PERSON_CHANGE_QUERIES = 22


def change_url(person):
    with translation.override("fr"):
        return reverse("admin:people_person_change", args=[person.pk])


def test_person_change_form_queries_do_not_grow_with_300_credits(admin_client, kamal, django_assert_max_num_queries):
    with django_assert_max_num_queries(PERSON_CHANGE_QUERIES):
        assert admin_client.get(change_url(kamal)).status_code == 200
    add_credits(kamal)
    with django_assert_max_num_queries(PERSON_CHANGE_QUERIES):
        response = admin_client.get(change_url(kamal))
    assert response.status_code == 200


def test_a_long_credits_inline_shows_the_first_rows_and_links_to_all(admin_client, kamal):
    add_credits(kamal)
    total = Credit.objects.filter(person=kamal).count()
    assert total >= CREDITS
    response = admin_client.get(change_url(kamal))
    formset = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "credits")
    assert len(formset.forms) == 20
    # The most recent films first.
    years = [form.instance.film.year for form in formset.forms]
    assert years == sorted(years, reverse=True)
    html = response.content.decode()
    assert f"Les 20 premiers crédits sur {total} sont affichés ici." in html
    with translation.override("fr"):
        all_url = f"{reverse('admin:films_credit_changelist')}?person__id__exact={kamal.pk}"
    assert f'href="{all_url}"' in html
    # The link leads to exactly this person's credits.
    listing = admin_client.get(all_url)
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == total


def test_saving_a_person_with_many_credits_keeps_the_credits_not_shown(admin_client, kamal):
    from tests.admin_forms import admin_form_data

    add_credits(kamal)
    before = Credit.objects.filter(person=kamal).count()
    data = admin_form_data(admin_client.get(change_url(kamal)))
    data["summary_fr"] = "Réalisateur."
    response = admin_client.post(change_url(kamal), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert Credit.objects.filter(person=kamal).count() == before
    kamal.refresh_from_db()
    assert kamal.summary_fr == "Réalisateur."


def test_credit_rows_show_their_film_and_role_without_a_query_each(admin_client, kamal):
    html = admin_client.get(change_url(kamal)).content.decode()
    credit = Credit.objects.filter(person=kamal).select_related("film", "role").first()
    # The chosen film and role are rendered as the selected options of their widgets.
    assert f'<option value="{credit.film.pk}" selected>{credit.film}</option>' in html
    assert f'<option value="{credit.role.pk}" selected>{credit.role}</option>' in html
