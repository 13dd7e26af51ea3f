"""A text empty in every language is "not written", apart from a missing translation."""

import pytest
from django.core.management import call_command
from django.utils import translation

from editorial import translation_status as ts
from films.models import Film

pytestmark = pytest.mark.django_db


def test_a_synopsis_empty_in_every_language_is_not_written(seed):
    film = Film.objects.get(slug="in-your-eyes-i-see-my-country")
    status = ts.status_for(film)
    assert status.fields["synopsis"] == {code: ts.NOT_WRITTEN for code in ts.LANGUAGES}
    assert status.languages == {code: ts.NOT_WRITTEN for code in ts.LANGUAGES}
    assert not status.is_complete and not status.has_missing
    with translation.override("fr"):
        assert [str(badge["label"]) for badge in status.badges()] == ["non rédigé"] * 3
    assert film in ts.incomplete(Film)


def test_a_synopsis_written_in_one_language_is_missing_in_the_others(seed):
    film = Film.objects.get(slug="in-your-eyes-i-see-my-country")
    film.synopsis_fr = "Un film."
    film.save()
    status = ts.status_for(film)
    assert status.fields["synopsis"] == {"fr": ts.COMPLETE, "ar": ts.MISSING, "en": ts.MISSING}


def test_alt_text_without_an_image_is_still_not_applicable(seed):
    status = ts.status_for(Film.objects.get(slug="in-your-eyes-i-see-my-country"))
    assert set(status.fields["poster_alt"].values()) == {ts.NOT_APPLICABLE}


def test_the_complete_film_stays_complete(seed):
    assert ts.status_for(Film.objects.get(slug="tinghir-jerusalem")).is_complete


def test_the_command_and_the_overview_show_it(seed, capsys, admin_client):
    call_command("translation_status", "--strict")  # not written is not a missing translation
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "in-your-eyes-i-see-my-country" in line)
    assert "not written (synopsis)" in line
    response = admin_client.get("/en/admin/editorial/translationstate/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "tr-badge--not-written" in html and "not written" in html
