"""The career at a glance: the years with a film or an award, in order.

The template lays the years out in a row in the reading direction (right to left in
Arabic, by the page's ``dir``) and as a vertical list on phones; the awards are counted
here, not named, since the awards list below names each one once. Only data the person
view already loaded is used (no queries).
"""


def build_timeline(filmography_rows, awards):
    """``filmography_rows`` as made by filmmaker.views.filmography, ``awards`` in any order."""
    films_by_year = {}
    for row in filmography_rows:
        if row["film"].year:
            films_by_year.setdefault(row["film"].year, []).append(row["film"])
    awards_by_year, unknown = {}, []
    for award in awards:
        if award.year:
            awards_by_year.setdefault(award.year, []).append(award)
        else:
            unknown.append(award)
    years = sorted({*films_by_year, *awards_by_year})
    if not years:
        return None
    return {
        "first": years[0],
        "last": years[-1],
        "film_count": sum(len(v) for v in films_by_year.values()),
        "award_count": len(awards),
        "unknown_count": len(unknown),
        # Entries that stand for several awards make the totals minimums (awards.counting).
        "several_count": sum(1 for award in awards if award.several),
        "unknown_several_count": sum(1 for award in unknown if award.several),
        "rows": [
            {
                "year": year,
                "films": films_by_year.get(year, []),
                "awards": awards_by_year.get(year, []),
                "several": sum(1 for award in awards_by_year.get(year, []) if award.several),
            }
            for year in years
        ],
        "unknown": unknown,
    }
