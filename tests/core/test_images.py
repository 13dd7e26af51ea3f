"""Portraits and posters: accepted formats, limits, metadata removed, renditions for srcset."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from films.models import Film
from tests.admin_forms import admin_form_data
from tests.factories import FilmFactory, PersonFactory

pytestmark = pytest.mark.django_db

GPS_TAG = 0x8825
MAKE_TAG = 0x010F


def image_bytes(fmt="JPEG", size=(1200, 1800), exif=False, color=(180, 40, 40)):
    image = Image.new("RGB", size, color)
    options = {}
    if exif:
        data = Image.Exif()
        data[MAKE_TAG] = "Secret Camera"
        data[0x0112] = 1
        data[GPS_TAG] = {1: "N", 2: (31.0, 30.0, 0.0)}
        options["exif"] = data.tobytes()
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_poster(client, film, file, **changes):
    with translation.override("en"):
        change_url = reverse("admin:films_film_change", args=[film.pk])
    data = admin_form_data(client.get(change_url))
    data.update(changes)
    data["poster"] = file
    return client.post(change_url, data)


def form_errors(response):
    form = response.context["adminform"].form
    return {name: " ".join(errors) for name, errors in form.errors.items()}


@pytest.fixture
def film(db):
    return FilmFactory(
        title_fr="Tinghir", poster_alt_fr="Affiche", poster_alt_ar="ملصق", poster_alt_en="Poster", slug="tinghir"
    )


@pytest.mark.parametrize("fmt, ext", [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp"), ("AVIF", ".avif")])
def test_accepted_formats_are_stored_under_an_unguessable_name(admin_client, film, fmt, ext):
    response = post_poster(admin_client, film, upload(f"Tinghir-Jerusalem poster{ext}", image_bytes(fmt, size=(300, 450))))
    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    name = film.poster.name
    assert re.fullmatch(rf"posters/[0-9a-f]{{32}}{re.escape(ext)}", name), name
    assert "tinghir" not in name.lower()
    with Image.open(film.poster.path) as stored:
        assert stored.format == fmt


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("poster.gif", None, "not accepted"),
        ("poster.jpg", b"this is not an image at all", "image"),
        ("poster.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "image"),
    ],
)
def test_other_files_are_refused_with_a_form_error(admin_client, film, name, data, expected):
    if data is None:
        buffer = io.BytesIO()
        Image.new("RGB", (10, 10)).save(buffer, format="GIF")
        data = buffer.getvalue()
    response = post_poster(admin_client, film, upload(name, data))
    assert response.status_code == 200
    assert expected in form_errors(response)["poster"]
    film.refresh_from_db()
    assert not film.poster


def test_files_over_the_size_limit_are_refused(admin_client, film, settings):
    data = image_bytes("PNG", size=(400, 400))
    settings.IMAGE_MAX_UPLOAD_BYTES = len(data) - 1
    response = post_poster(admin_client, film, upload("big.png", data, "image/png"))
    assert response.status_code == 200
    assert "may not be larger than" in form_errors(response)["poster"]


def test_images_over_the_pixel_limit_are_refused(admin_client, film, settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    response = post_poster(admin_client, film, upload("wide.png", image_bytes("PNG", size=(101, 100)), "image/png"))
    assert response.status_code == 200
    assert "at most" in form_errors(response)["poster"]


def test_a_decompression_bomb_is_a_form_error_not_a_server_error(admin_client, film):
    # A tiny PNG that claims to be 30000 × 30000: 900 million pixels for a few kilobytes.
    # Written by hand (header and one row): making a real one took seconds.
    from tests.core.image_corpus import png_header

    bomb = png_header(30000, 30000, bit_depth=1, colour_type=0)
    assert len(bomb) < 1_000_000
    response = post_poster(admin_client, film, upload("bomb.png", bomb, "image/png"))
    assert response.status_code == 200
    assert form_errors(response)["poster"]


def test_exif_and_gps_are_removed_and_the_picture_is_kept(admin_client, film):
    original = image_bytes("JPEG", size=(320, 480), exif=True)
    with Image.open(io.BytesIO(original)) as check:
        assert check.getexif()[MAKE_TAG] == "Secret Camera"
    response = post_poster(admin_client, film, upload("IMG_0001.jpg", original))
    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    with open(film.poster.path, "rb") as stored_file:
        stored_bytes = stored_file.read()
    assert b"Secret Camera" not in stored_bytes
    with Image.open(io.BytesIO(stored_bytes)) as stored:
        assert dict(stored.getexif()) == {}
        assert "exif" not in stored.info
        assert stored.size == (320, 480)


def test_a_published_image_needs_its_description_in_every_language(admin_client):
    film = FilmFactory(is_published=True, poster_alt_fr="Affiche", poster_alt_ar="", poster_alt_en="")
    response = post_poster(admin_client, film, upload("p.png", image_bytes("PNG", size=(50, 75)), "image/png"))
    assert response.status_code == 200
    errors = form_errors(response)
    assert "Describe the image" in errors["poster_alt_ar"] and "Describe the image" in errors["poster_alt_en"]
    # A draft may be saved without them, and published once they are written.
    response = post_poster(
        admin_client, film, upload("p.png", image_bytes("PNG", size=(50, 75)), "image/png"), is_published=""
    )
    assert response.status_code == 302


def test_public_pages_use_renditions_with_srcset_and_dimensions(admin_client, client, film):
    response = post_poster(admin_client, film, upload("p.jpg", image_bytes("JPEG", size=(600, 900))))
    assert response.status_code == 302, form_errors(response)
    film = Film.objects.get(pk=film.pk)
    with translation.override("ar"):
        page = client.get(film.get_absolute_url())
    html = page.content.decode()
    img = re.search(r'<img class="film__poster"[^>]*>', html).group(0)
    assert 'width="600"' in img and 'height="900"' in img
    assert 'sizes="' in img
    srcset = re.search(r'srcset="([^"]+)"', img).group(1)
    widths = [int(w) for w in re.findall(r" (\d+)w", srcset)]
    # Renditions narrower than the original only (no upscaling), then the original.
    assert widths == [240, 480, 600]
    first_rendition = srcset.split(" ")[0]
    assert first_rendition.endswith(".webp")
    assert 'alt="ملصق"' in img
    # Read from storage: the media URLconf keeps the MEDIA_ROOT of the first test that loaded it.
    from django.conf import settings
    from django.core.files.storage import default_storage

    with default_storage.open(first_rendition.removeprefix("/" + settings.MEDIA_URL.lstrip("/"))) as stored:
        data = stored.read()
    with Image.open(io.BytesIO(data)) as small:
        assert small.format == "WEBP" and small.size == (240, 360)


def test_portrait_renditions_on_the_person_page(client):
    from django.core.files.base import ContentFile

    person = PersonFactory(portrait_alt_fr="Portrait", portrait_alt_ar="صورة", portrait_alt_en="Portrait")
    person.portrait.save("face.png", ContentFile(image_bytes("PNG", size=(700, 700))))
    with translation.override("fr"):
        html = client.get(person.get_absolute_url()).content.decode()
    img = re.search(r'<img class="infobox__portrait"[^>]*>', html).group(0)
    assert [int(w) for w in re.findall(r" (\d+)w", img)] == [320, 640, 700]
    assert 'width="700"' in img and 'height="700"' in img
