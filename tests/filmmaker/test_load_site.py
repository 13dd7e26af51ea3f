"""The seed fixture: it loads into an empty database, round-trips, validates, and a bad one changes nothing."""

import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from modeltranslation.translator import translator

from awards.models import Award, Festival
from people.models import BiographySection, Nationality, Occupation, Person
from films.models import Credit, Film, Genre, Role

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "kamal_hachkar.json"
CONTENT_APPS = ("core", "people", "films", "awards")
# Set by the database, not by the fixture.
TIMESTAMPS = {"created_at", "updated_at"}


def fixture_data():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def write_fixture(tmp_path, data, name="site.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def find(data, model, slug):
    return next(o for o in data if o["model"] == model and o["fields"].get("slug") == slug)


def dump():
    out = io.StringIO()
    call_command("dumpdata", *CONTENT_APPS, natural_foreign=True, natural_primary=True, stdout=out)
    return json.loads(out.getvalue())


def identity(obj):
    """An object's natural identity in a fixture: its model and natural key."""
    fields = obj["fields"]
    if "slug" in fields and obj["model"] != "people.biographysection":
        return obj["model"], (fields["slug"],)
    if obj["model"] == "people.biographysection":
        return obj["model"], (fields["person"][0], fields["slug"])
    if obj["model"] == "films.credit":
        return obj["model"], (fields["film"][0], fields["person"][0], fields["role"][0])
    raise AssertionError(f"No natural key for {obj['model']}")


def normalise(objects):
    """{identity: fields} without timestamps or modeltranslation's mirror of the default language,
    with many-to-many lists sorted: what a fixture means rather than how it is written."""
    result = {}
    translated_models = set(translator.get_registered_models())
    for obj in objects:
        model = apps.get_model(obj["model"])
        mirrored = set(translator.get_options_for_model(model).fields) if model in translated_models else set()
        fields = {}
        for name, value in obj["fields"].items():
            if name in TIMESTAMPS or name in mirrored:
                continue
            if isinstance(value, list) and value and isinstance(value[0], list):
                value = sorted(value)
            fields[name] = value
        assert "pk" not in obj, f"{obj['model']} was dumped with a primary key"
        result[identity(obj)] = fields
    return result


def snapshot():
    """Everything the site shows, to compare a database before and after a failed load."""
    return normalise(dump())


COUNTS = {
    Occupation: 2,
    Nationality: 2,
    Genre: 1,
    Role: 2,
    Person: 1,
    BiographySection: 2,
    Film: 2,
    Credit: 4,
    Festival: 6,
    Award: 7,
}


def counts():
    return {model: model.objects.count() for model in COUNTS}


# --- loading ---------------------------------------------------------------------------


def test_fixture_uses_natural_keys_only():
    for obj in fixture_data():
        assert "pk" not in obj, f"{obj['model']} carries a primary key"


def test_loaddata_fills_an_empty_database():
    assert all(n == 0 for n in counts().values())
    call_command("loaddata", "kamal_hachkar", verbosity=0)
    assert counts() == COUNTS


def test_load_site_fills_an_empty_database_and_reports_it():
    out = io.StringIO()
    call_command("load_site", stdout=out)
    assert counts() == COUNTS
    assert "Loaded 29 objects" in out.getvalue()


def test_every_loaded_object_passes_full_validation(seed):
    for model in COUNTS:
        for obj in model.objects.all():
            obj.full_clean()


def test_load_site_twice_creates_no_duplicates(seed):
    before = {model: set(model.objects.values_list("pk", flat=True)) for model in COUNTS}
    call_command("load_site", verbosity=0)
    assert counts() == COUNTS
    assert {model: set(model.objects.values_list("pk", flat=True)) for model in COUNTS} == before


def test_load_site_again_restores_edited_content(seed):
    Person.objects.filter(slug="kamal-hachkar").update(name_ar="خطأ")
    call_command("load_site", verbosity=0)
    assert Person.objects.get(slug="kamal-hachkar").name_ar == "كمال هشكار"
    assert counts() == COUNTS


def test_the_seed_relations_are_in_place(seed):
    kamal = seed
    assert [o.slug for o in kamal.occupations.all()] == ["director", "academic"]
    assert [n.slug for n in kamal.nationalities.all()] == ["moroccan", "french"]
    assert sorted((c.film.slug, c.role.slug) for c in kamal.credits.all()) == [
        ("in-your-eyes-i-see-my-country", "director"),
        ("in-your-eyes-i-see-my-country", "writer"),
        ("tinghir-jerusalem", "director"),
        ("tinghir-jerusalem", "writer"),
    ]
    assert set(Award.objects.values_list("film__slug", flat=True)) == {"tinghir-jerusalem"}
    assert Award.objects.filter(year__isnull=True).count() == 4


# --- round trip ------------------------------------------------------------------------


def test_dumpdata_with_natural_keys_gives_back_the_fixture(seed):
    assert normalise(dump()) == normalise(fixture_data())


def test_a_dump_loads_into_an_empty_database_unchanged(seed, tmp_path):
    first = dump()
    path = write_fixture(tmp_path, first, "dump.json")
    for model in (Award, Festival, Credit, Film, BiographySection, Person, Occupation, Nationality, Genre, Role):
        model.objects.all().delete()
    assert all(n == 0 for n in counts().values())

    call_command("loaddata", str(path), verbosity=0)

    assert counts() == COUNTS
    assert normalise(dump()) == normalise(first)


# --- bad fixtures: a clear error, and nothing changed ----------------------------------


def edited(change):
    data = fixture_data()
    change(data)
    return data


def _set(model, slug, field, value):
    return lambda data: find(data, model, slug)["fields"].__setitem__(field, value)


def _set_credit_role(data):
    credit = next(o for o in data if o["model"] == "films.credit")
    credit["fields"]["role"] = ["cinematographer"]


def _rename_then_break(data):
    # A valid change early in the file must be undone by an error later in it.
    find(data, "people.person", "kamal-hachkar")["fields"]["name_ar"] = "اسم آخر"
    find(data, "films.film", "in-your-eyes-i-see-my-country")["fields"]["title_fr"] = "Titre changé"
    find(data, "awards.award", "new-york-sephardic-2015-pomegranate-award")["fields"]["outcome"] = "lost"


def _add_award_without_recipient(data):
    data.append(
        {
            "model": "awards.award",
            "fields": {"slug": "orphan", "festival": ["ficmec"], "category_fr": "Prix", "is_published": True},
        }
    )


BAD_CONTENT = {
    "implausible film year": (_set("films.film", "tinghir-jerusalem", "year", 1700), "film_year_plausible"),
    "implausible award year": (
        _set("awards.award", "paris-fantastic-2013-best-documentary", "year", 3013),
        "award_year_plausible",
    ),
    "malformed Wikidata identifier": (
        _set("people.person", "kamal-hachkar", "wikidata_id", "42"),
        "wikidata_id",
    ),
    "impossible date": (_set("people.person", "kamal-hachkar", "birth_date", "1977-02-30"), "1977-02-30"),
    "unknown outcome": (_rename_then_break, "outcome"),
    "missing Arabic term": (_set("films.genre", "documentary", "name_ar", ""), "name_ar"),
    "award without film or person": (_add_award_without_recipient, "award_has_film_or_person"),
    "unknown genre": (_set("films.film", "tinghir-jerusalem", "genre", ["fiction"]), "fiction"),
    "unknown role": (_set_credit_role, "role"),
    "unknown occupation": (
        _set("people.person", "kamal-hachkar", "occupations", [["director"], ["astronaut"]]),
        "astronaut",
    ),
    "unknown festival": (
        _set("awards.award", "ficmec-grand-prize-best-documentary", "festival", ["cannes"]),
        "festival",
    ),
    "unknown model": (lambda data: data.append({"model": "films.poster", "fields": {}}), "films.poster"),
    "unknown field": (_set("films.film", "tinghir-jerusalem", "colour", "red"), "colour"),
}


EMPTY_DATABASE_CASES = ["implausible film year", "unknown outcome", "unknown genre", "unknown occupation"]


@pytest.mark.parametrize(
    "change, detail", [BAD_CONTENT[case] for case in EMPTY_DATABASE_CASES], ids=EMPTY_DATABASE_CASES
)
def test_a_bad_fixture_into_an_empty_database_loads_nothing(tmp_path, change, detail):
    path = write_fixture(tmp_path, edited(change))
    with pytest.raises(CommandError) as error:
        call_command("load_site", str(path), verbosity=0)
    assert "nothing was loaded" in str(error.value)
    assert detail in str(error.value)
    assert all(n == 0 for n in counts().values())


@pytest.mark.parametrize("change, detail", BAD_CONTENT.values(), ids=BAD_CONTENT.keys())
def test_a_bad_fixture_leaves_the_site_as_it_was(seed, tmp_path, change, detail):
    before = snapshot()
    path = write_fixture(tmp_path, edited(change))
    with pytest.raises(CommandError) as error:
        call_command("load_site", str(path), verbosity=0)
    assert detail in str(error.value)
    assert snapshot() == before
    assert counts() == COUNTS


@pytest.mark.parametrize(
    "content",
    ['[{"model": "films.film", "fields": {', "", "not json", '{"model": "films.film"}'],
    ids=["truncated", "empty", "not json", "not a list"],
)
def test_malformed_json_gives_a_clear_error_and_changes_nothing(seed, tmp_path, content):
    before = snapshot()
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("load_site", str(path), verbosity=0)
    message = str(error.value)
    assert message.startswith("broken.json: nothing was loaded.")
    # The reason is spelled out, not just "nothing was loaded".
    assert len(message) > len("broken.json: nothing was loaded.") + 5
    assert snapshot() == before


def test_a_missing_fixture_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="No fixture at"):
        call_command("load_site", str(tmp_path / "nowhere.json"), verbosity=0)


def test_load_site_if_empty_keeps_editors_changes(seed):
    """`make run` loads with --if-empty: running it again never overwrites an editor's work."""
    seed.name_ar = "اسم عدّله محرر"
    seed.save()
    out = io.StringIO()
    call_command("load_site", "--if-empty", stdout=out)
    seed.refresh_from_db()
    assert seed.name_ar == "اسم عدّله محرر"
    assert "nothing loaded" in out.getvalue()


def test_load_site_if_empty_loads_an_empty_site(db):
    call_command("load_site", "--if-empty", stdout=io.StringIO())
    assert Person.objects.filter(slug="kamal-hachkar").exists()
