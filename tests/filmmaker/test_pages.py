"""The pages of the reading site: the film page, the people index, the 404 switcher and the
festivals in each language's order."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from films.models import Film
from tests.factories import CreditFactory, FestivalFactory, PersonFactory, RoleFactory
from tests.rendered import LANGUAGES, links, tables, text, url

pytestmark = pytest.mark.django_db


def label(code, message):
    with translation.override(code):
        return gettext(message)


# --- the 404 page's language switcher -----------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_404_switcher_leads_to_each_language(client, seed, code):
    response = client.get(f"/{code}/no-such-page/?x=1")
    assert response.status_code == 404
    targets = links(response, within="language-switcher")
    assert targets == ["/fr/no-such-page/?x=1", "/ar/no-such-page/?x=1", "/en/no-such-page/?x=1"]


def test_a_missing_film_switches_to_the_same_address_in_each_language(client, seed):
    targets = links(client.get("/ar/films/no-such-film/"), within="language-switcher")
    assert targets == ["/fr/films/no-such-film/", "/ar/films/no-such-film/", "/en/films/no-such-film/"]


# --- festivals by name in the page's language --------------------------------------------


def festival_names(client, code):
    html = client.get(url(code, "awards:festival_list")).content.decode()
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.parametrize("code", LANGUAGES)
def test_festivals_are_in_the_alphabetical_order_of_their_names(client, seed, code):
    names = festival_names(client, code)
    assert len(names) == 6
    assert names == sorted(names, key=str.casefold)


def test_the_order_follows_the_language(client, db):
    FestivalFactory(slug="a-slug", name_fr="Zèbre", name_ar="ب", name_en="Banana")
    FestivalFactory(slug="z-slug", name_fr="Abricot", name_ar="أ", name_en="Apple")
    assert festival_names(client, "fr") == ["Abricot", "Zèbre"]
    assert festival_names(client, "en") == ["Apple", "Banana"]


def test_a_festival_page_has_one_table_with_its_years(client, seed):
    response = client.get(url("en", "awards:festival_detail", slug="ficmec"))
    html = response.content.decode()
    assert "<h3>" not in html, "no heading per year above a Year column"
    (table,) = tables(response)
    assert table["headers"] == ["Year", "Award", "Film"], "every prize was won: no Outcome column"


# --- the film page --------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_film_page_has_an_infobox_and_ways_back(client, seed, code):
    response = client.get(url(code, "films:detail", slug="tinghir-jerusalem"))
    html = response.content.decode()
    infobox = html[html.index('<aside class="infobox"') : html.index("</aside>")]
    assert label(code, "Year") in infobox and "2013" in infobox
    assert label(code, "Genre") in infobox
    # The year is said once, in the infobox, not again under the title.
    header = html[html.index('<header class="page-header">') : html.index("</header>", html.index('<header class="page-header">'))]
    assert "2013" not in header
    # Links back: the films, and the director's filmography.
    assert url(code, "films:list") in links(response, within="breadcrumbs")
    assert f"/{code}/people/kamal-hachkar/#filmography" in links(response)
    # Credits grouped: the director who also wrote the film is named once, with both roles.
    assert infobox.count(f'href="/{code}/people/kamal-hachkar/"') == 1


def test_the_original_title_is_shown_only_where_it_differs(client, seed):
    fr = client.get(url("fr", "films:detail", slug="tinghir-jerusalem")).content.decode()
    en = client.get(url("en", "films:detail", slug="tinghir-jerusalem")).content.decode()
    assert label("fr", "Original title") not in fr  # the French title is the original
    assert label("en", "Original title") in en and "Tinghir-Jérusalem : Les Échos du mellah" in en


def test_credits_of_one_role_share_a_line(client, seed):
    film = Film.objects.get(slug="tinghir-jerusalem")
    director = RoleFactory(slug="director") if not film.credits.filter(role__slug="director").exists() else film.credits.get(role__slug="director").role
    CreditFactory(film=film, person=PersonFactory(slug="co-director", name_en="Co Director"), role=director, order=5)
    CreditFactory(film=film, person=PersonFactory(slug="second-director", name_en="Second Director"), role=director, order=6)
    html = client.get(url("en", "films:detail", slug="tinghir-jerusalem")).content.decode()
    # Hachkar, who also wrote the film, has his own line; the two co-directors share one.
    assert re.search(r"<dt>Director and writer</dt>\s*<dd><a[^>]*>Kamal Hachkar</a></dd>", html)
    assert re.search(r"<dt>Director</dt>\s*<dd><a[^>]*>Co Director</a>, <a[^>]*>Second Director</a></dd>", html)


# --- the people index ----------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_people_index_lists_everyone_with_a_public_page(client, seed, code):
    PersonFactory(slug="hidden-person", name_en="Hidden", is_published=False)
    response = client.get(url(code, "people:list"))
    assert response.status_code == 200
    assert f"/{code}/people/kamal-hachkar/" in links(response)
    assert "/people/hidden-person/" not in response.content.decode()
    page = text(response)
    assert {"fr": "Réalisateur", "ar": "مخرج", "en": "Director"}[code].lower() in page.lower()
    assert f"/{code}/films/tinghir-jerusalem/" in links(response)
    assert f"/{code}/people/" in links(client.get(url(code, "home")))


@pytest.mark.parametrize(
    "code,synopsis,reception",
    [("fr", "protectorat", "islamistes"), ("ar", "الحماية", "الإسلاميون"), ("en", "protectorate", "Islamists")],
)
def test_the_synopsis_tells_the_film_and_the_reception_follows(client, seed, code, synopsis, reception):
    html = client.get(url(code, "films:detail", slug="tinghir-jerusalem")).content.decode()
    synopsis_section = html[html.index('id="synopsis"') : html.index('id="reception"')]
    reception_section = html[html.index('id="reception"') : html.index('id="awards"')]
    assert synopsis in synopsis_section and reception not in synopsis_section
    assert reception in reception_section


def test_no_reception_heading_without_one(client, seed):
    html = client.get(url("en", "films:detail", slug="in-your-eyes-i-see-my-country")).content.decode()
    assert 'id="reception"' not in html


@pytest.mark.parametrize("path", ["/fr//a[/", "/ar//x]y/", "/en///[::1]/"])
def test_an_address_with_a_doubled_slash_is_a_plain_404(client, path):
    # Without the language prefix "//a[" would read as a host name with a broken IPv6 address.
    response = client.get(path)
    assert response.status_code == 404
    assert b"<html lang=" in response.content
