"""schema.org ``Person`` nodes and the profile page."""

from core.structured_data import absolute, compact, entity_id, first_paragraph, text, web_page


def person_reference(person, request):
    """A short Person node, for a film's director or an award's recipient."""
    return compact(
        {
            "@type": "Person",
            "@id": entity_id(request, person, "person"),
            "name": text(person, "name"),
            "url": absolute(request, person.get_absolute_url()),
        }
    )


def nationality(term):
    """schema.org wants a Country: its name in the page's language ("Maroc"), not the demonym."""
    if term.country:
        return {"@type": "Country", "name": term.country.name, "identifier": term.country.code}
    return {"@type": "Country", "name": text(term, "name")}


def person_node(person, request, occupations, nationalities, image="", awards=()):
    """The Person, from the person and their occupations and nationalities.

    ``image`` is the portrait's or the title card's address, ``awards`` the names of the
    honours. Their films point back to the Person's ``@id`` (films.structured_data).
    """
    url = absolute(request, person.get_absolute_url())
    return compact(
        {
            "@type": "Person",
            "@id": entity_id(request, person, "person"),
            "url": url,
            "name": text(person, "name"),
            # The name in the other scripts: the Arabic-script name on French and English pages.
            "alternateName": [form["name"] for form in person.name_forms()],
            "birthDate": person.birth_date.isoformat() if person.birth_date else "",
            "birthPlace": compact({"@type": "Place", "name": text(person, "birthplace")})
            if text(person, "birthplace")
            else "",
            "nationality": [nationality(n) for n in nationalities],
            "jobTitle": [text(o, "name") for o in occupations],
            "description": first_paragraph(text(person, "summary")),
            "image": image or (absolute(request, person.portrait.url) if person.portrait else ""),
            "award": list(awards),
            "sameAs": [link for _label, link in person.external_links],
        }
    )


def profile_page(person, request, **person_data):
    node = person_node(person, request, **person_data)
    return web_page(request, "ProfilePage", name=node.get("name", ""), mainEntity=node)
