"""A person's awards: which ones their page lists, grouped the way readers scan them (by
film, then festival and year); and a film's credits grouped by role. The grouping uses only
data the views already loaded (no queries)."""

from dataclasses import dataclass, field
from operator import attrgetter

from django.db.models import Q

from awards.models import Award
from films.models import Credit

# Festivals shown per film on the person page; the film's page lists every award, so
# a filmography with hundreds of awards keeps the person page short.
FESTIVALS_PER_FILM = 8


def person_awards(person):
    return (
        Award.objects.published()
        .filter(Q(person=person) | Q(film__in=Credit.objects.filter(person=person).values("film")))
        .select_related("festival", "film", "person")
        .in_reading_order()
    )


def listed_awards(person, films):
    """The awards the person page lists: those of ``films`` and those given to the person
    alone, at most FESTIVALS_PER_FILM festival rows (a festival in a year) per film, and each
    film's number of rows in all: ``(awards, {film id or None: rows})``.

    Two plain queries: which awards (a few columns of each, ranked here), then the chosen
    ones in full. The first reads plain columns, so modeltranslation need not rewrite it
    (its row-by-row fallback handling would cost more than the ranking).
    """
    candidates = (
        Award.objects.published()
        .rewrite(False)
        .filter(Q(film__in=films) | Q(person=person, film__isnull=True))
        .order_by()  # ranked below
        .values_list("pk", "film_id", "year", "festival_id", "festival__slug")
    )
    rows_by_film = {}
    for pk, film, year, festival, slug in candidates:
        rows_by_film.setdefault(film, {}).setdefault(row_order(year, slug, festival), []).append(pk)
    shown = []
    for rows in rows_by_film.values():
        for key in sorted(rows)[:FESTIVALS_PER_FILM]:
            shown.extend(rows[key])
    # The films are the caller's: group_by_film() takes them, so only the festival is joined.
    # group_by_film() orders the rows; within a row, the awards by slug, sorted here rather
    # than by the database (compiling an ORDER BY costs more than sorting a page's awards).
    awards = Award.objects.filter(pk__in=shown).select_related("festival").order_by()
    return sorted(awards, key=attrgetter("slug")), {film: len(rows) for film, rows in rows_by_film.items()}


def row_order(year, festival_slug, festival_id):
    """The order of a film's award rows, as award lists read (AwardQuerySet.in_reading_order()):
    newest year first, unknown years last, then by festival."""
    return (year is None, -(year or 0), festival_slug, festival_id)


@dataclass
class FilmAwards:
    film: object  # None for awards given to the person alone
    rows: list = field(default_factory=list)  # [{"festival", "year", "awards"}]
    count: int = 0
    hidden: int = 0  # festivals not shown on the person page

    @property
    def shown(self):
        return self.rows[:FESTIVALS_PER_FILM]


@dataclass
class AwardGroups:
    groups: list
    all_awards: list

    def __iter__(self):
        return iter(self.groups)

    def __bool__(self):
        return bool(self.groups)

    def __len__(self):
        return len(self.groups)


def group_by_film(awards, films, festival_rows):
    """Awards grouped by film (newest film first, awards to the person alone last); within a
    film one row per festival and year (newest first, unknown years last), categories joined.

    ``awards`` and ``festival_rows`` are what listed_awards() returns: the awards were already
    cut, and ``festival_rows`` says how many rows each film has in all. ``films`` are the
    awards' films (``award.film`` is not read: listed_awards() does not join it)."""
    films = {film.pk: film for film in films}
    by_film = {}
    for award in awards:
        group = by_film.setdefault(award.film_id, FilmAwards(film=films.get(award.film_id)))
        group.count += 1
        key = (award.festival_id, award.year)
        for row in group.rows:
            if row["key"] == key:
                row["awards"].append(award)
                break
        else:
            group.rows.append({"key": key, "festival": award.festival, "year": award.year, "awards": [award]})
    for group in by_film.values():
        group.rows.sort(
            key=lambda row: row_order(row["year"], row["festival"].slug, row["festival"].pk)
        )
        group.hidden = max(festival_rows.get(group.film.pk if group.film else None, 0) - FESTIVALS_PER_FILM, 0)
    groups = sorted(
        by_film.values(),
        key=lambda g: (g.film is None, -(g.film.year if g.film else 0), g.film.slug if g.film else ""),
    )
    return AwardGroups(groups=groups, all_awards=list(awards))


def group_credits_by_role(credits):
    """[(role, [people…])] in the credits' order: "Director: A, B" rather than one line each."""
    groups = []
    for credit in credits:
        for role, people in groups:
            if role.pk == credit.role_id:
                if credit.person not in people:
                    people.append(credit.person)
                break
        else:
            groups.append((credit.role, [credit.person]))
    return groups
