"""schema.org ``Festival`` nodes."""

from filmmaker.structured_data import absolute, compact, text


def festival_node(festival, request, full=True):
    url = absolute(request, festival.get_absolute_url())
    node = {"@type": "Festival", "@id": f"{url}#festival", "url": url, "name": text(festival, "name")}
    if full:
        address = compact(
            {"@type": "PostalAddress", "addressLocality": text(festival, "city"), "addressCountry": festival.country.code}
        )
        node.update(
            {
                "alternateName": festival.acronym,
                "location": {"@type": "Place", "name": text(festival, "city") or festival.country.name, "address": address}
                if len(address) > 1
                else "",
                "sameAs": festival.website,
            }
        )
    return compact(node)
