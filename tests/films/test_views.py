import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from films.models import Film
from films.views import FilmListView
from tests.factories import AwardFactory, CreditFactory, FilmFactory, PersonFactory, RoleFactory
from tests.rendered import LANGUAGES, html_lang_dir, links, shown, tables, text, url
from tests.seed_text import CREDITS, DIRECTION
from tests.seed_text import NAME as KAMAL
from tests.seed_text import TITLE_2013 as TINGHIR
from tests.seed_text import TITLE_2019 as IN_YOUR_EYES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_film_detail_answers_in_each_language(client, seed, code):
    with translation.override(code):
        url = reverse("films:detail", kwargs={"slug": "tinghir-jerusalem"})
    response = client.get(url)
    assert response.status_code == 200
    assert url.startswith(f"/{code}/")


SYNOPSIS_START = {
    "fr": "Se déroulant sous le protectorat français au Maroc",
    "ar": "تدور أحداث الفيلم في زمن الحماية الفرنسية على المغرب",
    "en": "Set during the French protectorate in Morocco",
}


def film_cards(response):
    """Titles of the films listed, in order."""
    return [a for a in links(response) if re.fullmatch(r"/[a-z]{2}/films/[-\w]+/", a)]


# --- film list ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_film_list_shows_both_films_newest_first_in_each_language(client, seed, code):
    response = client.get(url(code, "films:list"))
    assert response.status_code == 200
    assert html_lang_dir(response) == (code, DIRECTION[code])
    page = text(response)
    assert page.index(IN_YOUR_EYES[code]) < page.index(TINGHIR[code])
    assert film_cards(response) == [
        f"/{code}/films/in-your-eyes-i-see-my-country/",
        f"/{code}/films/tinghir-jerusalem/",
    ]
    assert page.count(CREDITS[code]) == 2 and KAMAL[code] in page


def test_film_list_leaves_out_unpublished_and_scheduled_films(client, seed):
    FilmFactory(slug="draft-film", title_en="Draft film", is_published=False)
    FilmFactory(slug="future-film", title_en="Future film", published_at=timezone.now() + timedelta(hours=2))
    for code in LANGUAGES:
        response = client.get(url(code, "films:list"))
        assert len(film_cards(response)) == 2
        assert "draft-film" not in response.content.decode()
        assert "future-film" not in response.content.decode()


def test_film_list_hides_credits_of_unpublished_people(client, seed):
    film = Film.objects.get(slug="tinghir-jerusalem")
    CreditFactory(film=film, person=PersonFactory(name_en="Hidden Person", is_published=False), role=RoleFactory(slug="writer"))
    assert "Hidden Person" not in text(client.get(url("en", "films:list")))


def test_empty_film_list_says_so(client, db):
    for code in LANGUAGES:
        response = client.get(url(code, "films:list"))
        assert response.status_code == 200
        with translation.override(code):
            assert shown(code, gettext("No films yet.")) in text(response)


def test_film_list_pages_through_many_films(client, db):
    # Newest first, then by slug: the years make the order differ from creation order.
    films = [FilmFactory(slug=f"film-{n:02}", year=1990 + n % 7) for n in range(30)]
    expected = [f"/en/films/{f.slug}/" for f in sorted(films, key=lambda f: (-f.year, f.slug))]
    first = client.get(url("en", "films:list"))
    second = client.get(url("en", "films:list") + "?page=2")
    assert len(film_cards(first)) == FilmListView.paginate_by == 24
    assert film_cards(first) + film_cards(second) == expected
    assert film_cards(client.get(url("en", "films:list") + "?page=last")) == film_cards(second)


def test_film_list_pages_link_to_each_other(client, db):
    FilmFactory.create_batch(30)
    first = client.get(url("en", "films:list"))
    second = client.get(url("en", "films:list") + "?page=2")
    assert "?page=2" in links(first) and "?page=1" not in links(first)
    assert "?page=1" in links(second) and "?page=3" not in links(second)
    assert "Page 1 of 2" in text(first) and "Page 2 of 2" in text(second)


def test_a_later_page_of_films_numbers_its_structured_data_on_from_the_page_before(client, db):
    FilmFactory.create_batch(30)
    html = client.get(url("en", "films:list") + "?page=2").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    listing = next(node for node in data["@graph"] if node["@type"] == "CollectionPage")["mainEntity"]
    assert [item["position"] for item in listing["itemListElement"]] == list(range(25, 31))


