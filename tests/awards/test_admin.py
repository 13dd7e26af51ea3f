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
