"""The whole-page cache: shared, per language, fresh after every kind of content change,
never for editors, the admin or previews, with conditional GETs, and harmless when the
cache server is away."""

import socket
import time
from datetime import timedelta
from email.utils import formatdate

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from core.page_cache import bump_generation
from people.models import Occupation, Person
from films.models import Film
from tests.admin_forms import admin_form_data
from tests.factories import FilmFactory
from tests.rendered import LANGUAGES, text, url
from tests.seed_text import NAME

pytestmark = pytest.mark.django_db

PERSON = {"slug": "kamal-hachkar"}


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    """The production set-up: page cache on, in a file cache that every process shares."""
    settings.PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }


def get(client, code, name="people:detail", **kwargs):
    return client.get(url(code, name, **(kwargs or (PERSON if name == "people:detail" else {}))))


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def admin_save(client, obj, admin_name, **changes):
    change_url = admin_url(f"admin:{admin_name}_change", obj.pk)
    data = admin_form_data(client.get(change_url))
    data.update(changes)
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response


def warm(client, name="people:detail", **kwargs):
    """Fill the cache in every language and check the next visit is served from it."""
    for code in LANGUAGES:
        assert get(client, code, name, **kwargs)["X-Page-Cache"] == "miss"
        assert get(client, code, name, **kwargs)["X-Page-Cache"] == "hit"


def test_a_second_visit_is_served_from_the_cache_in_its_own_language(client, seed):
    warm(client)
    for code in LANGUAGES:
        response = get(client, code)
        assert response["X-Page-Cache"] == "hit"
        assert response["Content-Language"] == code
        assert NAME[code] in text(response)
    assert get(client, "ar").content != get(client, "fr").content


def test_a_stale_page_really_is_served_until_something_signals_a_change(client, seed):
    # A change that bypasses the models' signals is not seen: this is the cache at work,
    # and why every editing path below must renew it.
    warm(client)
    Person.objects.filter(pk=seed.pk).update(name_fr="Nom changé en douce")
    assert "Nom changé en douce" not in text(get(client, "fr"))


def test_an_admin_save_refreshes_every_language_at_once(client, admin_client, seed, django_capture_on_commit_callbacks):
    warm(client)
    with django_capture_on_commit_callbacks(execute=True):
        admin_save(admin_client, seed, "people_person", name_fr="Kamal H.", name_ar="كمال ه.", name_en="Kamal H. (en)")
    expected = {"fr": "Kamal H.", "ar": "كمال ه.", "en": "Kamal H. (en)"}
    for code in LANGUAGES:
        response = get(client, code)
        assert response["X-Page-Cache"] == "miss"
        assert expected[code] in text(response)


def test_the_change_is_seen_only_after_the_transaction_commits(client, seed, django_capture_on_commit_callbacks):
    warm(client)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        seed.name_fr = "Pas encore enregistré"
        seed.save()
        seed.occupations.add(Occupation.objects.first())
    # Still in the transaction: nothing renewed yet; the renewal waits for the commit.
    assert get(client, "fr")["X-Page-Cache"] == "hit"
    assert callbacks
    for callback in callbacks:
        callback()
    assert "Pas encore enregistré" in text(get(client, "fr"))


def test_a_delete_removes_the_item_from_cached_lists(client, admin_client, seed, django_capture_on_commit_callbacks):
    film = FilmFactory(title_fr="Film à supprimer", title_ar="فيلم للحذف", title_en="Film to delete")
    warm(client, "films:list")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(admin_url("admin:films_film_delete", film.pk), {"post": "yes"})
    assert response.status_code == 302
    for code, title in (("fr", "Film à supprimer"), ("ar", "فيلم للحذف"), ("en", "Film to delete")):
        assert title not in text(get(client, code, "films:list"))


def test_a_many_to_many_change_refreshes_the_page(client, seed, django_capture_on_commit_callbacks):
    occupation = Occupation.objects.create(slug="producer", name_fr="producteur", name_ar="منتج", name_en="producer")
    warm(client)
    with django_capture_on_commit_callbacks(execute=True):
        seed.occupations.add(occupation)
    assert "منتج" in text(get(client, "ar"))


