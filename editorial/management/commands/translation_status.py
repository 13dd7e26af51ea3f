from django.core.management.base import BaseCommand, CommandError
from django.db import models

from editorial import translation_status as ts
from core.models import Publishable

SYMBOLS = {ts.COMPLETE: "ok", ts.MISSING: "MISSING", ts.OUTDATED: "outdated", ts.NOT_WRITTEN: "not written"}


def publication_parent(obj):
    """The publishable object whose publication shows ``obj`` (a biography section's person)."""
    if isinstance(obj, Publishable):
        return obj
    for field in obj._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and issubclass(field.related_model, Publishable):
            return getattr(obj, field.name)
    return None


def is_published(obj):
    """Published, or scheduled: an item published with a future date will appear on its own."""
    parent = publication_parent(obj)
    # Vocabulary terms (genres, roles…) have no publication of their own: they show wherever used.
    return parent is None or parent.is_published


class Command(BaseCommand):
    help = (
        "Print the translation status of every translated object: complete, missing or possibly outdated in "
        "each language. With --strict, exit with an error when a published object lacks a language."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--strict", action="store_true", help="Exit non-zero if any published object has a missing language."
        )
        parser.add_argument("--all", action="store_true", help="List complete objects too.")

    def handle(self, strict=False, all=False, **options):
        rows = []
        failures = 0
        for model in ts.translated_models():
            queryset = model._default_manager.all() if all else ts.incomplete(model)
            objects = list(queryset.annotate(translation_outdated=ts.outdated_subquery(model)))
            for obj in objects:
                status = ts.status_for(obj, outdated=obj.translation_outdated or {})
                if status.is_complete and not all:
                    continue
                published = is_published(obj)
                languages = status.languages
                if published and status.has_missing:
                    failures += 1
                details = "; ".join(
                    f"{code}: {SYMBOLS[state]} ({', '.join(status.fields_in(code, state))})"
                    for code, state in languages.items()
                    if state != ts.COMPLETE
                )
                rows.append(
                    [
                        model._meta.label,
                        str(getattr(obj, "slug", None) or obj.pk),
                        "yes" if published else "no",
                        *(SYMBOLS[languages[code]] for code in ts.LANGUAGES),
                        details,
                    ]
                )
        header = ["model", "object", "published", *ts.LANGUAGES, "details"]
        self.print_table(header, rows)
        summary = f"{len(rows)} object(s) listed; {failures} published object(s) with a missing language."
        if strict and failures:
            raise CommandError(summary)
        self.stdout.write(summary)

    def print_table(self, header, rows):
        if not rows:
            self.stdout.write("Every translated object is complete and up to date in every language.")
            return
        widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header) - 1)]
        for row in [header, *rows]:
            cells = [str(cell).ljust(width) for cell, width in zip(row, widths)]
            self.stdout.write("  ".join([*cells, str(row[-1])]).rstrip())
