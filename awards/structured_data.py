"""schema.org ``Festival`` nodes, and awards as schema.org names them."""

from core.structured_data import absolute, compact, entity_id, text

from .models import Award

# Awards that are honours: schema.org's ``award`` is "an award won by or for this item".
HONOURS = {Award.Outcome.WON, Award.Outcome.SPECIAL_MENTION}


def award_text(award):
    parts = [text(award, "category") or award.get_outcome_display(), text(award.festival, "name")]
    label = " — ".join(part for part in parts if part)
    return f"{label} ({award.year})" if award.year else label


def honours(awards):
    """The names of the awards that are honours, for a Movie's or a Person's ``award``."""
    return [award_text(award) for award in awards if award.outcome in HONOURS]


def festival_node(festival, request, full=True):
    url = absolute(request, festival.get_absolute_url())
    # A festival recurs every year: without an edition's dates it is the organisation that
    # holds it, not an Event (which would need a startDate).
    node = {"@type": "Organization", "@id": entity_id(request, festival, "festival"), "url": url, "name": text(festival, "name")}
    if full:
        address = compact(
            {"@type": "PostalAddress", "addressLocality": text(festival, "city"), "addressCountry": festival.country.code}
        )
        node.update(
            {
                "alternateName": festival.acronym,
                "address": address if len(address) > 1 else "",
                "sameAs": festival.website,
            }
        )
    return compact(node)
