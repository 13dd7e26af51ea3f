"""The career at a glance: films and awards by year, laid out for a server-rendered SVG.

The layout is computed here, the template only draws it. Time runs in the reading
direction: left to right in French and English, right to left in Arabic. Only data
the person view already loaded is used (no queries).
"""

from django.utils.translation import get_language_bidi

STEP = 56  # width of one year
PAD = 44  # room at both ends for the year labels
MARK = 8  # half the size of a marker
GAP = 22  # vertical distance between stacked markers
LABEL_EVERY_MAX = 16  # above this many years, label every fifth year only


def _n(value):
    """A coordinate as SVG wants it, whatever the locale (no decimal comma)."""
    return str(int(round(value)))


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

    first, last = years[0], years[-1]
    span = last - first
    rtl = get_language_bidi()
    width = max(2 * PAD + span * STEP, 2 * PAD + 4 * STEP)
    # Centre a short career in the drawing.
    offset = (width - 2 * PAD - span * STEP) / 2
    film_stack = max((len(v) for v in films_by_year.values()), default=0)
    award_stack = max((len(v) for v in awards_by_year.values()), default=0)
    axis = 24 + max(film_stack, 1) * GAP
    height = axis + 40 + max(award_stack, 1) * GAP

    def x_of(year):
        x = PAD + offset + (year - first) * STEP
        return width - x if rtl else x

    every = 1 if span <= LABEL_EVERY_MAX else 5
    ticks = []
    for year in range(first, last + 1):
        labelled = year in films_by_year or year in awards_by_year or (year - first) % every == 0
        ticks.append({"x": _n(x_of(year)), "year": year, "label": labelled, "active": year in years})

    films, prizes = [], []
    for year, items in films_by_year.items():
        for index, film in enumerate(items):
            films.append({"cx": _n(x_of(year)), "cy": _n(axis - GAP * (index + 1)), "film": film, "year": year})
    for year, items in awards_by_year.items():
        for index, award in enumerate(items):
            x, y = x_of(year), axis + 32 + GAP * index
            path = f"M{_n(x)} {_n(y - MARK)}L{_n(x + MARK)} {_n(y)}L{_n(x)} {_n(y + MARK)}L{_n(x - MARK)} {_n(y)}Z"
            prizes.append({"path": path, "award": award, "year": year})

    start, end = x_of(first), x_of(last)
    return {
        "width": _n(width),
        "height": _n(height),
        "axis": _n(axis),
        "tick_end": _n(axis + 5),
        "label_y": _n(axis + 20),
        "axis_start": _n(min(start, end) - MARK * 2),
        "axis_end": _n(max(start, end) + MARK * 2),
        "ticks": ticks,
        "films": films,
        "awards": prizes,
        "first": first,
        "last": last,
        "film_count": sum(len(v) for v in films_by_year.values()),
        "award_count": len(awards),
        "unknown_count": len(unknown),
        # Entries that stand for several awards make the totals minimums (awards.counting).
        "several_count": sum(1 for award in awards if getattr(award, "several", False)),
        "unknown_several_count": sum(1 for award in unknown if getattr(award, "several", False)),
        # The text equivalent: every year with something in it, then the awards of unknown year.
        "rows": [
            {"year": year, "films": films_by_year.get(year, []), "awards": awards_by_year.get(year, [])}
            for year in years
        ],
        "unknown": unknown,
    }
