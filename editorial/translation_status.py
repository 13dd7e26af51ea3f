"""Which languages of each translated object are complete, missing or possibly outdated.

Completeness is read from the raw ``<field>_<lang>`` columns: modeltranslation's
fallbacks would otherwise fill a missing Arabic title with the French one and hide
the gap. Staleness is read from :class:`editorial.models.TranslationState`, which keeps
a hash of every language's text from the last time the languages were in step.
"""

import hashlib
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .models import TranslationState

LANGUAGES = tuple(mt_settings.AVAILABLE_LANGUAGES)

COMPLETE = "complete"
MISSING = "missing"
OUTDATED = "outdated"
# A field empty in every language and not required: nothing to translate.
NOT_APPLICABLE = "n/a"
# A field readers expect (a model's ``translation_expected``, a film's synopsis) that is
# empty in every language: nothing to translate yet, but not complete either.
NOT_WRITTEN = "not-written"

STATE_LABELS = {
    COMPLETE: _("complete"),
    MISSING: _("missing"),
    OUTDATED: _("possibly outdated"),
    NOT_APPLICABLE: _("not applicable"),
    NOT_WRITTEN: _("not written"),
}
# The worst state of a language's fields is the language's state.
SEVERITY = {NOT_APPLICABLE: 0, COMPLETE: 1, NOT_WRITTEN: 2, OUTDATED: 3, MISSING: 4}


def expected_fields(model):
    """Optional fields a page looks empty without (``translation_expected`` on the model)."""
    return tuple(getattr(model, "translation_expected", ()))


def language_name(code):
    return get_language_info(code)["name_translated"]


def translated_models():
    """Every concrete model with translated fields, in a stable order."""
    found = [m for m in translator.get_registered_models(abstract=False) if not m._meta.abstract]
    return sorted(found, key=lambda m: (m._meta.app_label, m._meta.model_name))


def is_translated(model):
    return model in translator.get_registered_models(abstract=False)


def translated_fields(model):
    return list(translator.get_options_for_model(model).fields)


def image_for_alt(model, name):
    """The image field an alternative-text field describes (``poster_alt`` → ``poster``), if any."""
    if not name.endswith("_alt"):
        return None
    try:
        image = model._meta.get_field(name.removesuffix("_alt"))
    except FieldDoesNotExist:
        return None
    return image if isinstance(image, models.ImageField) else None


def is_required(model, name):
    """Required in every language: the original field may not be blank."""
    return not model._meta.get_field(name).blank


def raw(obj, name, code):
    """The text stored in one language's column, never a fallback."""
    return getattr(obj, build_localized_fieldname(name, code), None) or ""


