"""An editor's real session in headless Chromium: Arabic tab, poster upload, status badges,
and the change on the Arabic public page."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from films.models import Film
from tests.factories import EditorFactory, FilmFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def badge(page, code):
    """The state class of a language badge in the film's changelist row."""
    cls = page.locator(f"tr:has-text('Tinghir') .tr-badge:has(.tr-badge__code:text-is('{code}'))").get_attribute("class")
    return re.search(r"tr-badge--(\w+)", cls).group(1)


def test_editor_updates_the_arabic_title_and_poster(live_server, page, artifacts, tmp_path):
    EditorFactory(username="amina")
    film = FilmFactory(
        slug="tinghir-jerusalem",
        title_fr="Tinghir-Jérusalem",
        title_ar="تنغير القدس",
        title_en="Tinghir-Jerusalem",
        poster_alt_fr="Affiche du film",
        poster_alt_ar="ملصق الفيلم",
        poster_alt_en="Film poster",
        # Written in every language: only the titles are out of step.
        synopsis_fr="Un film.",
        synopsis_ar="فيلم.",
        synopsis_en="A film.",
    )
    # The French and English titles are corrected after the Arabic one was written.
    film.title_fr = "Tinghir-Jérusalem : les échos du mellah"
    film.title_en = "Tinghir-Jerusalem: Echoes from the Mellah"
    film.save()
    poster = tmp_path / "poster.png"
    Image.new("RGB", (600, 900), (120, 60, 30)).save(poster)

    page.goto(f"{live_server.url}/fr/admin/login/?next=/fr/admin/films/film/")
    page.fill("#id_username", "amina")
    page.fill("#id_password", "a-long-editor-password")
    page.click("input[type=submit]")
    page.wait_for_url("**/fr/admin/films/film/")
    assert badge(page, "AR") == "outdated"
    assert badge(page, "FR") == "complete"
    page.screenshot(path=artifacts / "editor-1-changelist-before.png", full_page=True)

    page.click(f"a[href$='/films/film/{film.pk}/change/']")
    # The page has loaded and its scripts have built the tabs.
    page.wait_for_url(f"**/films/film/{film.pk}/change/")
    title_ar = page.locator("#id_title_ar")
    assert title_ar.get_attribute("dir") == "rtl" and title_ar.get_attribute("lang") == "ar"
    # The tabs work: the Arabic field is hidden until its tab is chosen.
    expect(title_ar).to_be_hidden()
    page.locator(".ui-tabs-nav a", has_text="AR").first.click()
    expect(title_ar).to_be_visible()
    page.screenshot(path=artifacts / "editor-2-arabic-tab.png", full_page=True)

    title_ar.fill("تنغير القدس: أصداء الملاح")
    page.set_input_files("#id_poster", str(poster))
    page.locator("input[name=_save]").first.click()
    page.wait_for_url("**/fr/admin/films/film/")
    assert page.locator(".messagelist .success").count() == 1
    assert badge(page, "AR") == "complete"
    page.screenshot(path=artifacts / "editor-3-changelist-after.png", full_page=True)

    film = Film.objects.get(pk=film.pk)
    assert film.title_ar == "تنغير القدس: أصداء الملاح"
    assert film.poster

    page.goto(f"{live_server.url}/ar/films/tinghir-jerusalem/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "تنغير القدس: أصداء الملاح"
    img = page.locator("img.film__poster")
    assert img.get_attribute("alt") == "ملصق الفيلم"
    assert "w," in img.get_attribute("srcset") and img.get_attribute("width") == "600"
    # The browser really loaded an image (a rendition or the original).
    assert page.evaluate("document.querySelector('img.film__poster').naturalWidth") > 0
    page.screenshot(path=artifacts / "editor-4-arabic-public-page.png", full_page=True)
