from django.db import migrations

from core.text_search import TrigramIndexes

LANGUAGES = ("fr", "ar", "en")


def translated(*fields):
    return [f"{field}_{code}" for field in fields for code in LANGUAGES]


class Migration(migrations.Migration):
    """Search finds people by the words of their names, places, summaries and biographies:
    on PostgreSQL a trigram index on each folded column answers it."""

    dependencies = [("people", "0002_identifier_patterns")]

    operations = [
        TrigramIndexes("people_person", translated("name", "birthplace", "summary")),
        TrigramIndexes("people_biographysection", translated("heading", "body")),
    ]