def test_a_later_page_of_films_shows_their_credits(client, db):
    person, role = PersonFactory(name_en="Late Director"), RoleFactory(slug="director")
    films = [FilmFactory(slug=f"film-{n:02}", year=2000) for n in range(26)]
    CreditFactory(film=films[-1], person=person, role=role)
    assert "Late Director" in text(client.get(url("en", "films:list") + "?page=2"))
    assert "Late Director" not in text(client.get(url("en", "films:list")))


# --- film detail --------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_film_detail_shows_title_year_genre_credits_and_synopsis(client, seed, code):
    response = client.get(url(code, "films:detail", slug="tinghir-jerusalem"))
    assert html_lang_dir(response) == (code, DIRECTION[code])
    page = text(response)
    assert TINGHIR[code] in page
    assert "2013" in page
    assert {"fr": "documentaire", "ar": "وثائقي", "en": "documentary"}[code] in page
    # One line for the director who also wrote the film, not his name twice under two headings.
    label, name = CREDITS[code].split(":")
    assert f"{label.strip()} {name.strip()}" in page
    assert links(response).count(f"/{code}/people/kamal-hachkar/") == 1
    assert SYNOPSIS_START[code] in page
    assert f"/{code}/people/kamal-hachkar/" in links(response)


@pytest.mark.parametrize("code", LANGUAGES)
def test_film_detail_lists_the_films_awards_unknown_years_marked(client, seed, code):
    response = client.get(url(code, "films:detail", slug="tinghir-jerusalem"))
    with translation.override(code):
        # Every award was won: no Outcome column saying so seven times.
        headers = [gettext(h) for h in ("Year", "Festival", "Award")]
        unknown = gettext("Year not known")
    (awards,) = [t for t in tables(response) if t["headers"] == headers]
    years = [row[0] for row in awards["rows"]]
    assert years[:3] == ["2015", "2013", "2013"]
    assert len(years) == 7
    assert all(unknown in year for year in years[3:])
    assert f"/{code}/festivals/ficmec/" in links(response)


def test_film_without_awards_says_so(client, seed):
    response = client.get(url("en", "films:detail", slug="in-your-eyes-i-see-my-country"))
    assert response.status_code == 200
    with translation.override("en"):
        assert gettext("No awards yet.") in text(response)


def test_missing_arabic_title_shows_the_french_one_marked_as_french(client, seed):
    Film.objects.filter(slug="in-your-eyes-i-see-my-country").update(title_ar="")
    response = client.get(url("ar", "films:detail", slug="in-your-eyes-i-see-my-country"))
    assert response.status_code == 200
    assert '<span lang="fr" dir="ltr">Dans tes yeux, je vois mon pays</span>' in response.content.decode()


def test_film_detail_hides_unpublished_awards_and_credits(client, seed):
    film = Film.objects.get(slug="tinghir-jerusalem")
    AwardFactory(film=film, category_en="Secret prize", is_published=False)
    AwardFactory(film=film, category_en="Prize at a hidden festival", festival__is_published=False)
    CreditFactory(film=film, person=PersonFactory(name_en="Hidden Person", is_published=False))
    page = text(client.get(url("en", "films:detail", slug="tinghir-jerusalem")))
    assert "Secret prize" not in page
    assert "Prize at a hidden festival" not in page
    assert "Hidden Person" not in page


@pytest.mark.parametrize(
    "change",
    [{"is_published": False}, {"published_at": timezone.now() + timedelta(days=1)}],
    ids=["draft", "scheduled"],
)
def test_unpublished_film_is_not_found_in_any_language(client, seed, change):
    Film.objects.filter(slug="in-your-eyes-i-see-my-country").update(**change)
    for code in LANGUAGES:
        assert client.get(url(code, "films:detail", slug="in-your-eyes-i-see-my-country")).status_code == 404
        assert IN_YOUR_EYES[code] not in text(client.get(url(code, "films:list")))
        # The biography still tells the story, but no page links to the hidden film.
        for name in ("home", "films:list", "awards:list"):
            assert f"/{code}/films/in-your-eyes-i-see-my-country/" not in links(client.get(url(code, name)))


@pytest.mark.parametrize(
    "path",
    [
        "/fr/films/no-such-film/",
        "/ar/films/tinghir-jerusalem/extra/",
        "/en/films/?page=99",
        "/en/films/?page=abc",
        "/en/films/?page=0",
        "/fr/films/%E2%80%AE/",
        "/fr/films/" + "a" * 500 + "/",
        "/fr/films/tinghir%20jerusalem/",
        "/de/films/tinghir-jerusalem/",
    ],
)
def test_bad_film_urls_are_not_found(client, seed, path):
    assert client.get(path).status_code == 404
