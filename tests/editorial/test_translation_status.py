"""Translation status: complete / missing / possibly outdated, per field and language."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from editorial.models import TranslationState
from editorial import staleness
from editorial import translation_status as ts
from films.models import Film
from tests.admin_forms import admin_form_data
from tests.factories import BiographySectionFactory, FestivalFactory, FilmFactory, PersonFactory

pytestmark = pytest.mark.django_db


def status(obj):
    obj = type(obj).objects.get(pk=obj.pk)
    return ts.status_for(obj)


def test_a_new_object_written_in_three_languages_is_complete():
    film = FilmFactory(synopsis_fr="Un film.", synopsis_ar="فيلم.", synopsis_en="A film.")
    assert status(film).languages == {"fr": "complete", "ar": "complete", "en": "complete"}


def test_a_missing_arabic_title_is_missing_although_fallbacks_would_show_french():
    film = FilmFactory(title_ar="")
    with translation.override("ar"):
        # What a visitor would see: the French title, through modeltranslation's fallback.
        assert Film.objects.get(pk=film.pk).title == film.title_fr
    result = status(film)
    assert result.languages == {"fr": "complete", "ar": "missing", "en": "complete"}
    assert result.fields_in("ar", "missing") == ["title"]


def test_an_optional_field_empty_everywhere_is_not_required_but_one_language_makes_it_so():
    # The reception is optional (the synopsis, empty everywhere, is "not written": test_not_written).
    film = FilmFactory(reception_fr="", reception_ar="", reception_en="")
    assert status(film).is_complete
    film.reception_en = "A story."
    film.save()
    assert status(film).languages == {"fr": "missing", "ar": "missing", "en": "complete"}


def test_editing_french_marks_arabic_and_english_possibly_outdated_until_they_are_updated():
    film = FilmFactory(synopsis_fr="Texte.", synopsis_ar="نص.", synopsis_en="Text.")
    film.synopsis_fr = "Texte corrigé."
    film.save()
    assert status(film).languages == {"fr": "complete", "ar": "outdated", "en": "outdated"}
    assert status(film).fields_in("ar", "outdated") == ["synopsis"]

    film.synopsis_ar = "نص مصحح."
    film.save()
    assert status(film).languages == {"fr": "complete", "ar": "complete", "en": "outdated"}

    film.synopsis_en = "Corrected text."
    film.save()
    assert status(film).is_complete
    state = TranslationState.objects.get(object_id=film.pk, content_type__model="film")
    assert state.outdated == {} and state.outdated_languages == ""


def test_an_unrelated_save_or_a_second_french_edit_keeps_the_others_outdated():
    film = FilmFactory(synopsis_fr="Texte.", synopsis_ar="نص.", synopsis_en="Text.")
    film.synopsis_fr = "Texte 2."
    film.save()
    film.year = 2014
    film.save()
    film.synopsis_fr = "Texte 3."
    film.save()
    assert status(film).languages == {"fr": "complete", "ar": "outdated", "en": "outdated"}


def test_filling_in_a_missing_language_does_not_make_the_others_outdated():
    film = FilmFactory(title_ar="")
    film.title_ar = "عنوان"
    film.save()
    assert status(film).is_complete


def test_only_whitespace_or_line_ending_changes_are_not_edits():
    film = FilmFactory(synopsis_fr="Ligne un.\nLigne deux.", synopsis_ar="نص.", synopsis_en="Text.")
    film.synopsis_fr = "Ligne un.\r\nLigne deux.  "
    film.save()
    assert status(film).is_complete


def test_confirming_marks_every_language_up_to_date():
    film = FilmFactory(synopsis_fr="Texte.", synopsis_ar="نص.", synopsis_en="Text.")
    film.synopsis_fr = "Texte corrigé."
    film.save()
    staleness.confirm(Film.objects.get(pk=film.pk))
    assert status(film).is_complete


def test_an_object_saved_before_states_were_kept_compares_with_its_previous_text():
    film = FilmFactory(synopsis_fr="Texte.", synopsis_ar="نص.", synopsis_en="Text.")
    TranslationState.objects.all().delete()
    film = Film.objects.get(pk=film.pk)
    film.synopsis_fr = "Texte corrigé."
    film.save()
    assert status(film).languages["ar"] == "outdated"


def test_a_published_image_needs_alt_text_and_an_image_makes_alt_text_required():
    film = FilmFactory(poster="posters/x.png", poster_alt_fr="Affiche", poster_alt_ar="", poster_alt_en="")
    assert status(film).languages == {"fr": "complete", "ar": "missing", "en": "missing"}


# --- admin -------------------------------------------------------------------------------------


def changelist(client, model="film", app="films", lang="en", **params):
    with translation.override(lang):
        url = reverse(f"admin:{app}_{model}_changelist")
    return client.get(url, params)


def badges(html):
    return re.findall(r'tr-badge--(\w+)"[^>]*><span class="tr-badge__code">(\w\w)', html)


def test_changelist_shows_a_badge_per_language(admin_client):
    FilmFactory(title_ar="", slug="no-arabic")
    html = changelist(admin_client).content.decode()
    assert ("complete", "FR") in badges(html)
    assert ("missing", "AR") in badges(html)


def test_changelist_badges_cost_no_query_per_row(admin_client):
    FilmFactory.create_batch(3)
    with_three = _count_queries(admin_client)
    FilmFactory.create_batch(30)
    assert _count_queries(admin_client) == with_three


def _count_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert changelist(client).status_code == 200
    return len(queries)


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_filter_missing_in_arabic_lists_only_those_items(admin_client, lang):
    FilmFactory(slug="complete-film", title_en="Complete film")
    FilmFactory(slug="no-arabic", title_en="No Arabic title", title_ar="")
    response = changelist(admin_client, lang=lang, translation="missing-ar")
    assert response.status_code == 200
    shown = {film.slug for film in response.context["cl"].result_list}
    assert shown == {"no-arabic"}


def test_filter_outdated_in_english(admin_client):
    film = FilmFactory(slug="edited", synopsis_fr="a", synopsis_ar="b", synopsis_en="c")
    FilmFactory(slug="untouched")
    film.synopsis_fr = "a2"
    film.save()
    response = changelist(admin_client, translation="outdated-en")
    assert {f.slug for f in response.context["cl"].result_list} == {"edited"}


@pytest.mark.parametrize("value", ["missing-xx", "outdated-", "nonsense", "missing-ar'--"])
def test_filter_with_a_made_up_value_answers_without_error(admin_client, value):
    FilmFactory()
    assert changelist(admin_client, translation=value).status_code == 200


def test_overview_lists_every_incomplete_or_outdated_item_with_a_link(admin_client):
    no_arabic = FilmFactory(title_ar="", title_en="Film without Arabic")
    FilmFactory(title_en="Complete film")
    edited = FestivalFactory(name_en="Edited festival")
    edited.name_fr = "Festival renommé"
    edited.save()
    person = PersonFactory(name_en="Someone")
    BiographySectionFactory(person=person, heading_ar="")
    response = admin_client.get(reverse("admin:editorial_translationstate_changelist"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Film without Arabic" in html and "Complete film" not in html
    assert reverse("admin:films_film_change", args=[no_arabic.pk]) in html
    assert reverse("admin:awards_festival_change", args=[edited.pk]) in html
    # A biography section is edited on its person's page: the link goes there.
    assert reverse("admin:people_person_change", args=[person.pk]) in html


def test_overview_says_so_when_everything_is_done(admin_client):
    FilmFactory()
    with translation.override("en"):
        response = admin_client.get(reverse("admin:editorial_translationstate_changelist"))
    assert "Every item is complete and up to date in every language." in response.content.decode()


def test_saving_in_the_admin_marks_others_outdated_and_the_checkbox_confirms(admin_client):
    film = FilmFactory(synopsis_fr="Texte.", synopsis_ar="نص.", synopsis_en="Text.")
    with translation.override("en"):
        url = reverse("admin:films_film_change", args=[film.pk])
    data = admin_form_data(admin_client.get(url))
    data["synopsis_fr"] = "Texte corrigé."
    assert admin_client.post(url, data).status_code == 302
    assert status(film).languages == {"fr": "complete", "ar": "outdated", "en": "outdated"}

    page = admin_client.get(url)
    assert "possibly outdated" in page.content.decode()
    data = admin_form_data(page)
    data["confirm_translations"] = "on"
    assert admin_client.post(url, data).status_code == 302
    assert status(film).is_complete


def test_confirm_action_in_the_changelist(admin_client):
    film = FilmFactory(synopsis_fr="Texte.", synopsis_ar="نص.", synopsis_en="Text.")
    film.synopsis_en = "Changed."
    film.save()
    with translation.override("en"):
        url = reverse("admin:films_film_changelist")
    response = admin_client.post(url, {"action": "confirm_translations", "_selected_action": [film.pk]})
    assert response.status_code == 302
    assert status(film).is_complete


# --- the command -------------------------------------------------------------------------------


def run(*args):
    out = io.StringIO()
    call_command("translation_status", *args, stdout=out)
    return out.getvalue()


def test_command_prints_a_table_of_what_is_missing_or_outdated():
    FilmFactory(slug="no-arabic", title_ar="")
    edited = FilmFactory(slug="edited", synopsis_fr="a", synopsis_ar="b", synopsis_en="c")
    edited.synopsis_fr = "a2"
    edited.save()
    output = run()
    line = next(line for line in output.splitlines() if "no-arabic" in line)
    assert "MISSING" in line and "ar: MISSING (title)" in line
    line = next(line for line in output.splitlines() if " edited " in line)
    assert "en: outdated (synopsis)" in line


def test_strict_fails_when_a_published_object_lacks_a_language():
    FilmFactory(slug="no-arabic", title_ar="", is_published=True)
    with pytest.raises(CommandError, match="1 published object") as error:
        run("--strict")
    # manage.py turns a CommandError into this exit status: CI fails.
    assert error.value.returncode == 1


def test_strict_passes_for_the_real_content_and_ignores_drafts(seed):
    FilmFactory(slug="draft-without-arabic", title_ar="", is_published=False)
    output = run("--strict")
    assert "0 published object(s) with a missing language" in output
