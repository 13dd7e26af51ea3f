"""Home page, person page, the 404 page, the root redirect and the language switcher."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext

from awards.models import Festival
from people.models import Person
from tests.factories import AwardFactory, CreditFactory, FilmFactory, PersonFactory, RoleFactory
from tests.rendered import LANGUAGES, html_lang_dir, links, shown, tables, text, url
from tests.seed_text import DIRECTION, DOCUMENTARY, NAME

pytestmark = pytest.mark.django_db

BORN = {"fr": "25 février 1977", "ar": "25 فبراير 1977", "en": "25 February 1977"}
TITLES = {
    "tinghir-jerusalem": {
        "fr": "Tinghir-Jérusalem : Les Échos du mellah",
        "ar": "تنغير - جيروزاليم: أصداء الملاح",
        "en": "Tinghir-Jerusalem: The Echoes of the Mellah",
    },
    "in-your-eyes-i-see-my-country": {
        "fr": "Dans tes yeux, je vois mon pays",
        "ar": "في عينيك أرى بلدي",
        "en": "In Your Eyes, I See My Country",
    },
}
ROLES = {"fr": ("réalisateur", "scénariste"), "ar": ("مخرج", "كاتب السيناريو"), "en": ("director", "writer")}

PERSON_PAGES = [("home", {}), ("people:detail", {"slug": "kamal-hachkar"})]


def labels(code, *messages):
    with translation.override(code):
        return [gettext(m) for m in messages]


# --- every page in every language ------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("name, kwargs", PERSON_PAGES, ids=["home", "person"])
def test_person_pages_answer_in_each_language(client, seed, code, name, kwargs):
    response = client.get(url(code, name, **kwargs))
    assert response.status_code == 200
    assert html_lang_dir(response) == (code, DIRECTION[code])
    page = text(response)
    assert NAME[code] in page
    assert BORN[code] in page


def test_arabic_page_shows_the_name_in_arabic_and_the_latin_form_beside_it(client, seed):
    response = client.get(url("ar", "home"))
    content = response.content.decode()
    assert '<h1 id="person-name">كمال هشكار</h1>' in content
    # The Latin spelling is marked as French, left to right.
    assert '<dd lang="fr" dir="ltr">Kamal Hachkar</dd>' in content


def test_french_page_shows_the_arabic_name_marked_right_to_left(client, seed):
    content = client.get(url("fr", "home")).content.decode()
    assert '<dd lang="ar" dir="rtl">كمال هشكار</dd>' in content


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_is_the_featured_person(client, seed, code):
    home = text(client.get(url(code, "home")))
    person = text(client.get(url(code, "people:detail", slug="kamal-hachkar")))
    assert home == person


# --- filmography -----------------------------------------------------------------------


def table_with(response, code, *headers):
    """The table whose column headers are these (translated) labels."""
    expected = labels(code, *headers)
    return next(t for t in tables(response) if t["headers"] == expected)


def filmography(response, code):
    return table_with(response, code, "Year", "Film", "Role", "Genre", "Ref.")


def awards_table(response, code):
    return table_with(response, code, "Year", "Festival", "Award", "Outcome", "Film")


@pytest.mark.parametrize("code", LANGUAGES)
def test_filmography_table_has_both_films_with_roles_and_genre(client, seed, code):
    table = filmography(client.get(url(code, "home")), code)
    with translation.override(code):
        roles = pgettext("list separator", ", ").join(ROLES[code])
    assert [row[:4] for row in table["rows"]] == [
        ["2013", TITLES["tinghir-jerusalem"][code], roles, DOCUMENTARY[code]],
        ["2019", TITLES["in-your-eyes-i-see-my-country"][code], roles, DOCUMENTARY[code]],
    ]


def test_filmography_links_each_film_in_the_same_language(client, seed):
    response = client.get(url("ar", "home"))
    assert "/ar/films/tinghir-jerusalem/" in links(response)
    assert "/ar/films/in-your-eyes-i-see-my-country/" in links(response)


def test_filmography_leaves_out_unpublished_and_scheduled_films(client, seed):
    kamal = seed
    director = RoleFactory(slug="director")
    CreditFactory(person=kamal, role=director, film=FilmFactory(slug="draft-film", title_fr="Film en chantier", is_published=False))
    CreditFactory(
        person=kamal,
        role=director,
        film=FilmFactory(slug="future-film", title_fr="Film à venir", published_at=timezone.now() + timedelta(days=3)),
    )
    for code in LANGUAGES:
        response = client.get(url(code, "home"))
        assert len(filmography(response, code)["rows"]) == 2
        assert "/films/draft-film/" not in response.content.decode()
        assert "/films/future-film/" not in response.content.decode()


def test_person_without_credits_says_so(client, db):
    PersonFactory(slug="someone", name_en="Someone")
    response = client.get(url("en", "people:detail", slug="someone"))
    assert response.status_code == 200
    with translation.override("en"):
        assert gettext("No films yet.") in text(response)


# --- awards on the person page ----------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_person_page_lists_every_award_unknown_years_marked(client, seed, code):
    response = client.get(url(code, "home"))
    awards = awards_table(response, code)
    assert len(awards["rows"]) == 7
    years = [row[0] for row in awards["rows"]]
    (unknown,) = labels(code, "Year not known")
    assert years[:3] == ["2015", "2013", "2013"]
    assert all(unknown in year for year in years[3:])


def test_award_given_to_the_person_directly_is_listed(client, seed):
    AwardFactory(film=None, person=seed, year=2020, category_en="Lifetime award")
    rows = awards_table(client.get(url("en", "home")), "en")["rows"]
    assert rows[0][0] == "2020"
    assert rows[0][2] == "Lifetime award"
    assert rows[0][4] == "Kamal Hachkar"


def test_person_page_hides_awards_of_unpublished_festivals(client, seed):
    Festival.objects.filter(slug="ficmec").update(is_published=False)
    rows = awards_table(client.get(url("en", "home")), "en")["rows"]
    categories = {row[2] for row in rows}
    assert len(rows) == 5
    assert "Grand Prize for Best Documentary" not in categories
    assert "Local and Public Press Award" not in categories
    assert "Pomegranate Award for Sephardi Excellence in the Arts" in categories


# --- publication ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [{"is_published": False}, {"published_at": timezone.now() + timedelta(days=1)}],
    ids=["draft", "scheduled"],
)
def test_unpublished_person_is_not_found_in_any_language(client, seed, change):
    Person.objects.filter(slug="kamal-hachkar").update(**change)
    for code in LANGUAGES:
        assert client.get(url(code, "people:detail", slug="kamal-hachkar")).status_code == 404
        home = client.get(url(code, "home"))
        assert home.status_code == 200
        assert BORN[code] not in text(home)
        with translation.override(code):
            assert shown(code, gettext("Nothing has been published yet.")) in text(home)


def test_home_page_without_content_still_answers(client, db):
    for code in LANGUAGES:
        response = client.get(url(code, "home"))
        assert response.status_code == 200
        with translation.override(code):
            assert shown(code, gettext("Nothing has been published yet.")) in text(response)


def test_home_page_shows_another_person_when_the_featured_one_is_missing(client, db):
    PersonFactory(slug="someone", name_en="Someone Else")
    assert "Someone Else" in text(client.get(url("en", "home")))


# --- root redirect ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept, target",
    [
        ("ar", "/ar/"),
        ("ar-MA,ar;q=0.9,fr;q=0.8", "/ar/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/fr/"),
        ("de-DE,de;q=0.9", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_by_accept_language(client, seed, accept, target):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == target


def test_unprefixed_page_redirects_to_the_visitors_language(client, seed):
    response = client.get("/films/", headers={"Accept-Language": "ar"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/ar/films/"


# --- language switcher --------------------------------------------------------------------


SWITCHER_PAGES = [
    ("home", {}),
    ("people:detail", {"slug": "kamal-hachkar"}),
    ("films:list", {}),
    ("films:detail", {"slug": "tinghir-jerusalem"}),
    ("awards:festival_list", {}),
    ("awards:festival_detail", {"slug": "ficmec"}),
    ("awards:list", {}),
]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("name, kwargs", SWITCHER_PAGES, ids=[n for n, _k in SWITCHER_PAGES])
def test_language_switcher_keeps_the_visitor_on_the_same_page(client, seed, code, name, kwargs):
    response = client.get(url(code, name, **kwargs))
    targets = links(response, within="language-switcher")
    assert targets == [url(other, name, **kwargs) for other in LANGUAGES]
    for other, target in zip(LANGUAGES, targets):
        followed = client.get(target)
        assert followed.status_code == 200
        assert html_lang_dir(followed) == (other, DIRECTION[other])


# --- not found ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_unknown_page_is_a_404_in_the_visitors_language(client, seed, code):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    assert html_lang_dir(response) == (code, DIRECTION[code])
    with translation.override(code):
        assert gettext("Page not found") in text(response)
    assert f"/{code}/" in links(response)


@pytest.mark.parametrize(
    "path",
    [
        "/fr/people/nobody/",
        "/ar/people/kamal-hachkar/extra/",
        "/en/people/",
        "/xx/",
        "/xx/films/",
        "/fr/people/%E2%80%AE/",
        "/fr/people/" + "a" * 500 + "/",
        "/fr/people/<script>/",
        "/fr/people/kamal-hachkar%00/",
        "/no-such-page/",
    ],
)
def test_bad_person_urls_are_not_found(client, seed, path):
    assert client.get(path).status_code == 404
