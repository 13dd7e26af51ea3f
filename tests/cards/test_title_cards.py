"""Title cards: drawn at save in each language, Arabic shaped, used as placeholders and
og:image until an image is uploaded, never drawn while a visitor waits."""

import re
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image, ImageChops, ImageDraw, ImageFont

from core import title_cards
from films.models import Film
from tests.factories import FestivalFactory, FilmFactory
from tests.rendered import LANGUAGES, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def cards_on(settings):
    settings.TITLE_CARDS = True


def png(name):
    with default_storage.open(name, "rb") as stream:
        image = Image.open(BytesIO(stream.read()))
        image.load()
        return image


def meta(html, prop):
    found = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html)
    return found.group(1) if found else None


# --- drawing -------------------------------------------------------------------------


def ink_width(image):
    box = ImageChops.invert(image.convert("L")).getbbox()
    return box[2] - box[0]


def draw_word(text, layout):
    face = ImageFont.truetype(str(title_cards.FONT_BOLD), 80, layout_engine=layout)
    image = Image.new("L", (800, 200), 255)
    options = {"direction": "rtl", "language": "ar"} if layout == ImageFont.Layout.RAQM else {}
    ImageDraw.Draw(image).text((20, 40), text, font=face, fill=0, **options)
    return image


@pytest.mark.skipif(not title_cards.shaping_available(), reason="Pillow without libraqm")
def test_arabic_letters_are_joined_by_the_shaping_engine():
    """كمال drawn by the card's engine looks like its joined presentation forms laid out
    right to left, and not like the four letters drawn apart."""
    shaped = draw_word("كمال", ImageFont.Layout.RAQM)
    # ﻛ ﻤ ﺎ ﻝ: initial kaf, medial mim, final alef, isolated lam, in visual (left-to-right) order.
    joined = draw_word("\ufedd\ufe8e\ufee4\ufedb", ImageFont.Layout.BASIC)
    apart = draw_word("\u0644\u0627\u0645\u0643", ImageFont.Layout.BASIC)  # isolated forms, no shaping
    assert abs(ink_width(shaped) - ink_width(joined)) <= 4
    assert ink_width(apart) > ink_width(shaped) + 20
    difference = ImageChops.difference(shaped.crop(ImageChops.invert(shaped).getbbox()), joined.crop(ImageChops.invert(joined).getbbox()).resize(shaped.crop(ImageChops.invert(shaped).getbbox()).size))
    # Nearly the same pixels: the same glyphs.
    assert sum(difference.histogram()[128:]) < 0.05 * difference.width * difference.height


def test_a_card_is_a_1200_by_630_png_in_each_language(cards_on, seed):
    call_command("title_cards", verbosity=0)
    film = Film.objects.get(slug="tinghir-jerusalem")
    for code in LANGUAGES:
        image = png(title_cards.card_name(film, code))
        assert image.size == (1200, 630)
        assert image.format == "PNG"
    # Each language has its own drawing (Arabic script on the Arabic card).
    fr, ar = png(title_cards.card_name(film, "fr")), png(title_cards.card_name(film, "ar"))
    assert ImageChops.difference(fr.convert("RGB"), ar.convert("RGB")).getbbox() is not None


def test_arabic_card_starts_on_the_right(cards_on, db):
    festival = FestivalFactory(slug="rtl", name_fr="Festival", name_ar="مهرجان", name_en="Festival")
    ar = png(title_cards.card_name(festival, "ar")).convert("L")
    fr = png(title_cards.card_name(festival, "fr")).convert("L")
    # The accent band is on the reading start: right in Arabic, left in French.
    assert ar.getpixel((1190, 300)) < 100 and ar.getpixel((10, 300)) > 200
    assert fr.getpixel((10, 300)) < 100 and fr.getpixel((1190, 300)) > 200


def test_cards_are_drawn_again_only_when_their_text_changes(cards_on, db):
    film = FilmFactory(slug="redraw", title_fr="Premier titre", year=2001)
    name = title_cards.card_name(film, "fr")
    first = default_storage.get_modified_time(name)
    before = png(name)
    film.synopsis_fr = "Un texte qui n'est pas sur la carte."
    film.save()
    assert title_cards.update_cards(film) == 0, "unchanged text: nothing drawn"
    film.title_fr = "Second titre"
    film.save()
    after = png(name)
    assert ImageChops.difference(before.convert("RGB"), after.convert("RGB")).getbbox() is not None
    assert default_storage.get_modified_time(name) >= first
    assert name == title_cards.card_name(film, "fr"), "a stable name"


def test_no_card_is_drawn_during_a_request(cards_on, client, seed, monkeypatch):
    call_command("title_cards", verbosity=0)

    def refuse(*args, **kwargs):
        raise AssertionError("a card was drawn during a request")

    monkeypatch.setattr(title_cards, "render", refuse)
    for code in LANGUAGES:
        for name, kwargs in [("home", {}), ("films:detail", {"slug": "tinghir-jerusalem"}), ("people:detail", {"slug": "kamal-hachkar"})]:
            assert client.get(url(code, name, **kwargs)).status_code == 200


# --- placeholder, og:image, then the upload ------------------------------------------


