"""JSON-LD: every page type carries schema.org data built from the models, in the page's language."""

import json
import re

import pytest

from awards.models import Award
from tests.browser.pages import LANGUAGES, PAGE_TYPES, page_url
from tests.factories import AwardFactory, CreditFactory, FilmFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db

# A data block, not a script: CSP does not apply to it, so it carries no nonce (a cached
# page must not replay one).
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(response):
    html = response.content.decode()
    found = SCRIPT.findall(html)
    assert len(found) == 1, "one JSON-LD block per page"
    body = found[0]
    assert "nonce" not in response.headers["Content-Security-Policy"]
    data = json.loads(body)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def node(graph, type_):
    matches = [n for n in graph if n["@type"] == type_]
    assert matches, f"no {type_} in {[n['@type'] for n in graph]}"
    return matches[0]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("name,url_name,kwargs,query", PAGE_TYPES, ids=[p[0] for p in PAGE_TYPES])
def test_every_page_has_json_ld_with_the_site(client, seed, code, name, url_name, kwargs, query):
    response = client.get(page_url(code, url_name, kwargs, query))
    graph = json_ld(response)
    site = node(graph, "WebSite")
    assert site["inLanguage"] == code
    assert site["url"].endswith(f"/{code}/")
    assert site["potentialAction"]["@type"] == "SearchAction"
    assert len(graph) >= 2, "the page describes itself too"