def test_revert_and_recover_refresh_the_pages(client, admin_client, seed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        admin_save(admin_client, seed, "people_person")
        admin_save(admin_client, seed, "people_person", name_en="Renamed for a while")
    warm(client)
    assert "Renamed for a while" in text(get(client, "en"))

    first = Version.objects.get_for_object(seed).order_by("pk").first()
    revert_url = admin_url("admin:people_person_revision", seed.pk, first.pk)
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(revert_url, admin_form_data(admin_client.get(revert_url))).status_code == 302
    assert "Renamed for a while" not in text(get(client, "en"))
    assert NAME["en"] in text(get(client, "en"))

    film = FilmFactory(slug="recovered", title_fr="Film retrouvé", title_ar="فيلم مسترجع", title_en="Recovered film")
    with django_capture_on_commit_callbacks(execute=True):
        admin_save(admin_client, film, "films_film")
        admin_client.post(admin_url("admin:films_film_delete", film.pk), {"post": "yes"})
    warm(client, "films:list")
    assert "Recovered film" not in text(get(client, "en", "films:list"))
    version = Version.objects.get_deleted(Film).get()
    recover_url = admin_url("admin:films_film_recover", version.pk)
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(recover_url, admin_form_data(admin_client.get(recover_url))).status_code == 302
    for code, title in (("fr", "Film retrouvé"), ("ar", "فيلم مسترجع"), ("en", "Recovered film")):
        assert title in text(get(client, code, "films:list"))


def test_a_fixture_load_refreshes_the_pages(client, seed, django_capture_on_commit_callbacks):
    Person.objects.filter(pk=seed.pk).update(name_ar="اسم مؤقت")
    warm(client)
    assert "اسم مؤقت" in text(get(client, "ar"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_site", verbosity=0)
    assert "اسم مؤقت" not in text(get(client, "ar"))
    assert NAME["ar"] in text(get(client, "ar"))


def test_a_scheduled_item_appears_when_its_time_comes(client, seed):
    FilmFactory(title_en="Scheduled film", published_at=timezone.now() + timedelta(seconds=1.5))
    warm(client, "films:list")
    assert "Scheduled film" not in text(get(client, "en", "films:list"))
    time.sleep(1.6)
    response = get(client, "en", "films:list")
    assert response["X-Page-Cache"] == "miss"
    assert "Scheduled film" in text(response)


def test_signed_in_editors_neither_receive_nor_fill_cached_pages(client, admin_client, seed):
    warm(client)
    assert "X-Page-Cache" not in get(admin_client, "fr")
    # After a change, what an editor is shown first is not stored for visitors.
    bump_generation()
    assert "X-Page-Cache" not in get(admin_client, "en")
    assert get(client, "en")["X-Page-Cache"] == "miss"


def test_the_admin_and_previews_are_never_cached(client, admin_client, seed):
    login = admin_url("admin:login")
    assert "X-Page-Cache" not in client.get(login)
    assert "X-Page-Cache" not in client.get(login)
    change = admin_client.get(admin_url("admin:people_person_change", seed.pk))
    assert "X-Page-Cache" not in change
    assert "no-cache" in change["Cache-Control"] or "private" in change["Cache-Control"]


def test_search_results_and_unknown_query_strings_are_not_stored(client, seed):
    assert "X-Page-Cache" not in client.get(url("fr", "search"), {"q": "Tinghir"})
    assert "X-Page-Cache" not in client.get(url("fr", "films:list"), {"utm_source": "x"})
    assert client.get(url("fr", "films:list"), {"page": "1"})["X-Page-Cache"] == "miss"


def test_public_pages_set_no_cookie_and_replay_no_nonce(client, seed):
    for name, kwargs in (("home", {}), ("people:detail", PERSON), ("films:list", {}), ("awards:list", {})):
        for code in LANGUAGES:
            for _ in range(2):
                response = get(client, code, name, **kwargs)
                assert not response.cookies
                assert "nonce" not in response["Content-Security-Policy"]
                html = response.content.decode()
                assert "nonce=" not in html
                # The only script is the JSON-LD data block, which CSP does not execute.
                assert html.count("<script") == html.count('<script type="application/ld+json">') == 1


def test_conditional_get_answers_304(client, seed):
    first = get(client, "fr")
    assert first["ETag"] and first["Last-Modified"]
    assert "max-age=0" in first["Cache-Control"]
    again = client.get(url("fr", "people:detail", **PERSON), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content
    weak = client.get(url("fr", "people:detail", **PERSON), HTTP_IF_NONE_MATCH=f"W/{first['ETag']}")
    assert weak.status_code == 304
    since = client.get(url("fr", "people:detail", **PERSON), HTTP_IF_MODIFIED_SINCE=formatdate(time.time() + 5, usegmt=True))
    assert since.status_code == 304
    changed = client.get(url("fr", "people:detail", **PERSON), HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200 and changed.content


def test_page_cache_off(client, seed, settings):
    settings.PAGE_CACHE = False
    get(client, "fr")
    assert "X-Page-Cache" not in get(client, "fr")
    # Revalidation still works without the page cache.
    first = get(client, "fr")
    assert client.get(url("fr", "people:detail", **PERSON), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_pages_are_served_when_redis_is_down(client, seed, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/8",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    for code in LANGUAGES:
        for name, kwargs in (("people:detail", PERSON), ("films:list", {}), ("home", {})):
            response = get(client, code, name, **kwargs)
            assert response.status_code == 200
            assert "X-Page-Cache" not in response
    assert NAME["ar"] in text(get(client, "ar"))


def test_gzipped_and_plain_copies_are_kept_apart(client, seed):
    page = url("fr", "people:detail", **PERSON)
    assert client.get(page, HTTP_ACCEPT_ENCODING="gzip")["X-Page-Cache"] == "miss"
    hit = client.get(page, HTTP_ACCEPT_ENCODING="gzip")
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in hit["Vary"]
    plain = client.get(page)
    assert plain["X-Page-Cache"] == "miss" and not plain.has_header("Content-Encoding")
    assert NAME["fr"] in text(plain)


def test_a_draft_preview_is_neither_cached_nor_leaked(client, admin_client, seed):
    draft = FilmFactory(slug="draft", title_en="Draft film", is_published=False)
    warm(client, "films:list")
    preview = admin_client.get(admin_url("admin:films_film_preview", draft.pk))
    assert preview.status_code == 200 and "Draft film" in text(preview)
    assert "X-Page-Cache" not in preview
    assert "Draft film" not in text(get(client, "en", "films:list"))
    assert get(client, "en", "films:detail", slug="draft").status_code == 404
