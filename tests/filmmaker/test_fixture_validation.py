"""load_site refuses every problem of a fixture at once, before anything is kept, and checks on its own."""

import copy
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from editorial.models import TranslationState
from tests.filmmaker.test_load_site import COUNTS, counts, find, fixture_data, snapshot, write_fixture

pytestmark = pytest.mark.django_db


def load(path, *args):
    out = io.StringIO()
    call_command("load_site", str(path), *args, stdout=out)
    return out.getvalue()


def refused(path, *args):
    with pytest.raises(CommandError) as error:
        load(path, *args)
    assert "nothing was loaded" in str(error.value)
    return str(error.value)


def with_repeated_festival():
    data = fixture_data()
    copy_ = copy.deepcopy(find(data, "awards.festival", "ficmec"))
    copy_["fields"]["name_fr"] = "Un autre festival"
    data.append(copy_)
    return data


def test_a_repeated_natural_key_is_refused_naming_both_copies(tmp_path):
    message = refused(write_fixture(tmp_path, with_repeated_festival()))
    assert "awards.Festival ficmec" in message and "overwrite" in message
    assert all(n == 0 for n in counts().values())


def test_a_repeated_natural_key_leaves_a_loaded_site_as_it_was(seed, tmp_path):
    before = snapshot()
    refused(write_fixture(tmp_path, with_repeated_festival()))
    assert snapshot() == before


def test_a_value_longer_than_its_column_is_refused_naming_the_field(seed, tmp_path):
    """PostgreSQL alone would say "value too long for type character varying(200)", naming nothing."""
    data = fixture_data()
    find(data, "people.person", "kamal-hachkar")["fields"]["name_ar"] = "ك" * 201
    before = snapshot()
    message = refused(write_fixture(tmp_path, data))
    assert "people.Person kamal-hachkar" in message
    assert "name_ar has 201 characters, at most 200" in message
    assert snapshot() == before


def test_every_problem_is_reported_together(tmp_path):
    data = fixture_data()
    find(data, "people.person", "kamal-hachkar")["fields"]["wikidata_id"] = "42"
    find(data, "films.genre", "documentary")["fields"]["name_ar"] = ""
    find(data, "awards.festival", "ficmec")["fields"]["acronym"] = "X" * 31
    message = refused(write_fixture(tmp_path, data))
    for detail in ("wikidata_id", "name_ar", "acronym has 31 characters"):
        assert detail in message
    assert all(n == 0 for n in counts().values())


def test_check_validates_the_shipped_fixture_and_writes_nothing(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    output = load(write_fixture(tmp_path, fixture_data()), "--check")
    assert "is valid" in output and "nothing was changed" in output
    assert all(n == 0 for n in counts().values())
    assert not TranslationState.objects.exists()
    assert not (tmp_path / "media").exists()


def test_check_reports_the_same_errors_as_a_load(seed, tmp_path):
    data = fixture_data()
    find(data, "films.film", "tinghir-jerusalem")["fields"]["colour"] = "red"
    assert "colour" in refused(write_fixture(tmp_path, data), "--check")
    assert counts() == COUNTS


def test_the_shipped_fixture_loads_with_translation_state(tmp_path):
    """Rows are saved raw, yet a load records each object's languages as in step."""
    load(write_fixture(tmp_path, fixture_data()))
    from people.models import Person
    from films.models import Film

    for obj in [*Person.objects.all(), *Film.objects.all()]:
        state = TranslationState.objects.get(content_type__model=obj._meta.model_name, object_id=obj.pk)
        assert state.outdated == {} and state.baseline
