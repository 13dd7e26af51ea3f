"""hreflang, canonical, Open Graph, sitemap.xml and robots.txt."""

import re
import xml.etree.ElementTree as ET

import pytest

from tests.browser.pages import LANGUAGES, PAGE_TYPES, page_url
from tests.factories import FestivalFactory, FilmFactory, PersonFactory

pytestmark = pytest.mark.django_db

FOUND_PAGES = [p for p in PAGE_TYPES if p[1] is not None]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def links(html, rel):
    return re.findall(rf'<link rel="{rel}"(?: hreflang="([^"]+)")? href="([^"]+)">', html)


def meta(html, prop):
    return re.findall(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("name,url_name,kwargs,query", FOUND_PAGES, ids=[p[0] for p in FOUND_PAGES])
def test_every_page_has_canonical_and_hreflang(client, seed, code, name, url_name, kwargs, query):
    path = page_url(code, url_name, kwargs)
    html = client.get(page_url(code, url_name, kwargs, query)).content.decode()
    assert links(html, "canonical") == [("", f"http://testserver{path}")]
    alternates = dict(links(html, "alternate"))
    expected = {other: f"http://testserver{page_url(other, url_name, kwargs)}" for other in LANGUAGES}
    expected["x-default"] = expected["fr"].replace("/fr/", "/", 1)
    assert alternates == expected


@pytest.mark.parametrize(
    "code,locale,others", [("fr", "fr_FR", ["ar_AR", "en_GB"]), ("ar", "ar_AR", ["fr_FR", "en_GB"]), ("en", "en_GB", ["fr_FR", "ar_AR"])]
)
def test_open_graph_locale_and_alternates(client, seed, code, locale, others):
    html = client.get(page_url(code, "films:detail", {"slug": "tinghir-jerusalem"})).content.decode()
    assert meta(html, "og:locale") == [locale]
    assert meta(html, "og:locale:alternate") == others
    assert meta(html, "og:type") == ["video.movie"]
    assert meta(html, "og:url") == [f"http://testserver/{code}/films/tinghir-jerusalem/"]
    assert meta(html, "og:title")[0] in html.split("<title>")[1]


def test_open_graph_on_the_person_page(client, seed):
    html = client.get("/ar/people/kamal-hachkar/").content.decode()
    assert meta(html, "og:type") == ["profile"]
    assert meta(html, "og:title") == ["كمال هشكار"]
    assert meta(html, "og:description")[0].startswith("كمال هشكار")


def test_paginated_pages_keep_their_page_in_canonical(client, db):
    for _ in range(51):
        FilmFactory()
    html = client.get("/en/films/?page=2&utm_source=x").content.decode()
    assert links(html, "canonical") == [("", "http://testserver/en/films/?page=2")]
    assert ("ar", "http://testserver/ar/films/?page=2") in links(html, "alternate")


def test_language_switcher_links_carry_lang_and_hreflang(client, seed):
    html = client.get("/fr/search/?q=mellah").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    found = re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)" dir="([^"]+)"', switcher)
    assert found == [
        ("/fr/search/?q=mellah", "fr", "fr", "ltr"),
        ("/ar/search/?q=mellah", "ar", "ar", "rtl"),
        ("/en/search/?q=mellah", "en", "en", "ltr"),
    ]


def test_not_found_page_is_not_indexed(client, seed):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert not links(html, "canonical") and not links(html, "alternate")


def test_search_results_are_not_indexed(client, seed):
    assert '<meta name="robots" content="noindex, follow">' in client.get("/en/search/?q=x").content.decode()


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_sitemap_lists_every_published_page_in_three_languages_with_alternates(client, seed):
    root = sitemap(client)
    locations = [u.find("s:loc", SITEMAP_NS).text for u in root.findall("s:url", SITEMAP_NS)]
    for code in LANGUAGES:
        for path in ["/", "/films/", "/festivals/", "/awards/", "/people/kamal-hachkar/", "/films/tinghir-jerusalem/", "/festivals/ficmec/"]:
            assert f"http://testserver/{code}{path}" in locations
    assert len(locations) == len(set(locations))
    film = next(u for u in root.findall("s:url", SITEMAP_NS) if u.find("s:loc", SITEMAP_NS).text.endswith("/ar/films/tinghir-jerusalem/"))
    alternates = {a.get("hreflang"): a.get("href") for a in film.findall("x:link", SITEMAP_NS)}
    assert alternates == {
        "fr": "http://testserver/fr/films/tinghir-jerusalem/",
        "ar": "http://testserver/ar/films/tinghir-jerusalem/",
        "en": "http://testserver/en/films/tinghir-jerusalem/",
        "x-default": "http://testserver/films/tinghir-jerusalem/",
    }
    assert film.find("s:lastmod", SITEMAP_NS) is not None


def test_sitemap_leaves_out_unpublished_and_future_objects(client, db):
    from datetime import timedelta

    from django.utils import timezone

    FilmFactory(slug="hidden-film", is_published=False)
    FilmFactory(slug="future-film", published_at=timezone.now() + timedelta(days=3))
    PersonFactory(slug="hidden-person", is_published=False)
    FestivalFactory(slug="hidden-festival", is_published=False)
    FilmFactory(slug="shown-film")
    body = client.get("/sitemap.xml").content.decode()
    assert "shown-film" in body
    for hidden in ("hidden-film", "future-film", "hidden-person", "hidden-festival"):
        assert hidden not in body


def test_x_default_address_sends_each_visitor_to_their_language(client, seed):
    response = client.get("/films/tinghir-jerusalem/", headers={"accept-language": "ar"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/films/tinghir-jerusalem/"


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /*/admin/" in lines
