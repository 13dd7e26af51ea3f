"""The Atom feed of new and changed films and awards, in each language."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.models import Award
from films.models import Film
from people.models import Person
from tests.test_queries import grow

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def fetch(client, language):
    response = client.get(f"/{language}/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return response


@pytest.mark.parametrize(
    "language, film_title, award_word",
    [
        ("fr", "Tinghir-Jérusalem : Les Échos du mellah (2013)", "Prix"),
        ("ar", "تنغير - جيروزاليم: أصداء الملاح (2013)", "جائزة"),
        ("en", "Tinghir-Jerusalem: The Echoes of the Mellah (2013)", "Award"),
    ],
)
def test_a_feed_parser_reads_each_language(seed, client, language, film_title, award_word):
    parsed = feedparser.parse(fetch(client, language).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == language
    titles = [entry.title for entry in parsed.entries]
    assert len(titles) == Film.objects.published().count() + Award.objects.published().count()
    assert film_title in titles
    assert any(award_word in title for title in titles)
    for entry in parsed.entries:
        assert entry.link.startswith(f"http://testserver/{language}/")
        assert entry.id and entry.updated_parsed and entry.published_parsed


def test_the_feed_has_what_the_atom_specification_requires(seed, client):
    root = ET.fromstring(fetch(client, "fr").content)
    assert root.tag == f"{ATOM}feed" and root.get(XML_LANG) == "fr"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/fr/feed/"
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(set(ids))


def test_the_latest_change_comes_first_and_unpublished_items_are_absent(seed, client):
    film = Film.objects.get(slug="in-your-eyes-i-see-my-country")
    film.synopsis_fr = film.synopsis_fr + " Complément."
    film.save()
    Film.objects.filter(slug="tinghir-jerusalem").update(is_published=False)
    parsed = feedparser.parse(fetch(client, "fr").content)
    assert parsed.entries[0].link.endswith("/fr/films/in-your-eyes-i-see-my-country/")
    assert not any("/films/tinghir-jerusalem/" in entry.link for entry in parsed.entries)


def test_an_entry_in_a_fallback_language_says_so(seed, client):
    Film.objects.filter(slug="tinghir-jerusalem").update(title_ar="", synopsis_ar="")
    root = ET.fromstring(fetch(client, "ar").content)
    entry = next(e for e in root.findall(f"{ATOM}entry") if "tinghir-jerusalem" in e.find(f"{ATOM}link").get("href"))
    assert entry.get(XML_LANG) == "fr"
    assert entry.find(f"{ATOM}title").text.startswith("Tinghir-Jérusalem")


def test_every_page_links_to_the_feed_of_its_language(seed, client):
    for language in ("fr", "ar", "en"):
        html = client.get(f"/{language}/people/kamal-hachkar/").content.decode()
        assert f'<link rel="alternate" type="application/atom+xml" href="/{language}/feed/"' in html


def test_the_feed_revalidates_and_runs_a_fixed_number_of_queries(seed, client):
    response = fetch(client, "fr")
    assert response["Last-Modified"] and response["ETag"]
    assert client.get("/fr/feed/", headers={"if-none-match": response["ETag"]}).status_code == 304
    with CaptureQueriesContext(connection) as before:
        fetch(client, "fr")
    grow(Person.objects.get(slug="kamal-hachkar"))
    with CaptureQueriesContext(connection) as after:
        fetch(client, "fr")
    assert len(before) == len(after) == 2
