"""On PostgreSQL, search reads trigram indexes on the folded text instead of every row."""

import pytest
from django.db import connection
from django.db.models import F

from core.text_search import Fold
from filmmaker.search import KINDS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's"),
]


def index_names():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["%_fold_trgm"])
        return {row[0] for row in cursor.fetchall()}


def test_every_searched_column_has_its_trigram_index():
    names = index_names()
    for expected in (
        "films_film_title_fr_fold_trgm",
        "films_film_synopsis_ar_fold_trgm",
        "films_film_original_title_fold_trgm",
        "people_person_birthplace_en_fold_trgm",
        "people_biographysection_body_ar_fold_trgm",
        "awards_festival_city_ar_fold_trgm",
        "awards_award_category_en_fold_trgm",
    ):
        assert expected in names


@pytest.mark.parametrize("kind", ["people", "films", "festivals", "awards"])
def test_each_searched_column_is_read_through_its_index(kind):
    """The folded expression search filters on is the very expression indexed: with full
    scans ruled out, each column's filter is answered by its trigram index. (With 20,000
    films the whole search query is a BitmapOr of these indexes without ruling anything out.)"""
    model, fields = KINDS[kind]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    for field in fields:
        if field.startswith("#"):
            continue
        plan = model.objects.annotate(folded=Fold(F(field))).filter(folded__contains="mellah").order_by().explain()
        index = f"{model._meta.db_table}_{field}_fold_trgm"
        assert f"Bitmap Index Scan on {index}" in plan, f"{field} is not read through {index}"
