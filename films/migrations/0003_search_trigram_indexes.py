from django.db import migrations

from core.text_search import TrigramIndexes

LANGUAGES = ("fr", "ar", "en")


def translated(*fields):
    return [f"{field}_{code}" for field in fields for code in LANGUAGES]


class Migration(migrations.Migration):
    """Search finds films by the words of their titles, synopses and reception: on
    PostgreSQL a trigram index on each folded column answers it."""

    dependencies = [("films", "0002_film_reception")]

    operations = [
        TrigramIndexes("films_film", [*translated("title", "synopsis", "reception"), "original_title"]),
    ]
