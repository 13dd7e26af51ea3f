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
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from editorial.models import TranslationState

LANGUAGES = tuple(mt_settings.AVAILABLE_LANGUAGES)

COMPLETE = "complete"
MISSING = "missing"
OUTDATED = "outdated"
# A field empty in every language and not required: nothing to translate.
NOT_APPLICABLE = "n/a"

STATE_LABELS = {
    COMPLETE: _("complete"),
    MISSING: _("missing"),
    OUTDATED: _("possibly outdated"),
    NOT_APPLICABLE: _("not applicable"),
}
# The worst state of a language's fields is the language's state.
SEVERITY = {NOT_APPLICABLE: 0, COMPLETE: 1, OUTDATED: 2, MISSING: 3}


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


def status_for(obj, state=None):
    """The status of one object. ``state`` is its TranslationState (or None), if already loaded."""
    if state is None and not hasattr(obj, "_translation_state"):
        state = load_states([obj]).get(obj.pk)
    elif state is None:
        state = obj._translation_state
    outdated = state.outdated if state else {}
    status = ObjectStatus(obj)
    for name in translated_fields(type(obj)):
        needed = field_needed(obj, name)
        per_lang = {}
        for code in LANGUAGES:
            if not needed:
                per_lang[code] = NOT_APPLICABLE
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
    by_pk = {state.object_id: state for state in states}
    for obj in objects:
        obj._translation_state = by_pk.get(obj.pk)
    return by_pk


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


def incomplete(model):
    """Objects of ``model`` with a missing or possibly outdated language."""
    return model._default_manager.filter(any_missing_q(model) | models.Q(pk__in=outdated_ids(model)))


# --- Keeping the hashes up to date -------------------------------------------------------------


def compare(baseline, current, confirmed=False):
    """The possibly outdated languages of each field: {field: [languages]}.

    A language was *edited* when it had text in step and now has a different text. A
    language that had no text and now has some was *written* after the others: it is in
    step with them. When some languages were edited and others not, the others predate
    the edit and are possibly outdated, until they are edited too or confirmed.
    """
    outdated = {}
    if confirmed:
        return outdated
    for name, hashes in current.items():
        before = baseline.get(name)
        if before is None:
            continue
        edited = {code for code in LANGUAGES if before.get(code) and hashes[code] and hashes[code] != before.get(code)}
        if not edited:
            continue
        stale = [code for code in LANGUAGES if code not in edited and hashes[code] and hashes[code] == before.get(code)]
        if stale:
            outdated[name] = stale
    return outdated


def record(obj, confirmed=False, previous=None):
    """Update ``obj``'s TranslationState after a save. Returns the state."""
    content_type = ContentType.objects.get_for_model(type(obj))
    current = current_hashes(obj)
    state = TranslationState.objects.filter(content_type=content_type, object_id=obj.pk).first()
    if state is None:
        # No state yet: either a new object, or one saved before states were kept, whose
        # previous texts were read just before the save.
        state = TranslationState(content_type=content_type, object_id=obj.pk, baseline=previous or current)
    outdated = compare(state.baseline, current, confirmed=confirmed)
    if outdated:
        # Keep the baseline of fields still out of step; the others move on to today's texts.
        state.baseline = {name: (state.baseline.get(name, hashes) if name in outdated else hashes) for name, hashes in current.items()}
    else:
        state.baseline = current
        state.confirmed_at = timezone.now()
    state.outdated = outdated
    codes = sorted({code for langs in outdated.values() for code in langs}, key=LANGUAGES.index)
    state.outdated_languages = f",{','.join(codes)}," if codes else ""
    state.save()
    obj._translation_state = state
    return state


def confirm(obj):
    """An editor checked the languages: they are in step as they are now."""
    return record(obj, confirmed=True)


def _capture_previous(sender, instance, raw=False, **kwargs):
    # A raw save (loaddata, restore) brings its own TranslationState rows: create none here.
    if raw or instance.pk is None or not is_translated(sender):
        return
    content_type = ContentType.objects.get_for_model(sender)
    if TranslationState.objects.filter(content_type=content_type, object_id=instance.pk).exists():
        return
    before = sender._default_manager.filter(pk=instance.pk).first()
    instance._translation_previous = current_hashes(before) if before is not None else None


def _record_after_save(sender, instance, raw=False, **kwargs):
    if raw or not is_translated(sender):
        return
    confirmed = getattr(instance, "_confirm_translations", False)
    record(instance, confirmed=confirmed, previous=getattr(instance, "_translation_previous", None))
    instance._confirm_translations = False
    instance._translation_previous = None


def _forget_after_delete(sender, instance, **kwargs):
    if is_translated(sender):
        TranslationState.objects.filter(
            content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
        ).delete()


def connect_signals():
    for model in translated_models():
        uid = f"translation-status-{model._meta.label_lower}"
        pre_save.connect(_capture_previous, sender=model, dispatch_uid=f"{uid}-pre")
        post_save.connect(_record_after_save, sender=model, dispatch_uid=f"{uid}-post")
        post_delete.connect(_forget_after_delete, sender=model, dispatch_uid=f"{uid}-delete")
