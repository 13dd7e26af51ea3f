"""Project-wide checks: migrations match the models, the interface is translated, the benchmark runs."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext

from films.models import Film
from tests.rendered import text, url

pytestmark = pytest.mark.django_db


def test_no_model_change_lacks_a_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"Models changed without a migration:\n{out.getvalue()}")


def test_system_checks_pass():
    call_command("check", stdout=io.StringIO())


# The interface strings a visitor meets on every page, and what they must read in each language.
UI_STRINGS = {
    "Films": {"fr": "Films", "ar": "الأفلام"},
    "Awards": {"fr": "Prix", "ar": "الجوائز"},
    "Skip to content": {"fr": "Aller au contenu", "ar": "انتقل إلى المحتوى"},
}


@pytest.mark.parametrize("code", ["fr", "ar"])
@pytest.mark.parametrize("message", UI_STRINGS)
def test_interface_strings_are_translated(code, message):
    with translation.override(code):
        assert gettext(message) == UI_STRINGS[message][code]


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_home_page_interface_is_in_the_visitors_language(client, seed, code):
    page = text(client.get(url(code, "home")))
    for message, translations in UI_STRINGS.items():
        assert translations[code] in page, f"{message!r} is not translated on the {code} home page"
    if code == "ar":
        # No English interface text is left over on the Arabic page.
        for message in UI_STRINGS:
            assert message not in page


def test_english_home_page_keeps_the_english_interface(client, seed):
    page = text(client.get(url("en", "home")))
    for message in UI_STRINGS:
        assert message in page


def test_benchmark_reports_every_page_in_every_language_and_changes_nothing(seed):
    films = set(Film.objects.values_list("slug", flat=True))
    out = io.StringIO()
    call_command("benchmark_pages", scale=3, repeat=1, stdout=out)
    report = out.getvalue()
    assert "Content ×3: 6 films, 18 festivals, 21 awards" in report
    # page, language, status, queries, median ms, KiB
    rows = [line.split() for line in report.splitlines()[3:]]
    pages = ["home", "person", "film list", "film", "festival list", "festival", "award list", "404"]
    assert [(" ".join(row[:-5]), row[-5]) for row in rows] == [(p, code) for p in pages for code in ("fr", "ar", "en")]
    assert [row[-4] for row in rows] == ["200"] * 21 + ["404"] * 3
    assert all(row[-3].isdigit() and float(row[-2]) > 0 for row in rows)
    assert set(Film.objects.values_list("slug", flat=True)) == films


def test_benchmark_refuses_nonsense_arguments(seed):
    with pytest.raises(CommandError):
        call_command("benchmark_pages", scale=0, repeat=1, stdout=io.StringIO())


def test_production_benchmark_builds_the_large_catalogue_and_measures_every_page(seed, settings, monkeypatch, capsys):
    from awards.models import Award
    from filmmaker.benchmark import list_report
    from filmmaker.management.commands import benchmark_production
    from people.models import Person

    small = {"films": 12, "people": 4, "festivals": 12, "awards": 40, "credits": 6, "person_awards": 9}
    monkeypatch.setattr(benchmark_production, "LARGE", small)
    call_command("benchmark_production", build_large=True, stderr=io.StringIO())
    kamal = Person.objects.get(slug=settings.FEATURED_PERSON_SLUG)
    assert (Film.objects.count(), Person.objects.count(), Award.objects.count()) == (12, 4, 40)
    assert (kamal.credits.count(), Award.objects.filter(person=kamal).count()) == (6, 9)

    call_command("benchmark_production", measure=True, repeat=1)
    rows = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert [row["path"] for row in rows if not row["deep"]] == [path for _label, _code, path in benchmark_production.PAGES]
    assert all(row["queries"] > 0 and row["ms"] > 0 and row["gzip_bytes"] < row["bytes"] for row in rows)
    # Each list at a page deep in it too, when it has one (twelve films make no page 100), with
    # the items each page shows; the report compares the first and the deep page of each.
    deep = [row for row in rows if row["deep"]]
    assert [row["path"] for row in deep] == ["/fr/festivals/?page=last", "/fr/awards/?page=last"]
    assert {row["label"]: row["items"] for row in rows if "items" in row and not row["deep"]} == {
        "film list": 12, "festival list": 12, "award list": 40,
    }
    assert [row["items"] for row in deep] == [12, 40]
    report = list_report([row for row in rows if not row["deep"]], deep)
    assert len(report) == 3 and "/fr/awards/?page=last" in report[2] and "items 40 → 40" in report[2]


def test_production_benchmark_measures_the_two_sizes_in_turns(monkeypatch):
    """A slow spell of the machine must fall on both sizes, not on the ratio between them:
    the sizes' render times are measured turn about, and a page's time is its median turn."""
    from types import SimpleNamespace

    from filmmaker.management.commands import benchmark_production

    runs = []
    times = {"seed": iter([10.0, 30.0, 11.0]), "large": iter([14.0, 15.0, 40.0])}

    def run(args, env, **kwargs):
        size = env["SIZE"]
        runs.append((size, args[args.index("--repeat") + 1], env["DJANGO_PAGE_CACHE"]))
        rows = [{"path": "/fr/people/kamal-hachkar/", "deep": False, "queries": 4, "ms": next(times[size])}]
        return SimpleNamespace(stdout=f"noise\n{json.dumps(rows)}\n")

    monkeypatch.setattr(benchmark_production.subprocess, "run", run)
    command = benchmark_production.Command(stderr=io.StringIO())
    command.options = {"repeat": 30}
    measured = command.measure_sizes({"seed": {"SIZE": "seed"}, "large": {"SIZE": "large"}})

    assert runs == [("seed", "10", "0"), ("large", "10", "0")] * 3
    assert measured["seed"][0]["ms"] == 11.0 and measured["large"][0]["ms"] == 15.0
    assert measured["large"][0]["queries"] == 4
