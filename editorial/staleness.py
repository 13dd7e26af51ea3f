"""Keeping each object's staleness up to date as its languages are saved.

A hash per field and language is kept from the moment the languages were known to agree;
see :class:`editorial.models.TranslationState`.
"""

import weakref
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from .models import TranslationState
from .translation_status import LANGUAGES, current_hashes, is_translated, translated_models


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
    return state


def confirm(obj):
    """An editor checked the languages: they are in step as they are now."""
    return record(obj, confirmed=True)


# Texts of objects saved before their state was kept, read just before the save that
# records it; held by the instance being saved, and gone with it.
_previous_hashes = weakref.WeakKeyDictionary()


def _capture_previous(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None or not is_translated(sender):
        return
    content_type = ContentType.objects.get_for_model(sender)
    if TranslationState.objects.filter(content_type=content_type, object_id=instance.pk).exists():
        return
    before = sender._default_manager.filter(pk=instance.pk).first()
    if before is not None:
        _previous_hashes[instance] = current_hashes(before)


def _record_after_save(sender, instance, raw=False, **kwargs):
    # A raw save (loaddata, a restore) brings its own TranslationState rows, if any.
    if raw or not is_translated(sender):
        return
    record(instance, previous=_previous_hashes.pop(instance, None))


@contextmanager
def recorded(instance):
    """Keep the translation state of a raw save (a fixture loaded over edited content) as an
    editor's save would: raw saves are otherwise left to bring their own state."""
    _capture_previous(type(instance), instance)
    yield
    _record_after_save(type(instance), instance)


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
