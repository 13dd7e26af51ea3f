"""Folding text for search, the same way in Python and in the database, and the trigram
indexes that let PostgreSQL find a word inside the folded text without reading every row.

``fold`` lowers the case and drops accents in French and English; in Arabic it drops the
diacritics (tashkeel) and tatweel and folds the alef forms, ta marbuta to ha and alef
maqsura to ya. ``Fold`` is its database twin: a Python function registered with SQLite,
an SQL expression (lower/translate) on PostgreSQL, where ``TrigramIndexes`` (a migration
operation) indexes that very expression with pg_trgm, so ``LIKE '%word%'`` on it is
answered from the index.
"""

import unicodedata
from functools import cache

from django.db import migrations
from django.db.models import CharField, Func, Value

TATWEEL = "\u0640"
ARABIC_FOLDS = {
    "\u0671": "\u0627",  # ٱ alef wasla → ا (أ إ آ lose their hamza/madda when decomposed)
    "\u0629": "\u0647",  # ة ta marbuta → ه
    "\u0649": "\u064a",  # ى alef maqsura → ي
    "\u06cc": "\u064a",  # ی Persian yeh → ي
    "\u06a9": "\u0643",  # ک keheh → ك
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}
LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"}


def fold(value):
    """Lower case, without accents, Arabic diacritics or tatweel, with the Arabic letter forms folded."""
    value = unicodedata.normalize("NFKD", value or "")
    out = []
    for char in value:
        if unicodedata.combining(char) or char == TATWEEL or unicodedata.category(char) == "Cc":
            continue
        out.append(LIGATURES.get(char) or ARABIC_FOLDS.get(char, char))
    return "".join(out).lower()


@cache
def _translate_table():
    """(from, to) for PostgreSQL's translate(): the same folding, one character at a time."""
    source, target, deleted = [], [], []
    ranges = [(0x00C0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x0600, 0x06FF), (0x08D3, 0x08FF)]
    for low, high in ranges:
        for code in range(low, high + 1):
            char = chr(code)
            if char in LIGATURES:
                continue
            folded = fold(char)
            if folded == char:
                continue
            if folded == "":
                deleted.append(char)
            elif len(folded) == 1:
                source.append(char)
                target.append(folded)
    # Characters beyond the end of "to" are deleted by translate().
    return "".join(source + deleted), "".join(target)


class Fold(Func):
    """The database-side twin of :func:`fold`."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):  # pragma: no cover - other databases
        return compiler.compile(Func(*self.source_expressions, function="LOWER", output_field=CharField()))

    def as_sqlite(self, compiler, connection, **extra_context):
        # Register on this very connection: it may have been opened before this module was imported.
        connection.ensure_connection()
        connection.connection.create_function("filmmaker_fold", 1, fold, deterministic=True)
        return super().as_sql(compiler, connection, function="filmmaker_fold", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        expression = self.source_expressions[0]
        for ligature, replacement in LIGATURES.items():
            expression = Func(expression, Value(ligature), Value(replacement), function="REPLACE", output_field=CharField())
        source, target = _translate_table()
        expression = Func(expression, Value(source), Value(target), function="TRANSLATE", output_field=CharField())
        return compiler.compile(Func(expression, function="LOWER", output_field=CharField()))




def fold_sql(column, quote):
    """The SQL ``Fold`` compiles to on PostgreSQL, for ``column`` (quoted with ``quote``)."""

    def literal(text):
        return "'" + text.replace("'", "''") + "'"

    expression = quote(column)
    for ligature, replacement in LIGATURES.items():
        expression = f"REPLACE({expression}, {literal(ligature)}, {literal(replacement)})"
    source, target = _translate_table()
    return f"LOWER(TRANSLATE({expression}, {literal(source)}, {literal(target)}))"


class TrigramIndexes(migrations.operations.base.Operation):
    """GIN trigram indexes on the folded text of ``columns`` of ``table``, on PostgreSQL only
    (other databases search without them). Named ``<table>_<column>_fold_trgm``."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, table, columns):
        self.table, self.columns = table, list(columns)

    def state_forwards(self, app_label, state):
        pass

    def index_name(self, column):
        return f"{self.table}_{column}_fold_trgm"[:63]

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in self.columns:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(self.index_name(column))} ON {quote(self.table)} "
                f"USING gin (({fold_sql(column, quote)}) gin_trgm_ops)"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in self.columns:
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.index_name(column))}")

    def describe(self):
        return f"Trigram indexes on the folded text of {self.table}: {', '.join(self.columns)}"

    def deconstruct(self):
        return self.__class__.__name__, [self.table, self.columns], {}
