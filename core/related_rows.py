"""A parent's related rows fetched inside the parent's own query, as one JSON list.

``prefetch_related`` costs one query per relation. A page that shows a handful of small
relations (a person's biography sections, the sources of a credit) can instead read them
in the same query as the rows they belong to: a correlated subquery aggregates the related
rows into JSON (``JSONB_AGG`` on PostgreSQL, ``JSON_GROUP_ARRAY`` on SQLite), and
``instances()`` turns that list back into model instances, each field converted by the
field itself (dates come back as dates).

The subquery's SQL is written from the models' metadata rather than built as a queryset:
a page reads several of these on every request, and compiling one ``Subquery`` per
relation cost more than the queries it saved.
"""

from django.db.models import Expression, F, JSONField

AGGREGATE = {"postgresql": ("JSONB_AGG", "JSONB_BUILD_OBJECT"), "sqlite": ("JSON_GROUP_ARRAY", "JSON_OBJECT")}


class JSONRows(Expression):
    """Annotation: the ``model`` rows that belong to the outer row, as a JSON list of
    {field: value} (None or [] when there are none).

    ``link`` is the foreign key that points at the outer row, on ``model`` or on ``through``
    (a many-to-many table from the outer model to ``model``); ``outer`` is the outer row's
    field it points at:

        JSONRows(BiographySection, link="person")  # on a Person query
        JSONRows(Occupation, link="person", through=Person.occupations.through)
        JSONRows(Source, link="film", through=Film.sources.through, outer="film")  # on Credits
    """

    output_field = JSONField()

    def __init__(self, model, link, through=None, outer="pk"):
        super().__init__()
        self.model, self.link, self.through, self.outer = model, link, through, F(outer)

    def get_source_expressions(self):
        return [self.outer]

    def set_source_expressions(self, expressions):
        (self.outer,) = expressions

    def as_sql(self, compiler, connection):
        if connection.vendor not in AGGREGATE:
            raise NotImplementedError(f"JSONRows does not support {connection.vendor}")
        aggregate, build = AGGREGATE[connection.vendor]
        quote = connection.ops.quote_name
        outer_sql, params = compiler.compile(self.outer)
        fields = ", ".join(f"'{f.attname}', r.{quote(f.column)}" for f in self.model._meta.concrete_fields)
        table = f"{quote(self.model._meta.db_table)} r"
        if self.through is None:
            where = f"r.{quote(self.model._meta.get_field(self.link).column)}"
        else:
            target = next(f for f in self.through._meta.concrete_fields if f.is_relation and f.related_model is self.model)
            table += (
                f" INNER JOIN {quote(self.through._meta.db_table)} t"
                f" ON t.{quote(target.column)} = r.{quote(self.model._meta.pk.column)}"
            )
            where = f"t.{quote(self.through._meta.get_field(self.link).column)}"
        return f"(SELECT {aggregate}({build}({fields})) FROM {table} WHERE {where} = {outer_sql})", params


def instances(model, rows, key=None):
    """Model instances from a ``JSONRows`` annotation (None reads as no rows), sorted by ``key``."""
    fields = model._meta.concrete_fields
    names = [field.attname for field in fields]
    objects = [model.from_db(None, names, [field.to_python(row[field.attname]) for field in fields]) for row in rows or []]
    return sorted(objects, key=key) if key else objects
