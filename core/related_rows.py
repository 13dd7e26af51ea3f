"""A parent's related rows fetched inside the parent's own query, as one JSON list.

``prefetch_related`` costs one query per relation. A page that shows a handful of small
relations (a person's biography sections, the sources of a credit) can instead read them
in the same query as the rows they belong to: a correlated subquery aggregates the related
rows into JSON (``JSONB_AGG`` on PostgreSQL, ``JSON_GROUP_ARRAY`` on SQLite), and
``instances()`` turns that list back into model instances, each field converted by the
field itself (dates come back as dates).
"""

from django.db.models import Aggregate, JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject


class JSONRows(Aggregate):
    function = "JSONB_AGG"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


def json_rows(queryset, link, outer="pk"):
    """Annotation: the rows of ``queryset`` whose ``link`` is the outer row's ``outer``, as a
    JSON list of {field: value}, or None when there are none.

    ``json_rows(BiographySection.objects.all(), "person")`` on a Person query;
    ``json_rows(Source.objects.all(), "films", outer="film")`` on a Credit query.
    """
    fields = {field.attname: field.attname for field in queryset.model._meta.concrete_fields}
    rows = (
        queryset.filter(**{link: OuterRef(outer)})
        .order_by()
        .values(link)
        .annotate(rows=JSONRows(JSONObject(**fields)))
        .values("rows")
    )
    return Subquery(rows, output_field=JSONField())


def instances(model, rows, key=None):
    """Model instances from a ``json_rows()`` annotation (None reads as no rows), sorted by ``key``."""
    fields = model._meta.concrete_fields
    names = [field.attname for field in fields]
    objects = [model.from_db(None, names, [field.to_python(row[field.attname]) for field in fields]) for row in rows or []]
    return sorted(objects, key=key) if key else objects
