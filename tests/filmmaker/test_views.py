"""Home page, person page, the 404 page, the root redirect and the language switcher."""

import re

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

PERSON_PAGES = [("people:detail", {"slug": "kamal-hachkar"})]
PERSON = ("people:detail", {"slug": "kamal-hachkar"})


def person_page(client, code):
    return client.get(url(code, PERSON[0], **PERSON[1]))


def labels(code, *messages):
    with translation.override(code):
        return [gettext(m) for m in messages]


# --- every page in every language ------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("name, kwargs", PERSON_PAGES, ids=["person"])
def test_person_pages_answer_in_each_language(client, seed, code, name, kwargs):
    response = client.get(url(code, name, **kwargs))
    assert response.status_code == 200
    assert html_lang_dir(response) == (code, DIRECTION[code])
    page = text(response)
    assert NAME[code] in page
    assert BORN[code] in page


def test_arabic_page_shows_the_name_in_arabic_and_the_latin_form_beside_it(client, seed):
    response = person_page(client, "ar")
    content = response.content.decode()
    assert '<h1 id="person-name">كمال هشكار</h1>' in content
    # The Latin spelling is marked as French, left to right.
    assert '<dd lang="fr" dir="ltr">Kamal Hachkar</dd>' in content


def test_french_page_shows_the_arabic_name_marked_right_to_left(client, seed):
    content = person_page(client, "fr").content.decode()
    assert '<dd lang="ar" dir="rtl">كمال هشكار</dd>' in content


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_introduces_the_featured_person_without_copying_the_profile(client, seed, code):
    response = client.get(url(code, "home"))
    home = text(response)
    person = text(person_page(client, code))
    assert home != person
    assert NAME[code] in home
    # Who the filmmaker is (the summary), the films, and the way into the biography.
    assert {"fr": "cinéaste et universitaire", "ar": "مخرج سينمائي وأكاديمي", "en": "filmmaker and academic"}[code] in home
    for titles in TITLES.values():
        assert titles[code] in home
    assert f"/{code}/people/kamal-hachkar/" in links(response)
    for section in ("films:list", "awards:festival_list", "awards:list"):
        assert url(code, section) in links(response)
    # Not the profile again: no biography, no infobox, no filmography table.
    assert 'class="infobox"' not in response.content.decode()
    assert 'id="person-name"' not in response.content.decode()
    assert not tables(response)


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
    table = filmography(person_page(client, code), code)
    with translation.override(code):
        roles = pgettext("list separator", ", ").join(ROLES[code])
    assert [row[:4] for row in table["rows"]] == [
        ["2013", TITLES["tinghir-jerusalem"][code], roles, DOCUMENTARY[code]],
        ["2019", TITLES["in-your-eyes-i-see-my-country"][code], roles, DOCUMENTARY[code]],
    ]


def test_filmography_links_each_film_in_the_same_language(client, seed):
    response = person_page(client, "ar")
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
        response = person_page(client, code)
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


AWARD_ITEM = re.compile(r'<li id="award-([a-z0-9-]+)">')


def award_slugs(response):
    return AWARD_ITEM.findall(response.content.decode())


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_award_appears_in_one_list_grouped_by_film(client, seed, code):
    from awards.models import Award

    response = person_page(client, code)
    html = response.content.decode()
    slugs = award_slugs(response)
    assert sorted(slugs) == sorted(Award.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == 7, "each award once"
    # Not in a table (the old one said "Won" on every row and repeated the film seven times).
    assert not [t for t in tables(response) if labels(code, "Outcome")[0] in t["headers"]]
    # The film is the group's heading, once; its festivals follow, newest first, unknown years last.
    assert html.count(f'<h3 id="award-group-1"><a href="/{code}/films/tinghir-jerusalem/">') == 1
    newest = html.index("award-new-york-sephardic-2015-pomegranate-award")
    unknown = html.index("award-ficmec-grand-prize-best-documentary")
    assert newest < html.index("award-paris-fantastic-2013-best-documentary") < unknown
    # The timeline counts the awards instead of naming them again.
    timeline = html[html.index('class="career"') : html.index('id="filmography"')]
    assert "award-" not in timeline and "Pomegranate" not in timeline


def test_two_prizes_at_one_festival_share_a_row(client, seed):
    html = person_page(client, "en").content.decode()
    row = html[html.index("award-ficmec-grand-prize-best-documentary") - 600 : html.index("award-ficmec-grand-prize-best-documentary")]
    assert "/en/festivals/ficmec/" in row
    assert html.count('href="/en/festivals/ficmec/"') == 1


def test_award_given_to_the_person_directly_is_listed(client, seed):
    AwardFactory(film=None, person=seed, year=2020, slug="lifetime", category_en="Lifetime award")
    response = person_page(client, "en")
    html = response.content.decode()
    assert "lifetime" in award_slugs(response)
    assert labels("en", "Other awards")[0] in html
    # Awards to the person alone come after the films' awards.
    assert html.index('id="award-lifetime"') > html.index('id="award-ficmec-grand-prize-best-documentary"')


def test_person_page_hides_awards_of_unpublished_festivals(client, seed):
    Festival.objects.filter(slug="ficmec").update(is_published=False)
    slugs = award_slugs(person_page(client, "en"))
    assert len(slugs) == 5
    assert "ficmec-grand-prize-best-documentary" not in slugs
    assert "new-york-sephardic-2015-pomegranate-award" in slugs


def test_a_long_award_list_is_bounded_per_film_with_a_link_to_all(client, seed):
    from filmmaker.award_groups import FESTIVALS_PER_FILM
    from tests.factories import FestivalFactory

    film = seed.credits.first().film
    for n in range(FESTIVALS_PER_FILM + 3):
        AwardFactory(film=film, person=None, year=2000 + n, slug=f"many-{n}", festival=FestivalFactory(slug=f"many-{n}"))
    response = person_page(client, "en")
    html = response.content.decode()
    assert sum(1 for slug in award_slugs(response) if slug.startswith("many-")) <= FESTIVALS_PER_FILM
    assert f'href="{film.get_absolute_url().replace("/fr/", "/en/")}#awards"' in html


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
        assert f"/{code}/people/kamal-hachkar/" not in links(home)
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
