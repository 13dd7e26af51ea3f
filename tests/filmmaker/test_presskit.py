"""Press kits: a PDF per person and language, with the right facts in the right language and
direction, rebuilt after a change and never while a visitor waits."""

import re
import shutil
import subprocess
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from filmmaker import presskit
from filmmaker.views import person_queryset
from people.models import Person

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext, pdftoppm)"),
]

EXPECTED = {
    "fr": ["Dossier de presse", "Biographie", "Filmographie", "Prix", "Contacts", "Tinghir-Jérusalem", "25 février 1977"],
    "ar": ["الملف الصحفي", "كمال هشكار", "السيرة", "الأعمال السينمائية", "الجوائز", "للتواصل", "فبراير"],
    "en": ["Press kit", "Biography", "Filmography", "Awards", "Contacts", "Tinghir-Jerusalem", "25 February 1977"],
}


def kit(language):
    return presskit.write(person_queryset().get(slug="kamal-hachkar"), language)


def text_of(path):
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_each_language_has_the_facts_in_that_language(seed, language):
    path = kit(language)
    assert path.name == f"kamal-hachkar-{language}.pdf"
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    plain = text_of(path)
    for expected in EXPECTED[language]:
        assert expected in plain or expected in text, expected
    # Every award the site shows, and the person's own page in this language.
    assert f"/{language}/people/kamal-hachkar/" in plain
    assert plain.count("2013") >= 3
    others = {"fr": "Biographie", "en": "Biography", "ar": "السيرة"}
    for other, word in others.items():
        if other != language:
            assert word not in plain
    # The site's fonts are embedded; nothing is fetched from elsewhere.
    fonts = {
        font["/BaseFont"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Noto-Sans" in str(name) for name in fonts)
    if language == "ar":
        assert any("Arabic" in str(name) for name in fonts)


def words_with_boxes(path):
    """(word, x_min, x_max) on page 1, from pdftotext's bounding boxes."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True).stdout
    page_width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    words = [
        (word, float(x_min), float(x_max))
        for x_min, x_max, word in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)
    ]
    return page_width, words


def test_arabic_runs_right_to_left_and_french_left_to_right(seed):
    width, arabic = words_with_boxes(kit("ar"))
    # pdftotext gives Arabic words in visual order, letters right to left: read them back.
    boxes = {}
    for word, x_min, x_max in arabic:  # The first time each word appears: the title block.
        boxes.setdefault(word[::-1], (x_min, x_max))
    # The name's first word is on the right of its second, and the heading ends at the right margin.
    assert boxes["كمال"][0] > boxes["هشكار"][1]
    assert boxes["كمال"][1] > width * 0.8
    width, french = words_with_boxes(kit("fr"))
    boxes = {}
    for word, x_min, x_max in french:
        boxes.setdefault(word, (x_min, x_max))
    assert boxes["Kamal"][1] < boxes["Hachkar"][0]
    assert boxes["Kamal"][0] < width * 0.2


def ink_centre(png, top, bottom):
    """The horizontal centre of the dark pixels between two heights (fractions of the page)."""
    image = Image.open(BytesIO(png)).convert("L")
    width, height = image.size
    band = image.crop((0, int(height * top), width, int(height * bottom)))
    xs = [x for x in range(band.width) for y in range(0, band.height, 2) if band.getpixel((x, y)) < 128]
    assert xs, "the band is blank"
    return sum(xs) / len(xs) / width


@pytest.mark.parametrize("language, side", [("fr", "left"), ("ar", "right"), ("en", "left")])
def test_the_first_page_rendered_as_an_image_starts_on_the_reading_side(seed, language, side):
    path = kit(language)
    png = subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", str(path)], capture_output=True, check=True).stdout
    # The title block (label, name, facts) in the upper part of the page.
    centre = ink_centre(png, 0.05, 0.22)
    assert (centre < 0.45) if side == "left" else (centre > 0.55)


def test_the_person_page_links_the_press_kit_of_its_language_once_it_exists(seed, client):
    assert "press-kit-link" not in client.get("/fr/people/kamal-hachkar/").content.decode()
    # A visitor's request never builds it.
    assert presskit.url(Person.objects.get(slug="kamal-hachkar"), "fr") is None

    call_command("build_press_kits", stdout=StringIO())
    for language in ("fr", "ar", "en"):
        html = client.get(f"/{language}/people/kamal-hachkar/").content.decode()
        link = re.search(r'<a href="([^"]+)" type="application/pdf" class="press-kit-link">', html)
        assert link and f"/media/presskit/kamal-hachkar-{language}.pdf?v=" in link.group(1)
        assert presskit.file_path(Person.objects.get(slug="kamal-hachkar"), language).stat().st_size > 10_000


def test_a_change_rebuilds_after_commit_and_unpublishing_removes_the_kit(seed, settings, django_capture_on_commit_callbacks):
    settings.PRESS_KIT_BUILD = "sync"
    person = Person.objects.get(slug="kamal-hachkar")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        person.summary_fr = "Résumé changé pour le dossier de presse."
        person.save()
        # Nothing is built before the change is committed.
        assert presskit.url(person, "fr") is None
    assert callbacks
    assert "Résumé changé pour le dossier de presse." in text_of(presskit.file_path(person, "fr"))

    with django_capture_on_commit_callbacks(execute=True):
        person.is_published = False
        person.save()
    assert not presskit.file_path(person, "fr").exists()


def test_loading_content_and_the_off_setting_build_nothing(seed, django_capture_on_commit_callbacks):
    person = Person.objects.get(slug="kamal-hachkar")
    with django_capture_on_commit_callbacks(execute=True):
        person.save()
    assert presskit.url(person, "fr") is None


def test_a_portrait_is_printed(seed, settings):
    from django.core.files.base import ContentFile

    buffer = BytesIO()
    Image.new("RGB", (300, 400), (120, 60, 30)).save(buffer, format="PNG")
    person = Person.objects.get(slug="kamal-hachkar")
    person.portrait.save("portrait.png", ContentFile(buffer.getvalue()), save=True)
    reader = PdfReader(kit("en"))
    assert len(reader.pages[0].images) == 1



def test_building_a_press_kit_leaves_truncated_images_refused(seed):
    # WeasyPrint's import turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process.
    kit("fr")
    jpeg = BytesIO()
    Image.effect_noise((256, 256), 64).convert("RGB").save(jpeg, "JPEG")
    cut = jpeg.getvalue()[: len(jpeg.getvalue()) // 2]
    with pytest.raises(OSError, match="truncated"):
        Image.open(BytesIO(cut)).load()
