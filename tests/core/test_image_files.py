"""Renditions are made when an image is saved; replaced or deleted images leave no files
behind once the history no longer shows them."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from reversion.models import Version

from core.image_files import generate_renditions
from films.models import Film
from tests.factories import FilmFactory
from tests.core.test_images import form_errors, image_bytes, post_poster

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def film(media):
    return FilmFactory(slug="tinghir", poster_alt_fr="Affiche", poster_alt_ar="ملصق", poster_alt_en="Poster")


def stored_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def upload_poster(admin_client, film, size=(800, 1200)):
    response = post_poster(admin_client, film, SimpleUploadedFile("p.jpg", image_bytes("JPEG", size=size), "image/jpeg"))
    assert response.status_code == 302, form_errors(response)
    return Film.objects.get(pk=film.pk)


def test_renditions_are_made_when_the_image_is_saved_not_when_a_visitor_asks(
    admin_client, client, film, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        film = upload_poster(admin_client, film)
    files = stored_files(media)
    assert len([f for f in files if f.startswith("CACHE/") and f.endswith(".webp")]) == 3
    film.is_published = True
    film.save()
    page = client.get(film.get_absolute_url())
    assert page.status_code == 200 and b".webp 240w" in page.content
    # The visitor's request wrote nothing.
    assert stored_files(media) == files


def test_a_replaced_image_and_its_renditions_are_removed(admin_client, film, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = upload_poster(admin_client, film)
    old_files = stored_files(media)
    assert first.poster.name in old_files
    with django_capture_on_commit_callbacks(execute=True):
        second = upload_poster(admin_client, film, size=(600, 900))
    # The first version in the history still shows the first poster: reverting must find it.
    assert set(old_files) <= set(stored_files(media))
    with django_capture_on_commit_callbacks(execute=True):
        Version.objects.get_for_object(second).order_by("pk").first().revision.delete()
    files = stored_files(media)
    assert not set(old_files) & set(files), "nothing of the first poster is left"
    assert second.poster.name in files
    assert len([f for f in files if f.startswith("CACHE/")]) == 3


def test_an_image_shown_by_the_history_comes_back_with_a_revert(admin_client, film, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = upload_poster(admin_client, film)
    with django_capture_on_commit_callbacks(execute=True):
        upload_poster(admin_client, film, size=(600, 900))
    Version.objects.get_for_object(first).order_by("pk").first().revision.revert()
    reverted = Film.objects.get(pk=film.pk)
    assert reverted.poster.name == first.poster.name
    assert default_storage.exists(reverted.poster.name)


def test_a_deleted_object_takes_its_image_and_renditions_along(admin_client, film, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        film = upload_poster(admin_client, film)
    assert stored_files(media)
    pk, poster = film.pk, film.poster.name
    with django_capture_on_commit_callbacks(execute=True):
        film.delete()
    # Still recoverable from the history, with its poster.
    assert poster in stored_files(media)
    with django_capture_on_commit_callbacks(execute=True):
        Version.objects.get_for_object_reference(Film, pk).delete()
    assert stored_files(media) == []


def test_a_rolled_back_replacement_keeps_the_stored_image(admin_client, film, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        film = upload_poster(admin_client, film)
    name = film.poster.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        film.poster = SimpleUploadedFile("q.png", image_bytes("PNG", size=(300, 450)))
        film.save()
    assert callbacks, "the removal waits for the commit"
    assert (media / name).exists()


def test_missing_renditions_are_made_by_generate_renditions(film, media):
    """Raw saves (fixtures, restores) bring their own files; what is missing can be made later."""
    from django.core.files.base import ContentFile

    film.poster.save("p.png", ContentFile(image_bytes("PNG", size=(500, 750))), save=False)
    Film.objects.filter(pk=film.pk).update(poster=film.poster.name)
    assert not [f for f in stored_files(media) if f.startswith("CACHE/")]
    assert generate_renditions(Film.objects.get(pk=film.pk)) == 3
    assert generate_renditions(Film.objects.get(pk=film.pk)) == 0
