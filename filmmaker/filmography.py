"""A person's filmography as their page and their press kit show it: the most recent credits,
one row per film, with the sources of each fact."""

from core.models import Source
from core.related_rows import JSONRows, instances
from films.models import Credit, Film


def filmography(credits):
    """Group a person's credits into one row per film, in the credits' order, with the sources
    of the film and of the credit (``latest_credits()`` reads them with the credits)."""
    rows = {}
    for credit in credits:
        row = rows.setdefault(credit.film_id, {"film": credit.film, "roles": [], "sources": []})
        row["roles"].append(credit.role)
        for source in [*sources(credit.film_sources), *sources(credit.credit_sources)]:
            if source not in row["sources"]:
                row["sources"].append(source)
    return list(rows.values())


def sources(rows):
    return instances(Source, rows, key=lambda source: (source.title, source.pk))


def films_of_credits(credits):
    """The films of a person's credits, once each, in the credits' order."""
    films = []
    for credit in credits:
        if credit.film not in films:
            films.append(credit.film)
    return films


# A prolific person's page stays the size of anyone's: the most recent films (one more is
# fetched to know that there are more) and their awards, with a note saying so.
PERSON_PAGE_CREDITS = 12


def latest_credits(person):
    """The person's most recent credits, newest first, with the sources of the film and of the
    credit; one more than their page shows, to know that there are more."""
    return list(
        Credit.objects.published()
        .filter(person=person)
        .select_related("film__genre", "role")
        .annotate(
            film_sources=JSONRows(Source, link="film", through=Film.sources.through, outer="film"),
            credit_sources=JSONRows(Source, link="credit", through=Credit.sources.through),
        )
        .order_by("-film__year", "-film__slug", "-order", "-pk")[: PERSON_PAGE_CREDITS + 1]
    )
