"""The life of stored images: renditions made when an image is saved, files removed when replaced.

django-imagekit's renditions (the ImageSpecFields beside a model's ImageField) are made by
its Optimistic strategy when a model is saved with a new image, so no visitor waits for
them. Raw saves (fixtures, restores) bring their files along; `generate_renditions` makes
any that are missing, and `manage.py generateimages` does it for the whole site.

When an image is replaced or its object deleted, the old file and its renditions are
removed from storage once the transaction commits (a rolled-back save keeps them), unless
a saved version in the history still shows it: reverting to that version, or recovering a
deleted object, must bring its image back too.
"""

import json
import logging
import posixpath
import weakref

from django.conf import settings
from django.db import transaction
from django.db.models import ImageField
from django.db.models.signals import post_delete, post_save, pre_save
from imagekit.cachefiles.strategies import Optimistic
from imagekit.models.fields.utils import ImageSpecFileDescriptor
from reversion.models import Version

logger = logging.getLogger(__name__)


class RenditionsOnSave(Optimistic):
    """imagekit's Optimistic strategy (make renditions when the source is saved, never on a
    visitor's request), except that a source that cannot be read does not fail the save:
    the page then shows the original alone, and the error is logged."""

    def on_source_saved(self, file):
        try:
            file.generate()
        except (OSError, ValueError, SyntaxError) as error:
            logger.warning("Could not make the rendition %s: %s", file.name, error)


def image_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, ImageField)]


def rendition_names(model, field_name):
    """Names of the ImageSpecFields made from ``field_name`` (``portrait`` → ``portrait_320``…)."""
    names = set()
    for klass in model.__mro__:
        for name, attribute in vars(klass).items():
            if isinstance(attribute, ImageSpecFileDescriptor) and attribute.source_field_name == field_name:
                names.add(name)
    return sorted(names)


def generate_renditions(obj):
    """Make the renditions of ``obj``'s images that are not in storage yet. Returns how many."""
    made = 0
    for field in image_fields(type(obj)):
        if not getattr(obj, field.attname):
            continue
        for name in rendition_names(type(obj), field.name):
            rendition = getattr(obj, name)
            if not rendition.storage.exists(rendition.name):
                rendition.generate(force=True)
                made += 1
    return made


def in_history(name):
    """Whether a saved version of any object refers to the stored file ``name``."""
    return Version.objects.filter(serialized_data__contains=f'"{name}"').exists()


def remove_stored_image(storage, name):
    """Delete an original and the folder of its renditions (imagekit names them after it),
    unless the history still needs them."""
    if not name or in_history(name):
        return
    if storage.exists(name):
        storage.delete(name)
    folder = posixpath.join(settings.IMAGEKIT_CACHEFILE_DIR, posixpath.splitext(name)[0])
    try:
        _dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for file in files:
        storage.delete(posixpath.join(folder, file))


# The names stored before a save, held by the instance being saved and gone with it.
_stored_names = weakref.WeakKeyDictionary()


def _remember_stored_names(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    fields = image_fields(sender)
    stored = sender._base_manager.filter(pk=instance.pk).values(*[f.attname for f in fields]).first()
    _stored_names[instance] = stored or {}


def _remove_replaced(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = _stored_names.pop(instance, None) or {}
    for field in image_fields(sender):
        old = before.get(field.attname)
        new = getattr(instance, field.attname).name if getattr(instance, field.attname) else ""
        if old and old != new:
            storage = field.storage
            transaction.on_commit(lambda storage=storage, old=old: remove_stored_image(storage, old))


def _remove_deleted(sender, instance, **kwargs):
    for field in image_fields(sender):
        value = getattr(instance, field.attname)
        if value:
            storage, name = field.storage, value.name
            transaction.on_commit(lambda storage=storage, name=name: remove_stored_image(storage, name))


def _remove_forgotten(sender, instance, **kwargs):
    """A version deleted from the history (``deleterevisions``): its images go too, once no
    object and no other version uses them."""
    model = instance._model
    fields = image_fields(model) if model is not None else []
    if not fields:
        return
    try:
        stored = json.loads(instance.serialized_data)[0]["fields"]
    except (ValueError, LookupError, TypeError):
        return
    for field in fields:
        name = stored.get(field.attname) or stored.get(field.name)
        if name and not model._base_manager.filter(**{field.attname: name}).exists():
            transaction.on_commit(lambda storage=field.storage, name=name: remove_stored_image(storage, name))


def connect_signals():
    from django.apps import apps

    post_delete.connect(_remove_forgotten, sender=Version, dispatch_uid="image-files-version-delete")

    for model in apps.get_models():
        if image_fields(model):
            uid = f"image-files-{model._meta.label_lower}"
            pre_save.connect(_remember_stored_names, sender=model, dispatch_uid=f"{uid}-pre")
            post_save.connect(_remove_replaced, sender=model, dispatch_uid=f"{uid}-post")
            post_delete.connect(_remove_deleted, sender=model, dispatch_uid=f"{uid}-delete")
