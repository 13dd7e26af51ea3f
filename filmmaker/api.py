"""A read-only JSON API: people, films, festivals and awards, published ones only, in the
language of the URL (``/fr/api/…``, ``/ar/api/…``, ``/en/api/…``).

Objects are identified by their natural keys (slugs), never by database ids. Every text
field is an object ``{"value", "lang"}``: when the requested language lacks the text,
the value is another language's, and ``lang`` says which — the same honesty as the pages.
Each operation runs a fixed number of queries; every answer carries a strong ``ETag``
(a hash of the body) and answers ``If-None-Match`` with 304, so a page cache in front
and clients' caches both stay right. The schema is at ``/<lang>/api/openapi.json``,
interactive documentation at ``/<lang>/api/docs``, both served from the project.
"""
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query
from ninja.decorators import decorate_view
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer

from awards.models import Award, Festival
from films.models import Credit, Film
from people.models import BiographySection, Person

from .api_data import (
    award_data,
    award_ref,
    conditional,
    festival_data,
    film_data,
    film_ref,
    newest,
    paginate,
    person_data,
    term,
    text,
)
from .api_schemas import (
    AwardOut,
    AwardPage,
    FestivalDetailOut,
    FestivalPage,
    FilmDetailOut,
    FilmPage,
    InvalidQuery,
    Message,
    PageQuery,
    PersonDetailOut,
    PersonPage,
)

class UnicodeJSON(JSONRenderer):
    # Arabic as Arabic, not as \\u escapes: half the size, and readable.
    json_dumps_params = {"ensure_ascii": False}


class SiteAPI(NinjaAPI):
    """The schema is the same for every request in a language: build it once per prefix."""

    _schemas = {}

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        if path_prefix not in self._schemas:
            self._schemas[path_prefix] = super().get_openapi_schema(path_prefix=path_prefix)
        return self._schemas[path_prefix]


api = SiteAPI(
    renderer=UnicodeJSON(),
    title="Filmmaker API",
    version="1.0",
    description=(
        "Read-only: published people, films, festivals and awards in the language of the URL. "
        "Text fields are objects {value, lang}: lang is the language the value is really in, "
        "which differs from the requested one when the text is missing in it."
    ),
    urls_namespace="api",
    docs=Swagger(settings={"layout": "BaseLayout", "deepLinking": True, "defaultModelsExpandDepth": 0}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)


# -- Querysets: a fixed number of queries each ---------------------------------------------


def visible_credits():
    return Credit.objects.published().select_related("person", "role").order_by("order", "pk")


def people():
    return Person.objects.published().prefetch_related("occupations", "nationalities").order_by("slug")


def films():
    return (
        Film.objects.published()
        .select_related("genre")
        .prefetch_related(Prefetch("credits", queryset=visible_credits(), to_attr="visible_credits"))
        .order_by("-year", "slug")
    )


def awards():
    return Award.objects.published().select_related("festival", "film", "person").in_reading_order()


# -- Operations --------------------------------------------------------------------------

NOT_FOUND = {404: Message}
A_PAGE = {404: Message, 422: InvalidQuery}


@api.get("/people/", response={200: PersonPage, **A_PAGE}, url_name="people", summary="Published people", tags=["people"])
@decorate_view(conditional)
def list_people(request, query: Query[PageQuery]):
    return paginate(request, people(), query, person_data)


@api.get(
    "/people/{slug}/", response={200: PersonDetailOut, **NOT_FOUND}, url_name="person", summary="A person", tags=["people"]
)
@decorate_view(conditional)
def get_person(request, slug: str):
    credits = (
        Credit.objects.published()
        .select_related("film", "role")
        .order_by("film__year", "film__slug", "order", "pk")
    )
    person = get_object_or_404(
        people().prefetch_related(
            Prefetch("biography_sections", queryset=BiographySection.objects.order_by("order", "slug")),
            Prefetch("credits", queryset=credits, to_attr="visible_credits"),
        ),
        slug=slug,
    )
    person_awards = list(
        Award.objects.published()
        .filter(Q(person=person) | Q(film__in=Credit.objects.filter(person=person).values("film")))
        .in_reading_order()
        .only("slug", "updated_at")
    )
    rows = {}
    for credit in person.visible_credits:
        row = rows.setdefault(credit.film_id, {"film": film_ref(request, credit.film), "roles": []})
        row["roles"].append(term(credit.role))
    request.api_last_modified = newest([person, *[c.film for c in person.visible_credits], *person_awards])
    return {
        **person_data(request, person),
        "biography": [
            {"id": s.slug, "heading": text(s, "heading"), "body": text(s, "body")} for s in person.biography_sections.all()
        ],
        "filmography": list(rows.values()),
        "awards": [award_ref(request, award) for award in person_awards],
    }


@api.get("/films/", response={200: FilmPage, **A_PAGE}, url_name="films", summary="Published films", tags=["films"])
@decorate_view(conditional)
def list_films(request, query: Query[PageQuery]):
    return paginate(request, films(), query, film_data)


@api.get("/films/{slug}/", response={200: FilmDetailOut, **NOT_FOUND}, url_name="film", summary="A film", tags=["films"])
@decorate_view(conditional)
def get_film(request, slug: str):
    film = get_object_or_404(
        films().prefetch_related(
            Prefetch("awards", queryset=Award.objects.published().in_reading_order(), to_attr="visible_awards")
        ),
        slug=slug,
    )
    request.api_last_modified = newest([film, *film.visible_awards])
    return {**film_data(request, film), "awards": [award_ref(request, award) for award in film.visible_awards]}


@api.get("/festivals/", response={200: FestivalPage, **A_PAGE}, url_name="festivals", summary="Published festivals", tags=["awards"])
@decorate_view(conditional)
def list_festivals(request, query: Query[PageQuery]):
    return paginate(request, Festival.objects.published().order_by("slug"), query, festival_data)


@api.get(
    "/festivals/{slug}/",
    response={200: FestivalDetailOut, **NOT_FOUND},
    url_name="festival",
    summary="A festival and its awards",
    tags=["awards"],
)
@decorate_view(conditional)
def get_festival(request, slug: str):
    festival = get_object_or_404(Festival.objects.published(), slug=slug)
    festival_awards = list(awards().filter(festival=festival))
    request.api_last_modified = newest([festival, *festival_awards])
    return {**festival_data(request, festival), "awards": [award_data(request, award) for award in festival_awards]}


@api.get("/awards/", response={200: AwardPage, **A_PAGE}, url_name="awards", summary="Published awards", tags=["awards"])
@decorate_view(conditional)
def list_awards(request, query: Query[PageQuery]):
    return paginate(request, awards(), query, award_data)


@api.get("/awards/{slug}/", response={200: AwardOut, **NOT_FOUND}, url_name="award", summary="An award", tags=["awards"])
@decorate_view(conditional)
def get_award(request, slug: str):
    award = get_object_or_404(awards(), slug=slug)
    request.api_last_modified = newest([award])
    return award_data(request, award)
