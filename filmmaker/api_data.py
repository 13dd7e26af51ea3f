"""The API's answers built from objects already loaded (no queries here), its pages and
its caching headers."""

import functools
import hashlib
import math

from django.http import Http404
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language

from core.templatetags.i18n_fields import resolve


def text(obj, field):
    value, code = resolve(obj, field)
    return {"value": value, "lang": code} if value else None


def interface_text(value):
    return {"value": str(value), "lang": get_language()}


def term(obj):
    return {"id": obj.slug, "name": text(obj, "name")} if obj is not None else None


def absolute(request, url):
    return request.build_absolute_uri(url)


def api_url(request, name, slug):
    return absolute(request, reverse(f"api:{name}", kwargs={"slug": slug}))


def image(request, obj, field):
    file = getattr(obj, field)
    if not file:
        return None
    return {"url": absolute(request, file.url), "alt": text(obj, f"{field}_alt")}


def person_ref(request, person):
    if person is None:
        return None
    return {"id": person.slug, "name": text(person, "name"), "url": absolute(request, person.get_absolute_url())}


def film_ref(request, film):
    if film is None:
        return None
    return {"id": film.slug, "title": text(film, "title"), "year": film.year, "url": absolute(request, film.get_absolute_url())}


def person_data(request, person):
    return {
        "id": person.slug,
        "url": absolute(request, person.get_absolute_url()),
        "api_url": api_url(request, "person", person.slug),
        "name": text(person, "name"),
        "summary": text(person, "summary"),
        "birth_date": person.birth_date,
        "birthplace": text(person, "birthplace"),
        "occupations": [term(o) for o in person.occupations.all()],
        "nationalities": [term(n) for n in person.nationalities.all()],
        "portrait": image(request, person, "portrait"),
        "wikidata_id": person.wikidata_id or None,
        "imdb_id": person.imdb_id or None,
        "updated_at": person.updated_at,
    }


def film_data(request, film):
    return {
        "id": film.slug,
        "url": absolute(request, film.get_absolute_url()),
        "api_url": api_url(request, "film", film.slug),
        "title": text(film, "title"),
        "original_title": film.original_title or None,
        "original_language": film.original_language or None,
        "year": film.year,
        "runtime": film.runtime,
        "genre": term(film.genre),
        "synopsis": text(film, "synopsis"),
        "poster": image(request, film, "poster"),
        "credits": [
            {"person": person_ref(request, credit.person), "role": term(credit.role)} for credit in film.visible_credits
        ],
        "updated_at": film.updated_at,
    }


def festival_data(request, festival):
    return {
        "id": festival.slug,
        "url": absolute(request, festival.get_absolute_url()),
        "api_url": api_url(request, "festival", festival.slug),
        "name": text(festival, "name"),
        "acronym": festival.acronym or None,
        "city": text(festival, "city"),
        "country": festival.country.code or None,
        "website": festival.website or None,
        "updated_at": festival.updated_at,
    }


def award_data(request, award):
    festival = award.festival
    return {
        "id": award.slug,
        "url": absolute(request, award.get_absolute_url()),
        "api_url": api_url(request, "award", award.slug),
        "festival": {"id": festival.slug, "name": text(festival, "name"), "url": absolute(request, festival.get_absolute_url())},
        "year": award.year,
        "category": text(award, "category"),
        "outcome": award.outcome,
        "outcome_label": interface_text(award.get_outcome_display()),
        "film": film_ref(request, award.film),
        "person": person_ref(request, award.person),
        "notes": text(award, "notes"),
        "updated_at": award.updated_at,
    }


def award_ref(request, award):
    return {"id": award.slug, "api_url": api_url(request, "award", award.slug)}


def paginate(request, queryset, query, build):
    """One page of ``queryset``: a COUNT and one SELECT (plus the queryset's prefetches)."""
    count = queryset.count()
    pages = max(1, math.ceil(count / query.page_size))
    if query.page > pages:
        raise Http404("No such page.")
    start = (query.page - 1) * query.page_size
    objects = list(queryset[start : start + query.page_size])

    def link(number):
        if not 1 <= number <= pages:
            return None
        params = request.GET.copy()
        params["page"] = str(number)
        return absolute(request, f"{request.path}?{params.urlencode()}")

    request.api_last_modified = newest(objects)
    return {
        "count": count,
        "page": query.page,
        "pages": pages,
        "next": link(query.page + 1),
        "previous": link(query.page - 1),
        "items": [build(request, obj) for obj in objects],
    }


def newest(objects):
    dates = [obj.updated_at for obj in objects if getattr(obj, "updated_at", None)]
    return max(dates) if dates else None


# -- Caching headers ---------------------------------------------------------------------


def conditional(view):
    """A strong ETag from the body, Last-Modified from the newest object shown, and 304 for a
    client that already has this body. Only the ETag decides a 304: an edit to a role or a
    genre changes the body without touching any object's date."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        etag = '"%s"' % hashlib.sha256(response.content).hexdigest()[:32]
        response["ETag"] = etag
        last_modified = getattr(request, "api_last_modified", None)
        if last_modified:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        return get_conditional_response(request, etag=etag, response=response)

    return wrapper
