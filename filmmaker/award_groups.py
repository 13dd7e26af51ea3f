"""A person's awards grouped the way readers scan them: by film, then festival and year;
and a film's credits grouped by role. Only data the views already loaded (no queries)."""

from dataclasses import dataclass, field

from core.templatetags.i18n_fields import resolve

# Festivals shown per film on the person page; the film's page lists every award, so
# a filmography with hundreds of awards keeps the person page short.
FESTIVALS_PER_FILM = 8


def _festival_name(festival):
    return resolve(festival, "name")[0].casefold()


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


def group_by_film(awards, filmography_rows=()):
    """Awards grouped by film (newest film first, awards to the person alone last); within a
    film one row per festival and year (newest first, unknown years last), categories joined."""
    by_film = {}
    for award in awards:
        group = by_film.setdefault(award.film_id, FilmAwards(film=award.film))
        group.count += 1
        key = (award.festival_id, award.year)
        for row in group.rows:
            if row["key"] == key:
                row["awards"].append(award)
                break
        else:
            group.rows.append({"key": key, "festival": award.festival, "year": award.year, "awards": [award]})
    for group in by_film.values():
        group.rows.sort(key=lambda row: (row["year"] is None, -(row["year"] or 0), _festival_name(row["festival"])))
        group.hidden = max(len(group.rows) - FESTIVALS_PER_FILM, 0)
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
