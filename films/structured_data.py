"""schema.org ``Movie`` nodes, from a film and the credits and awards its view prefetched."""

from filmmaker.structured_data import absolute, compact, first_paragraph, person_reference, text

# Awards that are honours: schema.org's ``award`` is "an award won by or for this item".
HONOURS = {"won", "special_mention"}


def award_text(award):
    parts = [text(award, "category") or award.get_outcome_display(), text(award.festival, "name")]
    label = " — ".join(part for part in parts if part)
    return f"{label} ({award.year})" if award.year else label


def movie_reference(film, request):
    return compact(
        {
            "@type": "Movie",
            "name": text(film, "title"),
            "url": absolute(request, film.get_absolute_url()),
            "dateCreated": str(film.year) if film.year else "",
        }
    )


def movie_node(film, request):
    """A full Movie: ``film.visible_credits`` and ``film.visible_awards`` must be prefetched."""
    url = absolute(request, film.get_absolute_url())
    credits = getattr(film, "visible_credits", [])
    awards = getattr(film, "visible_awards", [])
    directors = [person_reference(c.person, request) for c in credits if c.role.slug == "director"]
    writers = [person_reference(c.person, request) for c in credits if c.role.slug == "writer"]
    title = text(film, "title")
    return compact(
        {
            "@type": "Movie",
            "@id": f"{url}#film",
            "url": url,
            "name": title,
            "alternateName": film.original_title if film.original_title and film.original_title != title else "",
            "image": absolute(request, film.poster.url) if film.poster else "",
            "dateCreated": str(film.year) if film.year else "",
            "director": directors,
            "author": writers,
            "genre": text(film.genre, "name") if film.genre else "",
            "inLanguage": film.original_language,
            "duration": f"PT{film.runtime}M" if film.runtime else "",
            "description": first_paragraph(text(film, "synopsis")),
            "award": [award_text(a) for a in awards if a.outcome in HONOURS],
        }
    )
