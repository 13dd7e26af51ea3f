"""Benchmark the production set-up at two catalogue sizes and print one table of ratios.

    python manage.py benchmark_production [--duration 5] [--connections 16]

For each size (the seed content, then a large catalogue: about 10,000 films, 2,000
people, 300 festivals and 30,000 awards in all three languages, the featured person
with 300 credits and 800 awards), in a throwaway SQLite database in a temporary folder:

1. every public page type is requested in-process: SQL queries, median render time
   and HTML size (uncompressed and gzipped); each list also at a page deep in it
   (`filmmaker.benchmark.LISTS`), since a list is compared page for page. The sizes
   are measured in turns, a few rounds each, so that a slow spell of the machine
   falls on both and not on the ratio between them;
2. the site is served by gunicorn with the production config (`filmmaker/gunicorn.conf.py`)
   with the page cache off, then on, and `wrk` (Debian package) drives each page and a
   bare view (`HttpResponse`, same server, same middleware) in the same run; each page's
   requests per second are printed as a ratio of the bare view's.

Nothing touches the configured database. Needs `wrk` on PATH.
"""

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from filmmaker.benchmark import first_visit_bytes, free_port, list_report, measure_pages

BASE_DIR = Path(settings.BASE_DIR)
# (label, language, path) of every public page type; the person page in every language.
PAGES = [
    ("home", "fr", "/fr/"),
    ("person", "fr", "/fr/people/kamal-hachkar/"),
    ("person", "ar", "/ar/people/kamal-hachkar/"),
    ("person", "en", "/en/people/kamal-hachkar/"),
    ("film", "en", "/en/films/tinghir-jerusalem/"),
    ("film list", "fr", "/fr/films/"),
    ("festival list", "fr", "/fr/festivals/"),
    ("festival", "fr", "/fr/festivals/ficmec/"),
    ("award list", "fr", "/fr/awards/"),
]
BARE = "/bench/bare/"
LARGE = {"films": 10_000, "people": 2_000, "festivals": 300, "awards": 30_000, "credits": 300, "person_awards": 800}


