"""Time every public page in every language, with the site's content multiplied.

    python manage.py benchmark_pages --scale 10 --repeat 20

Everything happens inside a transaction that is rolled back: the database is left as it was.
The seed content is loaded first if the featured person is missing.
"""

import logging
import statistics
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import translation

from awards.models import Award, Festival
from core.models import Source
from people.models import Person
from films.models import Credit, Film, Genre, Role


class Rollback(Exception):
    """Raised to leave the benchmark's transaction without keeping anything."""


def pages(person_slug, film_slug, festival_slug):
    return [
        ("home", "home", {}),
        ("person", "people:detail", {"slug": person_slug}),
        ("film list", "films:list", {}),
        ("film", "films:detail", {"slug": film_slug}),
        ("festival list", "awards:festival_list", {}),
        ("festival", "awards:festival_detail", {"slug": festival_slug}),
        ("award list", "awards:list", {}),
        ("404", None, {}),
    ]


class Command(BaseCommand):
    help = "Request every public page in each language with N times the content; print queries and median time."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=10, help="Multiply films, festivals and awards by this (1 = as is).")
        parser.add_argument("--repeat", type=int, default=10, help="Requests per page and language; the median is shown.")

    def handle(self, scale, repeat, **options):
        if scale < 1 or repeat < 1:
            raise CommandError("--scale and --repeat must be at least 1.")
        rows = []
        try:
            with transaction.atomic():
                person = self.content(scale)
                film = Film.objects.published().filter(credits__person=person).order_by("-year").first()
                festival = Festival.objects.published().filter(awards__film=film).first() or Festival.objects.first()
                if film is None or festival is None:
                    raise CommandError("The site needs at least one film and one festival to benchmark.")
                counts = {model._meta.verbose_name_plural: model.objects.count() for model in (Film, Festival, Award)}
                with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
                    rows = self.measure(pages(person.slug, film.slug, festival.slug), repeat)
                raise Rollback
        except Rollback:
            pass
        self.report(rows, scale, repeat, counts)

    def content(self, scale):
        person = Person.objects.filter(slug=settings.FEATURED_PERSON_SLUG).first()
        if person is None:
            call_command("load_site", verbosity=0)
            person = Person.objects.get(slug=settings.FEATURED_PERSON_SLUG)
        if scale > 1:
            self.multiply(person, scale)
        return person

    def multiply(self, person, scale):
        """Add (scale - 1) copies of the films, festivals and awards, credited to the person."""
        genre = Genre.objects.first() or Genre.objects.create(slug="bench-genre", name_fr="g", name_ar="g", name_en="g")
        role = Role.objects.first() or Role.objects.create(slug="bench-role", name_fr="r", name_ar="r", name_en="r")
        films, festivals, awards = list(Film.objects.all()), list(Festival.objects.all()), list(Award.objects.all())
        new_films = Film.objects.bulk_create(
            Film(
                slug=f"bench-film-{copy}-{film.pk}",
                title_fr=f"{film.title_fr} {copy}",
                title_ar=f"{film.title_ar} {copy}",
                title_en=f"{film.title_en} {copy}",
                year=film.year,
                genre=film.genre or genre,
                synopsis_fr=film.synopsis_fr,
                synopsis_ar=film.synopsis_ar,
                synopsis_en=film.synopsis_en,
                is_published=True,
            )
            for copy in range(1, scale)
            for film in films
        )
        Credit.objects.bulk_create(Credit(film=film, person=person, role=role) for film in new_films)
        source = Source.objects.create(slug="bench-source", title="Benchmark source", url="https://example.org/")
        Film.sources.through.objects.bulk_create(
            Film.sources.through(film_id=film.pk, source_id=source.pk) for film in new_films
        )
        new_festivals = Festival.objects.bulk_create(
            Festival(
                slug=f"bench-festival-{copy}-{festival.pk}",
                name_fr=f"{festival.name_fr} {copy}",
                name_ar=f"{festival.name_ar} {copy}",
                name_en=f"{festival.name_en} {copy}",
                city_fr=festival.city_fr,
                city_ar=festival.city_ar,
                city_en=festival.city_en,
                country=festival.country,
                is_published=True,
            )
            for copy in range(1, scale)
            for festival in festivals
        )
        all_films, all_festivals = films + new_films, festivals + new_festivals
        Award.objects.bulk_create(
            Award(
                slug=f"bench-award-{copy}-{award.pk}",
                festival=all_festivals[(copy * 7 + index) % len(all_festivals)] if index % 2 else award.festival,
                film=all_films[(copy * 3 + index) % len(all_films)] if index % 2 else award.film,
                person=award.person,
                year=award.year,
                category_fr=award.category_fr,
                category_ar=award.category_ar,
                category_en=award.category_en,
                outcome=award.outcome,
                is_published=True,
            )
            for copy in range(1, scale)
            for index, award in enumerate(awards)
        )

    def measure(self, page_list, repeat):
        client = Client()
        rows = []
        # The 404 page is requested on purpose: do not log each one as a warning.
        logging.getLogger("django.request").setLevel(logging.ERROR)
        for label, name, kwargs in page_list:
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    path = reverse(name, kwargs=kwargs or None) if name else f"/{code}/no-such-page/"
                client.get(path)  # warm caches (templates, translations) before timing
                timings = []
                for _ in range(repeat):
                    with CaptureQueriesContext(connection) as queries:
                        start = time.perf_counter()
                        response = client.get(path)
                        timings.append((time.perf_counter() - start) * 1000)
                rows.append((label, code, response.status_code, len(queries), statistics.median(timings), len(response.content)))
        return rows

    def report(self, rows, scale, repeat, counts):
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"Content ×{scale}: {summary}; median of {repeat} requests; rolled back.")
        header = f"{'page':<14} {'lang':<4} {'status':>6} {'queries':>7} {'median ms':>10} {'KiB':>7}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label, code, status, queries, median, size in rows:
            self.stdout.write(f"{label:<14} {code:<4} {status:>6} {queries:>7} {median:>10.1f} {size / 1024:>7.1f}")
