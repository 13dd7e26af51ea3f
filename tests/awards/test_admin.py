"""The festival and award admins: status badges, filters and inlines in three languages."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import AwardFactory, FestivalFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_award_changelist_filters_missing_english(admin_client, lang):
    AwardFactory(slug="complete")
    AwardFactory(slug="no-english", category_en="")
    with translation.override(lang):
        response = admin_client.get(reverse("admin:awards_award_changelist"), {"translation": "missing-en"})
    assert response.status_code == 200
    assert [award.slug for award in response.context["cl"].result_list] == ["no-english"]


def test_award_notes_written_in_one_language_are_missing_in_the_others(admin_client):
    AwardFactory(slug="with-notes", notes_fr="Remis par le jury.")
    with translation.override("en"):
        response = admin_client.get(reverse("admin:awards_award_changelist"), {"translation": "missing-ar"})
    assert [award.slug for award in response.context["cl"].result_list] == ["with-notes"]


def test_festival_page_lists_its_awards_with_arabic_inputs_right_to_left(admin_client):
    festival = FestivalFactory()
    AwardFactory(festival=festival)
    with translation.override("fr"):
        html = admin_client.get(reverse("admin:awards_festival_change", args=[festival.pk])).content.decode()
    assert 'name="awards-0-category_ar"' in html
    tag = html[html.index('name="awards-0-category_ar"') - 300 : html.index('name="awards-0-category_ar"') + 300]
    assert 'dir="rtl"' in tag and 'lang="ar"' in tag


# The session and user, the festival (with its translation state and versions), its first
# awards with their films and people, and the concurrency fingerprint.
# Counts include saving the staff session's sliding expiry (filmmaker.middleware).
FESTIVAL_CHANGE_QUERIES = 13
CHANGELIST_QUERIES = 12


def test_festival_change_form_queries_do_not_grow_with_800_awards(admin_client, seed, django_assert_max_num_queries):
    from awards.models import Festival
    from tests.admin_growth import AWARDS, add_awards

    festival = Festival.objects.get(slug="ficmec")
    url = reverse("admin:awards_festival_change", args=[festival.pk])
    with django_assert_max_num_queries(FESTIVAL_CHANGE_QUERIES):
        assert admin_client.get(url).status_code == 200
    add_awards(festival)
    with django_assert_max_num_queries(FESTIVAL_CHANGE_QUERIES):
        response = admin_client.get(url)
    formset = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "awards")
    assert len(formset.forms) == 20
    assert formset.total_count == festival.awards.count() >= AWARDS
    # Newest first.
    years = [form.instance.year for form in formset.forms]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize("name", ["awards_award_changelist", "awards_festival_changelist"])
def test_award_and_festival_changelists_cost_the_same_with_800_awards(admin_client, seed, django_assert_max_num_queries, name):
    from awards.models import Festival
    from tests.admin_growth import add_awards

    url = reverse(f"admin:{name}")
    with django_assert_max_num_queries(CHANGELIST_QUERIES):
        assert admin_client.get(url).status_code == 200
    add_awards(Festival.objects.get(slug="ficmec"))
    with django_assert_max_num_queries(CHANGELIST_QUERIES):
        assert admin_client.get(url).status_code == 200


def test_award_list_label_is_the_category_alone(admin_client):
    festival = FestivalFactory(name_fr="Festival Lumières d'Afrique")
    AwardFactory(festival=festival, year=2013, category_fr="Grand Prix Eden du documentaire")
    with translation.override("fr"):
        response = admin_client.get(reverse("admin:awards_award_changelist"))
    html = response.content.decode()
    # The festival and the year are in their own columns, not repeated in the label.
    import re

    links = re.findall(r'<th class="field-label"><a href="[^"]+">([^<]+)</a></th>', html)
    assert links == ["Grand Prix Eden du documentaire"]
    assert '<td class="field-festival nowrap">Festival Lumières d&#x27;Afrique</td>' in html
    assert '<td class="field-year">2013</td>' in html