class Command(BaseCommand):
    help = "Serve the site with the production command at two catalogue sizes and compare every page with a bare view (wrk)."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=5, help="Seconds of wrk per measurement.")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--repeat", type=int, default=30, help="In-process requests per page for the median render time.")
        parser.add_argument("--sizes", default="seed,large", help="Comma-separated: seed, large.")
        # Internal steps, run in a child process against the throwaway database.
        parser.add_argument("--build-large", action="store_true", help=f"(internal) add the large catalogue: {LARGE}")
        parser.add_argument("--measure", action="store_true", help="(internal) print queries, render time and size as JSON")

    def handle(self, **options):
        if options["build_large"]:
            return self.build_large()
        if options["measure"]:
            return self.measure(options["repeat"])
        if shutil.which("wrk") is None:
            raise CommandError("wrk is not installed (Debian: apt-get install wrk).")
        self.options = options
        work = Path(tempfile.mkdtemp(prefix="filmmaker-bench-"))
        try:
            self.env = {
                **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))},
                "DJANGO_PRODUCTION": "1",
                "DJANGO_BENCHMARK_URLS": "1",
                # The first visit downloads the page's pictures, as `make serve` serves them.
                "DJANGO_SERVE_MEDIA": "1",
                "DJANGO_STATIC_ROOT": str(work / "static"),
                "DJANGO_LOG_LEVEL": "ERROR",
            }
            self.run_manage(["collectstatic", "--noinput", "-v", "0"], self.env)
            results, self.deep = {}, {}
            envs = {size: self.build_size(size, work / size) for size in options["sizes"].split(",")}
            measured = self.measure_sizes(envs)
            for size, env in envs.items():
                results[size] = self.serve_size(size, env, measured[size])
            self.report(results)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    # --- orchestration -------------------------------------------------------------------

    def run_manage(self, args, env):
        subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True)

    def build_size(self, size, folder):
        folder.mkdir(parents=True)
        env = {
            **self.env,
            "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
            "DJANGO_CACHE_DIR": str(folder / "cache"),
            "DJANGO_MEDIA_ROOT": str(folder / "media"),
        }
        self.stderr.write(f"[{size}] building the catalogue…")
        self.run_manage(["migrate", "--noinput", "-v", "0"], env)
        self.run_manage(["load_site"], env)
        if size == "large":
            self.run_manage(["benchmark_production", "--build-large"], env)
        return env

    def measure_sizes(self, envs, turns=3):
        """Queries, render time and size per page for each size, the sizes measured in
        turns; a page's time is the median of its medians over the turns."""
        self.stderr.write(f"counting queries and render time, {', '.join(envs)} in turns…")
        repeat = max(1, self.options["repeat"] // turns)
        turns_rows = {size: [] for size in envs}
        for _turn in range(turns):
            for size, env in envs.items():
                result = subprocess.run(
                    [sys.executable, "manage.py", "benchmark_production", "--measure", "--repeat", str(repeat)],
                    cwd=BASE_DIR, env={**env, "DJANGO_PAGE_CACHE": "0"}, check=True, capture_output=True, text=True,
                )
                turns_rows[size].append(json.loads(result.stdout.strip().splitlines()[-1]))
        measured = {}
        for size, runs in turns_rows.items():
            rows = runs[0]
            for index, row in enumerate(rows):
                row["ms"] = statistics.median(run[index]["ms"] for run in runs)
            measured[size] = rows
        return measured

    def serve_size(self, size, env, rows):
        self.deep[size] = [row for row in rows if row["deep"]]
        rows = [row for row in rows if not row["deep"]]
        for cache in ("0", "1"):
            self.stderr.write(f"[{size}] wrk, page cache {'on' if cache == '1' else 'off'}…")
            rates = self.serve_and_drive({**env, "DJANGO_PAGE_CACHE": cache})
            for row in rows:
                row["cached" if cache == "1" else "uncached"] = rates[row["path"]]
            for row in rows:
                row["bare_" + ("cached" if cache == "1" else "uncached")] = rates[BARE]
        return rows

    def serve_and_drive(self, env):
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "filmmaker/gunicorn.conf.py"],
            cwd=BASE_DIR, env={**env, "PORT": str(port)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                        break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise CommandError("gunicorn did not start")
                    time.sleep(0.3)
            if env.get("DJANGO_PAGE_CACHE") == "1" and not hasattr(self, "first_visit"):
                person = [path for label, _code, path in PAGES if label == "person"]
                self.first_visit = first_visit_bytes(base, person) or {}
            rates = {}
            # The bare view first and last, so a drifting machine shows in its two numbers.
            paths = [BARE, *[path for _label, _code, path in PAGES]]
            for path in paths:
                self.wrk(base + path, 1)  # warm: templates, the page cache
                rates[path] = self.wrk(base + path, self.options["duration"])
            rates[BARE] = statistics.mean([rates[BARE], self.wrk(base + BARE, self.options["duration"])])
            return rates
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)

    def wrk(self, url, duration):
        result = subprocess.run(
            ["wrk", f"-t{self.options['threads']}", f"-c{self.options['connections']}", f"-d{duration}s",
             "-H", "Accept-Encoding: gzip", url],
            capture_output=True, text=True, check=True,
        )
        if "Non-2xx" in result.stdout:
            raise CommandError(f"{url} answered errors under load:\n{result.stdout}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))

    def report(self, results):
        header = (
            f"{'size':<6} {'page':<14} {'lang':<4} {'queries':>7} {'ms':>7} {'HTML KB':>8} {'gz KB':>6} "
            f"{'uncached/s':>10} {'ratio':>6} {'cached/s':>9} {'ratio':>6}"
        )
        lines = [header, "-" * len(header)]
        for size, rows in results.items():
            bare = statistics.mean([rows[0]["bare_uncached"], rows[0]["bare_cached"]])
            lines.append(f"{size:<6} {'bare view':<14} {'':<4} {'':>7} {'':>7} {'':>8} {'':>6} {bare:>10.0f} {1:>6.3f} {bare:>9.0f} {1:>6.3f}")
            for row in rows:
                lines.append(
                    f"{size:<6} {row['label']:<14} {row['lang']:<4} {row['queries']:>7} {row['ms']:>7.1f} "
                    f"{row['bytes'] / 1024:>8.1f} {row['gzip_bytes'] / 1024:>6.1f} "
                    f"{row['uncached']:>10.0f} {row['uncached'] / row['bare_uncached']:>6.3f} "
                    f"{row['cached']:>9.0f} {row['cached'] / row['bare_cached']:>6.3f}"
                )
        if {"seed", "large"} <= results.keys():
            lines.append("")
            lines.append("large / seed: render time and HTML size per page (target ≤ 1.5)")
            for small, large in zip(results["seed"], results["large"]):
                # A list's seed page is part full: its ratio is that of a full page to a part.
                items = f"  items {small['items']} → {large['items']} (a full page)" if "items" in small else ""
                lines.append(
                    f"  {small['label']:<14} {small['lang']:<4} time ×{large['ms'] / small['ms']:.2f}  size ×{large['bytes'] / small['bytes']:.2f}"
                    f"  queries {small['queries']} → {large['queries']}{items}"
                )
        if self.deep.get("large"):
            lines += ["", *list_report(results["large"], self.deep["large"])]
        if getattr(self, "first_visit", None):
            lines.append("")
            lines.append("first visit, empty browser cache (seed size), compressed bytes incl. headers and fonts (target ≤ 60 KB)")
            for path, (total, files) in self.first_visit.items():
                detail = ", ".join(f"{name.rsplit('/', 1)[-1] or name} {size / 1024:.1f}" for name, size in files)
                lines.append(f"  {path:<28} {total / 1024:>5.1f} KB  ({detail})")
        lines.append("")
        lines.append("ratio = requests/s of the page ÷ requests/s of the bare view in the same server run")
        self.stdout.write("\n".join(lines))

    # --- internal steps --------------------------------------------------------------------

    def measure(self, repeat):
        try:
            rows = measure_pages(PAGES, repeat)
        except RuntimeError as error:
            raise CommandError(error) from error
        print(json.dumps(rows))

    def build_large(self):
        """Bulk-create the large catalogue around the seed (which is already loaded)."""
        from awards.models import Award, Festival
        from people.models import Person
        from films.models import Credit, Film, Genre, Role

        featured = Person.objects.get(slug=settings.FEATURED_PERSON_SLUG)
        genre, role = Genre.objects.first(), Role.objects.first()
        people = Person.objects.bulk_create(
            Person(
                slug=f"person-{i}", name_fr=f"Personne {i}", name_ar=f"شخص {i}", name_en=f"Person {i}",
                summary_fr=f"Cinéaste numéro {i}.", summary_ar=f"مخرج رقم {i}.", summary_en=f"Filmmaker number {i}.",
                is_published=True,
            )
            for i in range(LARGE["people"] - Person.objects.count())
        )
        films = Film.objects.bulk_create(
            Film(
                slug=f"film-{i}", title_fr=f"Film numéro {i}", title_ar=f"فيلم رقم {i}", title_en=f"Film number {i}",
                year=1960 + i % 65, genre=genre,
                synopsis_fr="Un documentaire. " * 5, synopsis_ar="فيلم وثائقي. " * 5, synopsis_en="A documentary. " * 5,
                is_published=True,
            )
            for i in range(LARGE["films"] - Film.objects.count())
        )
        festivals = Festival.objects.bulk_create(
            Festival(
                slug=f"festival-{i}", name_fr=f"Festival {i}", name_ar=f"مهرجان {i}", name_en=f"Festival {i}",
                city_fr="Rabat", city_ar="الرباط", city_en="Rabat", country="MA", is_published=True,
            )
            for i in range(LARGE["festivals"] - Festival.objects.count())
        )
        featured_films = films[: LARGE["credits"] - featured.credits.count()]
        others = films[len(featured_films):]
        Credit.objects.bulk_create(
            [Credit(film=film, person=featured, role=role) for film in featured_films]
            + [Credit(film=film, person=people[i % len(people)], role=role) for i, film in enumerate(others)]
        )
        outcomes = [choice for choice, _label in Award.Outcome.choices]

        def award(i, person, film):
            return Award(
                slug=f"award-{i}", festival=festivals[i % len(festivals)], year=1980 + i % 45,
                category_fr=f"Prix {i % 40}", category_ar=f"جائزة {i % 40}", category_en=f"Prize {i % 40}",
                outcome=outcomes[i % len(outcomes)], person=person, film=film, is_published=True,
            )

        count = LARGE["awards"] - Award.objects.count()
        mine = LARGE["person_awards"] - Award.objects.filter(person=featured).count()
        Award.objects.bulk_create(
            [award(i, featured, None) for i in range(mine)]
            + [award(i, people[i % len(people)], others[i % len(others)]) for i in range(mine, count)],
            batch_size=2000,
        )
        self.stderr.write(
            f"{Film.objects.count()} films, {Person.objects.count()} people, {Festival.objects.count()} festivals, "
            f"{Award.objects.count()} awards; {featured.credits.count()} credits and "
            f"{Award.objects.filter(person=featured).count()} awards for {featured.slug}"
        )
