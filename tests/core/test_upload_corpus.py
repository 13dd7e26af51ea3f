"""A corpus of hostile files is refused with a form error, and valid images of every kind are accepted."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from PIL import Image

from films.models import Film
from tests.factories import FilmFactory
from tests.core.image_corpus import hostile_files, valid_files
from tests.core.test_images import form_errors, post_poster

pytestmark = pytest.mark.django_db

HOSTILE = hostile_files()
VALID = valid_files()
PosterForm = modelform_factory(Film, fields=["poster"])


def test_the_corpus_is_big_enough():
    assert len(HOSTILE) >= 40
    assert len({label for label, _name, _data in HOSTILE}) == len(HOSTILE)


@pytest.fixture
def film(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return FilmFactory(poster_alt_fr="Affiche", poster_alt_ar="ملصق", poster_alt_en="Poster")


@pytest.mark.parametrize("label, name, data", HOSTILE, ids=[label for label, _n, _d in HOSTILE])
def test_hostile_files_are_refused_with_a_form_error(film, label, name, data):
    form = PosterForm(instance=film, files={"poster": SimpleUploadedFile(name, data)})
    assert not form.is_valid(), label
    assert form.errors["poster"], label
    film.refresh_from_db()
    assert not film.poster


@pytest.mark.parametrize("label, name, data, size", VALID, ids=[label for label, *_rest in VALID])
def test_valid_images_are_accepted_and_stored_upright_without_metadata(film, label, name, data, size):
    form = PosterForm(instance=film, files={"poster": SimpleUploadedFile(name, data)})
    assert form.is_valid(), form.errors
    form.save()
    film.refresh_from_db()
    with Image.open(film.poster.path) as stored:
        assert stored.size == size
        assert not stored.getexif().get(0x0112)


@pytest.mark.parametrize(
    "label",
    ["JPEG cut before its end marker", "PNG 6320 × 6320 RGB, under the pixel limit", "JPEG followed by a ZIP", "SVG with an external entity"],
)
def test_in_the_admin_hostile_files_are_form_errors_not_server_errors(admin_client, film, label):
    """The truncated JPEG used to pass the header check and crash the save with a 500."""
    _label, name, data = next(entry for entry in HOSTILE if entry[0] == label)
    response = post_poster(admin_client, film, SimpleUploadedFile(name, data, content_type="image/jpeg"))
    assert response.status_code == 200
    assert form_errors(response)["poster"]


def test_the_error_says_what_is_wrong(film):
    messages = {}
    for label in ("JPEG cut at half", "JPEG followed by a ZIP", "PNG named .jpg", "animated WebP of 150 frames", "PNG 6320 × 6320 RGB, under the pixel limit"):
        _label, name, data = next(entry for entry in HOSTILE if entry[0] == label)
        form = PosterForm(instance=film, files={"poster": SimpleUploadedFile(name, data)})
        form.is_valid()
        messages[label] = " ".join(form.errors["poster"])
    assert "damaged or incomplete" in messages["JPEG cut at half"]
    assert "after the image" in messages["JPEG followed by a ZIP"]
    assert "PNG" in messages["PNG named .jpg"] and ".png" in messages["PNG named .jpg"]
    assert "150 frames" in messages["animated WebP of 150 frames"]
    assert "6320" in messages["PNG 6320 × 6320 RGB, under the pixel limit"]