@pytest.mark.parametrize(
    "code,name,alternate,birthplace,jobs,nationalities",
    [
        ("fr", "Kamal Hachkar", "كمال هشكار", "Tinghir, Maroc", ["réalisateur", "universitaire"], ["Maroc", "France"]),
        ("ar", "كمال هشكار", "Kamal Hachkar", "تنغير، المغرب", ["مخرج", "أكاديمي"], ["المغرب", "فرنسا"]),
        ("en", "Kamal Hachkar", "كمال هشكار", "Tinghir, Morocco", ["director", "academic"], ["Morocco", "France"]),
    ],
)
def test_person_page_is_a_profile_page(client, seed, code, name, alternate, birthplace, jobs, nationalities):
    graph = json_ld(client.get(page_url(code, "people:detail", {"slug": "kamal-hachkar"})))
    page = node(graph, "ProfilePage")
    person = page["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == name
    assert alternate in person["alternateName"]
    assert person["birthDate"] == "1977-02-25"
    assert person["birthPlace"] == {"@type": "Place", "name": birthplace}
    assert person["jobTitle"] == jobs
    # Countries, named in the page's language, with their ISO code.
    assert [n["name"] for n in person["nationality"]] == nationalities
    assert [n["identifier"] for n in person["nationality"]] == ["MA", "FR"]
    assert person["url"].endswith(f"/{code}/people/kamal-hachkar/")
    assert "sameAs" not in person, "no identifiers in the seed: no empty sameAs"


def test_home_page_is_a_web_page_about_the_featured_person(client, seed):
    graph = json_ld(client.get("/fr/"))
    assert not [n for n in graph if n["@type"] == "ProfilePage"], "the profile is the person page's"
    page = node(graph, "WebPage")
    assert page["about"]["@id"] == "http://testserver/people/kamal-hachkar/#person"
    assert page["about"]["name"] == "Kamal Hachkar"


def test_same_as_comes_from_the_external_identifiers(client, db):
    person = PersonFactory(wikidata_id="Q42", imdb_id="nm0000001")
    graph = json_ld(client.get(person.get_absolute_url()))
    assert node(graph, "ProfilePage")["mainEntity"]["sameAs"] == [
        "https://www.wikidata.org/wiki/Q42",
        "https://www.imdb.com/name/nm0000001/",
    ]


@pytest.mark.parametrize(
    "code,title,genre,director",
    [
        ("fr", "Tinghir-Jérusalem : Les Échos du mellah", "documentaire", "Kamal Hachkar"),
        ("ar", "تنغير - جيروزاليم: أصداء الملاح", "وثائقي", "كمال هشكار"),
        ("en", "Tinghir-Jerusalem: The Echoes of the Mellah", "documentary", "Kamal Hachkar"),
    ],
)
def test_film_page_is_a_movie(client, seed, code, title, genre, director):
    graph = json_ld(client.get(page_url(code, "films:detail", {"slug": "tinghir-jerusalem"})))
    movie = node(graph, "WebPage")["mainEntity"]
    assert movie["@type"] == "Movie"
    assert movie["name"] == title
    assert movie["dateCreated"] == "2013"
    assert movie["genre"] == genre
    assert movie["inLanguage"] == "fr"
    assert [d["name"] for d in movie["director"]] == [director]
    assert len(movie["award"]) == Award.objects.published().filter(film__slug="tinghir-jerusalem").count()
    if code == "en":
        assert "Best Documentary Award — Paris International Fantastic Film Festival (2013)" in movie["award"]
        assert movie["alternateName"] == "Tinghir-Jérusalem : Les Échos du mellah"


def test_film_with_unknown_values_leaves_them_out(client, seed):
    graph = json_ld(client.get("/fr/films/in-your-eyes-i-see-my-country/"))
    movie = node(graph, "WebPage")["mainEntity"]
    assert movie["name"] == "Dans tes yeux, je vois mon pays"
    for absent in ("alternateName", "inLanguage", "description", "award", "image"):
        assert absent not in movie


def test_film_image_is_absolute(client, db):
    from django.core.files.base import ContentFile
    from PIL import Image
    import io

    buffer = io.BytesIO()
    Image.new("RGB", (20, 30), "red").save(buffer, "PNG")
    film = FilmFactory()
    film.poster.save("poster.png", ContentFile(buffer.getvalue()), save=True)
    graph = json_ld(client.get(film.get_absolute_url()))
    image = node(graph, "WebPage")["mainEntity"]["image"]
    assert image.startswith("http://testserver/media/posters/")


@pytest.mark.parametrize("code,name", [("fr", "Nador"), ("ar", "الناظور"), ("en", "Nador")])
def test_festival_page_is_a_festival(client, seed, code, name):
    graph = json_ld(client.get(page_url(code, "awards:festival_detail", {"slug": "ficmec"})))
    festival = node(graph, "WebPage")["mainEntity"]
    # A festival without an edition's dates is the organisation that holds it, not an Event.
    assert festival["@type"] == "Organization"
    assert "startDate" not in festival
    assert festival["alternateName"] == "FICMEC"
    assert festival["address"] == {"@type": "PostalAddress", "addressLocality": name, "addressCountry": "MA"}


def test_lists_are_item_lists(client, seed):
    films = node(json_ld(client.get("/en/films/")), "CollectionPage")["mainEntity"]["itemListElement"]
    assert [(i["position"], i["item"]["@type"]) for i in films] == [(1, "Movie"), (2, "Movie")]
    festivals = node(json_ld(client.get("/ar/festivals/")), "CollectionPage")["mainEntity"]["itemListElement"]
    assert {i["item"]["@type"] for i in festivals} == {"Organization"}
    assert all(i["item"]["url"].startswith("http://testserver/ar/festivals/") for i in festivals)


def test_search_page_is_a_search_results_page(client, seed):
    node(json_ld(client.get("/fr/search/?q=mellah")), "SearchResultsPage")


def test_hostile_text_cannot_break_out_of_the_script(client, db):
    title = '</script><script>alert("x")</script><!-- & \u2028'
    film = FilmFactory(title_fr=title, original_title="</SCRIPT>")
    response = client.get(film.get_absolute_url())
    html = response.content.decode()
    head = html.split("</head>")[0]
    assert head.count("</script>") == 1, "only the JSON-LD block's own end tag"
    assert "<!--" not in SCRIPT.search(html).group(1)
    movie = node(json_ld(response), "WebPage")["mainEntity"]
    assert movie["name"] == title
    assert movie["alternateName"] == "</SCRIPT>"


def test_unpublished_objects_appear_nowhere_in_json_ld(client, db):
    director = RoleFactory(slug="director")
    film = FilmFactory()
    hidden_person = PersonFactory(name_fr="Personne cachée", is_published=False)
    CreditFactory(film=film, person=hidden_person, role=director)
    AwardFactory(film=film, category_fr="Prix caché", is_published=False)
    AwardFactory(film=film, category_fr="Prix visible")
    hidden_film = FilmFactory(title_fr="Film caché", is_published=False)
    body = client.get(film.get_absolute_url()).content.decode()
    data = SCRIPT.search(body).group(1)
    assert "Prix visible" in data
    assert "Prix caché" not in data and "Personne cachée" not in data
    assert "Film caché" not in SCRIPT.search(client.get("/fr/films/").content.decode()).group(1)
    assert client.get(hidden_film.get_absolute_url()).status_code == 404


def test_json_ld_costs_no_query_per_row(client, db, django_assert_num_queries):
    """The film list's JSON-LD uses the films the view loaded: as many queries for 2 films as for 12."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        FilmFactory()
    client.get("/fr/films/")  # once first: the site-wide facts are worked out once
    with CaptureQueriesContext(connection) as few:
        client.get("/fr/films/")
    for _ in range(10):
        AwardFactory(film=FilmFactory())
    with CaptureQueriesContext(connection) as many:
        client.get("/fr/films/")
    assert len(many) == len(few)
