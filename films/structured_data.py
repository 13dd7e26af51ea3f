"""schema.org ``Movie`` nodes, from a film and the credits its view prefetched."""

from core.structured_data import absolute, compact, entity_id, first_paragraph, text
from people.structured_data import person_reference


def movie_reference(film, request):
    return compact(
        {
            "@type": "Movie",
            "@id": entity_id(request, film, "film"),
            "name": text(film, "title"),
            "url": absolute(request, film.get_absolute_url()),
            "dateCreated": str(film.year) if film.year else "",
        }
    )


def movie_node(film, request, credits=(), awards=(), image=""):
    """A full Movie, from its visible credits and the names of the awards it won."""
    url = absolute(request, film.get_absolute_url())
    directors = [person_reference(c.person, request) for c in credits if c.role.slug == "director"]
    writers = [person_reference(c.person, request) for c in credits if c.role.slug == "writer"]
    title = text(film, "title")
    return compact(
        {
            "@type": "Movie",
            "@id": entity_id(request, film, "film"),
            "url": url,
            "name": title,
            "alternateName": film.original_title if film.original_title and film.original_title != title else "",
            "image": image or (absolute(request, film.poster.url) if film.poster else ""),
            "dateCreated": str(film.year) if film.year else "",
            "director": directors,
            "author": writers,
            "genre": text(film.genre, "name") if film.genre else "",
            "inLanguage": film.original_language,
            "duration": f"PT{film.runtime}M" if film.runtime else "",
            "description": first_paragraph(text(film, "synopsis")),
            "award": list(awards),
        }
    )