def text_hash(text):
    # Browsers send line breaks as CRLF; the same text must hash the same way however it was typed.
    normalised = "\n".join(line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")).strip()
    if not normalised:
        return ""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


def current_hashes(obj):
    return {name: {code: text_hash(raw(obj, name, code)) for code in LANGUAGES} for name in translated_fields(type(obj))}


def field_needed(obj, name):
    """Whether the field must be written in every language for this object."""
    model = type(obj)
    if is_required(model, name):
        return True
    image = image_for_alt(model, name)
    if image is not None and getattr(obj, image.attname):
        return True
    return any(raw(obj, name, code) for code in LANGUAGES)


@dataclass
class ObjectStatus:
    obj: models.Model
    # {field: {language: state}}
    fields: dict = field(default_factory=dict)

    @property
    def languages(self):
        result = {}
        for code in LANGUAGES:
            states = [per_lang[code] for per_lang in self.fields.values()]
            result[code] = max(states, key=SEVERITY.__getitem__, default=COMPLETE)
            if result[code] == NOT_APPLICABLE:
                result[code] = COMPLETE
        return result

    def fields_in(self, code, state):
        return [name for name, per_lang in self.fields.items() if per_lang[code] == state]

    @property
    def is_complete(self):
        return all(state == COMPLETE for state in self.languages.values())

    @property
    def has_missing(self):
        return any(state == MISSING for state in self.languages.values())

    def field_label(self, name):
        return self.obj._meta.get_field(name).verbose_name

    def badges(self):
        """One entry per language, for templates: code, name, state, label and the fields concerned."""
        rows = []
        for code, state in self.languages.items():
            names = self.fields_in(code, state) if state != COMPLETE else []
            rows.append(
                {
                    "code": code,
                    "name": language_name(code),
                    "state": state,
                    "label": STATE_LABELS[state],
                    "fields": [self.field_label(name) for name in names],
                }
            )
        return rows


def status_for(obj, outdated=None):
    """The status of one object. ``outdated`` is its stored staleness, if already loaded."""
    if outdated is None:
        state = load_states([obj]).get(obj.pk)
        outdated = state.outdated if state else {}
    status = ObjectStatus(obj)
    for name in translated_fields(type(obj)):
        needed = field_needed(obj, name)
        per_lang = {}
        for code in LANGUAGES:
            if not needed:
                per_lang[code] = NOT_WRITTEN if name in expected_fields(type(obj)) else NOT_APPLICABLE
            elif not raw(obj, name, code):
                per_lang[code] = MISSING
            elif code in outdated.get(name, ()):
                per_lang[code] = OUTDATED
            else:
                per_lang[code] = COMPLETE
        status.fields[name] = per_lang
    return status


def load_states(objects):
    """TranslationStates for a list of objects of one model, in one query: {pk: state}."""
    objects = [obj for obj in objects if obj.pk is not None]
    if not objects:
        return {}
    content_type = ContentType.objects.get_for_model(type(objects[0]))
    states = TranslationState.objects.filter(content_type=content_type, object_id__in=[obj.pk for obj in objects])
    return {state.object_id: state for state in states}


def outdated_subquery(model):
    """Each object's stored staleness as an annotation: {field: [languages]} or None."""
    states = TranslationState.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=models.OuterRef("pk")
    )
    return models.Subquery(states.values("outdated")[:1], output_field=models.JSONField())


def missing_q(model, code):
    """A filter for objects with at least one field missing in ``code``."""
    query = models.Q(pk__in=[])
    for name in translated_fields(model):
        column = build_localized_fieldname(name, code)
        empty = models.Q(**{column: ""}) | models.Q(**{f"{column}__isnull": True})
        if is_required(model, name):
            query |= empty
            continue
        others = models.Q(pk__in=[])
        for other in LANGUAGES:
            if other != code:
                other_column = build_localized_fieldname(name, other)
                others |= ~models.Q(**{other_column: ""}) & models.Q(**{f"{other_column}__isnull": False})
        image = image_for_alt(model, name)
        if image is not None:
            others |= ~models.Q(**{image.attname: ""}) & models.Q(**{f"{image.attname}__isnull": False})
        query |= empty & others
    return query


def any_missing_q(model):
    query = models.Q(pk__in=[])
    for code in LANGUAGES:
        query |= missing_q(model, code)
    return query


def outdated_ids(model, code=None):
    """A subquery of the primary keys of ``model``'s objects with a possibly outdated language."""
    states = TranslationState.objects.filter(content_type=ContentType.objects.get_for_model(model))
    if code:
        states = states.filter(outdated_languages__contains=f",{code},")
    else:
        states = states.exclude(outdated_languages="")
    return states.values("object_id")


def not_written_q(model):
    """A filter for objects with an expected field empty in every language."""
    query = models.Q(pk__in=[])
    for name in expected_fields(model):
        empty = models.Q()
        for code in LANGUAGES:
            column = build_localized_fieldname(name, code)
            empty &= models.Q(**{column: ""}) | models.Q(**{f"{column}__isnull": True})
        query |= empty
    return query


def incomplete(model):
    """Objects of ``model`` with a missing, possibly outdated or not written language."""
    return model._default_manager.filter(
        any_missing_q(model) | models.Q(pk__in=outdated_ids(model)) | not_written_q(model)
    )
