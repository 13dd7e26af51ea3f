"""Safe editing: concurrent saves, previews of drafts, and sign-in throttling."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation

from people.models import Person
from films.models import Film
from tests.admin_forms import admin_form_data
from tests.factories import BiographySectionFactory, EditorFactory, FilmFactory, PersonFactory

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=args)


# --- concurrent edits --------------------------------------------------------------------------


def two_editors():
    first, second = Client(), Client()
    first.force_login(EditorFactory(username="amina"))
    second.force_login(EditorFactory(username="youssef"))
    return first, second


def test_the_second_of_two_concurrent_saves_is_told_and_overwrites_nothing():
    film = FilmFactory(title_ar="عنوان")
    change_url = url("admin:films_film_change", film.pk)
    amina, youssef = two_editors()
    amina_data = admin_form_data(amina.get(change_url))
    youssef_data = admin_form_data(youssef.get(change_url))

    amina_data["title_ar"] = "عنوان أمينة"
    assert amina.post(change_url, amina_data).status_code == 302

    youssef_data["title_ar"] = "عنوان يوسف"
    response = youssef.post(change_url, youssef_data)
    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "amina saved this item" in message
    assert Film.objects.get(pk=film.pk).title_ar == "عنوان أمينة"
    # What Youssef typed is still in the form, not lost.
    assert "عنوان يوسف" in response.content.decode()

    # Saving again is a deliberate choice to keep his version.
    again = admin_form_data(response)
    assert youssef.post(change_url, again).status_code == 302
    assert Film.objects.get(pk=film.pk).title_ar == "عنوان يوسف"


def test_a_concurrent_change_to_an_inline_is_detected_too():
    person = PersonFactory()
    section = BiographySectionFactory(person=person)
    change_url = url("admin:people_person_change", person.pk)
    amina, youssef = two_editors()
    youssef_data = admin_form_data(youssef.get(change_url))
    section.body_ar = "نص جديد"
    section.save()
    youssef_data["name_en"] = "Renamed"
    response = youssef.post(change_url, youssef_data)
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    assert Person.objects.get(pk=person.pk).name_en != "Renamed"


def test_one_editor_saving_twice_in_a_row_is_not_a_conflict(admin_client):
    film = FilmFactory()
    change_url = url("admin:films_film_change", film.pk)
    for title in ("Un", "Deux"):
        data = admin_form_data(admin_client.get(change_url))
        data["title_fr"] = title
        assert admin_client.post(change_url, data).status_code == 302
    assert Film.objects.get(pk=film.pk).title_fr == "Deux"


# --- drafts ------------------------------------------------------------------------------------


@pytest.fixture
def drafts(db):
    return {
        "unpublished": FilmFactory(slug="draft", title_en="Draft film", is_published=False),
        "scheduled": FilmFactory(
            slug="scheduled", title_en="Scheduled film", published_at=timezone.now() + datetime.timedelta(days=3)
        ),
    }


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_drafts_are_invisible_to_visitors_in_every_language(client, drafts, lang):
    FilmFactory(slug="public", title_en="Public film")
    for film in drafts.values():
        assert client.get(film_url(film, lang)).status_code == 404
    listing = client.get(url("films:list", lang=lang)).content.decode()
    assert "/public/" in listing
    assert "/draft/" not in listing and "/scheduled/" not in listing


def film_url(film, lang):
    with translation.override(lang):
        return reverse("films:detail", kwargs={"slug": film.slug})


def test_editors_preview_drafts_from_the_admin(editor_client, drafts):
    for film in drafts.values():
        change = editor_client.get(url("admin:films_film_change", film.pk)).content.decode()
        preview_url = url("admin:films_film_preview", film.pk)
        assert preview_url in change
        response = editor_client.get(preview_url)
        assert response.status_code == 200
        assert film.title_en in response.content.decode()
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_a_scheduled_item_says_when_visitors_will_see_it(editor_client, drafts, lang):
    film = drafts["scheduled"]
    html = editor_client.get(url("admin:films_film_change", film.pk, lang=lang)).content.decode()
    notice = re.search(r'<p class="draft-notice">(.*?)</p>', html, re.S).group(1)
    with translation.override(lang):
        date = formats.date_format(timezone.localtime(film.published_at), "DATETIME_FORMAT")
    assert date in notice
    # The English date ends in "a.m." or "p.m.": the sentence goes on after it without a second period.
    assert ".." not in notice


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_preview_in_each_language(admin_client, drafts, lang):
    film = drafts["unpublished"]
    response = admin_client.get(url("admin:films_film_preview", film.pk, lang=lang))
    assert response.status_code == 200
    assert getattr(film, f"title_{lang}") in response.content.decode()


def test_preview_shows_a_draft_film_with_its_credits_and_awards_and_keeps_it_a_draft(admin_client):
    from tests.factories import AwardFactory, CreditFactory

    film = FilmFactory(is_published=False, title_en="Unreleased")
    CreditFactory(film=film, person=PersonFactory(name_en="Published Director"))
    CreditFactory(film=film, person=PersonFactory(name_en="Draft Writer", is_published=False))
    AwardFactory(film=film, category_en="Best Draft Award")
    with translation.override("en"):
        html = admin_client.get(url("admin:films_film_preview", film.pk)).content.decode()
    assert "Unreleased" in html
    assert "Published Director" in html and "Best Draft Award" in html
    # What is still a draft besides the film stays hidden, as it will be for visitors.
    assert "Draft Writer" not in html
    film.refresh_from_db()
    assert film.is_published is False
    assert Film.objects.published().filter(pk=film.pk).exists() is False


def test_visitors_cannot_use_the_preview(client, drafts):
    response = client.get(url("admin:films_film_preview", drafts["unpublished"].pk))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_person_and_festival_previews(admin_client):
    from tests.factories import FestivalFactory

    person = PersonFactory(is_published=False, name_en="Hidden Person")
    festival = FestivalFactory(is_published=False, name_en="Hidden Festival")
    assert "Hidden Person" in admin_client.get(url("admin:people_person_preview", person.pk)).content.decode()
    assert "Hidden Festival" in admin_client.get(url("admin:awards_festival_preview", festival.pk)).content.decode()


def test_view_on_site_of_a_draft_leads_to_its_preview(admin_client, drafts):
    film = drafts["unpublished"]
    html = admin_client.get(url("admin:films_film_change", film.pk)).content.decode()
    assert "Draft: visitors do not see this item." in html
    assert f'href="{url("admin:films_film_preview", film.pk)}" class="viewsitelink"' in html
    published = FilmFactory()
    html = admin_client.get(url("admin:films_film_change", published.pk)).content.decode()
    assert f'href="{film_url(published, "en")}" class="viewsitelink"' in html


# --- sign-in throttling ------------------------------------------------------------------------


def test_repeated_failed_sign_ins_lock_the_account_with_a_clear_message(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # twenty tries, quickly
    User.objects.create_superuser("boss", password="the-right-password-1")
    login_url = url("admin:login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login_url, {"username": "boss", "password": "wrong"})
        assert response.status_code == 200
    response = client.post(login_url, {"username": "boss", "password": "wrong"})
    assert response.status_code == 429
    text = response.content.decode()
    assert "Sign-in temporarily locked" in text
    assert "60 minutes" in text
    # Even the right password is refused while locked.
    response = client.post(login_url, {"username": "boss", "password": "the-right-password-1"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_is_translated_and_right_to_left_in_arabic(client, settings):
    settings.AXES_FAILURE_LIMIT = 1
    response = client.post(url("admin:login", lang="ar"), {"username": "x", "password": "y"})
    assert response.status_code == 429
    assert 'dir="rtl"' in response.content.decode()