def test_cards_are_the_pages_pictures_and_og_images(cards_on, client, seed):
    call_command("title_cards", verbosity=0)
    for code in LANGUAGES:
        html = client.get(url(code, "films:detail", slug="tinghir-jerusalem")).content.decode()
        image = meta(html, "og:image")
        assert image.startswith(f"http://testserver/media/cards/film/tinghir-jerusalem.{code}.png?v=")
        assert meta(html, "og:image:width") == "1200" and meta(html, "og:image:height") == "630"
        assert meta(html, "og:image:alt")
        assert meta(html, "twitter:card") == "summary_large_image"
        assert meta(html, "twitter:image") == image
        # On the page, WebP renditions first; the full card for wide, dense screens.
        card = f"/media/cards/film/tinghir-jerusalem.{code}"
        assert f'src="{card}.480.webp?v=' in html
        srcset = re.search(r'class="film__poster title-card"[^>]* srcset="([^"]+)"', html).group(1)
        assert [c.split("?v=")[0] + c.rsplit(" ", 1)[1] for c in srcset.split(", ")] == [
            f"{card}.480.webp480w", f"{card}.640.webp640w", f"{card}.960.webp960w", f"{card}.png1200w"
        ]
    # List pages have their section's card.
    html = client.get(url("ar", "films:list")).content.decode()
    assert "/media/cards/site/films.ar.png" in meta(html, "og:image")
    # The home page shows the person's card and the films' cards.
    html = client.get(url("en", "home")).content.decode()
    assert "/media/cards/person/kamal-hachkar.en.png" in meta(html, "og:image")
    assert "/media/cards/film/in-your-eyes-i-see-my-country.en.png" in html


def jpeg(width=600, height=900):
    buffer = BytesIO()
    Image.new("RGB", (width, height), "#336699").save(buffer, format="JPEG")
    return SimpleUploadedFile("poster.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_an_uploaded_poster_replaces_the_card_everywhere(cards_on, client, seed):
    call_command("title_cards", verbosity=0)
    film = Film.objects.get(slug="tinghir-jerusalem")
    film.poster = jpeg()
    film.poster_alt_fr, film.poster_alt_ar, film.poster_alt_en = "Affiche du film", "ملصق الفيلم", "The film's poster"
    film.save()
    for code, alt in [("fr", "Affiche du film"), ("ar", "ملصق الفيلم"), ("en", "The film&#x27;s poster")]:
        html = client.get(url(code, "films:detail", slug="tinghir-jerusalem")).content.decode()
        assert "/media/posters/" in meta(html, "og:image")
        assert meta(html, "og:image:alt") == alt
        assert "cards/film/tinghir-jerusalem" not in html
        assert f'alt="{alt}"' in html
        assert "srcset=" in html
        listing = client.get(url(code, "films:list")).content.decode()
        assert "cards/film/tinghir-jerusalem" not in listing and "/media/posters/" in listing


def test_a_missing_card_leaves_no_broken_image(client, seed):
    html = client.get(url("fr", "films:detail", slug="tinghir-jerusalem")).content.decode()
    assert "/media/cards/" not in html
    assert meta(html, "og:image") is None


def test_renaming_a_genre_draws_its_films_cards_again(cards_on, db):
    film = FilmFactory(slug="genre-card", title_fr="Un titre")
    name = title_cards.card_name(film, "en")
    before = png(name)
    genre = film.genre
    genre.name_en = "Essay film"
    genre.save()
    assert ImageChops.difference(before.convert("RGB"), png(name).convert("RGB")).getbbox() is not None


def test_deleting_a_film_removes_its_cards(cards_on, db):
    film = FilmFactory(slug="gone")
    names = [title_cards.card_name(film, code) for code in LANGUAGES]
    assert all(default_storage.exists(name) for name in names)
    film.delete()
    assert not any(default_storage.exists(name) for name in names)


def test_without_arabic_shaping_the_arabic_card_is_skipped_with_a_clear_error(cards_on, db, monkeypatch, caplog):
    from core import card_drawing

    monkeypatch.setattr(card_drawing, "shaping_available", lambda: False)
    film = FilmFactory(slug="no-raqm")
    assert default_storage.exists(title_cards.card_name(film, "fr"))
    assert not default_storage.exists(title_cards.card_name(film, "ar"))
    assert "libfribidi0" in caplog.text
    from django.core.management.base import CommandError

    monkeypatch.setattr(title_cards, "shaping_available", lambda: False)
    with pytest.raises(CommandError, match="libfribidi0"):
        call_command("title_cards", "--strict")
    # Without --strict (as `make run` calls it) the other languages are drawn and the reason is said.
    from io import StringIO

    err = StringIO()
    call_command("title_cards", stdout=StringIO(), stderr=err)
    assert "libfribidi0" in err.getvalue()


def test_renditions_are_smaller_webp_copies_made_with_the_card_and_removed_with_it(cards_on, seed):
    from django.core.files.storage import default_storage

    from core import title_cards

    call_command("title_cards", verbosity=0)
    film = Film.objects.get(slug="tinghir-jerusalem")
    name = title_cards.card_name(film, "ar")
    with default_storage.open(name) as stream:
        card_bytes = len(stream.read())
    for width in title_cards.RENDITION_WIDTHS:
        rendition = title_cards.rendition_name(name, width)
        with default_storage.open(rendition) as stream:
            data = stream.read()
        with Image.open(BytesIO(data)) as image:
            assert (image.format, image.size) == ("WEBP", (width, round(width * 630 / 1200)))
        assert len(data) < card_bytes / 2
    # A card drawn before renditions existed gets them at the next run, though its text is unchanged.
    default_storage.delete(title_cards.rendition_name(name, 640))
    call_command("title_cards", verbosity=0)
    assert default_storage.exists(title_cards.rendition_name(name, 640))
    film.delete()
    assert not any(default_storage.exists(title_cards.rendition_name(name, w)) for w in title_cards.RENDITION_WIDTHS)
    assert not default_storage.exists(name)
