"""The main navigation links the people index once it lists more than one person."""

import re

import pytest

from people.models import Person
from tests.factories import PersonFactory
from tests.rendered import LANGUAGES, url

pytestmark = pytest.mark.django_db

PEOPLE = {"fr": "Personnes", "ar": "الأشخاص", "en": "People"}


def main_nav(response):
    html = response.content.decode()
    nav = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)


def people_link(client, code, name="home", **kwargs):
    for href, current, label in main_nav(client.get(url(code, name, **kwargs))):
        if href == f"/{code}/people/":
            return label, bool(current)
    return None


def test_one_person_needs_no_people_index_in_the_navigation(client, seed):
    for code in LANGUAGES:
        assert people_link(client, code) is None
        assert [label for _href, _current, label in main_nav(client.get(url(code, "home")))]


def test_a_second_person_brings_the_people_index_into_every_page(client, seed, django_capture_on_commit_callbacks):
    client.get(url("fr", "home"))  # the navigation is remembered until the content changes
    with django_capture_on_commit_callbacks(execute=True):
        PersonFactory(slug="collaborator", name_fr="Une collaboratrice")
    for code in LANGUAGES:
        assert people_link(client, code) == (PEOPLE[code], False)
        assert people_link(client, code, "films:list") == (PEOPLE[code], False)
        # The people index and a person's page belong to the section.
        assert people_link(client, code, "people:list") == (PEOPLE[code], True)
        assert people_link(client, code, "people:detail", slug="kamal-hachkar") == (PEOPLE[code], True)
        # First in the navigation: people, then films, festivals and awards.
        assert main_nav(client.get(url(code, "home")))[0][0] == f"/{code}/people/"

    with django_capture_on_commit_callbacks(execute=True):
        Person.objects.get(slug="collaborator").delete()
    assert people_link(client, "en") is None


def test_an_unpublished_person_does_not_count(client, seed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PersonFactory(slug="draft", is_published=False)
    assert people_link(client, "fr") is None
