"""Related rows read inside their parent's query come back as the same model instances."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Source
from core.related_rows import instances, json_rows
from films.models import Credit
from tests.factories import CreditFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_rows_come_back_as_instances_with_their_field_types_in_one_query():
    cited = CreditFactory()
    bare = CreditFactory()
    cited.sources.add(
        SourceFactory(title="Zeta", date=datetime.date(2013, 2, 25), language="fr"),
        SourceFactory(title="Alpha", url="", publisher="Le Monde"),
    )
    annotated = Credit.objects.annotate(cited=json_rows(Source.objects.all(), "credits"))
    list(annotated)  # SQLite's backend checks its JSON support once per connection
    with CaptureQueriesContext(connection) as queries:
        credits = {c.pk: c for c in annotated.all()}
        sources = instances(Source, credits[cited.pk].cited, key=lambda source: source.title)
    assert len(queries) == 1
    assert [source.title for source in sources] == ["Alpha", "Zeta"]
    assert sources[1].date == datetime.date(2013, 2, 25) and sources[0].date is None
    assert sources[0].publisher == "Le Monde" and sources[1].language == "fr"
    assert sources == list(cited.sources.order_by("title"))  # the same rows, as saved instances
    assert not sources[0]._state.adding
    assert instances(Source, credits[bare.pk].cited) == []


def test_rows_can_follow_a_relation_of_the_outer_row():
    credit = CreditFactory()
    credit.film.sources.add(SourceFactory(title="Film source"))
    row = Credit.objects.annotate(film_cited=json_rows(Source.objects.all(), "films", outer="film")).get(pk=credit.pk)
    assert [source.title for source in instances(Source, row.film_cited)] == ["Film source"]
