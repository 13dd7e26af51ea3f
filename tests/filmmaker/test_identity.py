"""Structured data with one identity: the same @id for an entity on its three pages, the
Person with its image and awards, the films tied to the Person by @id."""

import json
import re

import pytest
from django.core.management import call_command

from tests.rendered import LANGUAGES, url

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', re.S)


def graph(client, code, name, **kwargs):
    return json.loads(SCRIPT.search(client.get(url(code, name, **kwargs)).content.decode()).group(1))["@graph"]


def nodes(data, type_):
    found = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("@type") == type_:
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


PERSON_ID = "http://testserver/people/kamal-hachkar/#person"
FILM_ID = "http://testserver/films/tinghir-jerusalem/#film"


def test_the_person_has_one_id_in_every_language_and_on_every_page(client, seed):
    for code in LANGUAGES:
        person = graph(client, code, "people:detail", slug="kamal-hachkar")[1]["mainEntity"]
        assert person["@id"] == PERSON_ID
        film = graph(client, code, "films:detail", slug="tinghir-jerusalem")[1]["mainEntity"]
        assert film["@id"] == FILM_ID
        assert {d["@id"] for d in film["director"]} == {PERSON_ID}
        festival = graph(client, code, "awards:festival_detail", slug="ficmec")[1]["mainEntity"]
        assert festival["@id"] == "http://testserver/festivals/ficmec/#festival"


def test_the_identifier_is_an_address_that_answers(client, seed):
    # Without a language prefix the address sends each visitor to their language.
    response = client.get("/people/kamal-hachkar/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302 and response["Location"] == "/ar/people/kamal-hachkar/"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_person_has_awards_and_films_by_id(client, seed, code):
    data = graph(client, code, "people:detail", slug="kamal-hachkar")
    person = data[1]["mainEntity"]
    assert len(person["award"]) == 7
    movies = nodes(data, "Movie")
    assert {m["@id"] for m in movies} == {FILM_ID, "http://testserver/films/in-your-eyes-i-see-my-country/#film"}
    assert all(m["director"] == {"@id": PERSON_ID} and m["author"] == {"@id": PERSON_ID} for m in movies)
    assert [n["@type"] for n in data].count("ProfilePage") == 1


def test_the_person_and_film_images_are_their_cards(client, seed, settings):
    settings.TITLE_CARDS = True
    call_command("title_cards", verbosity=0)
    person = graph(client, "en", "people:detail", slug="kamal-hachkar")[1]["mainEntity"]
    assert person["image"].startswith("http://testserver/media/cards/person/kamal-hachkar.en.png")
    film = graph(client, "ar", "films:detail", slug="tinghir-jerusalem")[1]["mainEntity"]
    assert film["image"].startswith("http://testserver/media/cards/film/tinghir-jerusalem.ar.png")
