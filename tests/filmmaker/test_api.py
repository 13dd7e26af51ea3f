"""The read-only JSON API: its schema, what it shows in each language, caching and queries."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from films.models import Film
from people.models import Person
from tests.factories import CreditFactory, FilmFactory, PersonFactory, RoleFactory
from tests.test_queries import grow

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "ar", "en")
OPERATIONS = ["people", "films", "festivals", "awards"]
# The site gzips public answers for clients that accept it; the schema checks read plain JSON.
PLAIN = {"Accept-Encoding": "identity"}


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """A WSGI server closes the database connection after each request; inside a test that
    would close the test's transaction. Django's own test client does the same as this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def load_schema(language):
    return schemathesis.openapi.from_wsgi(f"/{language}/api/openapi.json", get_wsgi_application())


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_every_operation_answers_as_its_schema_says_whatever_it_is_sent(seed, mode):
    """Generated paths and query strings, valid and not: never a 500, always the documented
    status, content type and shape (schemathesis's checks)."""
    api_schema = load_schema("fr")
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 2 * len(OPERATIONS)
    if mode == GenerationMode.NEGATIVE:
        # A slug is any string: only the lists' page parameters can be sent wrong.
        operations = [operation for operation in operations if "{slug}" not in operation.path]
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.headers = {**(case.headers or {}), **PLAIN}
            case.call_and_validate()

        check()


def test_the_schema_is_openapi_3_and_names_every_resource(client):
    response = client.get("/fr/api/openapi.json")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    document = response.json()
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    for name in OPERATIONS:
        assert f"/fr/api/{name}/" in paths and f"/fr/api/{name}/{{slug}}/" in paths


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_published_object_in_every_language_matches_the_schema(seed, client, language):
    """Walk each list, then each item it names, validating every answer against the schema."""
    api_schema = load_schema(language)
    seen = 0
    for name in OPERATIONS:
        listing = api_schema[f"/{language}/api/{name}/"]["GET"].Case(query={"page_size": 100}, headers=PLAIN)
        response = listing.call()
        listing.validate_response(response)
        items = response.json()["items"]
        assert items, name
        for item in items:
            detail = api_schema[f"/{language}/api/{name}/{{slug}}/"]["GET"].Case(path_parameters={"slug": item["id"]}, headers=PLAIN)
            response = detail.call()
            detail.validate_response(response)
            assert response.json()["id"] == item["id"]
            seen += 1
    assert seen >= 1 + 2 + 6 + 7


def test_the_language_of_the_url_chooses_the_text_and_says_where_it_fell_back(seed, client):
    film = Film.objects.get(slug="tinghir-jerusalem")
    arabic = client.get("/ar/api/films/tinghir-jerusalem/").json()
    assert arabic["title"] == {"value": film.title_ar, "lang": "ar"}
    assert arabic["url"].endswith("/ar/films/tinghir-jerusalem/")

    Film.objects.filter(pk=film.pk).update(title_ar="", synopsis_ar="")
    arabic = client.get("/ar/api/films/tinghir-jerusalem/").json()
    # The French title stands in, and says it is French: nobody is told it is Arabic.
    assert arabic["title"] == {"value": film.title_fr, "lang": "fr"}
    assert arabic["synopsis"]["lang"] == "fr"
    person = client.get("/ar/api/people/kamal-hachkar/").json()
    assert person["name"] == {"value": "كمال هشكار", "lang": "ar"}
    assert "كمال هشكار" in client.get("/ar/api/people/kamal-hachkar/").content.decode("utf-8")


def test_only_published_content_is_shown(seed, client):
    draft = FilmFactory(slug="draft-film", is_published=False)
    hidden = PersonFactory(slug="hidden-person", is_published=False)
    film = Film.objects.get(slug="tinghir-jerusalem")
    CreditFactory(film=film, person=hidden, role=RoleFactory(slug="producer"))
    CreditFactory(film=draft, person=Person.objects.get(slug="kamal-hachkar"))

    assert client.get("/fr/api/films/draft-film/").status_code == 404
    assert client.get("/fr/api/people/hidden-person/").status_code == 404
    assert "draft-film" not in [f["id"] for f in client.get("/fr/api/films/").json()["items"]]
    credits = client.get("/fr/api/films/tinghir-jerusalem/").json()["credits"]
    assert "hidden-person" not in [credit["person"]["id"] for credit in credits]
    filmography = client.get("/fr/api/people/kamal-hachkar/").json()["filmography"]
    assert "draft-film" not in [row["film"]["id"] for row in filmography]


def test_pages_link_to_each_other_and_refuse_what_does_not_exist(seed, client):
    first = client.get("/fr/api/awards/", {"page_size": 3}).json()
    assert first["count"] == 7 and first["pages"] == 3 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and {a["id"] for a in second["items"]}.isdisjoint(a["id"] for a in first["items"])
    assert client.get("/fr/api/awards/", {"page": 4, "page_size": 3}).status_code == 404
    assert client.get("/fr/api/awards/", {"page_size": 1000}).status_code == 422
    assert client.get("/fr/api/awards/", {"page": "two"}).status_code == 422


def test_etags_let_clients_and_caches_revalidate(seed, client):
    response = client.get("/fr/api/people/kamal-hachkar/")
    etag = response["ETag"]
    assert etag.startswith('"') and response["Last-Modified"]
    again = client.get("/fr/api/people/kamal-hachkar/", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    # Each language is its own representation.
    assert client.get("/ar/api/people/kamal-hachkar/")["ETag"] != etag

    person = Person.objects.get(slug="kamal-hachkar")
    person.summary_fr = "Un autre résumé."
    person.save()
    changed = client.get("/fr/api/people/kamal-hachkar/", headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    # A date alone never produces a stale 304: the body decides.
    assert client.get("/fr/api/people/", headers={"if-modified-since": response["Last-Modified"]}).status_code == 200
    # Nothing in the answer depends on a session: a shared cache may keep it.
    assert "Cookie" not in changed.get("Vary", "") and not changed.cookies


# (URL, queries): a list counts, then reads a page and its prefetches; a detail reads the
# object and its prefetches (the person: occupations, nationalities, biography, credits, awards).
ENDPOINTS = [
    ("/fr/api/people/", 4),
    ("/fr/api/people/kamal-hachkar/", 6),
    ("/fr/api/films/", 3),
    ("/fr/api/films/tinghir-jerusalem/", 3),
    ("/fr/api/festivals/", 2),
    ("/fr/api/festivals/ficmec/", 2),
    ("/fr/api/awards/", 2),
    ("/fr/api/awards/ficmec-grand-prize-best-documentary/", 1),
]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"page_size": 100} if url.endswith("s/") else {})
    assert response.status_code == 200, url
    return len(queries)


def test_each_operation_runs_a_fixed_number_of_queries_as_content_grows(seed, client):
    before = {url: count_queries(client, url) for url, _expected in ENDPOINTS}
    assert before == dict(ENDPOINTS)
    grow(Person.objects.get(slug="kamal-hachkar"))
    after = {url: count_queries(client, url) for url, _expected in ENDPOINTS}
    assert after == before


def test_the_documentation_is_served_from_the_project_under_the_strict_policy(client):
    response = client.get("/fr/api/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"):
        assert b"".join(client.get(f"/static/{asset}").streaming_content)
