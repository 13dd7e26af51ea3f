"""Festival list, festival page and the awards list."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from awards.models import Award, Festival
from awards.views import AwardListView, FestivalListView
from tests.factories import AwardFactory, FestivalFactory, FilmFactory, PersonFactory
from tests.rendered import LANGUAGES, html_lang_dir, links, shown, tables, text, url
from tests.seed_text import DIRECTION
from tests.seed_text import TITLE_2013 as TINGHIR

pytestmark = pytest.mark.django_db

FESTIVALS = {
    "moroccan-national-film-festival": {
        "fr": "Festival national du film marocain",
        "ar": "المهرجان الوطني للفيلم المغربي",
        "en": "Moroccan National Film Festival",
    },
    "paris-international-fantastic-film-festival": {
        "fr": "Festival international du film fantastique de Paris",
        "ar": "مهرجان باريس الدولي للفيلم الفانتاستيكي",
        "en": "Paris International Fantastic Film Festival",
    },
    "lights-of-africa-festival": {
        "fr": "Festival Lumières d’Afrique",
        "ar": "مهرجان أضواء إفريقيا",
        "en": "Lights of Africa Festival",
    },
    "ashkelon-jewish-eye-festival": {
        "fr": "Festival Jewish Eye d’Ashkelon",
        "ar": "مهرجان العين اليهودية في عسقلان",
        "en": "Ashkelon Jewish Eye Festival",
    },
    "ficmec": {
        "fr": "Festival international de cinéma et mémoire commune de Nador",
        "ar": "المهرجان الدولي للسينما والذاكرة المشتركة بالناظور",
        "en": "Nador International Festival of Cinema and Common Memory",
    },
    "new-york-sephardic-jewish-film-festival": {
        "fr": "Festival du film juif séfarade de New York",
        "ar": "مهرجان نيويورك للسينما اليهودية السفاردية",
        "en": "New York Sephardic Jewish Film Festival",
    },
}
FICMEC_PRIZES = {
    "fr": ["Grand Prix du meilleur documentaire", "Prix de la presse locale et du public"],
    "ar": ["الجائزة الكبرى لأفضل فيلم وثائقي", "جائزة الصحافة المحلية والجمهور"],
    "en": ["Grand Prize for Best Documentary", "Local and Public Press Award"],
}
NADOR = {"fr": "Nador", "ar": "الناظور", "en": "Nador"}


def gettext_in(code, message):
    with translation.override(code):
        return gettext(message)


COLUMNS = ("Year", "Festival", "Award", "Outcome", "Film")


def award_rows(response, code):
    """Every row of every award table on the page: [year, festival, award, outcome, film].

    A column a table leaves out (the festival on its own page, the year under a year's
    heading, the outcome when every award was won) is None in its rows.
    """
    with translation.override(code):
        names = [gettext(h) for h in COLUMNS]
    rows = []
    for table in tables(response):
        if gettext_in(code, "Award") not in table["headers"] or not set(table["headers"]) <= set(names):
            continue
        for row in table["rows"]:
            cells = dict(zip(table["headers"], row))
            rows.append([cells.get(name) for name in names])
    return rows


def festival_links(response, code):
    return [href for href in links(response) if href.startswith(f"/{code}/festivals/") and href != f"/{code}/festivals/"]


# --- festival list ------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_festival_list_names_every_festival_in_each_language(client, seed, code):
    response = client.get(url(code, "awards:festival_list"))
    assert response.status_code == 200
    assert html_lang_dir(response) == (code, DIRECTION[code])
    page = text(response)
    for names in FESTIVALS.values():
        assert names[code] in page
    assert "FICMEC" in page
    assert NADOR[code] in page
    assert set(festival_links(response, code)) == {f"/{code}/festivals/{slug}/" for slug in FESTIVALS}


def test_festival_list_counts_only_visible_awards(client, seed):
    Award.objects.filter(slug="ficmec-local-and-public-press-award").update(is_published=False)
    page = text(client.get(url("en", "awards:festival_list")))
    # The English catalogue says "1 award" / "2 awards"; FICMEC now has one visible award.
    ficmec = page[page.index(FESTIVALS["ficmec"]["en"]) :]
    ficmec = ficmec[: ficmec.index(FESTIVALS["new-york-sephardic-jewish-film-festival"]["en"])]
    assert "1 award" in ficmec and "2 awards" not in ficmec


@pytest.mark.parametrize(
    "change",
    [{"is_published": False}, {"published_at": timezone.now() + timedelta(days=1)}],
    ids=["draft", "scheduled"],
)
def test_unpublished_festival_is_invisible_everywhere(client, seed, change):
    Festival.objects.filter(slug="ficmec").update(**change)
    for code in LANGUAGES:
        assert client.get(url(code, "awards:festival_detail", slug="ficmec")).status_code == 404
        listing = client.get(url(code, "awards:festival_list"))
        assert f"/{code}/festivals/ficmec/" not in festival_links(listing, code)
        awards = client.get(url(code, "awards:list"))
        assert f"/{code}/festivals/ficmec/" not in links(awards)
        categories = {row[2] for row in award_rows(awards, code)}
        assert not categories & set(FICMEC_PRIZES[code])


def test_empty_festival_list_says_so(client, db):
    response = client.get(url("ar", "awards:festival_list"))
    assert response.status_code == 200
    assert gettext_in("ar", "No festivals yet.") in text(response)


def festival_cards(response):
    """{festival address: the card's count of awards}, in the order of the page."""
    html = response.content.decode()
    return {
        href: _squash(count)
        for href, count in re.findall(r'<li class="card">.*?<a href="([^"]+)".*?<p>([^<]*)</p>\s*</li>', html, re.S)
    }


def _squash(value):
    return " ".join(value.split())


@pytest.mark.parametrize("code", LANGUAGES)
def test_festival_list_pages_follow_the_names_in_the_page_language(client, db, code):
    # The French names run backwards from the English ones; some have no Arabic name, and sort
    # under their French name there.
    festivals = [
        FestivalFactory(
            slug=f"festival-{n:02}", name_en=f"Festival {n:02}", name_fr=f"festival {59 - n:02}", name_ar="" if n % 4 else f"مهرجان {n:02}"
        )
        for n in range(60)
    ]
    first = client.get(url(code, "awards:festival_list"))
    second = client.get(url(code, "awards:festival_list") + "?page=2")
    assert len(festival_cards(first)) == FestivalListView.paginate_by == 50
    assert "?page=2" in links(first) and "?page=1" in links(second)

    def name(festival):
        return (getattr(festival, f"name_{code}") or festival.name_fr).lower(), festival.slug

    expected = [f"/{code}/festivals/{f.slug}/" for f in sorted(festivals, key=name)]
    assert [*festival_cards(first), *festival_cards(second)] == expected


def test_festival_list_counts_the_awards_of_a_later_page(client, db):
    festivals = [FestivalFactory(slug=f"festival-{n:02}", name_en=f"Festival {n:02}") for n in range(55)]
    late, several, hidden = festivals[-1], festivals[-2], festivals[-3]
    AwardFactory.create_batch(3, festival=late)
    AwardFactory(festival=several, several=True)
    AwardFactory(festival=several)
    AwardFactory(festival=hidden, film=FilmFactory(is_published=False))
    AwardFactory(festival=festivals[0])
    cards = festival_cards(client.get(url("en", "awards:festival_list") + "?page=2"))
    assert cards == {
        "/en/festivals/festival-50/": "0 awards",
        "/en/festivals/festival-51/": "0 awards",
        "/en/festivals/festival-52/": "0 awards",
        "/en/festivals/festival-53/": "At least 3 awards",
        "/en/festivals/festival-54/": "3 awards",
    }
    assert festival_cards(client.get(url("en", "awards:festival_list")))["/en/festivals/festival-00/"] == "1 award"


# --- festival detail ------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_festival_page_shows_its_awards_in_each_language(client, seed, code):
    response = client.get(url(code, "awards:festival_detail", slug="ficmec"))
    assert response.status_code == 200
    assert html_lang_dir(response) == (code, DIRECTION[code])
    page = text(response)
    assert FESTIVALS["ficmec"][code] in page
    assert "FICMEC" in page
    assert NADOR[code] in page
    rows = award_rows(response, code)
    assert sorted(row[2] for row in rows) == sorted(FICMEC_PRIZES[code])
    assert all(row[4] == TINGHIR[code] for row in rows)
    # The page is the festival's: its name is not repeated on every row.
    assert all(row[1] is None for row in rows)
    unknown = gettext_in(code, "Year not known")
    assert all(unknown in row[0] for row in rows)
    assert f"/{code}/films/tinghir-jerusalem/" in links(response)


def test_each_award_row_can_be_linked_to(client, seed):
    response = client.get(url("fr", "awards:festival_detail", slug="ficmec"))
    award = Award.objects.get(slug="ficmec-grand-prize-best-documentary")
    with translation.override("fr"):
        path, anchor = award.get_absolute_url().split("#")
    assert response.request["PATH_INFO"] == path
    assert f'id="{anchor}"' in response.content.decode()


def test_festival_page_hides_awards_to_unpublished_films_or_people(client, seed):
    festival = Festival.objects.get(slug="ficmec")
    AwardFactory(festival=festival, film=FilmFactory(is_published=False), category_en="Prize to a draft film")
    AwardFactory(festival=festival, film=None, person=PersonFactory(is_published=False), category_en="Prize to a hidden person")
    AwardFactory(festival=festival, category_en="Draft prize", is_published=False)
    rows = award_rows(client.get(url("en", "awards:festival_detail", slug="ficmec")), "en")
    assert sorted(row[2] for row in rows) == sorted(FICMEC_PRIZES["en"])


def test_festival_without_visible_awards_says_so(client, db):
    FestivalFactory(slug="empty-festival")
    response = client.get(url("en", "awards:festival_detail", slug="empty-festival"))
    assert response.status_code == 200
    assert gettext_in("en", "No awards yet.") in text(response)


# --- awards list -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_awards_list_groups_by_year_with_unknown_years_last(client, seed, code):
    response = client.get(url(code, "awards:list"))
    assert response.status_code == 200
    assert html_lang_dir(response) == (code, DIRECTION[code])
    content = response.content.decode()
    headings = [content.index(f'id="year-{y}"') for y in ("2015", "2013", "unknown")]
    assert headings == sorted(headings)
    assert gettext_in(code, "Year not known") in text(response)
    rows = award_rows(response, code)
    assert len(rows) == 7
    # The year is the section's heading, not a column repeating it on every row.
    assert all(row[0] is None for row in rows)
    assert content.count('id="year-2013"') == 1
    festivals = {row[1] for row in rows}
    assert festivals == {names[code] for names in FESTIVALS.values()} - {FESTIVALS["ficmec"][code]} | {
        f"{FESTIVALS['ficmec'][code]} (FICMEC)"
    }
    assert {row[4] for row in rows} == {TINGHIR[code]}


def test_awards_list_hides_unpublished_awards(client, seed):
    Award.objects.filter(slug="new-york-sephardic-2015-pomegranate-award").update(
        published_at=timezone.now() + timedelta(days=1)
    )
    Award.objects.filter(slug="paris-fantastic-2013-best-documentary").update(is_published=False)
    for code in LANGUAGES:
        response = client.get(url(code, "awards:list"))
        assert len(award_rows(response, code)) == 5
        assert 'id="year-2015"' not in response.content.decode()


def test_award_to_a_person_links_to_the_person(client, seed):
    AwardFactory(film=None, person=seed, year=2021, category_en="Honorary award")
    response = client.get(url("en", "awards:list"))
    row = award_rows(response, "en")[0]
    assert 'id="year-2021"' in response.content.decode()
    assert row[2] == "Honorary award" and row[4] == "Kamal Hachkar"
    assert "/en/people/kamal-hachkar/" in links(response)


def test_awards_list_pages_go_on_in_reading_order(client, db):
    festivals = [FestivalFactory(slug=slug) for slug in ("b-festival", "a-festival", "c-festival")]
    awards = [
        AwardFactory(slug=f"award-{n:02}", festival=festivals[n % 3], year=None if n % 7 == 0 else 2000 + n % 5)
        for n in range(60)
    ]

    def reading_order(award):
        return award.year is None, -(award.year or 0), award.festival.slug, award.slug

    expected = [f"award-{a.slug}" for a in sorted(awards, key=reading_order)]
    first = client.get(url("en", "awards:list"))
    second = client.get(url("en", "awards:list") + "?page=2")
    shown = [re.findall(r'<tr id="(award-[^"]+)"', page.content.decode()) for page in (first, second)]
    assert len(shown[0]) == AwardListView.paginate_by == 50
    assert shown[0] + shown[1] == expected
    assert "?page=2" in links(first) and "?page=1" in links(second)
    # The undated awards end the list, under their own heading, on the last page.
    assert 'id="year-unknown"' in second.content.decode() and 'id="year-unknown"' not in first.content.decode()


def test_empty_awards_list_says_so(client, db):
    response = client.get(url("fr", "awards:list"))
    assert response.status_code == 200
    assert shown("fr", gettext_in("fr", "No awards yet.")) in text(response)


@pytest.mark.parametrize(
    "path",
    [
        "/fr/festivals/no-such-festival/",
        "/ar/festivals/ficmec/extra/",
        "/en/awards/?page=2",
        "/en/awards/?page=last-but-one",
        "/en/festivals/?page=-1",
        "/fr/awards/ficmec/",
        "/fr/festivals/%F0%9F%8E%AC/",
        "/fr/festivals/" + "b" * 600 + "/",
    ],
)
def test_bad_award_and_festival_urls_are_not_found(client, seed, path):
    assert client.get(path).status_code == 404
