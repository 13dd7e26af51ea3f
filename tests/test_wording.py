"""The words the code composes: titles, descriptions, credits, counts and labels, in three languages."""

import re
from html import unescape

import pytest
from django.utils import translation

from awards.counting import award_count_text, undated_count_text
from core.structured_data import first_paragraph
from films.credits import credit_lines
from tests.browser.pages import PAGE_TYPES, page_url
from tests.factories import CreditFactory, FilmFactory, PersonFactory, RoleFactory
from tests.rendered import LANGUAGES, text, url
from tests.seed_text import CREDITS, TITLE_2019

pytestmark = pytest.mark.django_db


def squash(value):
    return re.sub(r"\s+", " ", value).strip()


def head(response):
    html = response.content.decode()
    title = squash(unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)))
    description = squash(unescape(re.search(r'<meta name="description" content="([^"]*)"', html).group(1)))
    og = squash(unescape(re.search(r'<meta property="og:description" content="([^"]*)"', html).group(1)))
    return title, description, og


# --- page titles ---------------------------------------------------------------------------

PERSON_TITLE = {
    "fr": "Kamal Hachkar, réalisateur et universitaire",
    "ar": "كمال هشكار، مخرج وأكاديمي",
    "en": "Kamal Hachkar, director and academic",
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("name,kwargs", [("home", {}), ("people:detail", {"slug": "kamal-hachkar"})])
def test_person_title_gives_name_and_role_once(client, seed, code, name, kwargs):
    title, _description, _og = head(client.get(url(code, name, **kwargs)))
    assert title == PERSON_TITLE[code]


def test_another_persons_title_keeps_the_sites_name(client, seed):
    PersonFactory(slug="someone", name_en="Someone Else", is_published=True)
    title, _d, _o = head(client.get(url("en", "people:detail", slug="someone")))
    assert title == "Someone Else · Kamal Hachkar"


# --- descriptions ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_description_is_whole_sentences_about_its_page(client, seed, code):
    descriptions = {}
    for name, url_name, kwargs, query in PAGE_TYPES:
        if url_name is None or url_name == "search":
            continue
        _title, description, og = head(client.get(page_url(code, url_name, kwargs, query)))
        assert description == og
        assert not description.endswith("…"), f"{name}: cut in the middle: {description}"
        assert description.endswith("."), f"{name}: not a whole sentence: {description}"
        descriptions[name] = description
    # Each list, festival and film page says what it is about, not the site's generic line.
    pages = ["film-list", "film-detail", "film-detail-sparse", "festival-list", "festival-detail", "awards", "home"]
    assert len({descriptions[p] for p in pages}) == len(pages), descriptions
    assert TITLE_2019[code] in descriptions["film-detail-sparse"]
    assert squash(CREDITS[code]) in descriptions["film-detail-sparse"]
    festival = {"fr": "mémoire commune de Nador", "ar": "والذاكرة المشتركة بالناظور", "en": "Common Memory"}
    assert festival[code] in descriptions["festival-detail"]


def test_the_person_description_keeps_whole_sentences(client, seed):
    _t, description, _o = head(client.get(url("fr", "home")))
    assert description.startswith("Kamal Hachkar, né le 25 février 1977")
    assert description.endswith("salué par la critique.")


def test_first_paragraph_fits_whole_sentences():
    text = "Une première phrase assez courte. Une seconde phrase, bien plus longue que la limite permise ici."
    assert first_paragraph(text, 60) == "Une première phrase assez courte."
    assert first_paragraph("Une phrase unique beaucoup trop longue pour la limite", 30) == "Une phrase unique beaucoup…"
    assert first_paragraph("Court.\n\nSecond paragraphe.", 300) == "Court."


# --- credits --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_film_list_credits_a_director_writer_once(client, seed, code):
    page = text(client.get(url(code, "films:list")))
    assert page.count(CREDITS[code]) == 2


def test_credit_lines_group_roles_per_person(db):
    film = FilmFactory()
    director, writer, producer = (
        RoleFactory(slug="director", name_en="director"),
        RoleFactory(slug="writer", name_en="writer"),
        RoleFactory(slug="producer", name_en="producer", name_fr="producteur"),
    )
    alice, bob = PersonFactory(name_en="Alice"), PersonFactory(name_en="Bob")
    credits = [
        CreditFactory(film=film, person=alice, role=director, order=1),
        CreditFactory(film=film, person=bob, role=producer, order=2),
        CreditFactory(film=film, person=alice, role=writer, order=3),
    ]
    with translation.override("fr"):
        lines = credit_lines(credits)
        assert [(line["label"], line["person"]) for line in lines] == [("Réalisation et scénario", alice), ("Producteur", bob)]
    with translation.override("ar"):
        assert credit_lines(credits)[0]["label"] == "إخراج وسيناريو"


# --- counts ---------------------------------------------------------------------------------

SEVERAL = {"fr": "Plusieurs prix", "ar": "عدة جوائز", "en": "Several awards"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_festival_that_gave_several_awards_is_not_counted_as_one(client, seed, code):
    response = client.get(url(code, "awards:festival_list"))
    cards = re.findall(r'<li class="card">(.*?)</li>', response.content.decode(), re.S)
    moroccan = next(c for c in cards if "moroccan-national-film-festival" in c)
    assert squash(re.sub(r"<[^>]+>", " ", moroccan)).endswith(SEVERAL[code])
    ficmec = next(c for c in cards if "/ficmec/" in c)
    assert {"fr": "2 prix", "ar": "جائزتان", "en": "2 awards"}[code] in ficmec, "exact counts stay exact"


UNDATED = {"fr": "au moins 5 prix", "ar": "5 جوائز على الأقل", "en": "at least 5 awards"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_career_summary_gives_a_minimum_not_a_false_total(client, seed, code):
    html = client.get(url(code, "people:detail", slug="kamal-hachkar")).content.decode()
    career = squash(unescape(re.sub(r"<[^>]+>", " ", re.search(r'<section class="career"(.*?)</section>', html, re.S).group(1))))
    # The undated entries include the Moroccan festival's "several awards": a minimum, not "4 awards".
    assert UNDATED[code] in career
    assert not re.search(r"\b4\b", career)


def test_award_count_wording():
    with translation.override("en"):
        assert award_count_text(7) == "7 awards"
        assert award_count_text(1) == "1 award"
        assert award_count_text(1, 1) == "several awards"
        assert award_count_text(7, 1) == "at least 8 awards"
        assert undated_count_text(4) == "(4 undated)"
        assert undated_count_text(4, 1) == "(at least 5 undated)"
    with translation.override("fr"):
        assert award_count_text(7, 1) == "au moins 8 prix"
        assert award_count_text(1, 1) == "plusieurs prix"


# --- labels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code,label,original,country",
    [
        ("fr", "Nom en arabe كمال هشكار", "(en français)", "États-Unis"),
        ("ar", "الاسم بالحروف اللاتينية Kamal Hachkar", "(بالفرنسية)", "الولايات المتحدة"),
        ("en", "Name in Arabic كمال هشكار", "(in French)", "United States"),
    ],
)
def test_labels(client, seed, code, label, original, country):
    assert label in text(client.get(url(code, "people:detail", slug="kamal-hachkar")))
    film_page = text(client.get(url(code, "films:detail", slug="tinghir-jerusalem")))
    if code == "fr":
        # The French title is the original one: the page does not say it twice.
        assert "Titre original" not in film_page
    else:
        assert original in film_page
    festivals = text(client.get(url(code, "awards:festival_list")))
    assert country in festivals and "Amérique" not in festivals and "of America" not in festivals
    assert "الأمريكية" not in festivals


@pytest.mark.parametrize("code,word", [("fr", "Recherche"), ("ar", "بحث"), ("en", "Search")])
def test_the_search_page_has_one_name(client, seed, code, word):
    html = client.get(url(code, "search"), {"q": "mellah"}).content.decode()
    assert re.search(r"<h1>(.*?)</h1>", html).group(1) == word
    assert squash(unescape(re.search(r"<title>(.*?)</title>", html).group(1))).startswith(word)
