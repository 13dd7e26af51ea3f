"""The admin speaks the editor's language, with no French leaking into the Arabic admin.

Django falls back to the site's default language (French) for any string its own Arabic
catalogue lacks; the project's catalogues fill those gaps.
"""

import json

import pytest

pytestmark = pytest.mark.django_db

FRENCH_ONLY = ["Choisir une option", "Exécuter", "Filtrer par", "Déconnexion", "Rechercher dans les"]


def test_arabic_changelist_has_no_french_interface_text(admin_client, seed):
    response = admin_client.get("/ar/admin/films/film/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'dir="rtl"' in html
    assert "- اختر -" in html
    assert "تنفيذ" in html
    for french in FRENCH_ONLY:
        assert french not in html, french


def test_arabic_admin_scripts_catalogue_is_arabic(admin_client):
    response = admin_client.get("/ar/admin/jsi18n/")
    text = response.content.decode()
    assert response.status_code == 200
    # The catalogue is JSON with \u escapes.
    assert json.dumps("اليوم (%(date)s)") in text
    assert "Aujourd" not in text


def test_french_admin_is_french(admin_client, seed):
    html = admin_client.get("/fr/admin/films/film/").content.decode()
    assert "Choisir une option" in html
    assert "Exécuter" in html


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_admin_header_offers_the_same_page_in_every_language(admin_client, code):
    html = admin_client.get(f"/{code}/admin/films/film/").content.decode()
    for other in ("fr", "ar", "en"):
        assert f'<a href="/{other}/admin/films/film/" lang="{other}" hreflang="{other}"' in html
    assert f'href="/{code}/admin/films/film/" lang="{code}" hreflang="{code}" aria-current="true"' in html


def test_admin_is_named_after_the_site_in_the_editors_language(admin_client):
    assert "إدارة موقع كمال هشكار" in admin_client.get("/ar/admin/").content.decode()
    assert "Administration · Kamal Hachkar" in admin_client.get("/fr/admin/").content.decode()


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


@pytest.mark.parametrize(
    ("code", "count"),
    [("ar", "الجوائز: 7"), ("fr", "7 prix"), ("en", "7 awards")],
)
def test_a_list_counts_its_objects_in_the_languages_word_order(admin_client, seed, code, count):
    """Django writes the number before the plural name; Arabic names the list first
    ("الجوائز: 7"), not "7 الجوائز"."""
    html = admin_client.get(f"/{code}/admin/awards/award/").content.decode()
    paginator = html[html.index('<nav class="paginator"'):]
    paginator = paginator[: paginator.index("</nav>")]
    assert count in paginator
