"""Credits as a reader expects them: one line per person, all their roles on it, and people
with the same roles on one line.

A director who also wrote the film reads "Réalisation et scénario : Kamal Hachkar"
("إخراج وسيناريو: كمال هشكار"), not the same name twice under two headings.
"""

from django.utils.text import capfirst
from django.utils.translation import pgettext_lazy

from core.phrases import join_and
from core.structured_data import text

# A credit line names the work (réalisation, إخراج), where the filmography names the worker
# (réalisateur, مخرج). Roles added later by editors fall back to their name.
CREDIT_HEADINGS = {
    "director": pgettext_lazy("credit heading", "director"),
    "writer": pgettext_lazy("credit heading", "writer"),
}


def role_heading(role):
    heading = CREDIT_HEADINGS.get(role.slug)
    return str(heading) if heading is not None else text(role, "name")


def credit_lines(credits):
    """[{"label": "Réalisation et scénario", "person": person, "roles": [...]}, …] in the credits' order."""
    lines = {}
    for credit in credits:
        line = lines.setdefault(credit.person_id, {"person": credit.person, "roles": []})
        line["roles"].append(credit.role)
    for line in lines.values():
        line["label"] = capfirst(join_and(role_heading(role) for role in line["roles"]))
    return list(lines.values())


def credit_groups(credits):
    """The people who share the same roles on one line: [{"label", "people"}], in the credits' order.

    "Réalisation et scénario : Kamal Hachkar", then "Réalisation : A, B" for co-directors.
    """
    groups = {}
    for line in credit_lines(credits):
        key = tuple(role.pk for role in line["roles"])
        groups.setdefault(key, {"label": line["label"], "people": []})["people"].append(line["person"])
    return list(groups.values())


def credits_sentence(credits):
    """The credits as one sentence per person, for a page's description."""
    return " ".join(
        pgettext_lazy("credit line", "%(roles)s: %(name)s.") % {"roles": line["label"], "name": text(line["person"], "name")}
        for line in credit_lines(credits)
    )
