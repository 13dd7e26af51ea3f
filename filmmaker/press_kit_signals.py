"""Press kits follow the content: any change to what they show rebuilds them after commit."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from awards.models import Award, Festival
from films.models import Credit, Film, Genre, Role
from people.models import BiographySection, Nationality, Occupation, Person

from .presskit import on_content_change

SHOWN = [Person, BiographySection, Occupation, Nationality, Film, Genre, Role, Credit, Festival, Award]


def connect():
    for model in SHOWN:
        uid = f"press-kit-{model._meta.label_lower}"
        post_save.connect(on_content_change, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(on_content_change, sender=model, dispatch_uid=f"{uid}-delete")
    for relation in (Person.occupations.through, Person.nationalities.through):
        m2m_changed.connect(on_content_change, sender=relation, dispatch_uid=f"press-kit-{relation._meta.label_lower}")
