from django.db import migrations

from core.text_search import TrigramIndexes

LANGUAGES = ("fr", "ar", "en")


def translated(*fields):
    return [f"{field}_{code}" for field in fields for code in LANGUAGES]


class Migration(migrations.Migration):
    """Search finds festivals by name, acronym and city and awards by category: on
    PostgreSQL a trigram index on each folded column answers it."""

    dependencies = [("awards", "0003_http_only_links")]

    operations = [
        TrigramIndexes("awards_festival", [*translated("name", "city"), "acronym"]),
        TrigramIndexes("awards_award", translated("category")),
    ]
