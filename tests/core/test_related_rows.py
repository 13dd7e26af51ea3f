"""Related rows read inside their parent's query come back as the same model instances."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Source
from core.related_rows import JSONRows, instances
from films.models import Credit, Film
from tests.factories import CreditFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_rows_come_back_as_instances_with_their_field_types_in_one_query():
    cited = CreditFactory()
    bare = CreditFactory()
    cited.sources.add(
        SourceFactory(title="Zeta", date=datetime.date(2013, 2, 25), language="fr"),
        SourceFactory(title="Alpha", url="", publisher="Le Monde"),
    )
    annotated = Credit.objects.annotate(cited=JSONRows(Source, link="credit", through=Credit.sources.through))
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
    row = Credit.objects.annotate(film_cited=JSONRows(Source, link="film", through=Film.sources.through, outer="film")).get(pk=credit.pk)
    assert [source.title for source in instances(Source, row.film_cited)] == ["Film source"]


def test_rows_of_a_reverse_foreign_key_keep_their_text_in_every_language():
    from people.models import BiographySection, Person
    from tests.factories import BiographySectionFactory, PersonFactory

    person = PersonFactory()
    BiographySectionFactory(person=person, slug="career", order=2, body_ar="نص «عربي»", body_fr="Texte l'œuvre")
    BiographySectionFactory(person=person, slug="youth", order=1)
    PersonFactory()  # another person's (empty) rows stay apart
    row = Person.objects.annotate(sections=JSONRows(BiographySection, link="person")).get(pk=person.pk)
    sections = instances(BiographySection, row.sections, key=lambda section: section.order)
    assert [section.slug for section in sections] == ["youth", "career"]
    assert sections[1].body_ar == "نص «عربي»" and sections[1].body_fr == "Texte l'œuvre"
    assert sections[1].person_id == person.pk
